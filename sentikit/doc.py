"""The data model: Document, Sentence, Clause, Token, Morpheme, Aspect.

Every layer of sentikit reads and writes these plain dataclasses; nothing passes bare tuples
between layers. Each class round-trips through ``to_dict()`` / ``from_dict()``; the JSON shape of
an analysis result is described by ``sentikit/schema/result.schema.json``.

Offsets (``span``) are character offsets ``[start, end)`` into ``Document.text``. Sentences and
clauses refer to their tokens by token index range ``[token_start, token_end)`` into
``Document.tokens``.

Examples
--------
>>> doc = Document(text="Güzel film.", lang="tr")
>>> doc.tokens.append(Token(text="Güzel", start=0, end=5))
>>> Document.from_dict(doc.to_dict()).tokens[0].text
'Güzel'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, make_dataclass
from typing import Any, Literal

Label = Literal["positive", "neutral", "negative"]
LABELS: tuple[str, ...] = ("positive", "neutral", "negative")

NEG_SUFFIX = "_NEG"
"""Marker appended to a token's form inside a negation scope when tokens become terms
(``güzel_NEG``; METHODS.md §5). One home: features, lexicons and models import it from here."""


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Drop ``None`` values so that serialized records stay small."""
    return {k: v for k, v in d.items() if v is not None}


@dataclass
class Morpheme:
    """One morpheme of a word: its surface ``form``, a normalized ``tag`` and its polarity.

    ``tag`` uses sentikit's normalized tag set (see ``sentikit.lang.tr.morphology``), e.g.
    ``"Verb"`` for a root, ``"Neg"``, ``"Past"``, ``"A1sg"``. ``polarity`` is the learnt score
    of the tag (``None`` when no model scores it).
    """

    form: str
    tag: str
    polarity: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"form": self.form, "tag": self.tag, "polarity": self.polarity}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Morpheme:
        return cls(form=d["form"], tag=d["tag"], polarity=d.get("polarity"))


@dataclass(kw_only=True)
class Token:
    """A token with its character span and optional linguistic annotation.

    Constructed with keywords only (``Token(text="film", start=0, end=4)``); the tokenizers'
    fast paths build many at once with :func:`tokens_from_columns`.

    Attributes
    ----------
    text : the token as written.
    start, end : character offsets into the document text.
    norm : the normalized form used by models (case-folded, letter repeats squeezed, Turkish
        letters restored); defaults to ``text`` when not set.
    lemma, pos : lemma and coarse part of speech when an analyzer set them.
    morphemes : morphological analysis (Turkish), root first.
    negated : True when the token lies in a negation scope or carries a negation morpheme.
    kind : ``word``, ``punct``, ``number``, ``url``, ``mention``, ``hashtag``, ``emoticon``,
        ``emoji``, ``suffix`` (a Turkish apostrophe suffix such as ``'da``) or ``other``.
    polarity : the token's contribution to the decision (set with ``explain=True``).
    head, dep : dependency head (token index within the document, -1 for root) and relation.
    tag : fine-grained part-of-speech tag when a tagger set it (English: Penn Treebank tags such
        as ``VBD``; ``pos`` then holds the Universal POS such as ``VERB``).
    """

    text: str
    start: int
    end: int
    norm: str | None = None
    lemma: str | None = None
    pos: str | None = None
    morphemes: list[Morpheme] = field(default_factory=list)
    negated: bool = False
    kind: str = "word"
    polarity: float | None = None
    head: int | None = None
    dep: str | None = None
    tag: str | None = None

    @property
    def form(self) -> str:
        """The normalized form if set, else the text."""
        return self.norm if self.norm is not None else self.text

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["morphemes"] = [m.to_dict() for m in self.morphemes]
        return _clean(d)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Token:
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d and f.name != "morphemes"}
        kw["morphemes"] = [Morpheme.from_dict(m) for m in d.get("morphemes", [])]
        return cls(**kw)


def _positional_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` a plain (positional) dataclass with ``cls``'s fields would have.

    It sets the same attributes in the same order as ``cls.__init__`` (so the objects are
    identical), but takes them by position: twice as fast as keywords per call.
    """
    mirror = make_dataclass(
        f"_{cls.__name__}Positional",
        [
            (f.name, f.type, field(default=f.default, default_factory=f.default_factory))
            for f in fields(cls)
        ],
    )
    init: Callable[..., None] = vars(mirror)["__init__"]
    return init


_TOKEN_INIT = _positional_init(Token)


def tokens_from_columns(
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    norms: Sequence[str | None],
    kinds: Sequence[str],
    negated: Sequence[bool] | None = None,
) -> list[Token]:
    """One new :class:`Token` per entry of the columns (the fast paths' bulk constructor).

    The result equals ``[Token(text=t, start=s, end=e, norm=n, negated=g, kind=k) ...]``; the
    Tokens are made without the keyword-argument matching of ``Token(...)``, which is most of
    the cost of building one.

    Parameters
    ----------
    texts, starts, ends, norms, kinds : sequences of equal length
        ``Token.text``, ``start``, ``end``, ``norm`` and ``kind``.
    negated : sequence of bool, optional
        ``Token.negated``; ``None``: no token is negated.

    Examples
    --------
    >>> tokens_from_columns(["Güzel", "!"], [0, 5], [5, 6], ["güzel", "!"], ["word", "punct"])[1]
    Token(text='!', start=5, end=6, norm='!', lemma=None, pos=None, morphemes=[], negated=False, kind='punct', polarity=None, head=None, dep=None, tag=None)
    """  # noqa: E501
    neg = negated if negated is not None else [False] * len(texts)
    new, init, cls = object.__new__, _TOKEN_INIT, Token
    out: list[Token] = []
    append = out.append
    for t, s, e, n, g, k in zip(texts, starts, ends, norms, neg, kinds, strict=True):
        tok = new(cls)
        init(tok, t, s, e, n, None, None, [], g, k)
        append(tok)
    return out


def _range_dict(part: Clause | Sentence) -> dict[str, Any]:
    """The fields a clause and a sentence share, in their serialized order."""
    return {
        "text": part.text,
        "span": list(part.span),
        "token_start": part.token_start,
        "token_end": part.token_end,
        "label": part.label,
        "score": part.score,
    }


def _range_kwargs(d: dict[str, Any]) -> dict[str, Any]:
    """Constructor arguments of the fields :func:`_range_dict` writes."""
    return {
        "text": d["text"],
        "span": (int(d["span"][0]), int(d["span"][1])),
        "token_start": d.get("token_start", 0),
        "token_end": d.get("token_end", 0),
        "label": d.get("label"),
        "score": d.get("score"),
    }


@dataclass
class Clause:
    """A subclause: a token range inside a sentence, with optional sentiment.

    A clause found on a dependency parse may be non-contiguous ("the movie, *which I saw*, was
    bad" can leave a gap); ``token_indices`` then lists its document token indices in order and
    ``token_start``/``token_end`` bound them. ``token_indices`` is ``None`` for a contiguous
    clause, which covers ``[token_start, token_end)``; :meth:`indices` gives both uniformly.
    """

    text: str
    span: tuple[int, int]
    token_start: int = 0
    token_end: int = 0
    label: str | None = None
    score: float | None = None
    token_indices: list[int] | None = None

    def indices(self) -> list[int]:
        """The document token indices of this clause, in order."""
        if self.token_indices is not None:
            return list(self.token_indices)
        return list(range(self.token_start, self.token_end))

    def to_dict(self) -> dict[str, Any]:
        # field by field: dataclasses.asdict deep-copies and was a fifth of analyze()'s time
        d = _range_dict(self)
        d["token_indices"] = None if self.token_indices is None else list(self.token_indices)
        return _clean(d)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Clause:
        indices = d.get("token_indices")
        return cls(
            **_range_kwargs(d),
            token_indices=[int(i) for i in indices] if indices is not None else None,
        )


@dataclass
class Sentence:
    """A sentence: its text and span, the token range it covers, clauses and sentiment."""

    text: str
    span: tuple[int, int]
    token_start: int = 0
    token_end: int = 0
    clauses: list[Clause] = field(default_factory=list)
    label: str | None = None
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = _range_dict(self)
        d["clauses"] = [c.to_dict() for c in self.clauses]
        return _clean(d)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        clauses = [Clause.from_dict(c) for c in d.get("clauses", [])]
        return cls(**_range_kwargs(d), clauses=clauses)


@dataclass
class Aspect:
    """An aspect term (or category) with its sentiment.

    ``term`` is the term's text (``None`` for a sentence-level category), ``span`` its offsets
    (a category's: its sentence's), ``sentence`` the index of its sentence in the document,
    ``label`` positive / negative / neutral / conflict and ``score`` P(positive) − P(negative).
    ``to_dict`` always has ``term`` and ``category`` (``None`` included).
    """

    term: str | None
    span: tuple[int, int] | None = None
    category: str | None = None
    label: str | None = None
    score: float | None = None
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {
            "term": self.term,
            "span": list(self.span) if self.span is not None else None,
            "sentence": self.sentence,
            "category": self.category,
            "label": self.label,
            "score": self.score,
        }
        return {k: v for k, v in d.items() if v is not None or k in ("term", "category")}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Aspect:
        span = d.get("span")
        sentence = d.get("sentence")
        return cls(
            term=d.get("term"),
            span=(int(span[0]), int(span[1])) if span is not None else None,
            category=d.get("category"),
            label=d.get("label"),
            score=d.get("score"),
            sentence=int(sentence) if sentence is not None else None,
        )


class TokenColumns:
    """The fast path's tokens as parallel columns, turned into :class:`Token` objects on demand.

    A language processor's fast path fills these columns (one entry per token) instead of
    building a :class:`Token` per token; :attr:`Document.tokens` builds the Tokens on first
    access. Models read the columns directly through :meth:`Document.token_forms`,
    :meth:`Document.token_kinds` and :meth:`Document.token_negated`, so a prediction never
    builds Tokens (building them is most of the fast path's cost).

    Parameters
    ----------
    texts, starts, ends, norms, kinds : sequences of equal length
        ``Token.text``, ``start``, ``end``, ``norm`` (never ``None``) and ``kind``.
    negated : sequence of bool, optional
        ``Token.negated``; ``None`` means no token is negated.
    """

    __slots__ = ("texts", "starts", "ends", "norms", "kinds", "negated")

    def __init__(
        self,
        texts: Sequence[str],
        starts: Sequence[int],
        ends: Sequence[int],
        norms: Sequence[str],
        kinds: Sequence[str],
        negated: Sequence[bool] | None = None,
    ) -> None:
        self.texts = texts
        self.starts = starts
        self.ends = ends
        self.norms = norms
        self.kinds = kinds
        self.negated = negated

    def __len__(self) -> int:
        return len(self.texts)

    def tokens(self) -> list[Token]:
        """One new :class:`Token` per entry."""
        return tokens_from_columns(
            self.texts, self.starts, self.ends, self.norms, self.kinds, self.negated
        )

    def slice(self, start: int, end: int) -> TokenColumns:
        """The columns of tokens ``[start, end)``."""
        neg = self.negated
        return TokenColumns(
            self.texts[start:end],
            self.starts[start:end],
            self.ends[start:end],
            self.norms[start:end],
            self.kinds[start:end],
            None if neg is None else neg[start:end],
        )


@dataclass
class Document:
    """A document with its annotation and (after analysis) its sentiment.

    ``probs`` maps each of ``positive``, ``neutral``, ``negative`` to a probability;
    ``score`` is ``P(positive) - P(negative)`` in ``[-1, 1]``.

    ``tokens`` may be held as :class:`TokenColumns` (the processors' fast path) and built into
    :class:`Token` objects on first access; reading ``tokens`` always gives the list of Tokens,
    and once built that list is the only token store. :meth:`token_forms`,
    :meth:`token_kinds`, :meth:`token_negated` and :meth:`n_tokens` read either store without
    building Tokens.
    """

    text: str
    id: str | None = None
    lang: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    aspects: list[Aspect] = field(default_factory=list)
    label: str | None = None
    score: float | None = None
    probs: dict[str, float] | None = None
    model: dict[str, str] | None = None
    error: str | None = None

    @classmethod
    def from_columns(
        cls,
        text: str,
        columns: TokenColumns,
        sentences: list[Sentence] | None = None,
        id: str | None = None,
        lang: str | None = None,
    ) -> Document:
        """A Document whose tokens are built from ``columns`` when first read."""
        doc = cls(text, id, lang, [], sentences if sentences is not None else [])
        d = doc.__dict__
        d["_tokens"] = None
        d["_columns"] = columns
        return doc

    def n_tokens(self) -> int:
        """``len(self.tokens)``, without building Tokens."""
        cols = self.__dict__["_columns"]
        return len(cols) if cols is not None else len(self.__dict__["_tokens"])

    def token_forms(self) -> list[str]:
        """``[t.form for t in self.tokens]``, without building Tokens."""
        cols = self.__dict__["_columns"]
        if cols is not None:
            return list(cols.norms)
        return [t.norm if t.norm is not None else t.text for t in self.__dict__["_tokens"]]

    def token_kinds(self) -> list[str]:
        """``[t.kind for t in self.tokens]``, without building Tokens."""
        cols = self.__dict__["_columns"]
        if cols is not None:
            return list(cols.kinds)
        return [t.kind for t in self.__dict__["_tokens"]]

    def token_negated(self) -> list[bool]:
        """``[t.negated for t in self.tokens]``, without building Tokens."""
        cols = self.__dict__["_columns"]
        if cols is not None:
            neg = cols.negated
            return list(neg) if neg is not None else [False] * len(cols)
        return [t.negated for t in self.__dict__["_tokens"]]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        """The tokens of one sentence of this document."""
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentence_document(self, sentence: Sentence) -> Document:
        """A Document of one sentence: its text, this document's language, and the sentence's
        tokens (the same :class:`Token` objects, or the same columns when not yet built)."""
        cols = self.__dict__["_columns"]
        if cols is not None:
            part = cols.slice(sentence.token_start, sentence.token_end)
            return Document.from_columns(sentence.text, part, lang=self.lang)
        return Document(text=sentence.text, lang=self.lang, tokens=self.sentence_tokens(sentence))

    def to_dict(self, *, tokens: bool = True) -> dict[str, Any]:
        """Serialize to plain JSON-compatible types (``tokens=False`` omits the tokens)."""
        d: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "lang": self.lang,
            "label": self.label,
            "score": self.score,
            "probs": self.probs,
            "sentences": [s.to_dict() for s in self.sentences],
            "aspects": [a.to_dict() for a in self.aspects],
            "model": self.model,
            "error": self.error,
        }
        if tokens:
            d["tokens"] = [t.to_dict() for t in self.tokens]
        return _clean(d)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            text=d["text"],
            id=d.get("id"),
            lang=d.get("lang"),
            tokens=[Token.from_dict(t) for t in d.get("tokens", [])],
            sentences=[Sentence.from_dict(s) for s in d.get("sentences", [])],
            aspects=[Aspect.from_dict(a) for a in d.get("aspects", [])],
            label=d.get("label"),
            score=d.get("score"),
            probs=d.get("probs"),
            model=d.get("model"),
            error=d.get("error"),
        )


def _get_tokens(self: Document) -> list[Token]:
    d = self.__dict__
    toks: list[Token] | None = d["_tokens"]
    if toks is None:
        toks = d["_tokens"] = d["_columns"].tokens()
        d["_columns"] = None
    return toks


def _set_tokens(self: Document, tokens: list[Token]) -> None:
    d = self.__dict__
    d["_tokens"] = tokens
    d["_columns"] = None


# ``Document.tokens`` stays a dataclass field (constructor argument, equality, repr) whose value
# lives in ``_tokens``, or in ``_columns`` until first read.
setattr(Document, "tokens", property(_get_tokens, _set_tokens, doc="The document's tokens."))  # noqa: B010
