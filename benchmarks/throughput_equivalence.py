"""Check that speed work leaves sentikit's outputs unchanged.

``--save FILE`` writes, for the benchmark corpora, the fast-path Documents
(``make_docs(texts)[i].to_dict()``), the results of ``Analyzer.analyze_many`` (language given and
detected) and, on a slice, ``explain=True`` results, as gzipped JSON. ``--compare FILE`` computes
the same with the current code and reports every difference: exact equality for strings, labels,
spans and structure; floats equal within ``--tol`` (default 1e-9).

Usage (keep the reference outside the repo)::

    python benchmarks/throughput_equivalence.py --save /tmp/speed/reference.json.gz
    # ... change code ...
    python benchmarks/throughput_equivalence.py --compare /tmp/speed/reference.json.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import sentikit
from sentikit.io.datasets import load_dataset
from sentikit.lang import get_processor

CORPORA = [
    ("en", "english-movie-sentences-rt-polarity", "all"),
    ("en", "sst-ptb-trees", "test"),
    ("tr", "turkish-movie-reviews", "all"),
    ("tr", "turkish-twitter-sentiment", "test"),
]


def _texts(name: str, split: str) -> list[str]:
    return [str(e.text) for e in load_dataset(name, split=split)]


def collect(n: int | None, n_explain: int, only: str | None = None) -> dict[str, Any]:
    """All outputs to compare, keyed by corpus and mode."""
    out: dict[str, Any] = {}
    for lang, name, split in CORPORA:
        if only is not None and lang != only:
            continue
        texts = _texts(name, split)[:n]
        t0 = time.perf_counter()
        key = f"{name}:{split}"
        out[key + ":docs"] = [d.to_dict() for d in get_processor(lang).make_docs(texts)]
        out[key + ":fixed"] = sentikit.load(lang).analyze_many(texts)
        out[key + ":auto"] = sentikit.load(None).analyze_many(texts)
        if n_explain:
            out[key + ":explain"] = sentikit.load(lang).analyze_many(
                texts[:n_explain], explain=True
            )
        print(f"{key}: {len(texts)} texts, {time.perf_counter() - t0:.1f} s", flush=True)
    return out


def diff(a: Any, b: Any, path: str, tol: float, found: list[str], limit: int = 50) -> None:
    """Append a line per difference between ``a`` (reference) and ``b`` (current)."""
    if len(found) >= limit:
        return
    if isinstance(a, float) or isinstance(b, float):
        if not isinstance(a, int | float) or not isinstance(b, int | float):
            found.append(f"{path}: {a!r} != {b!r}")
        elif abs(float(a) - float(b)) > tol:
            found.append(f"{path}: {a!r} != {b!r} (|d| = {abs(float(a) - float(b)):.3g})")
        return
    if type(a) is not type(b):
        found.append(f"{path}: type {type(a).__name__} != {type(b).__name__}")
        return
    if isinstance(a, dict):
        if list(a) != list(b):
            found.append(f"{path}: keys {list(a)} != {list(b)}")
            return
        for k in a:
            diff(a[k], b[k], f"{path}.{k}", tol, found, limit)
    elif isinstance(a, list):
        if len(a) != len(b):
            found.append(f"{path}: length {len(a)} != {len(b)}")
            return
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            diff(x, y, f"{path}[{i}]", tol, found, limit)
    elif a != b:
        found.append(f"{path}: {a!r} != {b!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--compare", type=Path)
    ap.add_argument("--n", type=int, default=None, help="texts per corpus (default: all)")
    ap.add_argument("--n-explain", type=int, default=100)
    ap.add_argument("--tol", type=float, default=1e-9)
    ap.add_argument("--lang", choices=["tr", "en"], default=None, help="compare one language only")
    args = ap.parse_args()
    if args.save:
        data = collect(args.n, args.n_explain)
        args.save.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(args.save, "wt", encoding="utf-8") as f:
            json.dump({"n": args.n, "n_explain": args.n_explain, "data": data}, f)
        print(f"saved {args.save}")
        return 0
    with gzip.open(args.compare, "rt", encoding="utf-8") as f:
        ref = json.load(f)
    cur = collect(ref["n"], ref["n_explain"], args.lang)
    bad = 0
    for key, value in ref["data"].items():
        if key not in cur:
            continue
        found: list[str] = []
        diff(value, cur.get(key), key, args.tol, found)
        status = "identical" if not found else f"{len(found)}+ differences"
        print(f"{key}: {len(value)} records {status}")
        for line in found[:10]:
            print("   ", line)
        bad += bool(found)
    print("OK: all outputs identical" if not bad else f"FAIL: {bad} output sets differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
