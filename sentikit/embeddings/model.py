"""Sentiment-aware word embeddings (METHODS.md §6).

A :class:`SentimentEmbedding` concatenates up to three components per word:

- ``contextual``: PPMI of co-occurrence counted in sliding windows or inside subclauses, reduced
  by truncated SVD to ``dim`` dimensions, rows L2-normalized;
- ``lexical``: the dictionary-definition matrix (1.0 for the words of a word's own definitions and
  the word itself, 0.5 for the words of the definitions of those), each row multiplied by
  δ(word), reduced by SVD to ``lexical_dim`` dimensions, rows L2-normalized (needs
  ``definitions``; see :mod:`sentikit.embeddings.lexical`);
- ``supervised``: four numbers ``[max, min, mean δ over the word's context words, δ(word)]``,
  with δ the delta-idf of :func:`sentikit.stats.weights.delta_idf` computed from labelled
  documents and the context words those the word co-occurs with (the mean is weighted by the
  co-occurrence count).

The numeric work (vocabulary, co-occurrence, PPMI, SVD) is :mod:`sentikit.stats.cooccurrence`.
Fitted state is plain arrays and a term list, saved as ``embedding.json`` + ``vectors.npz``
(loaded with ``allow_pickle=False``) and exportable to the word2vec text format.

Examples
--------
>>> docs = [[["good", "fun", "film"]], [["bad", "dull", "film"]]] * 20
>>> emb = SentimentEmbedding(dim=2, min_count=1).fit(docs, [True, False] * 20)
>>> emb.vectors_.shape
(5, 6)
>>> emb.component_slice("supervised")
slice(2, 6, None)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.errors import BundleError, InputError
from sentikit.progress import Step
from sentikit.stats.cooccurrence import (
    build_vocabulary,
    cooccurrence,
    encode_units,
    l2_normalize,
    ppmi,
    svd_embed,
)
from sentikit.stats.weights import delta_idf

__all__ = [
    "COMPONENTS",
    "FORMAT",
    "SentimentEmbedding",
    "context_delta_stats",
    "presence_matrix",
    "write_word2vec",
]

#: The components a SentimentEmbedding can concatenate, in concatenation order.
COMPONENTS: tuple[str, ...] = ("contextual", "lexical", "supervised")
#: Format name written into ``embedding.json``.
FORMAT = "sentikit.embedding.v1"
#: Reference sliding window of METHODS.md §6 (symmetric).
REFERENCE_WINDOW = 10
#: delta-idf smoothing of METHODS.md §1.
DELTA_SMOOTHING = 0.001

Units = Sequence[Sequence[str]]


def presence_matrix(docs: Iterable[Iterable[str]], index: Mapping[str, int]) -> sp.csr_matrix:
    """Binary document × term matrix (terms outside ``index`` ignored)."""
    indptr = [0]
    cols: list[int] = []
    for terms in docs:
        ids = {index[t] for t in terms if t in index}
        cols.extend(sorted(ids))
        indptr.append(len(cols))
    data = np.ones(len(cols), dtype=np.float64)
    return sp.csr_matrix(
        (data, np.asarray(cols, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(indptr) - 1, len(index)),
    )


def context_delta_stats(C: sp.spmatrix, delta: NDArray[np.float64]) -> NDArray[np.float64]:
    """Per term ``[max, min, count-weighted mean]`` of δ over its co-occurring terms.

    Parameters
    ----------
    C : sparse matrix (n × n)
        Co-occurrence counts.
    delta : ndarray (n,)
        δ of each term.

    Returns
    -------
    ndarray (n, 3)
        Zeros for a term without context.

    Examples
    --------
    >>> C = sp.csr_matrix(np.array([[0, 2, 1], [2, 0, 0], [1, 0, 0]], dtype=float))
    >>> context_delta_stats(C, np.array([0.0, 1.0, -2.0])).tolist()
    [[1.0, -2.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    M = sp.csr_matrix(C)
    M.eliminate_zeros()
    n = M.shape[0]
    out = np.zeros((n, 3), dtype=np.float64)
    if M.nnz == 0:
        return out
    d = delta[M.indices]
    starts = M.indptr[:-1]
    has = np.diff(M.indptr) > 0
    s = starts[has]
    out[has, 0] = np.maximum.reduceat(d, s)
    out[has, 1] = np.minimum.reduceat(d, s)
    w = M.data
    out[has, 2] = np.add.reduceat(d * w, s) / np.add.reduceat(w, s)
    return out


def _positive_mask(y: Sequence[Any] | NDArray[Any]) -> NDArray[np.bool_]:
    """Labels → boolean "positive" mask (bools as they are; else the label ``positive`` or
    the larger of two labels)."""
    arr = np.asarray(y)
    if arr.dtype == np.bool_:
        return arr
    labels = sorted({str(v) for v in arr.tolist()})
    if len(labels) > 2:
        raise InputError(
            f"the supervised and lexical components need binary labels, got {len(labels)}: "
            f"{', '.join(labels[:5])}"
        )
    pos = "positive" if "positive" in labels else labels[-1]
    return np.asarray([str(v) == pos for v in arr.tolist()], dtype=np.bool_)


def _check_fit_inputs(
    comps: Sequence[str],
    n_docs: int,
    y: Sequence[Any] | NDArray[Any] | None,
    definitions: Mapping[str, Sequence[Sequence[str]]] | None,
) -> None:
    """Errors for what the chosen components need and :meth:`SentimentEmbedding.fit` was not
    given: labels (one per document) for ``supervised``/``lexical``, definitions for
    ``lexical``."""
    needs_y = [c for c in comps if c in ("supervised", "lexical")]
    if needs_y and y is None:
        raise InputError(f"component(s) {', '.join(needs_y)} need document labels (y)")
    if y is not None and len(y) != n_docs:
        raise InputError(f"{n_docs} documents but {len(y)} labels")
    if "lexical" in comps and definitions is None:
        raise InputError(
            "the lexical component needs definitions: pass "
            "sentikit.embeddings.lexical.wordnet_definitions(lang, terms)"
        )


class SentimentEmbedding:
    """Word vectors from context, dictionary definitions and sentiment statistics.

    Parameters
    ----------
    dim : int, default 100
        Dimension of the contextual component.
    window : int or None, default 10
        Sliding window (pairs at distance ≤ ``window`` inside a unit); ``None`` counts every
        pair inside a unit — subclause windows when the units are subclauses.
    components : sequence of str, default ("contextual", "supervised")
        Any of :data:`COMPONENTS`; concatenated in the order of :data:`COMPONENTS`.
    min_count : int, default 2
        Minimum term frequency of the vocabulary.
    max_vocab : int, optional
        Keep at most this many terms (most frequent first).
    cds : float, default 0.75
        Context-distribution smoothing of PPMI.
    eig_power : float, default 0.0
        Singular-value weighting ``U · S^p`` of the SVD components.
    weighting : {"uniform", "harmonic"}, default "uniform"
        Co-occurrence weighting in sliding windows.
    lexical_dim : int, default 50
        Dimension of the lexical component.
    seed : int, default 0
        Seed of the randomized SVD.

    Attributes
    ----------
    terms_ : list of str
        The vocabulary, most frequent first.
    counts_ : ndarray of int64
        Term frequencies.
    vectors_ : ndarray of float32, shape (n_terms, n_dims)
        The concatenated word vectors.
    slices_ : dict of str to (int, int)
        Column range of each fitted component.
    delta_ : ndarray of float64 or None
        δ of each term (when labels were given).
    timings_ : dict of str to float
        Seconds spent in each stage of ``fit``.
    """

    _cooc: sp.csr_matrix | None
    _definitions: Mapping[str, Sequence[Sequence[str]]] | None

    def __init__(
        self,
        dim: int = 100,
        window: int | None = REFERENCE_WINDOW,
        components: Sequence[str] = ("contextual", "supervised"),
        min_count: int = 2,
        max_vocab: int | None = None,
        cds: float = 0.75,
        eig_power: float = 0.0,
        weighting: str = "uniform",
        lexical_dim: int = 50,
        seed: int = 0,
    ) -> None:
        self.dim = dim
        self.window = window
        self.components = components
        self.min_count = min_count
        self.max_vocab = max_vocab
        self.cds = cds
        self.eig_power = eig_power
        self.weighting = weighting
        self.lexical_dim = lexical_dim
        self.seed = seed

    # ------------------------------------------------------------------ fitting
    def _check_params(self) -> list[str]:
        comps = list(self.components)
        unknown = [c for c in comps if c not in COMPONENTS]
        if unknown or not comps:
            raise InputError(
                f"components must be a non-empty subset of {', '.join(COMPONENTS)}; "
                f"got {', '.join(map(str, comps)) or 'none'}"
            )
        if self.dim < 1 or self.lexical_dim < 1:
            raise InputError("dim and lexical_dim must be ≥ 1")
        if self.window is not None and self.window < 1:
            raise InputError(f"window must be ≥ 1 or None, not {self.window}")
        if self.min_count < 1:
            raise InputError(f"min_count must be ≥ 1, not {self.min_count}")
        return [c for c in COMPONENTS if c in comps]

    def fit(
        self,
        docs: Sequence[Units],
        y: Sequence[Any] | NDArray[Any] | None = None,
        *,
        extra_units: Callable[[], Iterable[Sequence[str]]] | None = None,
        definitions: Mapping[str, Sequence[Sequence[str]]] | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> SentimentEmbedding:
        """Learn the word vectors.

        Parameters
        ----------
        docs : sequence of documents, each a sequence of units (lists of terms)
            The text; the units are the context windows' scope (see
            :mod:`sentikit.embeddings.units`).
        y : labels of ``docs``, optional
            Binary labels (bools, or two label strings — ``positive`` or the larger one is the
            positive class). Required by the ``supervised`` and ``lexical`` components.
        extra_units : callable returning an iterable of units, optional
            Unlabelled text added to the co-occurrence counts (called twice: vocabulary, counts).
        definitions : mapping of term to its definitions (lists of terms), optional
            Dictionary definitions for the ``lexical`` component (see
            :func:`sentikit.embeddings.lexical.wordnet_definitions`).
        progress : callable, optional
            Called with one-line messages after each stage (:class:`~sentikit.progress.Step`
            counts of the stages: vocabulary, co-occurrence, each component).

        Returns
        -------
        SentimentEmbedding
            self.
        """
        comps = self._check_params()
        say = progress or (lambda _m: None)
        _check_fit_inputs(comps, len(docs), y, definitions)
        timings: dict[str, float] = {}

        def all_units() -> Iterator[Sequence[str]]:
            for d in docs:
                yield from d
            if extra_units is not None:
                yield from extra_units()

        t0 = time.perf_counter()
        terms, counts = build_vocabulary(all_units(), self.min_count, self.max_vocab)
        if not terms:
            raise InputError(
                f"no term occurs at least min_count={self.min_count} times; "
                "give more text or lower min_count"
            )
        index = {t: i for i, t in enumerate(terms)}
        timings["vocabulary"] = time.perf_counter() - t0
        stages = 2 + len(comps)
        say(Step(f"vocabulary: {len(terms)} terms ({timings['vocabulary']:.1f} s)", 1, stages))

        t0 = time.perf_counter()
        C = cooccurrence(
            encode_units(all_units(), index),
            n_terms=len(terms),
            window=self.window,
            weighting=self.weighting,
        )
        timings["cooccurrence"] = time.perf_counter() - t0
        say(Step(f"co-occurrence: {C.nnz} non-zeros ({timings['cooccurrence']:.1f} s)", 2, stages))

        delta: NDArray[np.float64] | None = None
        if y is not None:
            pos = _positive_mask(y)
            X = presence_matrix(([t for u in d for t in u] for d in docs), index)
            delta = delta_idf(X, pos, DELTA_SMOOTHING)

        parts: list[NDArray[np.float32]] = []
        slices: dict[str, tuple[int, int]] = {}
        col = 0
        for k, comp in enumerate(comps, start=3):
            t0 = time.perf_counter()
            V = self._component_vectors(comp, C, terms, index, definitions, delta)
            parts.append(V)
            slices[comp] = (col, col + V.shape[1])
            col += V.shape[1]
            timings[comp] = time.perf_counter() - t0
            say(Step(f"{comp}: {V.shape[1]} dimensions ({timings[comp]:.1f} s)", k, stages))

        self._cooc = C
        self._definitions = definitions
        self.terms_ = list(terms)
        self.counts_ = np.asarray(counts, dtype=np.int64)
        self.vectors_ = np.ascontiguousarray(np.hstack(parts), dtype=np.float32)
        self.slices_ = slices
        self.delta_ = delta
        self.timings_ = timings
        self.index_ = index
        return self

    def _component_vectors(
        self,
        comp: str,
        C: sp.csr_matrix,
        terms: Sequence[str],
        index: Mapping[str, int],
        definitions: Mapping[str, Sequence[Sequence[str]]] | None,
        delta: NDArray[np.float64] | None,
    ) -> NDArray[np.float32]:
        """The columns of one component: ``contextual`` (SVD of the PPMI of the co-occurrence
        counts ``C``), ``lexical`` (SVD of the δ-weighted definition matrix) or ``supervised``
        (context δ statistics and the term's own δ)."""
        if comp == "contextual":
            V = svd_embed(ppmi(C, self.cds), self.dim, eig_power=self.eig_power, seed=self.seed)
        elif comp == "lexical":
            assert definitions is not None and delta is not None
            V = svd_embed(
                definition_matrix(terms, index, definitions, delta),
                self.lexical_dim,
                eig_power=self.eig_power,
                seed=self.seed,
            )
        else:
            assert delta is not None
            S = np.column_stack([context_delta_stats(C, delta), delta])
            V = np.asarray(S, dtype=np.float32)
        return V

    def term_delta(
        self, docs: Sequence[Units], y: Sequence[Any] | NDArray[Any]
    ) -> NDArray[np.float64]:
        """δ of every vocabulary term from labelled documents (terms absent from them: 0)."""
        self._check_fitted()
        X = presence_matrix(([t for u in d for t in u] for d in docs), self.index_)
        return delta_idf(X, _positive_mask(y), DELTA_SMOOTHING)

    def with_delta(self, delta: NDArray[np.float64]) -> NDArray[np.float32]:
        """:attr:`vectors_` with the supervised columns recomputed from another δ (for
        cross-fitting: features of held-out documents from δ of the other documents). Needs
        the co-occurrence counts of ``fit`` (not kept by :meth:`save`)."""
        self._check_fitted()
        V = self.vectors_.copy()
        if "supervised" in self.slices_:
            if getattr(self, "_cooc", None) is None:
                raise InputError("with_delta() needs a SentimentEmbedding fitted in this session")
            S = np.column_stack([context_delta_stats(self._cooc, delta), delta])
            V[:, self.component_slice("supervised")] = S
        if "lexical" in self.slices_:
            defs = getattr(self, "_definitions", None)
            if defs is None:
                raise InputError("with_delta() needs a SentimentEmbedding fitted in this session")
            L = svd_embed(
                definition_matrix(self.terms_, self.index_, defs, delta),
                self.lexical_dim,
                eig_power=self.eig_power,
                seed=self.seed,
            )
            V[:, self.component_slice("lexical")] = L
        return V

    # ------------------------------------------------------------------ queries
    def _check_fitted(self) -> None:
        if not hasattr(self, "vectors_"):
            raise InputError("this SentimentEmbedding is not fitted yet; call fit() first")

    def component_slice(self, name: str) -> slice:
        """The columns of one component in :attr:`vectors_`."""
        self._check_fitted()
        if name not in self.slices_:
            raise InputError(f"component {name!r} not fitted; have {', '.join(self.slices_)}")
        a, b = self.slices_[name]
        return slice(a, b)

    def vector(self, word: str) -> NDArray[np.float32]:
        """The vector of ``word``; :class:`InputError` when it is not in the vocabulary."""
        self._check_fitted()
        i = self.index_.get(word)
        if i is None:
            raise InputError(f"{word!r} is not in the vocabulary ({len(self.terms_)} terms)")
        return np.asarray(self.vectors_[i])

    def neighbours(
        self, word: str, k: int = 10, component: str | None = None
    ) -> list[tuple[str, float]]:
        """The ``k`` nearest terms to ``word`` by cosine similarity.

        Parameters
        ----------
        word : str
        k : int, default 10
        component : str, optional
            Compare only this component's columns (default: the whole vector, each component's
            columns standardized so none dominates by scale).

        Returns
        -------
        list of (term, cosine)
        """
        self._check_fitted()
        if k < 1:
            raise InputError(f"k must be ≥ 1, not {k}")
        i = self.index_.get(word)
        if i is None:
            raise InputError(f"{word!r} is not in the vocabulary ({len(self.terms_)} terms)")
        V = self.comparable_vectors(component)
        sims = V @ V[i]
        sims[i] = -np.inf
        k = min(k, len(self.terms_) - 1)
        top = np.argpartition(-sims, k - 1)[:k] if k > 0 else np.array([], dtype=int)
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(self.terms_[j], float(sims[j])) for j in top]

    def comparable_vectors(self, component: str | None = None) -> NDArray[np.float32]:
        """Unit-length rows for cosine comparisons (one component or all, each component
        scaled to unit norm before concatenation)."""
        self._check_fitted()
        names = [component] if component is not None else list(self.slices_)
        blocks = [l2_normalize(self.vectors_[:, self.component_slice(c)]) for c in names]
        return l2_normalize(np.hstack(blocks))

    # ------------------------------------------------------------------ persistence
    def save(self, folder: str | Path) -> Path:
        """Write ``embedding.json`` (parameters, components, terms) and ``vectors.npz``."""
        self._check_fitted()
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": FORMAT,
            "params": {
                "dim": self.dim,
                "window": self.window,
                "components": list(self.components),
                "min_count": self.min_count,
                "max_vocab": self.max_vocab,
                "cds": self.cds,
                "eig_power": self.eig_power,
                "weighting": self.weighting,
                "lexical_dim": self.lexical_dim,
                "seed": self.seed,
            },
            "slices": {k: list(v) for k, v in self.slices_.items()},
            "timings": self.timings_,
            "terms": self.terms_,
        }
        (out / "embedding.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        arrays: dict[str, NDArray[Any]] = {"vectors": self.vectors_, "counts": self.counts_}
        if self.delta_ is not None:
            arrays["delta"] = self.delta_
        np.savez_compressed(out / "vectors.npz", **arrays)  # type: ignore[arg-type]
        return out

    @classmethod
    def load(cls, folder: str | Path) -> SentimentEmbedding:
        """Read a folder written by :meth:`save` (no pickle: ``allow_pickle=False``)."""
        path = Path(folder)
        mpath, apath = path / "embedding.json", path / "vectors.npz"
        if not mpath.is_file() or not apath.is_file():
            raise BundleError(f"{path} is not a sentikit embedding (embedding.json, vectors.npz)")
        meta = json.loads(mpath.read_text("utf-8"))
        if meta.get("format") != FORMAT:
            raise BundleError(f"{mpath}: unknown format {meta.get('format')!r}")
        emb = cls(**meta["params"])
        with np.load(apath, allow_pickle=False) as z:
            emb.vectors_ = np.asarray(z["vectors"], dtype=np.float32)
            emb.counts_ = np.asarray(z["counts"], dtype=np.int64)
            emb.delta_ = np.asarray(z["delta"]) if "delta" in z.files else None
        emb.terms_ = [str(t) for t in meta["terms"]]
        if len(emb.terms_) != emb.vectors_.shape[0]:
            raise BundleError(f"{path}: {len(emb.terms_)} terms but {len(emb.vectors_)} vectors")
        emb.slices_ = {k: (int(v[0]), int(v[1])) for k, v in meta["slices"].items()}
        emb.timings_ = dict(meta.get("timings") or {})
        emb.index_ = {t: i for i, t in enumerate(emb.terms_)}
        emb._cooc = None
        emb._definitions = None
        return emb

    def to_word2vec(self, path: str | Path) -> Path:
        """Export to the word2vec text format (``.vec``), readable by
        ``gensim.models.KeyedVectors.load_word2vec_format(path)``."""
        self._check_fitted()
        return write_word2vec(path, self.terms_, self.vectors_)


def definition_matrix(
    terms: Sequence[str],
    index: Mapping[str, int],
    definitions: Mapping[str, Sequence[Sequence[str]]],
    delta: NDArray[np.float64],
) -> sp.csr_matrix:
    """The dictionary matrix of METHODS.md §6 over the vocabulary.

    Row ``w``: 1.0 for ``w`` itself and the vocabulary words of ``w``'s definitions, 0.5 for the
    vocabulary words in the definitions of those words (second level, where not already 1.0);
    the row multiplied by δ(w).

    Examples
    --------
    >>> terms = ["good", "fine", "ok"]
    >>> idx = {t: i for i, t in enumerate(terms)}
    >>> M = definition_matrix(terms, idx, {"good": [["fine"]], "fine": [["ok"]]},
    ...                       np.array([2.0, 1.0, 0.0]))
    >>> M.toarray().tolist()[0]
    [2.0, 2.0, 1.0]
    """
    first: list[set[int]] = []
    for t in terms:
        ids = {index[w] for d in definitions.get(t, ()) for w in d if w in index}
        first.append(ids)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, ids in enumerate(first):
        level1 = ids | {i}
        level2: set[int] = set()
        for j in ids:
            level2 |= first[j]
        level2 -= level1
        if delta[i] == 0.0:
            continue
        for j in level1:
            rows.append(i)
            cols.append(j)
            vals.append(float(delta[i]))
        for j in level2:
            rows.append(i)
            cols.append(j)
            vals.append(0.5 * float(delta[i]))
    n = len(terms)
    return sp.csr_matrix((vals, (rows, cols)), shape=(n, n), dtype=np.float64)


def write_word2vec(path: str | Path, terms: Sequence[str], vectors: NDArray[np.floating]) -> Path:
    """Write vectors in the word2vec text format: a ``count dim`` header, then one line per
    term (``term v1 v2 …``). Terms holding whitespace get it replaced by ``_`` (the format
    splits on spaces)."""
    out = Path(path)
    V = np.asarray(vectors, dtype=np.float32)
    if V.ndim != 2 or V.shape[0] != len(terms):
        raise InputError(f"{len(terms)} terms but vectors of shape {V.shape}")
    with out.open("w", encoding="utf-8") as f:
        f.write(f"{V.shape[0]} {V.shape[1]}\n")
        for t, row in zip(terms, V, strict=True):
            word = "_".join(t.split()) or "_"
            f.write(word + " " + " ".join(f"{x:.6g}" for x in row.tolist()) + "\n")
    return out
