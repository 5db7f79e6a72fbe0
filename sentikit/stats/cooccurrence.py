"""Co-occurrence counting, PPMI and truncated SVD: the numeric core shared by lexicon
induction (METHODS.md §4), sentiment embeddings (§6) and the unsupervised seed-pair word scores
(§2).

A *unit* is a sequence of terms inside which co-occurrence is counted: a document, a sentence or a
subclause. Units are streamed; nothing holds a corpus in memory twice.

Examples
--------
>>> units = [["good", "film", "good", "plot"], ["bad", "film"]]
>>> terms, counts = build_vocabulary(units)
>>> terms, counts.tolist()
(['film', 'good', 'bad', 'plot'], [2, 2, 1, 1])
>>> index = {t: i for i, t in enumerate(terms)}
>>> C = cooccurrence(encode_units(units, index), n_terms=len(terms), window=1)
>>> int(C[index["good"], index["film"]]), int(C[index["bad"], index["film"]])
(2, 1)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

#: Tokens gathered before one vectorized counting pass (bounds memory at ~24 bytes per pair).
DEFAULT_BATCH_TOKENS = 2_000_000


def build_vocabulary(
    units: Iterable[Sequence[str]], min_count: int = 1, max_size: int | None = None
) -> tuple[list[str], NDArray[np.int64]]:
    """Terms with frequency ≥ ``min_count``, most frequent first (ties by term), and counts."""
    counter: Counter[str] = Counter()
    for unit in units:
        counter.update(unit)
    kept = sorted(
        ((t, c) for t, c in counter.items() if c >= min_count), key=lambda x: (-x[1], x[0])
    )
    if max_size is not None:
        kept = kept[:max_size]
    return [t for t, _ in kept], np.array([c for _, c in kept], dtype=np.int64)


def encode_units(
    units: Iterable[Sequence[str]], index: Mapping[str, int]
) -> Iterator[NDArray[np.int32]]:
    """Each unit as an int32 array of term ids; out-of-vocabulary terms are ``-1`` (their
    position is kept, so window distances stay those of the text)."""
    get = index.get
    for unit in units:
        yield np.array([get(t, -1) for t in unit], dtype=np.int32)


def _count_batch(
    ids: NDArray[np.int32],
    unit: NDArray[np.int64],
    n_terms: int,
    window: int | None,
    harmonic: bool,
    is_target: NDArray[np.bool_] | None = None,
) -> sp.csr_matrix:
    """Directed pair counts (left term, right term) inside one batch of concatenated units."""
    if window is None:
        _, lengths = np.unique(unit, return_counts=True)
        span = int(lengths.max()) - 1 if len(lengths) else 0
    else:
        span = window
    rows, cols, vals = [], [], []
    valid = ids >= 0
    for d in range(1, min(span, len(ids) - 1) + 1):
        m = (unit[:-d] == unit[d:]) & valid[:-d] & valid[d:]
        if is_target is not None:
            m &= is_target[np.maximum(ids[:-d], 0)] | is_target[np.maximum(ids[d:], 0)]
        if not m.any():
            if window is None:
                break
            continue
        rows.append(ids[:-d][m])
        cols.append(ids[d:][m])
        vals.append(np.full(int(m.sum()), 1.0 / d if harmonic else 1.0))
    if not rows:
        return sp.csr_matrix((n_terms, n_terms))
    return sp.coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n_terms, n_terms),
    ).tocsr()


def cooccurrence(
    units: Iterable[Sequence[int] | NDArray[np.integer]],
    n_terms: int,
    window: int | None = 5,
    weighting: str = "uniform",
    batch_tokens: int = DEFAULT_BATCH_TOKENS,
    targets: Iterable[int] | None = None,
) -> sp.csr_matrix:
    """Symmetric term × term co-occurrence counts.

    Parameters
    ----------
    units : term-id sequences (``-1`` = not counted, position kept), e.g. from
        :func:`encode_units`.
    n_terms : vocabulary size.
    window : pairs at distance ≤ ``window`` inside a unit are counted (symmetric window);
        ``None`` counts every pair inside the unit (subclause windows, METHODS.md §6).
    weighting : ``"uniform"`` (each pair 1) or ``"harmonic"`` (each pair 1/distance).
    batch_tokens : tokens per vectorized counting pass.
    targets : if given, only pairs with at least one side among these term ids are counted
        (the matrix then holds just the target rows and columns): what the seed-pair scores of
        :func:`pair_scores` need, at a fraction of the cost on large corpora.
    """
    if weighting not in ("uniform", "harmonic"):
        raise ValueError(f"weighting must be 'uniform' or 'harmonic', not {weighting!r}")
    if window is not None and window < 1:
        raise ValueError("window must be ≥ 1 or None")
    harmonic = weighting == "harmonic"
    is_target: NDArray[np.bool_] | None = None
    if targets is not None:
        is_target = np.zeros(max(n_terms, 1), dtype=bool)
        is_target[np.fromiter(targets, dtype=np.int64)] = True
    total = sp.csr_matrix((n_terms, n_terms))
    buf: list[NDArray[np.int32]] = []
    size = 0

    def flush() -> None:
        nonlocal total, buf, size
        if not buf:
            return
        lengths = np.array([len(b) for b in buf], dtype=np.int64)
        ids = np.concatenate(buf).astype(np.int32, copy=False)
        unit = np.repeat(np.arange(len(buf), dtype=np.int64), lengths)
        total = total + _count_batch(ids, unit, n_terms, window, harmonic, is_target)
        buf, size = [], 0

    for u in units:
        arr = np.asarray(u, dtype=np.int32)
        if len(arr) < 2:
            continue
        buf.append(arr)
        size += len(arr)
        if size >= batch_tokens:
            flush()
    flush()
    sym = (total + total.T).tocsr()
    sym.sum_duplicates()
    return sym


def ppmi(C: sp.spmatrix, cds: float = 0.75) -> sp.csr_matrix:
    """Positive pointwise mutual information with context-distribution smoothing ``cds``
    (Levy, Goldberg & Dagan 2015): ``max(0, log(C_ij · Σ_j c_j^α / (r_i · c_j^α)))``."""
    M = sp.csr_matrix(C, dtype=np.float64, copy=True)
    M.eliminate_zeros()
    row = np.asarray(M.sum(axis=1)).ravel()
    col = np.asarray(M.sum(axis=0)).ravel() ** cds
    col_total = col.sum()
    if M.nnz == 0 or col_total <= 0:
        return M
    r_idx = np.repeat(np.arange(M.shape[0]), np.diff(M.indptr))
    with np.errstate(divide="ignore"):
        pmi = np.log(M.data) + math.log(col_total) - np.log(row[r_idx]) - np.log(col[M.indices])
    M.data = np.maximum(pmi, 0.0)
    M.eliminate_zeros()
    return M


def l2_normalize(V: NDArray[np.floating]) -> NDArray[np.float32]:
    """Rows scaled to unit L2 norm (zero rows stay zero)."""
    norms = np.linalg.norm(V, axis=1, keepdims=True)
    return np.asarray(V / np.maximum(norms, 1e-12), dtype=np.float32)


#: :func:`svd_embed` solvers.
SVD_SOLVERS = ("randomized", "arpack")


def svd_embed(
    M: sp.spmatrix,
    dim: int,
    eig_power: float = 0.0,
    normalize: bool = True,
    seed: int = 0,
    n_iter: int = 5,
    solver: str = "randomized",
) -> NDArray[np.float32]:
    """Truncated SVD word vectors ``U · S^eig_power`` (rows = terms of ``M``), components
    ordered by singular value.

    Parameters
    ----------
    M : sparse matrix
        The (PPMI) matrix, rows = terms.
    dim : int
        Number of components (columns beyond ``min(M.shape) − 1`` are zeros).
    eig_power : float, default 0.0
        Exponent of the singular values weighting the columns (0: ``U`` alone).
    normalize : bool, default True
        L2-normalize the rows.
    seed : int, default 0
        Random state of the solver's start.
    n_iter : int, default 5
        Power iterations of the randomized solver.
    solver : {"randomized", "arpack"}, default "randomized"
        ``"randomized"``: Halko et al.'s randomized SVD with ``n_iter`` power iterations (an
        approximation whose trailing components move with ``seed``); ``"arpack"``: Lanczos
        iterations to convergence (``scipy.sparse.linalg.svds``; a dense SVD for matrices of
        at most ``3·dim`` rows or columns), the same components whatever the seed up to
        rounding; should ARPACK not converge, the randomized solver with at least 20
        iterations is used. Signs follow the largest entry of each column of ``U`` in every
        case.
    """
    from sklearn.utils.extmath import randomized_svd, svd_flip

    if solver not in SVD_SOLVERS:
        raise ValueError(f"solver must be one of {', '.join(SVD_SOLVERS)}, not {solver!r}")
    n = M.shape[0]
    k = max(1, min(dim, min(M.shape) - 1))
    if M.nnz == 0 or n < 2:
        return np.zeros((n, dim), dtype=np.float32)
    if solver == "randomized":
        U, S, _ = randomized_svd(sp.csr_matrix(M), k, n_iter=n_iter, random_state=seed)
    elif min(M.shape) <= 3 * k:
        U, S, Vt = np.linalg.svd(sp.csr_matrix(M).toarray(), full_matrices=False)
        U, Vt = svd_flip(U[:, :k], Vt[:k])
        S = S[:k]
    else:
        from scipy.sparse.linalg import ArpackNoConvergence, svds

        M = sp.csr_matrix(M, dtype=np.float64)
        try:
            U, S, Vt = svds(M, k=k, solver="arpack", random_state=seed)
        except ArpackNoConvergence:  # rare; fall back to a well-iterated randomized SVD
            U, S, _ = randomized_svd(M, k, n_iter=max(n_iter, 20), random_state=seed)
        else:
            order = np.argsort(-S, kind="stable")
            U, Vt = svd_flip(U[:, order], Vt[order])
            S = S[order]
    V = U * (S**eig_power) if eig_power else U
    if k < dim:
        V = np.hstack([V, np.zeros((n, dim - k))])
    return l2_normalize(V) if normalize else np.asarray(V, dtype=np.float32)


def pair_scores(
    C: sp.spmatrix,
    counts: NDArray[np.integer],
    pairs: Iterable[tuple[str, str]],
    index: Mapping[str, int],
    zscore: bool = True,
    unseen: str = "constant",
) -> NDArray[np.float64]:
    """Turney-style seed-pair polarity of every term (METHODS.md §2) from local co-occurrence.

    ``s(w; p, n) = log10(((C[w,p] + 1)/(H(p) + 1)) / ((C[w,n] + 1)/(H(n) + 1)))`` with ``H`` the
    term frequency, averaged over the pairs whose two members are in the vocabulary, then
    z-normalised over the vocabulary. All zeros when no pair is present.

    ``unseen`` says what a term that co-occurs with none of those seeds gets: ``"constant"``
    keeps the formula's value (the same for all of them: a smoothing artefact that
    z-normalisation turns into one nonzero score), ``"missing"`` gives NaN — no evidence, no
    score — and z-normalises over the terms with evidence only. With web hit counts nearly
    every word co-occurs with some seed; in a local corpus most words do not.
    """
    if unseen not in ("constant", "missing"):
        raise ValueError(f"unseen must be 'constant' or 'missing', not {unseen!r}")
    C = sp.csc_matrix(C)
    counts = np.asarray(counts, dtype=np.float64)
    n = C.shape[0]
    acc = np.zeros(n)
    seen = np.zeros(n, dtype=bool)
    used = 0
    for p, q in pairs:
        ip, iq = index.get(p), index.get(q)
        if ip is None or iq is None:
            continue
        hp = C[:, ip].toarray().ravel()
        hq = C[:, iq].toarray().ravel()
        acc += np.log10(((hp + 1.0) / (counts[ip] + 1.0)) / ((hq + 1.0) / (counts[iq] + 1.0)))
        seen |= (hp > 0) | (hq > 0)
        used += 1
    if used == 0:
        return np.zeros(n)
    s = acc / used
    if unseen == "missing":
        s[~seen] = np.nan
    if zscore and np.isfinite(s).any():
        mean, sd = np.nanmean(s), np.nanstd(s)
        s = (s - mean) / sd if sd > 0 else s - mean
    return np.asarray(s)
