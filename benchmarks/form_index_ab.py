"""A/B of ``TokenBatch.form_index``: the pandas ``factorize`` in use against the dictionary
lookup per token it replaced, in one process.

Best of ``--repeat`` interleaved rounds of ``analyze_many`` on the first ``--n`` texts of each
corpus (language given), CPU time. Both methods give the same ids in the same order
(``benchmarks/throughput_equivalence.py`` checks the outputs).

Usage::

    python benchmarks/form_index_ab.py [--n 3000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np

import sentikit
import sentikit.features.batch as ng
from sentikit.io.datasets import load_dataset

CORPORA = {"en": "english-movie-sentences-rt-polarity", "tr": "turkish-movie-reviews"}


def dict_lookup(self: ng.TokenBatch) -> Any:
    """The replaced method: a dict of the distinct forms, one lookup per token."""
    if "forms" not in self._memo:
        forms = self._tokens()[0]
        distinct = list(dict.fromkeys(forms))
        index = dict(zip(distinct, range(len(distinct)), strict=True))
        fids = np.fromiter(map(index.__getitem__, forms), dtype=np.int64, count=len(forms))
        self._memo["forms"] = (distinct, fids)
    return self._memo["forms"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    factorize = ng.TokenBatch.form_index
    methods = {"dict lookup": dict_lookup, "factorize": factorize}
    try:
        for lang, name in CORPORA.items():
            texts = [e.text for e in load_dataset(name, split="all")[: args.n]]
            an = sentikit.load(lang)
            an.analyze_many(texts)
            best = dict.fromkeys(methods, float("inf"))
            for _ in range(args.repeat):
                for label, method in methods.items():
                    ng.TokenBatch.form_index = method  # type: ignore[method-assign]
                    t0 = time.process_time()
                    an.analyze_many(texts)
                    best[label] = min(best[label], time.process_time() - t0)
            rates = {k: len(texts) / v for k, v in best.items()}
            gain = rates["factorize"] / rates["dict lookup"] - 1
            print(
                f"{name}: dict lookup {rates['dict lookup']:,.0f}/s, "
                f"factorize {rates['factorize']:,.0f}/s ({gain:+.1%})"
            )
    finally:
        ng.TokenBatch.form_index = factorize  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
