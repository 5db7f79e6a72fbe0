"""Throughput and peak memory of ``sentikit.analyze_frame`` against ``sentikit.analyze``.

The same ``n`` short texts (tweets of the English SemEval-2017 and Turkish BounTi corpora of
``../shared/datasets``, cycled to ``n``; hand-written short reviews where those are absent) go
through ``analyze(df["review"])`` (a list of result dicts) and ``analyze_frame(df)`` (a
DataFrame) in the same process, alternating, ``--rounds`` times each, after a warm-up that
loads the models. Throughput is texts per second of each run; the floor is the ratio of the
medians, ≥ 0.90.

Memory: one more ``analyze_frame`` run under :mod:`tracemalloc` (every Python and NumPy
allocation, so the Analyzer's per-batch work and the output frame included; the models were
loaded before and are not counted). Its peak is compared with the input DataFrame's own
memory, ``df.memory_usage(deep=True).sum()`` (the floor: ≤ 1.5 ×), and with the output
frame's; for reference, the peak of ``iter_analyze`` over the same texts with every result
dropped as it comes (the Analyzer's own per-batch work, which any caller pays).
``--compare-memory`` measures ``analyze()``'s peak the same way.

Usage::

    nice -n 10 python benchmarks/frame_speed.py --n 100000 --rounds 3 --json frame_speed.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from collections import deque
from collections.abc import Callable
from itertools import cycle, islice
from typing import Any

import pandas as pd

import sentikit
from sentikit.errors import SentikitError

#: (corpus, split) pairs of short texts.
CORPORA = (("english-tweets-semeval2017-3class", "train"), ("turkish-tweets-bounti-3class", None))
FALLBACK = [
    "Great film, loved the music.",
    "Awful plot and bad acting.",
    "Harika bir film, herkese tavsiye ederim.",
    "Berbat bir film, çok sıkıcıydı.",
    "It was ok, nothing special.",
    "Fena değildi ama uzundu.",
]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def short_texts(n: int) -> tuple[list[str], str]:
    """``n`` short texts and where they come from."""
    from sentikit.io.datasets import load_dataset

    pools: list[list[str]] = []
    names = []
    for name, split in CORPORA:
        try:
            pools.append([e.text for e in load_dataset(name, split)])
            names.append(name)
        except (SentikitError, OSError) as exc:
            log(f"{name}: not used ({exc})")
    if not pools:
        return list(islice(cycle(FALLBACK), n)), "hand-written short reviews"
    mixed = [t for group in zip(*pools, strict=False) for t in group]  # interleave languages
    return list(islice(cycle(mixed), n)), " + ".join(names)


def timed(fn: Callable[[], Any], n: int) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return n / (time.perf_counter() - t0), out


def peak_bytes(fn: Callable[[], Any]) -> tuple[int, Any]:
    """The peak of traced allocations while ``fn`` runs, above what was allocated before."""
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    out = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak - base, out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--lang", default=None, help="tr, en, or none to detect each text's")
    ap.add_argument("--compare-memory", action="store_true", help="also trace analyze()")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)

    texts, source = short_texts(args.n)
    df = pd.DataFrame({"review": texts})
    lang = args.lang
    log(f"{len(texts):,} texts from {source}; mean {statistics.mean(map(len, texts)):.0f} chars")
    sentikit.analyze(df["review"].iloc[:2000], lang=lang)  # warm-up: load the models
    sentikit.analyze_frame(df.iloc[:2000], lang=lang)

    runs: dict[str, Callable[[], Any]] = {
        "analyze": lambda: sentikit.analyze(df["review"], lang=lang),
        "analyze_frame": lambda: sentikit.analyze_frame(df, lang=lang),
    }
    rates: dict[str, list[float]] = {k: [] for k in runs}
    for r in range(args.rounds):
        order = list(runs) if r % 2 == 0 else list(reversed(runs))  # alternate who goes first
        for name in order:
            rate, out = timed(runs[name], len(df))
            rates[name].append(rate)
            del out
        log(
            f"round {r + 1} ({' then '.join(order)}): analyze {rates['analyze'][-1]:,.0f}/s, "
            f"analyze_frame {rates['analyze_frame'][-1]:,.0f}/s"
        )

    df_bytes = int(df.memory_usage(deep=True).sum())
    # the Analyzer's own batch work, results dropped as they come (what any caller pays)
    drain, _ = peak_bytes(lambda: deque(sentikit.iter_analyze(texts, lang=lang), maxlen=0))
    peak, out = peak_bytes(lambda: sentikit.analyze_frame(df, lang=lang))
    out_bytes = int(out.memory_usage(deep=True).sum())
    del out
    med = {k: statistics.median(v) for k, v in rates.items()}
    result: dict[str, Any] = {
        "n": len(df),
        "source": source,
        "lang": lang,
        "rounds": args.rounds,
        "rate_analyze": rates["analyze"],
        "rate_analyze_frame": rates["analyze_frame"],
        "median_rate_analyze": med["analyze"],
        "median_rate_analyze_frame": med["analyze_frame"],
        "throughput_ratio": med["analyze_frame"] / med["analyze"],
        "input_frame_bytes": df_bytes,
        "output_frame_bytes": out_bytes,
        "analyze_frame_peak_bytes": peak,
        "iter_analyze_drained_peak_bytes": drain,
        "peak_over_input_frame": peak / df_bytes,
        "peak_over_output_frame": peak / out_bytes,
    }
    if args.compare_memory:
        peak_a, out_a = peak_bytes(lambda: sentikit.analyze(df["review"], lang=lang))
        del out_a
        result["analyze_peak_bytes"] = peak_a
    for k, v in result.items():
        print(f"{k}: {v:,.3f}" if isinstance(v, float) else f"{k}: {v}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
    return result


if __name__ == "__main__":
    main()
