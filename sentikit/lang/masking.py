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
family sees the masked form; ``Token.text`` and the spans stay true to the input (an identity
phrase, merged into one token, keeps the text and span of the whole phrase; see below). The
lists are plain text files under ``sentikit/resources/masks/`` (written for sentikit; each has
a header).

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

Identity phrases
----------------
Masking is one-to-one per token, so swapping phrases of different lengths (``a Muslim`` /
``a Sunni Muslim``, ``a woman`` / ``a trans woman``, ``a Mexican`` / ``a Turkish person``)
would still change the features. After masking, an **identity phrase** — a maximal run of
``<identity>`` tokens and identity modifiers (``identity_modifiers_<lang>.txt``: ``trans``,
``sunni``, ``native``, ``pacific`` …, counted only next to an ``<identity>`` token; a ``+``
touching one: ``LGBTİ+``), plus one person noun that directly follows it
(``person_nouns_<lang>.txt``: ``person``, ``woman``, ``biri``, ``biriyim`` …) — becomes ONE
token (:meth:`Masker.mask_phrases`, :func:`merge_columns`, :func:`mask_document`): its norm
is ``"<identity>"``, its text the original substring, its span covers the run, it is negated
if any of its tokens was; sentence (and clause) token ranges are remapped. A phrase never
crosses a sentence start. In English, the article ``an`` right before a phrase is normed
``a`` (elsewhere ``an`` is kept). So every phrase swap gives the same norms, hence the same
features for every family.

Examples
--------
>>> m = get_masker("en")
>>> m.mask(["my", "black", "cat", "helped", "me", "."],
...        ["word", "word", "word", "word", "word", "punct"],
...        ["My", "black", "cat", "helped", "me", "."])
['my', 'black', 'cat', 'helped', 'me', '.']
>>> m.mask(["my", "black", "neighbour", "helped"], ["word"] * 4,
...        ["My", "black", "neighbour", "helped"])
['my', '<identity>', '<identity>', 'helped']
>>> m.mask_phrases(["as", "an", "asian", "person", ","], ["word"] * 4 + ["punct"],
...                ["As", "an", "Asian", "person", ","])
(['as', 'a', '<identity>', 'person', ','], [(2, 4)])
>>> m.mask(["black", "coffee"], ["word", "word"], ["black", "coffee"])
['black', 'coffee']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from sentikit.doc import Clause, Document, Sentence, Token

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
    "mask_document",
    "mask_tokens",
    "merge_columns",
    "sentence_cuts",
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


def turkish_inflections(stem: str, full: bool = True, derived: bool = True) -> set[str]:
    """Inflected forms of a Turkish noun/adjective stem (the stem included).

    Parameters
    ----------
    stem : str
        A Turkish lower-case stem (``"kürt"``).
    full : bool, default True
        The full nominal set (plural, case, possessive, copula, -lIk, -CA); ``False``: plural
        and case forms only (names and places).
    derived : bool, default True
        Include the derivations -lIk and -CA (``False``: only forms that still name the same
        thing: ``oyuncu``, ``oyuncular``, not ``oyunculuk`` "acting").

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
        if not derived and chain and chain[0] in ("lIk", "CA"):
            continue
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
    phrase_nouns: frozenset[str] = frozenset()
    """Person nouns that close an identity phrase (:attr:`person_nouns` without Turkish
    derivations: ``oyuncu`` but not ``oyunculuk``)."""
    modifiers: frozenset[str] = frozenset()
    """Identity modifiers (``identity_modifiers_<lang>.txt``): part of an identity phrase when
    next to an ``<identity>`` token."""

    def mask(
        self,
        norms: Sequence[str],
        kinds: Sequence[str],
        texts: Sequence[str] | None = None,
        starts: Sequence[int] | None = None,
        ends: Sequence[int] | None = None,
    ) -> list[str]:
        """The masked norms, one per token (``norms`` itself when it is a list and nothing is
        masked; the input is never changed). See :meth:`mask_phrases` for the parameters; the
        tokens of an identity phrase each get ``"<identity>"`` here (the processors merge them
        into one token with :func:`merge_columns`)."""
        out, runs = self.mask_phrases(norms, kinds, texts, starts, ends)
        for i, j in runs:
            out[i:j] = [IDENTITY] * (j - i)
        return out

    def mask_phrases(
        self,
        norms: Sequence[str],
        kinds: Sequence[str],
        texts: Sequence[str] | None = None,
        starts: Sequence[int] | None = None,
        ends: Sequence[int] | None = None,
        sentences: Sequence[Sentence] = (),
    ) -> tuple[list[str], list[tuple[int, int]]]:
        """The masked norms and the identity phrases of two tokens or more (the input is never
        changed; the norms are ``norms`` itself when it is a list and nothing is masked).

        Parameters
        ----------
        norms, kinds : sequences of str
            The tokens' ``norm`` and ``kind``.
        texts : sequence of str, optional
            The tokens' text (capitalization for the ``cap``/``pn`` terms; without it those
            terms are not masked).
        starts, ends : sequences of int, optional
            Spans (a Turkish apostrophe suffix must touch its word to count for ``pn``; a
            ``+`` must touch its identity term: ``LGBTİ+``).
        sentences : sequence of Sentence, optional
            The document's sentences (token ranges of these tokens): no phrase runs across a
            sentence start.

        Returns
        -------
        norms : list of str
            The masked norms, one per token (English: ``an`` before a phrase becomes ``a``).
        phrases : list of (int, int)
            The identity phrases ``[i, j)`` of two tokens or more, in order (see
            :meth:`phrases`); the norms of their tokens are left as masked one by one.
        """
        num = "number" in kinds
        if not num and self.keys.isdisjoint(norms):
            # nothing to mask
            return (norms if isinstance(norms, list) else list(norms)), []
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
        if IDENTITY not in out:
            return out, []
        runs = self.phrases(out, norms, kinds, starts, ends)
        cuts: frozenset[int] = frozenset()
        en = self.lang == "en"
        if len(sentences) > 1 and any(
            j - i > 1 or (en and i > 0 and norms[i - 1] == "an") for i, j in runs
        ):  # only then can a sentence start matter
            cuts = sentence_cuts(sentences)
            runs = self.phrases(out, norms, kinds, starts, ends, cuts)
        if en:  # "an" is "a" before a phrase ("an Asian" / "a white person")
            for i, _ in runs:
                if i > 0 and norms[i - 1] == "an" and i not in cuts:
                    out[i - 1] = "a"
        return out, [(i, j) for i, j in runs if j - i > 1]

    def phrases(
        self,
        out: Sequence[str],
        norms: Sequence[str],
        kinds: Sequence[str],
        starts: Sequence[int] | None = None,
        ends: Sequence[int] | None = None,
        cuts: Collection[int] = (),
    ) -> list[tuple[int, int]]:
        """The identity phrases ``[i, j)`` of masked norms ``out`` (one-token phrases included).

        A phrase is a maximal run of ``<identity>`` tokens and identity modifiers (word tokens
        whose ``norms`` entry is in :attr:`modifiers`, and a ``+`` touching an ``<identity>``
        token) holding at least one ``<identity>``, plus one person noun (word, one of
        :attr:`phrase_nouns`) that directly follows it. No phrase crosses a sentence start in
        ``cuts``.
        """
        mods, nouns = self.modifiers, self.phrase_nouns
        n = len(out)
        runs: list[tuple[int, int]] = []
        end = 0
        for k in _positions(out, IDENTITY):
            if k < end:
                continue
            a = k
            while a > end and a not in cuts and kinds[a - 1] == "word" and norms[a - 1] in mods:
                a -= 1
            b = k + 1
            while b < n and b not in cuts:
                if out[b] == IDENTITY:
                    b += 1
                elif kinds[b] == "word":
                    if norms[b] not in mods:
                        break
                    b += 1
                elif norms[b] == "+" and out[b - 1] == IDENTITY and _touches(starts, ends, b):
                    b += 1
                else:
                    break
            if b < n and b not in cuts and kinds[b] == "word" and norms[b] in nouns:
                b += 1
            runs.append((a, b))
            end = b
        return runs

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


def _touches(starts: Sequence[int] | None, ends: Sequence[int] | None, i: int) -> bool:
    """Token ``i`` starts where token ``i - 1`` ends (``True`` without spans)."""
    return starts is None or ends is None or starts[i] == ends[i - 1]


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
    heads: set[str] = set()
    for e in load_list(f"person_nouns_{lang}.txt"):
        nouns.update(turkish_inflections(e.term) if tr else {e.term})
        heads.update(turkish_inflections(e.term, derived=False) if tr else {e.term})
    if tr:
        nouns |= {_ascii(w) for w in nouns}
        heads |= {_ascii(w) for w in heads}
    m.person_nouns = frozenset(nouns)
    m.phrase_nouns = frozenset(heads)
    mods = {e.term for e in load_list(f"identity_modifiers_{lang}.txt")}
    m.modifiers = frozenset(v for w in mods for v in _variants(w, lang))

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


def _new_index(runs: Sequence[tuple[int, int]], n: int) -> list[int]:
    """Old token index → new token index once each run ``[i, j)`` is one token (entry ``n``:
    the new length)."""
    out: list[int] = []
    shift = 0
    prev = 0
    for i, j in runs:
        out.extend(range(prev - shift, i - shift))
        out.extend([i - shift] * (j - i))
        shift += j - i - 1
        prev = j
    out.extend(range(prev - shift, n + 1 - shift))
    return out


def _remap_range(part: Sentence | Clause, new: list[int]) -> None:
    """Token range (and indices) of a sentence or clause after a merge (``new``: old → new)."""
    a, b = part.token_start, part.token_end
    part.token_start = new[a]
    part.token_end = new[b - 1] + 1 if b > a else new[a]
    if isinstance(part, Clause) and part.token_indices is not None:
        part.token_indices = list(dict.fromkeys(new[k] for k in part.token_indices))


def merge_columns(
    text: str,
    runs: Sequence[tuple[int, int]],
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    norms: Sequence[str],
    kinds: Sequence[str],
    negated: Sequence[bool] | None,
    sentences: Sequence[Sentence] = (),
) -> tuple[list[str], list[int], list[int], list[str], list[str], list[bool] | None]:
    """Token columns with each identity phrase ``[i, j)`` of ``runs`` made one token.

    The merged token's text is the original substring ``text[starts[i]:ends[j - 1]]``, its span
    covers the run, its norm is ``"<identity>"``, its kind ``"word"``, and it is negated if any
    token of the run is. ``sentences`` (and their clauses) get their token ranges remapped in
    place. ``runs`` must be sorted, disjoint and each inside one sentence.

    Examples
    --------
    >>> text = "I am a trans woman."
    >>> sents = [Sentence(text, (0, 18), 0, 6)]
    >>> cols = merge_columns(text, [(3, 5)], ["I", "am", "a", "trans", "woman", "."],
    ...                      [0, 2, 5, 7, 13, 17], [1, 4, 6, 12, 18, 18],
    ...                      ["i", "am", "a", IDENTITY, IDENTITY, "."], ["word"] * 5 + ["punct"],
    ...                      None, sents)
    >>> cols[0], cols[3], (sents[0].token_start, sents[0].token_end)
    (['I', 'am', 'a', 'trans woman', '.'], ['i', 'am', 'a', '<identity>', '.'], (0, 5))
    """
    o_texts: list[str] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    o_norms: list[str] = []
    o_kinds: list[str] = []
    o_neg: list[bool] | None = None if negated is None else []
    prev = 0
    for i, j in runs:
        o_texts += texts[prev:i]
        o_starts += starts[prev:i]
        o_ends += ends[prev:i]
        o_norms += norms[prev:i]
        o_kinds += kinds[prev:i]
        s, e = starts[i], ends[j - 1]
        o_texts.append(text[s:e])
        o_starts.append(s)
        o_ends.append(e)
        o_norms.append(IDENTITY)
        o_kinds.append("word")
        if o_neg is not None and negated is not None:
            o_neg += negated[prev:i]
            o_neg.append(any(negated[i:j]))
        prev = j
    o_texts += texts[prev:]
    o_starts += starts[prev:]
    o_ends += ends[prev:]
    o_norms += norms[prev:]
    o_kinds += kinds[prev:]
    if o_neg is not None and negated is not None:
        o_neg += negated[prev:]
    if sentences:
        new = _new_index(runs, len(texts))
        for sent in sentences:
            _remap_range(sent, new)
            for clause in sent.clauses:
                _remap_range(clause, new)
    return o_texts, o_starts, o_ends, o_norms, o_kinds, o_neg


def sentence_cuts(sentences: Sequence[Sentence]) -> frozenset[int]:
    """The token indices where a sentence other than the first starts (``cuts`` of
    :meth:`Masker.phrases`)."""
    return frozenset(s.token_start for s in sentences if s.token_start > 0)


def mask_tokens(tokens: Sequence[Token], lang: str) -> None:
    """Mask the ``norm`` of Token objects in place, one by one (``text`` is kept); the tokens
    of an identity phrase each get ``"<identity>"`` (:func:`mask_document` merges them)."""
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


def mask_document(doc: Document, lang: str) -> None:
    """Mask a Document's tokens in place (the analyzed paths), as the fast paths do: the norms
    are masked and each identity phrase becomes one token (:func:`merge_columns`).

    The merged token keeps the annotation (``lemma``, ``pos``, ``tag``, ``morphemes``, ``dep``,
    ``head``) of the run's syntactic head: its token whose head lies outside the run, else its
    last token. Heads, sentence and clause token ranges are remapped.
    """
    tokens = doc.tokens
    if not tokens:
        return
    forms = [t.form for t in tokens]
    kinds = [t.kind for t in tokens]
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    new_norms, runs = get_masker(lang).mask_phrases(
        forms, kinds, [t.text for t in tokens], starts, ends, doc.sentences
    )
    for t, old, n in zip(tokens, forms, new_norms, strict=True):
        if n != old:
            t.norm = n
    if not runs:
        return
    new = _new_index(runs, len(tokens))
    out: list[Token] = []
    prev = 0
    for i, j in runs:
        out += tokens[prev:i]
        run = tokens[i:j]
        head = next(
            (t for t in run if t.head is not None and (t.head < 0 or not i <= t.head < j)),
            run[-1],
        )
        s, e = starts[i], ends[j - 1]
        out.append(
            Token(
                text=doc.text[s:e],
                start=s,
                end=e,
                norm=IDENTITY,
                lemma=head.lemma,
                pos=head.pos,
                morphemes=head.morphemes,
                negated=any(t.negated for t in run),
                kind="word",
                head=head.head,
                dep=head.dep,
                tag=head.tag,
            )
        )
        prev = j
    out += tokens[prev:]
    for t in out:
        if t.head is not None and t.head >= 0:
            t.head = new[t.head]
    doc.tokens = out
    for sent in doc.sentences:
        _remap_range(sent, new)
        for clause in sent.clauses:
            _remap_range(clause, new)
