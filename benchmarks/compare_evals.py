"""Compare two ``sentikit evaluate --json`` results of the same corpus and protocol.

Prints both accuracies, the per-fold differences (B − A), how many folds each side wins, and,
with two folds or more, the paired t-test over folds (the folds of ``sentikit evaluate`` are
fixed, so two runs of the same protocol share them). With ``--json`` the comparison is also
written as JSON.

Usage::

    python benchmarks/compare_evals.py A.json B.json [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import ttest_rel


def compare(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Paired comparison of two evaluation results (``EvalResult.to_dict()``)."""
    for key in ("dataset", "protocol"):
        if a[key] != b[key]:
            raise ValueError(f"the two results differ in {key}: {a[key]!r} vs {b[key]!r}")
    fa = {f["fold"]: f for f in a["folds"]}
    fb = {f["fold"]: f for f in b["folds"]}
    common = sorted(set(fa) & set(fb))
    if not common:
        raise ValueError("the two results share no fold")
    for k in common:
        if (fa[k]["n_train"], fa[k]["n_test"]) != (fb[k]["n_train"], fb[k]["n_test"]):
            raise ValueError(f"fold {k} has different train/test sizes in the two results")
    acc_a = np.array([fa[k]["accuracy"] for k in common])
    acc_b = np.array([fb[k]["accuracy"] for k in common])
    diff = acc_b - acc_a
    p = float(ttest_rel(acc_b, acc_a).pvalue) if len(common) > 1 and diff.any() else None
    return {
        "dataset": a["dataset"],
        "protocol": a["protocol"],
        "folds": common,
        "a": {"model": a.get("model"), "accuracy": float(acc_a.mean())},
        "b": {"model": b.get("model"), "accuracy": float(acc_b.mean())},
        "diff_per_fold": [float(d) for d in diff],
        "diff_mean": float(diff.mean()),
        "b_wins": int((diff > 0).sum()),
        "a_wins": int((diff < 0).sum()),
        "p_value": p,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", type=Path, help="the reference result (sentikit evaluate --json)")
    ap.add_argument("b", type=Path, help="the result compared with it")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    res = compare(json.loads(args.a.read_text()), json.loads(args.b.read_text()))
    p = "n/a (one fold)" if res["p_value"] is None else f"{res['p_value']:.4f}"
    print(
        f"{res['dataset']} {res['protocol']}, {len(res['folds'])} folds: "
        f"A {res['a']['accuracy']:.2f} ({args.a.name}), B {res['b']['accuracy']:.2f} "
        f"({args.b.name}); B − A {res['diff_mean']:+.2f}, B better on {res['b_wins']}, "
        f"worse on {res['a_wins']}; paired t-test p = {p}"
    )
    print("per fold (B − A): " + " ".join(f"{d:+.2f}" for d in res["diff_per_fold"]))
    if args.json is not None:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
