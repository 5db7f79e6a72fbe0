"""Stacked fusion of a linear ensemble's family logits (:mod:`sentikit.models.linear`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from sentikit.models.classifiers import NEUTRAL


def fit_fusion(
    oof: list[NDArray[np.float64]],
    y: NDArray[Any],
    classes: NDArray[Any],
    sample_weight: NDArray[np.float64] | None = None,
    polar_only: NDArray[np.bool_] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Non-negative family weights and class biases minimizing log loss on out-of-fold logits
    (weighted by ``sample_weight``, normalized to mean 1).

    The fused logit of class ``c`` is ``Σ_k w_k · z_k[c] + b_c`` (binary: one logit). A
    ``polar_only`` row (a corpus without a neutral class) is scored on positive against
    negative only: its loss is ``−log P(y) / (P(positive) + P(negative))``
    (:mod:`sentikit.models.classifiers`).
    """
    from scipy.optimize import minimize

    n_fam = len(oof)
    width = oof[0].shape[1]
    Z = np.stack(oof, axis=0)  # (families, n, width)
    sw = np.ones(len(y)) if sample_weight is None else sample_weight / sample_weight.mean()
    if width == 1:
        t = (y == classes[1]).astype(np.float64)
    else:
        Y = (y[:, None] == classes[None, :]).astype(np.float64)
        # the classes a row's label is chosen among: all, or all but neutral
        allowed = np.ones_like(Y, dtype=bool)
        if polar_only is not None and NEUTRAL in set(classes):
            allowed[np.ix_(polar_only, classes == NEUTRAL)] = False

    def loss(params: NDArray[np.float64]) -> float:
        w, b = params[:n_fam], params[n_fam:]
        z = np.tensordot(w, Z, axes=1) + b
        if width == 1:
            zz = z[:, 0]
            return float(np.mean(sw * (np.logaddexp(0.0, zz) - t * zz))) + 1e-4 * float(w @ w)
        zmax = np.where(allowed, z, -np.inf).max(axis=1, keepdims=True)
        lse = zmax[:, 0] + np.log(np.exp(np.where(allowed, z - zmax, -np.inf)).sum(axis=1))
        return float(np.mean(sw * (lse - (Y * z).sum(axis=1)))) + 1e-4 * float(w @ w)

    x0 = np.concatenate([np.full(n_fam, 1.0 / n_fam), np.zeros(width)])
    bounds = [(0.0, None)] * n_fam + [(None, None)] * width
    res = minimize(loss, x0, method="L-BFGS-B", bounds=bounds)
    return np.asarray(res.x[:n_fam]), np.asarray(res.x[n_fam:])
