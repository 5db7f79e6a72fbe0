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
token (:meth:`Masker.mask_phrases`; :mod:`sentikit.lang.phrases` merges): its norm
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

from sentikit.doc import Sentence, Token
from sentikit.lang.tr_inflections import realize, turkish_inflections

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
    "sentence_cuts",
]

IDENTITY = "<identity>"
PERSON = "<person>"
PLACE = "<place>"
NUMBER = "<num>"
PRONOUN = "<pron>"
#: Every placeholder norm the masker produces.
PLACEHOLDERS: frozenset[str] = frozenset({IDENTITY, PERSON, PLACE, NUMBER, PRONOUN})

_FLAGS = frozenset({"ctx", "cap", "pn", "noinf"})
_ASCII = str.maketrans("çğıöşüâîû", "cgiosuaiu")
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
        into one token: :mod:`sentikit.lang.phrases`)."""
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
                demonyms = {w for f in realize(e.term, "lI") for w in turkish_inflections(f)}
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


def sentence_cuts(sentences: Sequence[Sentence]) -> frozenset[int]:
    """The token indices where a sentence other than the first starts (``cuts`` of
    :meth:`Masker.phrases`)."""
    return frozenset(s.token_start for s in sentences if s.token_start > 0)


def mask_tokens(tokens: Sequence[Token], lang: str) -> None:
    """Mask the ``norm`` of Token objects in place, one by one (``text`` is kept); the tokens
    of an identity phrase each get ``"<identity>"`` (:func:`sentikit.lang.phrases.mask_document`
    merges them)."""
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
