"""Turkish aspect features: analyzed tokens, CRF token features, bag features, lexicon polarity.

The opinion-target tagger, the category detector and the polarity classifier of
:mod:`sentikit.aspects.tr` all read sentences as :class:`TrToken` lists made by the analyzed
path of sentikit's Turkish processor (:meth:`~sentikit.lang.tr.processor.TurkishProcessor.
make_docs` with ``analyze=True``: deasciified norms, the disambiguated reading of each word
type, negation), the same analysis the explanations of the default pipeline use.

Examples
--------
>>> toks = analyze_texts(["Servis çok yavaştı."])[0]  # doctest: +SKIP
>>> [(t.text, t.lemma, t.case) for t in toks]  # doctest: +SKIP
[('Servis', 'servis', 'Nom'), ('çok', 'çok', 'Nom'), ('yavaştı', 'yavaş', 'Nom'), ('.', '.', '')]
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sentikit.doc import NEG_SUFFIX, Document
from sentikit.lang.tr.normalize import tr_lower
from sentikit.lang.tr.processor import TurkishProcessor
from sentikit.lexicon.tsv import load_lexicon
from sentikit.paths import RESOURCES_DIR

__all__ = [
    "ASCII_FOLD",
    "lemma_key",
    "CASE_TAGS",
    "POSSESSIVE_TAGS",
    "TrToken",
    "analyze_texts",
    "bag_features",
    "crf_features",
    "doc_tokens",
    "lexicon_scores",
    "sentence_spans",
]

#: Turkish letters → ASCII (the data mixes ``servis``/``sicak`` with ``sıcak``).
ASCII_FOLD = str.maketrans("çğıöşüÇĞİÖŞÜâîûÂÎÛ", "cgiosuCGIOSUaiuAIU")
#: Case tags of the normalized tag set (:mod:`sentikit.lang.tr.morphology`); ``Nom`` unmarked.
CASE_TAGS = frozenset({"Abl", "Acc", "Dat", "Equ", "Gen", "Ins", "Loc"})
#: Possessive tags; ``Pnon`` unmarked.
POSSESSIVE_TAGS = frozenset({"P1sg", "P2sg", "P3sg", "P1pl", "P2pl", "P3pl"})
#: The lexicon read for polarity features: the best Turkish lexicon sentikit induced (no labels
#: used; ``sentikit/resources/lexicons/README.md``).
LEXICON_FILE = "lexicons/tr-movie-kenet.tsv"

_LOCK = threading.Lock()


@dataclass(frozen=True)
class TrToken:
    """One token of an analyzed Turkish sentence (offsets into the analyzed text)."""

    text: str
    start: int
    end: int
    norm: str
    lemma: str
    pos: str
    tags: tuple[str, ...]
    negated: bool
    kind: str

    @property
    def case(self) -> str:
        """The word's last case tag (``Nom`` for a word without one; ``""`` for a non-word)."""
        if self.kind != "word":
            return ""
        return next((t for t in reversed(self.tags) if t in CASE_TAGS), "Nom")

    @property
    def possessive(self) -> str:
        """The word's possessive tag (``Pnon`` without one; ``""`` for a non-word)."""
        if self.kind != "word":
            return ""
        return next((t for t in reversed(self.tags) if t in POSSESSIVE_TAGS), "Pnon")

    @property
    def term(self) -> str:
        """The lexicon key: the lemma, with the negation marker when the word is negated."""
        return self.lemma + NEG_SUFFIX if self.negated else self.lemma


@cache
def _processor() -> TurkishProcessor:
    # no masking: a restaurant's name or a place is a possible opinion target
    return TurkishProcessor(mask=False)


@cache
def lexicon_scores() -> Mapping[str, float]:
    """``term → score`` of the shipped Turkish lexicon (:data:`LEXICON_FILE`), loaded once."""
    return {t: r.score for t, r in load_lexicon(RESOURCES_DIR / LEXICON_FILE).items()}


def doc_tokens(doc: Document, offset: int = 0) -> list[TrToken]:
    """The :class:`TrToken` list of an analyzed document (offsets shifted by ``offset``)."""
    out = []
    for t in doc.tokens:
        tags = tuple(m.tag for m in t.morphemes or ())
        norm = t.norm or tr_lower(t.text)
        out.append(
            TrToken(
                text=t.text,
                start=t.start + offset,
                end=t.end + offset,
                norm=norm,
                lemma=tr_lower(t.lemma) if t.lemma else norm,
                pos=t.pos or "Unk",
                tags=tags,
                negated=bool(t.negated),
                kind=t.kind or "word",
            )
        )
    return out


def analyze_texts(texts: Sequence[str]) -> list[list[TrToken]]:
    """Each text as one token sequence of the analyzed Turkish path (batched; thread-safe)."""
    with _LOCK:
        docs = _processor().make_docs(list(texts), analyze=True)
    return [doc_tokens(d) for d in docs]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text`` (sentikit's Turkish sentence splitter);
    ``[(0, len(text))]`` for a text without sentences."""
    with _LOCK:
        doc = _processor().make_docs([text])[0]
    spans = [(int(s.span[0]), int(s.span[1])) for s in doc.sentences]
    return spans or [(0, len(text))]


def lemma_key(t: TrToken) -> str:
    """A token's lemma, ASCII-folded (the key of the lemma features and target rates)."""
    return t.lemma.translate(ASCII_FOLD)


def _shape(text: str) -> str:
    out: list[str] = []
    for ch in text[:6]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _lex_bucket(score: float) -> str:
    if score >= 1.0:
        return "pos"
    if score <= -1.0:
        return "neg"
    return "0"


def _own_features(t: TrToken, lex: Mapping[str, float]) -> dict[str, float | str]:
    low = tr_lower(t.text)
    fold = low.translate(ASCII_FOLD)
    f: dict[str, float | str] = {
        "bias": 1.0,
        "low": low,
        "fold": fold,
        "norm": t.norm,
        "lemma": t.lemma.translate(ASCII_FOLD),
        "pos": t.pos,
        "case": t.case,
        "poss": t.possessive,
        "plural": "A3pl" in t.tags,
        "neg": t.negated,
        "kind": t.kind,
        "shape": _shape(t.text),
        "title": t.text[:1].isupper(),
        "pre3": fold[:3],
        "pre4": fold[:4],
        "suf2": fold[-2:],
        "suf3": fold[-3:],
        "suf4": fold[-4:],
        "last_tag": t.tags[-1] if t.tags else "",
        "lex": _lex_bucket(lex.get(t.term, 0.0)),
    }
    return f


def crf_features(
    tokens: Sequence[TrToken], rates: Sequence[str] | None = None
) -> list[dict[str, float | str]]:
    """CRFsuite item features of each token (see :mod:`sentikit.aspects.tr`, step 1).

    Word, lowercase and ASCII-folded forms, prefixes and suffixes, shape, lemma, POS, case and
    possessive suffixes, negation, lexicon polarity of the word and of the words up to three
    away, and the same of the neighbours up to two away; ``rates``, one per token, is how often
    the token's lemma was a target in the training data (a bucket name), for it and its
    neighbours ±1.
    """
    lex = lexicon_scores()
    own = [_own_features(t, lex) for t in tokens]
    if rates is not None:
        for f, r in zip(own, rates, strict=True):
            f["rate"] = r
    scores = [lex.get(t.term, 0.0) for t in tokens]
    n = len(tokens)
    feats: list[dict[str, float | str]] = []
    for i, f in enumerate(own):
        d = dict(f)
        near = scores[max(0, i - 3) : i] + scores[i + 1 : i + 4]
        d["lex_near_pos"] = max([0.0, *near])
        d["lex_near_neg"] = -min([0.0, *near])
        after = scores[i + 1 : i + 4]
        d["lex_after"] = _lex_bucket(max(after, key=abs) if after else 0.0)
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < n:
                g = own[j]
                for key in ("fold", "lemma", "pos", "case", "poss", "lex"):
                    d[f"{k}:{key}"] = g[key]
                if abs(k) == 1 and "rate" in g:
                    d[f"{k}:rate"] = g["rate"]
            else:
                d[f"{k}:edge"] = 1.0
        if i == 0:
            d["BOS"] = 1.0
        if i == n - 1:
            d["EOS"] = 1.0
        if i > 0:
            d["-1|0:fold"] = f"{own[i - 1]['fold']}|{f['fold']}"
        if i < n - 1:
            d["0|1:fold"] = f"{f['fold']}|{own[i + 1]['fold']}"
            d["0|1:pos"] = f"{f['pos']}|{own[i + 1]['pos']}"
        feats.append(_crf_values(d))
    return feats


def _crf_values(d: dict[str, float | str | bool]) -> dict[str, float | str]:
    """CRFsuite attributes: strings stay (``key=value``), booleans and numbers are weights."""
    out: dict[str, float | str] = {}
    for k, v in d.items():
        if isinstance(v, bool):
            if v:
                out[k] = 1.0
        elif isinstance(v, str):
            if v:
                out[k] = v
        else:
            out[k] = float(v)
    return out


def bag_features(
    tokens: Sequence[TrToken], prefix: str = "", weight: float = 1.0, chars: bool = True
) -> dict[str, float]:
    """Word unigrams and bigrams (ASCII-folded), lemmas and, with ``chars``, character 2-5-grams
    of each word (with its boundaries) of ``tokens``, weighed by ``weight``."""
    out: dict[str, float] = {}
    words = [t for t in tokens if t.kind != "punct"]
    folds = [tr_lower(t.text).translate(ASCII_FOLD) for t in words]

    def add(key: str) -> None:
        out[key] = out.get(key, 0.0) + weight

    for t, w in zip(words, folds, strict=True):
        add(f"{prefix}w={w}")
        add(f"{prefix}l={t.lemma.translate(ASCII_FOLD)}{NEG_SUFFIX if t.negated else ''}")
        if chars:
            padded = f" {w} "
            for n in range(2, 6):
                for i in range(len(padded) - n + 1):
                    add(f"{prefix}c={padded[i : i + n]}")
    for a, b in zip(folds, folds[1:], strict=False):
        add(f"{prefix}b={a}|{b}")
    return out
