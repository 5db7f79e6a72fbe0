from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from sentikit.errors import InputError
from sentikit.lexicon.graph import (
    doubled,
    expanded_seed_matrix,
    knn_graph,
    propagate,
    seed_matrix,
    signed_scores,
    transition,
    walk_scores,
)


def test_knn_graph_symmetric_with_arccos_weights() -> None:
    rng = np.random.default_rng(0)
    V = rng.normal(size=(50, 8)).astype(np.float32)
    E = knn_graph(V, k=3, block=7)  # several blocks
    assert (abs(E - E.T)).max() < 1e-12
    assert E.diagonal().sum() == 0
    X = V / np.linalg.norm(V, axis=1, keepdims=True)
    S = X @ X.T
    np.fill_diagonal(S, -np.inf)
    i = 4
    nn = np.argsort(-S[i])[:3]
    for j in nn:  # each of i's neighbours carries at least half the arccos weight
        assert E[i, j] >= 0.5 * np.arccos(-S[i, j]) - 1e-6
    assert E.getnnz(axis=1).min() >= 3


def test_knn_zero_rows_get_no_edges() -> None:
    V = np.array([[1, 0], [0.9, 0.1], [0, 0], [0, 1]], dtype=np.float32)
    E = knn_graph(V, k=1)
    assert E[2].nnz == 0 and E[:, 2].nnz == 0


def test_propagate_matches_closed_form() -> None:
    rng = np.random.default_rng(1)
    A = sp.random(30, 30, density=0.2, random_state=1)
    E = (A + A.T).tocsr()
    T = transition(E)
    S = seed_matrix(30, [[0, 1], [2]], [[5], [6, 7]])
    P, steps = propagate(T, S, beta=0.8, tol=1e-12, max_iter=1000)
    exact = np.linalg.solve(np.eye(30) - 0.8 * T.toarray(), 0.2 * S)
    assert np.allclose(P, exact, atol=1e-9)
    assert 1 < steps < 1000
    # vectorized runs equal runs one at a time
    P0, _ = propagate(T, S[:, [1]], beta=0.8, tol=1e-12, max_iter=1000)
    assert np.allclose(P[:, 1], P0[:, 0])
    assert rng is not None


def test_signed_scores_and_doubled_graph() -> None:
    # chain 0 - 1 - 2 - 3 (synonyms); 3 antonym of 4
    n = 5
    syn = sp.csr_matrix(([1.0] * 6, ([0, 1, 1, 2, 2, 3], [1, 0, 2, 1, 3, 2])), shape=(n, n))
    ant = sp.csr_matrix(([1.0, 1.0], ([3, 4], [4, 3])), shape=(n, n))
    T = transition(doubled(syn, ant))
    S = np.vstack([seed_matrix(n, [[0]], [[2]]), np.zeros((n, 2))])
    mean, std = signed_scores(T, S, beta=0.9, n_nodes=n)
    assert mean[0] > 0 and mean[2] < 0
    assert mean[4] > 0  # antonym of a negative-leaning word
    assert np.all(std == 0)
    # the same scores from the walk's stationary vectors (how the inducer gets its steps too)
    P, steps = propagate(T, S, beta=0.9)
    m2, s2 = walk_scores(P, n_nodes=n)
    assert np.array_equal(m2, mean) and np.array_equal(s2, std) and steps > 1


def test_errors() -> None:
    with pytest.raises(InputError):
        seed_matrix(3, [[0]], [])
    with pytest.raises(InputError):
        seed_matrix(3, [[]], [[1]])
    with pytest.raises(InputError):
        propagate(sp.eye(3), np.ones((3, 1)), beta=1.0)
    with pytest.raises(InputError):
        knn_graph(np.ones((3, 2)), k=0)


def test_expanded_seed_matrix_covers_each_runs_pole() -> None:
    rng = np.random.default_rng(3)
    axis = np.array([1.0, -1.0, 0, 0])
    V = rng.normal(size=(40, 4)) * 0.3
    V[:20] += axis  # rows 0..19 lean positive, 20..39 negative
    V[20:] -= axis
    S = expanded_seed_matrix(V, 45, [[0, 1], [2]], [[20], [21, 22]], share=0.1)  # m = 4
    assert S.shape == (45, 4)
    assert np.allclose(S.sum(axis=0), 1.0)
    for col, seeds in ((0, [0, 1]), (1, [2]), (2, [20]), (3, [21, 22])):
        support = set(np.flatnonzero(S[:, col]).tolist())
        assert set(seeds) <= support and 4 <= len(support) <= 4 + len(seeds)
        assert np.allclose(S[sorted(support), col], 1.0 / len(support))  # uniform
    assert np.nonzero(S[:, :2])[0].max() < 20 <= np.nonzero(S[:, 2:])[0].min()
    assert not S[40:].any()  # nodes without vectors are never expansion words
    # share 0 is the plain seed matrix
    plain = seed_matrix(45, [[0, 1], [2]], [[20], [21, 22]])
    assert np.array_equal(expanded_seed_matrix(V, 45, [[0, 1], [2]], [[20], [21, 22]], 0.0), plain)


def test_expanded_seed_matrix_skips_runs_without_seed_vectors() -> None:
    V = np.eye(4)
    S = expanded_seed_matrix(V, 6, [[5]], [[1]], share=0.25)  # seed 5 has no vector
    assert np.array_equal(S, seed_matrix(6, [[5]], [[1]]))
    with pytest.raises(InputError):
        expanded_seed_matrix(V, 6, [[0]], [[1]], share=0.5)
