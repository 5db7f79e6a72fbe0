"""Readers for the polarity lexicons and word lists of ``MANIFEST.md``.

Every polarity lexicon is returned as a :class:`Lexicon`: a list of :class:`LexiconEntry`
(term, sentikit label, signed score, part of speech, extras) with dict views. Scores are signed
(positive > 0 > negative); how each source's numbers become a score is documented per reader.

Examples
--------
>>> lex = Lexicon("toy", "en", [LexiconEntry("good", "positive", 1.0),
...                             LexiconEntry("bad", "negative", -1.0)])
>>> lex.scores()["bad"], "good" in lex, len(lex)
(-1.0, True, 2)
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sentikit.errors import InputError
from sentikit.io._files import data_file, iter_lines, open_text

HU_LIU = "lexicon-hu-liu-opinion-lexicon"
MPQA = "lexicon-mpqa-subjectivity"
SENTITURKNET = "lexicon-sentiturknet"
STARLANG = "lexicon-turkish-sentinet-starlang"
AYDIN_RESOURCES = "turkish-lexical-resources-aydin"
IMDB = "english-imdb-reviews"
IARM = "semeval2014-absa-csv-iarm"

#: MPQA clue strength → magnitude of the signed score (strong clues count double).
MPQA_STRENGTH = {"strongsubj": 1.0, "weaksubj": 0.5}

_WORD_LISTS = {
    "stop_words": "Turkish-Stop-Words.txt",
    "idioms": "Turkish-Idioms-and-Proverbs.txt",
    "idioms_full": "Turkish-Idioms-and-Proverbs-Full.txt",
}


@dataclass
class LexiconEntry:
    """One lexicon entry.

    Attributes
    ----------
    term : str
        A word or multiword expression as written in the source.
    label : str
        ``"positive"``, ``"negative"``, ``"neutral"`` or ``"both"`` (MPQA only).
    score : float
        Signed polarity: > 0 positive, < 0 negative, 0 neutral.
    pos : str or None
        Part of speech where the source gives one.
    meta : dict
        Source-specific fields (raw label, synset id, subjectivity type …).
    """

    term: str
    label: str
    score: float
    pos: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Lexicon:
    """A polarity lexicon: entries in source order, with dict views.

    A term may have several entries (several synsets, parts of speech, or both lists);
    :meth:`scores` averages them.
    """

    name: str
    lang: str
    entries: list[LexiconEntry] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries)

    def __contains__(self, term: object) -> bool:
        return term in self._terms()

    def _terms(self) -> set[str]:
        return {e.term for e in self.entries}

    def scores(self) -> dict[str, float]:
        """``term → score``, averaged over a term's entries."""
        acc: dict[str, list[float]] = defaultdict(list)
        for e in self.entries:
            acc[e.term].append(e.score)
        return {t: sum(v) / len(v) for t, v in acc.items()}

    def labels(self) -> dict[str, str]:
        """``term → label`` from the averaged score (> 0 positive, < 0 negative, else neutral).

        Terms whose every entry is MPQA ``both`` map to ``"both"``.
        """
        both: dict[str, bool] = defaultdict(lambda: True)
        for e in self.entries:
            both[e.term] = both[e.term] and e.label == "both"
        out = {}
        for t, s in self.scores().items():
            out[t] = "both" if both[t] else _sign_label(s)
        return out

    def terms(self, label: str | None = None) -> list[str]:
        """Distinct terms in source order, optionally only those of one entry label."""
        seen: dict[str, None] = {}
        for e in self.entries:
            if label is None or e.label == label:
                seen.setdefault(e.term, None)
        return list(seen)


def _sign_label(score: float) -> str:
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


def _word_lines(dataset: str, relpath: str, encoding: str = "utf-8") -> list[str]:
    """Non-empty, non-comment (``;``) lines, stripped."""
    out = []
    for line in iter_lines(data_file(dataset, relpath), encoding=encoding):
        s = line.strip()
        if s and not s.startswith(";"):
            out.append(s)
    return out


def load_hu_liu(part: str | None = None) -> Lexicon:
    """Hu & Liu (2004) opinion lexicon: 2006 positive (+1) and 4783 negative (-1) words.

    ``negative-words.txt`` is not valid UTF-8 (a few Latin-1 bytes) and is read as Latin-1.
    Three words (``envious`` …) occur in both lists; :meth:`Lexicon.scores` gives them 0.

    Parameters
    ----------
    part : {"positive", "negative"}, optional
        Only one list.
    """
    if part not in (None, "positive", "negative"):
        raise InputError(f"unknown Hu & Liu part {part!r}; choose 'positive' or 'negative'")
    entries = []
    if part in (None, "positive"):
        entries += [
            LexiconEntry(w, "positive", 1.0) for w in _word_lines(HU_LIU, "positive-words.txt")
        ]
    if part in (None, "negative"):
        entries += [
            LexiconEntry(w, "negative", -1.0)
            for w in _word_lines(HU_LIU, "negative-words.txt", encoding="latin-1")
        ]
    return Lexicon(HU_LIU, "en", entries)


def load_mpqa() -> Lexicon:
    """MPQA subjectivity lexicon (Wilson et al. 2005): 8210 clues.

    ``label`` is ``priorpolarity`` (``weakneg`` → ``negative``); ``score`` = ±1 for strong
    and ±0.5 for weak subjectivity clues, 0 for ``neutral`` and ``both``. ``meta`` keeps
    ``type``, ``stemmed`` (``stemmed1 == "y"``) and the raw ``priorpolarity``.
    """
    entries = []
    path = data_file(MPQA, "subjclueslen1-HLTEMNLP05.tff")
    for lineno, line in enumerate(iter_lines(path), start=1):
        if not line.strip():
            continue
        kv = dict(t.split("=", 1) for t in line.split() if "=" in t)
        try:
            word, prior, typ = kv["word1"], kv["priorpolarity"], kv["type"]
        except KeyError as exc:
            raise InputError(f"{path}:{lineno}: missing field {exc}") from None
        label = {"weakneg": "negative"}.get(prior, prior)
        sign = {"positive": 1.0, "negative": -1.0}.get(label, 0.0)
        entries.append(
            LexiconEntry(
                term=word,
                label=label,
                score=sign * MPQA_STRENGTH.get(typ, 0.5),
                pos=kv.get("pos1"),
                meta={"type": typ, "stemmed": kv.get("stemmed1") == "y", "priorpolarity": prior},
            )
        )
    return Lexicon(MPQA, "en", entries)


@dataclass
class SentiTurkNetSynset:
    """One row of SentiTurkNet's ``STN.tsv`` (a synset aligned with English WordNet)."""

    synonyms: list[str]
    gloss: str
    label: str | None
    pos: str
    neg: float | None
    obj: float | None
    posv: float | None
    wordnet: str
    english_gloss: str
    swn_pos: float | None
    swn_neg: float | None


def _float(v: str) -> float | None:
    v = v.strip()
    if not v:
        return None
    try:
        return float(v.replace(",", "."))
    except ValueError:
        raise InputError(f"not a number: {v!r}") from None


def read_sentiturknet() -> list[SentiTurkNetSynset]:
    """All 14795 SentiTurkNet rows; ``synonyms`` is column A split on ``", "``.

    ``label`` maps ``p``/``n``/``o`` to ``positive``/``negative``/``neutral``; the 5 rows
    with an empty label (and no Turkish synonyms) get ``None``.
    """
    path = data_file(SENTITURKNET, "STN.tsv")
    with open_text(path, newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    out = []
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != 11:
            raise InputError(f"{path}: row {i} has {len(row)} columns, expected 11")
        raw = row[2].strip()
        out.append(
            SentiTurkNetSynset(
                synonyms=[s.strip() for s in row[0].split(", ") if s.strip()],
                gloss=row[1],
                label={"p": "positive", "n": "negative", "o": "neutral"}.get(raw),
                pos=row[3],
                neg=_float(row[4]),
                obj=_float(row[5]),
                posv=_float(row[6]),
                wordnet=row[7],
                english_gloss=row[8],
                swn_pos=_float(row[9]),
                swn_neg=_float(row[10]),
            )
        )
    return out


def load_sentiturknet() -> Lexicon:
    """SentiTurkNet as a word lexicon: one entry per (synonym, synset).

    ``score`` = positivity − negativity; ``label`` is the synset label; ``meta`` holds the
    synset's ``neg``/``obj``/``pos`` values, its row index and WordNet id. Unlabelled rows are
    skipped.
    """
    entries = []
    for i, syn in enumerate(read_sentiturknet()):
        if syn.label is None:
            continue
        score = (syn.posv or 0.0) - (syn.neg or 0.0)
        for word in syn.synonyms:
            entries.append(
                LexiconEntry(
                    word,
                    syn.label,
                    score,
                    pos=syn.pos or None,
                    meta={
                        "synset": i,
                        "wordnet": syn.wordnet,
                        "neg": syn.neg,
                        "obj": syn.obj,
                        "pos": syn.posv,
                    },
                )
            )
    return Lexicon(SENTITURKNET, "tr", entries)


def load_starlang_sentinet(part: str = "literals") -> Lexicon:
    """Starlang Turkish SentiNet: 79725 literals (or 76825 synsets with ``part="synsets"``).

    ``score`` = pscore − nscore; ``label`` by comparing the two scores (equal → neutral);
    ``meta`` keeps ``pscore`` and ``nscore``. Synset entries use the synset id as term.
    """
    files = {
        "literals": "turkish_sentiliteralnet.tsv",
        "synsets": "turkish_sentinet_synsets.tsv.gz",
    }
    if part not in files:
        raise InputError(f"unknown SentiNet part {part!r}; choose 'literals' or 'synsets'")
    path = data_file(STARLANG, files[part])
    entries = []
    for lineno, line in enumerate(iter_lines(path), start=1):
        if lineno == 1 or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise InputError(f"{path}:{lineno}: {len(cols)} columns, expected 3")
        try:
            p, n = float(cols[1]), float(cols[2])
        except ValueError:
            raise InputError(f"{path}:{lineno}: scores are not numbers") from None
        label = "positive" if p > n else "negative" if n > p else "neutral"
        entries.append(LexiconEntry(cols[0], label, p - n, meta={"pscore": p, "nscore": n}))
    return Lexicon(STARLANG if part == "literals" else f"{STARLANG}:synsets", "tr", entries)


def load_imdb_er() -> Lexicon:
    """Potts' (2011) IMDB expected-rating scores (``imdbEr.txt``) for the 89527 ``imdb.vocab``
    tokens; ``score`` is the value as given (its sign is the polarity)."""
    vocab = list(iter_lines(data_file(IMDB, "imdb.vocab.xz")))
    values = [v for v in iter_lines(data_file(IMDB, "imdbEr.txt.xz")) if v.strip()]
    vocab = [v for v in vocab if v != ""]
    if len(vocab) != len(values):
        raise InputError(f"imdb.vocab has {len(vocab)} tokens but imdbEr {len(values)} values")
    entries = []
    for w, v in zip(vocab, values, strict=True):
        s = float(v)
        entries.append(LexiconEntry(w, _sign_label(s), s))
    return Lexicon(f"{IMDB}:imdbEr", "en", entries)


def load_twitter_sentiments() -> Lexicon:
    """The 1277-token word prior of the IARM repository (``twitter_sentiments.json``: ±1)."""
    with open_text(data_file(IARM, "twitter_sentiments.json")) as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise InputError("twitter_sentiments.json is not a JSON object")
    entries = [LexiconEntry(str(k), _sign_label(float(v)), float(v)) for k, v in data.items()]
    return Lexicon(f"{IARM}:twitter_sentiments", "en", entries)


def load_lexicon_dataset(name: str, part: str | None = None) -> Lexicon:
    """Load a polarity lexicon of ``MANIFEST.md`` by folder name.

    Parameters
    ----------
    name : str
        ``lexicon-hu-liu-opinion-lexicon`` (part ``positive``/``negative``),
        ``lexicon-mpqa-subjectivity``, ``lexicon-sentiturknet``,
        ``lexicon-turkish-sentinet-starlang`` (part ``literals``/``synsets``), and two lexicons
        shipped inside other datasets: ``english-imdb-reviews`` (part ``imdbEr``) and
        ``semeval2014-absa-csv-iarm`` (part ``twitter_sentiments``).
    part : str, optional

    Examples
    --------
    >>> lex = load_lexicon_dataset("lexicon-hu-liu-opinion-lexicon")  # doctest: +SKIP
    >>> len(lex.terms("positive")), len(lex.terms("negative"))  # doctest: +SKIP
    (2006, 4783)
    """
    if name == HU_LIU:
        return load_hu_liu(part)
    if name == MPQA and part is None:
        return load_mpqa()
    if name == SENTITURKNET and part is None:
        return load_sentiturknet()
    if name == STARLANG:
        return load_starlang_sentinet(part or "literals")
    if name == IMDB and part in (None, "imdbEr"):
        return load_imdb_er()
    if name == IARM and part in (None, "twitter_sentiments"):
        return load_twitter_sentiments()
    if name == AYDIN_RESOURCES:
        raise InputError(f"{name!r} holds word lists: use load_word_list({name!r}, part)")
    raise InputError(f"no lexicon {name!r} (part {part!r}) among the known datasets")


def load_word_list(name: str = AYDIN_RESOURCES, part: str = "stop_words") -> list[str]:
    """A Turkish word list of Aydın et al.: non-empty lines, stripped, in file order.

    Parameters
    ----------
    name : str
        ``turkish-lexical-resources-aydin``.
    part : {"stop_words", "idioms", "idioms_full"}
        285 stop words; 14718 lemmatised idioms/proverbs; the same 14718 in surface form.
    """
    if name != AYDIN_RESOURCES:
        raise InputError(f"no word lists in dataset {name!r}")
    if part not in _WORD_LISTS:
        raise InputError(f"unknown word list {part!r}; choose one of {', '.join(_WORD_LISTS)}")
    return [
        line.strip()
        for line in iter_lines(data_file(AYDIN_RESOURCES, _WORD_LISTS[part]))
        if line.strip()
    ]


__all__ = [
    "Lexicon",
    "LexiconEntry",
    "SentiTurkNetSynset",
    "load_hu_liu",
    "load_imdb_er",
    "load_lexicon_dataset",
    "load_mpqa",
    "load_sentiturknet",
    "load_starlang_sentinet",
    "load_twitter_sentiments",
    "load_word_list",
    "read_sentiturknet",
]
