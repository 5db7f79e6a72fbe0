"""Word graphs and label propagation (METHODS.md §4, SentProp-style).

* :func:`knn_graph`: each word's ``k`` nearest neighbours by cosine, edge weight
  ``arccos(−cos(vi, vj))``, symmetrised ``(E + Eᵀ)/2`` (sparse, built block by block).
* :func:`transition`: ``T = D^(−1/2) E D^(−1/2)``.
* :func:`propagate`: the random walk with restart ``p ← β·T·p + (1−β)·s`` for many restart
  vectors at once (one sparse × dense product per step for all bootstrap runs), until the
  largest L1 change of a column is below ``tol`` or ``max_iter`` steps.
* :func:`expanded_seed_matrix`: restart vectors that also cover the words nearest to each
  run's seed axis (seed expansion, see its docstring).
* :func:`signed_scores`: positive and negative runs → ``p⁺/(p⁺ + p⁻)`` per run, z-normalised;
  with antonym edges (a dictionary graph) the walk runs on the doubled graph whose node
  ``(w, −)`` means "opposite polarity to the source": synonym edges join equal signs, antonym
  edges opposite signs.

Examples
--------
>>> import numpy as np
>>> V = np.array([[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9]], dtype=np.float32)
>>> E = knn_graph(V, k=1)
>>> S = seed_matrix(4, [[0]], [[2]])
>>> mean, std = signed_scores(transition(E), S, beta=0.9)
>>> bool(mean[1] > 0 > mean[3])
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.errors import InputError


def knn_graph(
    V: NDArray[np.floating],
    k: int = 5,
    block: int = 1024,
    weight: str = "arccos",
    power: float = 1.0,
) -> sp.csr_matrix:
    """Symmetrised cosine k-nearest-neighbour graph of the (L2-normalised) rows of ``V``.

    Parameters
    ----------
    V : ndarray (n × d)
        Row vectors; they are L2-normalised here (zero rows get no edges).
    k : int
        Neighbours per word (at most ``n − 1``).
    block : int
        Rows per similarity block (memory ≈ ``block × n × 4`` bytes).
    weight : {"arccos", "cos"}
        Edge weight: ``arccos(−cos(vi, vj))`` (METHODS.md §4) or ``max(cos(vi, vj), 0)``.
    power : float
        The weight is raised to this power (1: as is; larger values favour the closest
        neighbours).

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(E + Eᵀ)/2`` with ``E[i, j]`` the weight of ``j`` among ``i``'s neighbours.
    """
    if weight not in ("arccos", "cos"):
        raise InputError(f"weight must be 'arccos' or 'cos', not {weight!r}")
    X = np.asarray(V, dtype=np.float32)
    n = X.shape[0]
    if k < 1:
        raise InputError("k must be ≥ 1")
    if n < 2:
        return sp.csr_matrix((n, n))
    norms = np.linalg.norm(X, axis=1)
    X = X / np.maximum(norms, 1e-12)[:, None]
    zero = norms < 1e-12
    k = min(k, n - 1)
    rows, cols, vals = [], [], []
    XT = np.ascontiguousarray(X.T)
    for start in range(0, n, block):
        end = min(n, start + block)
        S = X[start:end] @ XT
        S[np.arange(end - start), np.arange(start, end)] = -np.inf
        if zero.any():
            S[:, zero] = -np.inf
        m = S.shape[1]
        idx = np.argpartition(S, m - k, axis=1)[:, m - k :]
        sims = np.take_along_axis(S, idx, axis=1)
        keep = np.isfinite(sims) & ~zero[start:end, None]
        r = np.repeat(np.arange(start, end), k).reshape(-1, k)
        rows.append(r[keep])
        cols.append(idx[keep])
        c = np.clip(sims[keep].astype(np.float64), -1.0, 1.0)
        w = np.arccos(-c) if weight == "arccos" else np.maximum(c, 0.0)
        vals.append(w**power if power != 1.0 else w)
    E = sp.csr_matrix(
        (np.concatenate(vals).astype(np.float64), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n, n),
    )
    return ((E + E.T) * 0.5).tocsr()


def transition(E: sp.spmatrix) -> sp.csr_matrix:
    """``D^(−1/2) E D^(−1/2)`` (isolated nodes keep zero rows)."""
    E = sp.csr_matrix(E, dtype=np.float64)
    d = np.asarray(E.sum(axis=1)).ravel()
    inv = np.zeros_like(d)
    nz = d > 0
    inv[nz] = 1.0 / np.sqrt(d[nz])
    Dm = sp.diags(inv)
    return (Dm @ E @ Dm).tocsr()


def doubled(E_syn: sp.spmatrix, E_ant: sp.spmatrix) -> sp.csr_matrix:
    """The 2n-node graph ``[[S, A], [A, S]]`` of a synonym/antonym graph (see module doc)."""
    S = sp.csr_matrix(E_syn, dtype=np.float64)
    A = sp.csr_matrix(E_ant, dtype=np.float64)
    return sp.bmat([[S, A], [A, S]], format="csr")


def seed_matrix(
    n: int, positive_runs: Sequence[Sequence[int]], negative_runs: Sequence[Sequence[int]]
) -> NDArray[np.float64]:
    """Restart vectors: one column per positive run, then one per negative run (uniform over
    the run's seed nodes)."""
    if len(positive_runs) != len(negative_runs):
        raise InputError("need as many positive as negative seed runs")
    runs = list(positive_runs) + list(negative_runs)
    S = np.zeros((n, len(runs)))
    for j, ids in enumerate(runs):
        ids = list(ids)
        if not ids:
            raise InputError("a seed run has no seed in the graph")
        S[ids, j] = 1.0 / len(ids)
    return S


def expanded_seed_matrix(
    V: NDArray[np.floating],
    n: int,
    positive_runs: Sequence[Sequence[int]],
    negative_runs: Sequence[Sequence[int]],
    share: float,
) -> NDArray[np.float64]:
    """Restart vectors of :func:`seed_matrix` with each run's seeds *expanded*: a run's
    restart mass is spread uniformly over its seeds and the ``m = round(share · len(V))``
    words that lie furthest towards its pole on the run's seed axis (cosine to the run's
    positive seed centroid minus cosine to its negative one: the seed-centroid measure,
    computed per run).

    The walk then starts from the polar region of the vector space and not only from a few
    seed words, whose corpus neighbourhoods can be about something else than sentiment
    (*tatlı/acı* "sweet/bitter" lead to food words); the graph still decides every score.

    Parameters
    ----------
    V : ndarray (len(V) × d)
        Word vectors of the first ``len(V)`` nodes (the corpus vocabulary); nodes beyond them
        (WordNet-only words) are never expansion words.
    n : int
        Number of nodes (rows of the result).
    positive_runs, negative_runs : sequences of node-index sequences
        As :func:`seed_matrix`; seeds beyond the first ``len(V)`` nodes have no vector and do
        not enter the axis (a run with no seed vector on one side is not expanded).
    share : float
        Expansion words per pole as a share of ``len(V)``, in ``[0, 0.25]`` (0: plain seeds).

    Examples
    --------
    >>> V = np.array([[1, 0], [0.9, 0.1], [0.6, 0.4], [0.5, 0.5],
    ...               [0, 1], [0.1, 0.9], [0.4, 0.6], [0.45, 0.55]])
    >>> S = expanded_seed_matrix(V, 8, [[0]], [[4]], share=0.25)  # m = 2 words per pole
    >>> np.flatnonzero(S[:, 0]).tolist(), np.flatnonzero(S[:, 1]).tolist()
    ([0, 1], [4, 5])
    """
    if not 0.0 <= share <= 0.25:
        raise InputError(f"seed expansion share must be in [0, 0.25], got {share}")
    S = seed_matrix(n, positive_runs, negative_runs)
    m = int(round(share * len(V)))
    if m == 0:
        return S
    X = np.asarray(V, dtype=np.float64)
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)
    B = len(positive_runs)

    def unit(v: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(v / max(float(np.linalg.norm(v)), 1e-12))

    nv = len(X)
    for j, (p, q) in enumerate(zip(positive_runs, negative_runs, strict=True)):
        p_in = [i for i in p if i < nv]
        q_in = [i for i in q if i < nv]
        if not p_in or not q_in:  # no seed axis for this run (its seeds lack vectors)
            continue
        d = X @ (unit(X[p_in].mean(axis=0)) - unit(X[q_in].mean(axis=0)))
        for col, words, seeds in (
            (j, np.argpartition(-d, m - 1)[:m], p),
            (B + j, np.argpartition(d, m - 1)[:m], q),
        ):
            mask = np.zeros(n, dtype=bool)
            mask[words] = True
            mask[list(seeds)] = True
            S[:, col] = mask / mask.sum()
    return S


def propagate(
    T: sp.spmatrix,
    S: NDArray[np.float64],
    beta: float = 0.9,
    tol: float = 1e-6,
    max_iter: int = 120,
) -> tuple[NDArray[np.float64], int]:
    """Random walk with restart for every column of ``S`` at once.

    Returns
    -------
    (ndarray, int)
        The stationary vectors (same shape as ``S``) and the number of steps taken.
    """
    if not 0.0 < beta < 1.0:
        raise InputError("beta must be in (0, 1)")
    T = sp.csr_matrix(T)
    restart = (1.0 - beta) * S
    P = np.array(S, dtype=np.float64, copy=True)
    steps = 0
    for steps in range(1, max_iter + 1):  # noqa: B007 - steps is returned
        Pn = T @ P
        Pn *= beta
        Pn += restart
        delta = float(np.abs(Pn - P).sum(axis=0).max()) if P.size else 0.0
        P = Pn
        if delta < tol:
            break
    return P, steps


def signed_scores(
    T: sp.spmatrix,
    S: NDArray[np.float64],
    beta: float = 0.9,
    tol: float = 1e-6,
    max_iter: int = 120,
    n_nodes: int | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Polarity per node: mean and standard deviation over runs of the z-normalised
    ``p⁺/(p⁺ + p⁻)``.

    Parameters
    ----------
    T : sparse matrix
        Transition matrix over ``n`` nodes, or over ``2n`` nodes of a :func:`doubled` graph
        (then give ``n_nodes = n``; ``S`` has ``2n`` rows with the seeds on the first ``n``).
    S : ndarray
        :func:`seed_matrix` columns: ``B`` positive runs then ``B`` negative runs.
    """
    P, _ = propagate(T, S, beta, tol, max_iter)
    return walk_scores(P, n_nodes)


def walk_scores(
    P: NDArray[np.float64], n_nodes: int | None = None
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """:func:`signed_scores` from the stationary vectors ``P`` of :func:`propagate` (``B``
    positive runs then ``B`` negative runs; ``n_nodes`` as there)."""
    B = P.shape[1] // 2
    if n_nodes is None:
        pos, neg = P[:, :B], P[:, B:]
    else:
        n = n_nodes
        pos = P[:n, :B] + P[n:, B:]
        neg = P[:n, B:] + P[n:, :B]
    tot = pos + neg
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(tot > 0, pos / np.where(tot > 0, tot, 1.0), 0.5)
    mu = r.mean(axis=0, keepdims=True)
    sd = r.std(axis=0, keepdims=True)
    z = (r - mu) / np.where(sd > 0, sd, 1.0)
    return z.mean(axis=1), z.std(axis=1)


__all__ = [
    "doubled",
    "expanded_seed_matrix",
    "knn_graph",
    "propagate",
    "seed_matrix",
    "signed_scores",
    "transition",
    "walk_scores",
]
