"""Tests for co-occurrence counting, PPMI, SVD and seed-pair scores."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.stats.cooccurrence import (
    build_vocabulary,
    cooccurrence,
    encode_units,
    pair_scores,
    ppmi,
    svd_embed,
)


def _brute(units: list[list[int]], n: int, window: int | None, harmonic: bool) -> np.ndarray:
    C = np.zeros((n, n))
    for u in units:
        for i, a in enumerate(u):
            for j, b in enumerate(u):
                d = abs(i - j)
                if d == 0 or a < 0 or b < 0 or (window is not None and d > window):
                    continue
                C[a, b] += 1.0 / d if harmonic else 1.0
    return C


@pytest.mark.parametrize("window", [1, 2, 5, None])
@pytest.mark.parametrize("harmonic", [False, True])
def test_cooccurrence_matches_brute_force(window: int | None, harmonic: bool) -> None:
    rng = np.random.default_rng(0)
    units = [list(rng.integers(-1, 7, size=rng.integers(0, 12))) for _ in range(40)]
    C = cooccurrence(
        units,
        n_terms=7,
        window=window,
        weighting="harmonic" if harmonic else "uniform",
        batch_tokens=25,
    )
    np.testing.assert_allclose(C.toarray(), _brute(units, 7, window, harmonic))
    assert (C != C.T).nnz == 0


def test_vocabulary_and_encoding() -> None:
    units = [["a", "b", "a"], ["c", "a"], ["b"]]
    terms, counts = build_vocabulary(units, min_count=2)
    assert terms == ["a", "b"] and counts.tolist() == [3, 2]
    enc = list(encode_units(units, {t: i for i, t in enumerate(terms)}))
    assert [e.tolist() for e in enc] == [[0, 1, 0], [-1, 0], [1]]
    assert build_vocabulary(units, max_size=1)[0] == ["a"]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        cooccurrence([[0, 1]], n_terms=2, window=0)
    with pytest.raises(ValueError):
        cooccurrence([[0, 1]], n_terms=2, weighting="gaussian")


def test_ppmi_is_positive_and_drops_independent_pairs() -> None:
    C = np.array([[0, 10, 0], [10, 0, 1], [0, 1, 0]], dtype=float)
    import scipy.sparse as sp

    P = ppmi(sp.csr_matrix(C), cds=1.0)
    assert (P.data > 0).all()
    # PMI by hand for (0, 1): log(C01 * total / (r0 * c1))
    total = C.sum()
    expect = np.log(10 * total / (C[0].sum() * C[:, 1].sum()))
    assert P[0, 1] == pytest.approx(max(expect, 0.0))


def test_svd_embed_shapes_and_norms() -> None:
    rng = np.random.default_rng(1)
    import scipy.sparse as sp

    M = sp.random(30, 30, density=0.3, random_state=rng)
    V = svd_embed(M, dim=5)
    assert V.shape == (30, 5) and V.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(V[np.linalg.norm(V, axis=1) > 0], axis=1), 1, 1e-5)
    assert svd_embed(M, dim=40).shape == (30, 40)


@pytest.mark.parametrize("n", [40, 200])  # dense path (n ≤ 3·dim) and ARPACK
def test_svd_embed_arpack_is_the_exact_svd_whatever_the_seed(n: int) -> None:
    import scipy.sparse as sp

    rng = np.random.default_rng(3)
    M = sp.random(n, n, density=0.2, random_state=rng, format="csr")
    M = M + M.T
    dim = 12
    U, S, _ = np.linalg.svd(M.toarray())
    order = np.argsort(-S)[:dim]
    exact = U[:, order] * S[order] ** 0.5
    a = svd_embed(M, dim=dim, eig_power=0.5, normalize=False, solver="arpack", seed=0)
    b = svd_embed(M, dim=dim, eig_power=0.5, normalize=False, solver="arpack", seed=7)
    # the same components up to sign: compare the Gram matrices (cosines between terms)
    np.testing.assert_allclose(a @ a.T, exact @ exact.T, atol=1e-4)
    np.testing.assert_allclose(np.abs(a), np.abs(b), atol=1e-4)
    np.testing.assert_allclose(a, b, atol=1e-4)  # same signs too (svd_flip)
    # the randomized solver with few iterations moves with the seed
    r0 = svd_embed(M, dim=dim, n_iter=1, seed=0)
    r1 = svd_embed(M, dim=dim, n_iter=1, seed=1)
    assert not np.allclose(np.abs(r0), np.abs(r1), atol=1e-3)
    with pytest.raises(ValueError):
        svd_embed(M, dim=dim, solver="lanczos")


def test_svd_embed_arpack_falls_back_when_it_does_not_converge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import scipy.sparse as sp
    import scipy.sparse.linalg as sla

    rng = np.random.default_rng(4)
    M = sp.random(200, 200, density=0.2, random_state=rng, format="csr")
    M = M + M.T
    exact = svd_embed(M, dim=12, solver="arpack")

    def no_convergence(*args: object, **kwargs: object) -> None:
        raise sla.ArpackNoConvergence("no convergence", np.zeros(0), np.zeros((0, 0)))

    monkeypatch.setattr(sla, "svds", no_convergence)
    V = svd_embed(M, dim=12, solver="arpack")
    assert V.shape == (200, 12)
    # the fallback (randomized, ≥ 20 iterations) gives nearly the same cosines
    np.testing.assert_allclose(np.abs(V @ V.T), np.abs(exact @ exact.T), atol=0.05)


def test_pair_scores_separate_polar_contexts() -> None:
    units = [["great", "good", "film"]] * 5 + [["awful", "bad", "film"]] * 5 + [["good", "bad"]]
    terms, counts = build_vocabulary(units)
    index = {t: i for i, t in enumerate(terms)}
    C = cooccurrence(encode_units(units, index), len(terms), window=2)
    s = pair_scores(C, counts, [("good", "bad")], index)
    assert s[index["great"]] > 0 > s[index["awful"]]
    assert abs(s.mean()) < 1e-9
    assert not pair_scores(C, counts, [("love", "hate")], index).any()


def test_pair_scores_unseen_terms_missing_or_constant() -> None:
    units = [["great", "good", "film"]] * 8 + [["awful", "bad", "film"]] * 5
    units += [["plot", "twist", "ending"]] * 3  # never near a seed
    terms, counts = build_vocabulary(units)
    index = {t: i for i, t in enumerate(terms)}
    C = cooccurrence(encode_units(units, index), len(terms), window=2)
    const = pair_scores(C, counts, [("good", "bad")], index)
    miss = pair_scores(C, counts, [("good", "bad")], index, unseen="missing")
    lonely = [index[t] for t in ("plot", "twist", "ending")]
    # the formula gives every unseen term one common value, which z-scoring makes nonzero
    assert len(set(const[lonely].round(12))) == 1 and const[lonely[0]] != 0
    assert np.isnan(miss[lonely]).all()
    seen = np.isfinite(miss)
    assert abs(miss[seen].mean()) < 1e-9 and abs(miss[seen].std() - 1) < 1e-9
    assert miss[index["great"]] > 0 > miss[index["awful"]]
    with pytest.raises(ValueError):
        pair_scores(C, counts, [("good", "bad")], index, unseen="zero")


def test_targets_restrict_to_target_rows_and_columns() -> None:
    rng = np.random.default_rng(2)
    units = [list(rng.integers(-1, 9, size=rng.integers(0, 15))) for _ in range(30)]
    full = cooccurrence(units, n_terms=9, window=3).toarray()
    part = cooccurrence(units, n_terms=9, window=3, targets=[2, 5]).toarray()
    np.testing.assert_allclose(part[:, [2, 5]], full[:, [2, 5]])
    np.testing.assert_allclose(part[[2, 5], :], full[[2, 5], :])
    mask = np.ones((9, 9), bool)
    mask[:, [2, 5]] = mask[[2, 5], :] = False
    assert not part[mask].any()
