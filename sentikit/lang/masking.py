"""Neutralized identity and entity terms (issue 17): one masking step for both languages.

The fast path of each language processor (and its analyzed path, so that training, prediction
and explanation agree) replaces the ``norm`` of

* protected-attribute terms — ethnicities, nationalities and demonyms, religions and their
  adherents, gender words for persons, sexual orientation and gender identity — by
  ``"<identity>"`` (English gendered pronouns by ``"<pron>"``; a few gendered job nouns by their
  neutral form: ``actress`` → ``actor``);
* person first names and surnames by ``"<person>"``;
* countries, regions, cities and districts by ``"<place>"`` (a Turkish place + -lI,
  ``izmirli``, is a demonym: ``"<identity>"``);
* numbers by ``"<num>"``, except ratings: ``8/10``, a number before ``stars``/``points``/
  ``out of``/``yıldız``/``puan``/``üzerinden``/``numara``, or after ``out of``/``üzerinden``.

Every feature family reads ``norm`` (word and character n-grams, transfer, polarity), so every
family sees the masked form; ``Token.text`` and the spans never change. The lists are plain text
files under ``sentikit/resources/masks/`` (written for sentikit; each has a header).

Rules
-----
* Matching is on the normalized form, so the case of the text does not matter, except for
  terms flagged ``cap`` (masked only when the token is capitalized: ``Turkey`` the country,
  ``turkey`` the bird) and ``pn`` (only when capitalized and not sentence-initial, or in
  Turkish when an apostrophe suffix follows: names that are ordinary words — ``Umut`` hope,
  ``Sevgi`` love, ``Grace``, ``Joy``, ``Will`` — so that the word, a sentiment word above all,
  is never masked).
* Colour words and ``straight`` (``white``, ``black``, ``siyah``, ``beyaz``, ``kara`` …, flag
  ``ctx``) are identity terms only before a person noun (``person_nouns_<lang>.txt``), directly
  or after one more word (Turkish: after ``bir``, or before ``biri…``): ``black neighbour`` is
  masked, ``black coffee`` is not.
* Turkish stems get their inflections generated (plural, case, possessive, copula, -lIk, -CA,
  with vowel harmony, voicing and consonant softening: ``kürdün``, ``ermeninin``,
  ``alevilere``, ``eşcinseller``) and ASCII spellings (``escinsel``); generated forms that are
  ordinary words (``lazım``, ``türkü``, ``karsi``) are listed in ``false_friends_tr.txt`` and
  never masked. An apostrophe suffix after a masked token is folded to one harmony-neutral
  spelling (``'nin``, ``'ün``, ``'in`` → ``'in``; ``'da``/``'te`` → ``'de``), so
  ``Ermeni'nin`` and ``Türk'ün`` give the same norms.
* Slurs are not listed: they carry the abuse that sentiment should see.

Examples
--------
>>> m = get_masker("en")
>>> m.mask(["my", "black", "neighbour", "helped", "me", "."],
...        ["word", "word", "word", "word", "word", "punct"],
...        ["My", "black", "neighbour", "helped", "me", "."])
['my', '<identity>', 'neighbour', 'helped', 'me', '.']
>>> m.mask(["black", "coffee"], ["word", "word"], ["black", "coffee"])
['black', 'coffee']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from sentikit.doc import Token

__all__ = [
    "IDENTITY",
    "NUMBER",
    "PERSON",
    "PLACE",
    "PRONOUN",
    "PLACEHOLDERS",
    "Masker",
    "get_masker",
    "load_list",
    "mask_tokens",
    "turkish_inflections",
]

IDENTITY = "<identity>"
PERSON = "<person>"
PLACE = "<place>"
NUMBER = "<num>"
PRONOUN = "<pron>"
#: Every placeholder norm the masker produces.
PLACEHOLDERS: frozenset[str] = frozenset({IDENTITY, PERSON, PLACE, NUMBER, PRONOUN})

_FLAGS = frozenset({"ctx", "cap", "pn", "noinf"})
_LANGS = ("en", "tr")

# ------------------------------------------------------------------------------------------
# List files
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of a mask list: the term, its flags, an explicit replacement, its language."""

    term: str
    flags: frozenset[str] = frozenset()
    replacement: str | None = None
    lang: str | None = None


def load_list(name: str) -> list[Entry]:
    """The entries of ``sentikit/resources/masks/<name>`` (comments and blank lines skipped).

    A line is ``term [flag …] [@en|@tr] [=> replacement]``; see the module docstring.
    """
    text = resources.files("sentikit.resources").joinpath("masks").joinpath(name).read_text("utf-8")
    out: list[Entry] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        replacement = None
        if "=>" in line:
            line, _, rep = line.partition("=>")
            replacement = rep.strip()
        parts = line.split()
        flags, lang = set(), None
        for p in parts[1:]:
            if p.startswith("@") and p[1:] in _LANGS:
                lang = p[1:]
            elif p in _FLAGS:
                flags.add(p)
            else:
                raise ValueError(f"{name}: unknown flag {p!r} in line {raw!r}")
        out.append(Entry(parts[0], frozenset(flags), replacement, lang))
    return out


# ------------------------------------------------------------------------------------------
# Turkish inflections
# ------------------------------------------------------------------------------------------

_TR_VOWELS = "aeıioöuü"
_FRONT = "eiöü"
_ROUNDED = "oöuü"
_VOICELESS = "fstkçşhp"
_SOFTEN = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}
_ASCII = str.maketrans("çğıöşüâîû", "cgiosuaiu")

_CASES = ("(y)I", "(y)A", "DA", "DAn", "(n)In", "(y)lA", "DAki")
_CASES_N = ("(n)I", "(n)A", "(n)DA", "(n)DAn", "(n)In", "(y)lA", "(n)DAki")
_POSS = ("(I)m", "(I)mIz", "(I)n", "(I)nIz")
_COPULA = ("(y)Im", "(y)Iz", "(y)sIn", "DIr", "(y)DI", "(y)DIm", "(y)mIş")


def _chains(full: bool) -> list[tuple[str, ...]]:
    """Suffix chains: case forms only (names, places) or the full nominal set (identities)."""
    chains: list[tuple[str, ...]] = [()]
    chains += [(c,) for c in _CASES]
    chains += [("lAr",)] + [("lAr", c) for c in _CASES]
    if not full:
        return chains
    chains += [(p,) for p in _POSS] + [(p, c) for p in _POSS for c in _CASES]
    chains += [("(s)I",)] + [("(s)I", c) for c in _CASES_N]
    chains += [("lAr", "I")] + [("lAr", "I", c) for c in _CASES_N]
    chains += [("lAr", p) for p in _POSS] + [("lAr", p, c) for p in _POSS for c in _CASES]
    chains += [(k,) for k in _COPULA] + [("lAr", k) for k in ("DIr", "DI", "(y)mIş", "(y)Iz")]
    chains += [("lIk",), ("lIk", "(y)I"), ("lIk", "(y)A"), ("lIk", "DAn"), ("CA",)]
    return chains


def _last_vowel(word: str) -> str:
    for ch in reversed(word):
        if ch in _TR_VOWELS:
            return ch
    return "e"


def _realize(word: str, morph: str) -> list[str]:
    """``word`` + one suffix template (``A``/``I`` harmony, ``D``/``C`` voicing, an optional
    buffer in parentheses); a vowel-initial suffix also yields the softened stem."""
    opt = ""
    if morph.startswith("("):
        opt, morph = morph[1], morph[3:]
    ends_vowel = word[-1] in _TR_VOWELS
    if opt:
        if opt in "AI":  # a linking vowel after a consonant
            if not ends_vowel:
                morph = opt + morph
        elif ends_vowel:  # a buffer consonant after a vowel
            morph = opt + morph
    elif ends_vowel and morph[0] in "AI":
        morph = morph[1:]  # "lAr" + "I" after a vowel-final form is handled by the chain
    stems = [word]
    if morph and morph[0] in "AI" and word[-1] in _SOFTEN:
        stems.append(word[:-1] + _SOFTEN[word[-1]])
    out = []
    for stem in stems:
        s = stem
        for ch in morph:
            if ch == "A":
                s += "e" if _last_vowel(s) in _FRONT else "a"
            elif ch == "I":
                v = _last_vowel(s)
                s += (
                    ("ü" if v in _ROUNDED else "i")
                    if v in _FRONT
                    else ("u" if v in _ROUNDED else "ı")
                )
            elif ch == "D":
                s += "t" if s[-1] in _VOICELESS else "d"
            elif ch == "C":
                s += "ç" if s[-1] in _VOICELESS else "c"
            else:
                s += ch
        out.append(s)
    return out


def turkish_inflections(stem: str, full: bool = True) -> set[str]:
    """Inflected forms of a Turkish noun/adjective stem (the stem included).

    Parameters
    ----------
    stem : str
        A Turkish lower-case stem (``"kürt"``).
    full : bool, default True
        The full nominal set (plural, case, possessive, copula, -lIk, -CA); ``False``: plural
        and case forms only (names and places).

    Examples
    --------
    >>> sorted(f for f in turkish_inflections("kürt") if f.startswith("kürd"))[:4]
    ['kürde', 'kürdü', 'kürdüm', 'kürdümde']
    >>> {"alevilere", "ermeninin", "eşcinseller"} <= (
    ...     turkish_inflections("alevi") | turkish_inflections("ermeni")
    ...     | turkish_inflections("eşcinsel"))
    True
    """
    out: set[str] = set()
    for chain in _chains(full):
        words = [stem]
        for morph in chain:
            words = [w2 for w in words for w2 in _realize(w, morph)]
        out.update(words)
    return out


# ------------------------------------------------------------------------------------------
# The masker
# ------------------------------------------------------------------------------------------

_RATING_NEXT = frozenset(
    {
        "star",
        "stars",
        "point",
        "points",
        "pts",
        "out",
        "/",
        "yıldız",
        "yıldızı",
        "yıldızlık",
        "yildiz",
        "puan",
        "puanı",
        "puanlık",
        "üzerinden",
        "numara",
    }
)
_RATING_PREV = frozenset({"of", "üzerinden", "uzerinden", "puan", "puanım", "puanı", "/"})
_SENT_END = frozenset({".", "!", "?", "...", "…", ":", ";", '"', "'", "(", "-", "--", "–", "—"})
_SUFFIX_FOLD = str.maketrans("aıuüoö", "eiiiee")
_BUFFER_RE = re.compile(r"^'[yns](?=[aeıioöuü])|^'y(?=l)")


@dataclass
class Masker:
    """Maps a document's norms to masked norms (see the module docstring).

    Build with :func:`get_masker`; :meth:`mask` is the one entry point.
    """

    lang: str
    table: dict[str, str] = field(default_factory=dict)
    """Unconditional norm → replacement."""
    cond: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    """Conditional norm → (replacement, flags among ``ctx``/``cap``/``pn``)."""
    person_nouns: frozenset[str] = frozenset()
    cond_keys: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    """Every norm :meth:`mask` may change (``table`` and ``cond``)."""
    fold: bool = False
    """Fold the apostrophe suffix after a masked token (Turkish)."""

    def mask(
        self,
        norms: Sequence[str],
        kinds: Sequence[str],
        texts: Sequence[str] | None = None,
        starts: Sequence[int] | None = None,
        ends: Sequence[int] | None = None,
    ) -> list[str]:
        """The masked norms (``norms`` itself when it is a list and nothing is masked; the
        input is never changed).

        Parameters
        ----------
        norms, kinds : sequences of str
            The tokens' ``norm`` and ``kind``.
        texts : sequence of str, optional
            The tokens' text (capitalization for the ``cap``/``pn`` terms; without it those
            terms are not masked).
        starts, ends : sequences of int, optional
            Spans (a Turkish apostrophe suffix must touch its word to count for ``pn``).

        Returns
        -------
        list of str
        """
        num = "number" in kinds
        if not num and self.keys.isdisjoint(norms):
            return norms if isinstance(norms, list) else list(norms)  # nothing to mask
        out = list(map(self.table.get, norms, norms))
        if num:
            n = len(norms)
            index = kinds.index
            i = -1
            try:
                while True:
                    i = index("number", i + 1)
                    if "/" in norms[i]:  # 8/10, 4.5/5: a rating
                        continue
                    if i + 1 < n and norms[i + 1] in _RATING_NEXT:
                        continue
                    if i > 0 and norms[i - 1] in _RATING_PREV:
                        continue
                    out[i] = NUMBER
            except ValueError:
                pass
        if not self.cond_keys.isdisjoint(norms):
            self._conditional(out, norms, kinds, texts, starts, ends)
        if self.fold and "suffix" in kinds and out != norms:
            for i in _positions(kinds, "suffix"):
                if i > 0 and out[i - 1] in PLACEHOLDERS:
                    out[i] = fold_suffix(out[i])
        return out

    def _conditional(
        self,
        out: list[str],
        norms: Sequence[str],
        kinds: Sequence[str],
        texts: Sequence[str] | None,
        starts: Sequence[int] | None,
        ends: Sequence[int] | None,
    ) -> None:
        cond = self.cond
        n = len(norms)
        for i, norm in enumerate(norms):
            hit = cond.get(norm)
            if hit is None:
                continue
            rep, flags = hit
            ok = False
            if "ctx" in flags and self._before_person(norms, i):
                ok = True
            if not ok and texts is not None and ("cap" in flags or "pn" in flags):
                upper = texts[i][:1].isupper()
                if "cap" in flags:
                    ok = upper
                else:
                    initial = i == 0 or norms[i - 1] in _SENT_END or kinds[i - 1] == "emoji"
                    ok = upper and not initial
                    if not ok and self.lang == "tr" and i + 1 < n and kinds[i + 1] == "suffix":
                        ok = starts is None or ends is None or starts[i + 1] == ends[i]
            if ok:
                out[i] = rep

    def _before_person(self, norms: Sequence[str], i: int) -> bool:
        nouns = self.person_nouns
        nxt = norms[i + 1 : i + 3]
        if not nxt:
            return False
        if nxt[0] in nouns or nxt[0].startswith("biri"):
            return True
        return len(nxt) > 1 and nxt[1] in nouns


def _positions(kinds: Sequence[str], kind: str) -> list[int]:
    """Indices of ``kind`` in ``kinds`` (C-level search with ``list.index``)."""
    out: list[int] = []
    i = -1
    index = kinds.index
    try:
        while True:
            i = index(kind, i + 1)
            out.append(i)
    except ValueError:
        return out


def fold_suffix(suffix: str) -> str:
    """One harmony-neutral spelling of a Turkish apostrophe suffix (``'nın`` → ``'in``,
    ``'ta`` → ``'de``, ``'ya`` → ``'e``).

    Examples
    --------
    >>> [fold_suffix(s) for s in ["'nin", "'ün", "'ta", "'den", "'ya", "'yla", "'daki"]]
    ["'in", "'in", "'de", "'den", "'e", "'le", "'deki"]
    """
    s = suffix.translate(_SUFFIX_FOLD)
    s = _BUFFER_RE.sub("'", s)
    if s.startswith("'t"):
        s = "'d" + s[2:]
    elif s.startswith("'ç"):
        s = "'c" + s[2:]
    return s


def _ascii(word: str) -> str:
    return word.translate(_ASCII)


def _variants(term: str, lang: str) -> set[str]:
    """Spellings a processor's norm may give ``term``: the term, its ASCII form and (English
    processor) Python's lower case of a capital ``İ``."""
    out = {term, _ascii(term)}
    if lang == "en":
        out.add(unicodedata.normalize("NFC", term))
        if term.startswith("i"):
            out.add(("İ" + term[1:]).lower())
    return out


def _add(
    masker: Masker, forms: Iterable[str], rep: str, flags: frozenset[str], skip: frozenset[str]
) -> None:
    cond_flags = flags - {"noinf"}
    for f in forms:
        if f in skip or f in masker.table or f in masker.cond:
            continue  # the first list that claims a form keeps it
        if cond_flags:
            masker.cond[f] = (rep, cond_flags)
        else:
            masker.table[f] = rep


@cache
def get_masker(lang: str) -> Masker:
    """The shared :class:`Masker` of a language (``"en"`` or ``"tr"``), built on first use.

    Raises
    ------
    ValueError
        An unknown language.
    """
    if lang not in _LANGS:
        raise ValueError(f"no masker for language {lang!r}")
    m = Masker(lang, fold=lang == "tr")
    tr = lang == "tr"
    skip = frozenset(e.term for e in load_list("false_friends_tr.txt")) if tr else frozenset()
    nouns: set[str] = set()
    for e in load_list(f"person_nouns_{lang}.txt"):
        nouns.update(turkish_inflections(e.term) if tr else {e.term})
    if tr:
        nouns |= {_ascii(w) for w in nouns}
    m.person_nouns = frozenset(nouns)

    def forms(e: Entry, full: bool) -> set[str]:
        base = turkish_inflections(e.term, full) if tr and "noinf" not in e.flags else {e.term}
        return {v for f in base for v in _variants(f, lang)}

    ident = load_list(f"identity_{lang}.txt")
    for e in ident:
        _add(m, forms(e, True), e.replacement or IDENTITY, e.flags, skip)
    if not tr:
        for e in load_list("pronouns_en.txt"):
            _add(m, {e.term}, PRONOUN, e.flags, skip)
    places = [e for e in load_list("places.txt") if e.lang in (None, lang)]
    if tr:  # place + -lI: a demonym
        for e in places:
            if not e.flags:
                demonyms = {w for f in _realize(e.term, "lI") for w in turkish_inflections(f)}
                _add(m, {v for f in demonyms for v in _variants(f, lang)}, IDENTITY, e.flags, skip)
    for e in load_list("names.txt"):
        if e.lang in (None, lang):
            _add(
                m,
                forms(e, False) if not e.flags else _variants(e.term, lang),
                PERSON,
                e.flags,
                skip,
            )
    for e in places:
        _add(m, forms(e, False) if not e.flags else _variants(e.term, lang), PLACE, e.flags, skip)
    m.cond_keys = frozenset(m.cond)
    m.keys = m.cond_keys | frozenset(m.table)
    return m


def mask_tokens(tokens: Sequence[Token], lang: str) -> None:
    """Mask the ``norm`` of Token objects in place (the analyzed paths); ``text`` is kept."""
    if not tokens:
        return
    forms = [t.form for t in tokens]
    new = get_masker(lang).mask(
        forms,
        [t.kind for t in tokens],
        [t.text for t in tokens],
        [t.start for t in tokens],
        [t.end for t in tokens],
    )
    for t, old, n in zip(tokens, forms, new, strict=True):
        if n != old:
            t.norm = n
