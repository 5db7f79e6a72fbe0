"""Throughput of ``sentikit.analyze`` with the shipped models, beside a TF-IDF + LR baseline.

Measures, in one process and one run (so that the ratios hold on a noisy, shared machine):

- warm throughput of the public path, ``sentikit.analyze(texts, lang=...)`` (language given)
  and ``sentikit.analyze(texts)`` (language identified per text), ``explain=False``, which
  builds the full result dicts with document and sentence labels and scores, on English movie
  sentences and Turkish movie reviews;
- the prediction throughput of a TF-IDF word 1–2-gram + logistic regression baseline trained on
  the same texts (its ``predict`` on the same texts), as the reference;
- cold start: ``import sentikit`` + loading the shipped model of each language + one analysis,
  in a fresh subprocess.

The three warm measurements are interleaved round by round; each rate is the best of
``--repeat`` rounds, by wall-clock time and by process CPU time (CPU time is less sensitive to
other processes on a shared machine). The ratio sentikit/baseline is given for both, and the
median of the per-round wall-clock ratios (each round measures both back to back). The load
average before and after is recorded.

Usage::

    python benchmarks/throughput.py [--n 3000] [--repeat 7] [--out docs/notes/throughput.md]
        [--json docs/results/throughput.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sentikit.evaluation.baselines import TfidfLogReg
from sentikit.io.datasets import load_dataset

CORPORA = {
    "en": ("english-movie-sentences-rt-polarity", "all", "English movie sentences"),
    "tr": ("turkish-movie-reviews", "all", "Turkish movie reviews"),
}


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def cold_start(lang: str) -> float:
    """Seconds for a fresh interpreter to import sentikit, load the ``lang`` model, analyze."""
    code = (
        "import time; t=time.perf_counter(); import sentikit; "
        f"a=sentikit.load({lang!r}); a.analyze('ok'); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def measure(lang: str, n: int, repeat: int, cold_runs: int) -> dict[str, Any]:
    """All figures of one corpus."""
    import sentikit

    name, split, title = CORPORA[lang]
    ex = load_dataset(name, split=split)[:n]
    texts = [e.text for e in ex]
    labels = [str(e.label) for e in ex]
    base = TfidfLogReg(lang=lang).fit(texts, labels)
    # the same model without negation and contrast composition: what composition costs
    linear = sentikit.load(lang)
    linear._model(lang).est.composition = None
    fns: dict[str, Callable[[], object]] = {
        "baseline": lambda: base.predict(texts),
        "fixed": lambda: sentikit.analyze(texts, lang=lang),
        "auto": lambda: sentikit.analyze(texts),
        "linear": lambda: linear.analyze_many(texts),
    }
    for fn in fns.values():  # warm: models loaded, caches filled
        fn()
    wall: dict[str, list[float]] = {k: [] for k in fns}
    cpu: dict[str, list[float]] = {k: [] for k in fns}
    for r in range(repeat):
        for k, fn in fns.items():
            w, c = _timed(fn)
            wall[k].append(w)
            cpu[k].append(c)
        print(
            f"  {lang} round {r + 1}/{repeat}: "
            + ", ".join(f"{k} {len(texts) / wall[k][-1]:,.0f}/s" for k in fns),
            flush=True,
        )
    rate = {k: len(texts) / min(v) for k, v in wall.items()}
    rate_cpu = {k: len(texts) / min(v) for k, v in cpu.items()}
    round_ratio = [b / f for f, b in zip(wall["fixed"], wall["baseline"], strict=True)]
    colds = [cold_start(lang) for _ in range(cold_runs)]
    return {
        "corpus": title,
        "dataset": name,
        "lang": lang,
        "texts": len(texts),
        "rate_fixed": rate["fixed"],
        "rate_auto": rate["auto"],
        "rate_baseline": rate["baseline"],
        "rate_linear": rate["linear"],
        "ratio_fixed_linear": rate["fixed"] / rate["linear"],
        "ratio_fixed": rate["fixed"] / rate["baseline"],
        "ratio_auto": rate["auto"] / rate["baseline"],
        "ratio_fixed_median_round": statistics.median(round_ratio),
        "cpu_rate_fixed": rate_cpu["fixed"],
        "cpu_rate_auto": rate_cpu["auto"],
        "cpu_rate_baseline": rate_cpu["baseline"],
        "cpu_ratio_fixed": rate_cpu["fixed"] / rate_cpu["baseline"],
        "cold_start_s": min(colds),
        "wall_s": wall,
        "cpu_s": cpu,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000, help="texts per corpus")
    ap.add_argument("--repeat", type=int, default=7, help="interleaved rounds")
    ap.add_argument("--cold-runs", type=int, default=2)
    ap.add_argument("--langs", nargs="+", default=["en", "tr"], choices=sorted(CORPORA))
    ap.add_argument("--out", type=Path, default=None, help="markdown table")
    ap.add_argument("--json", type=Path, default=None, help="all figures as JSON")
    args = ap.parse_args()

    load_before = os.getloadavg()
    rows = [measure(lang, args.n, args.repeat, args.cold_runs) for lang in args.langs]
    load_after = os.getloadavg()

    head = (
        "| corpus | texts | sentikit analyze (lang given) /s | sentikit analyze (auto lang) /s "
        "| TF-IDF+LR predict /s | ratio sentikit/baseline (wall; median per round) "
        "| CPU-time rates given / auto / baseline /s (ratio) | cold start (import+load) s "
        "| without composition /s (ratio) |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {r['corpus']} | {r['texts']} | {r['rate_fixed']:,.0f} | {r['rate_auto']:,.0f} "
        f"| {r['rate_baseline']:,.0f} | {r['ratio_fixed']:.2f}; "
        f"{r['ratio_fixed_median_round']:.2f} | {r['cpu_rate_fixed']:,.0f} / "
        f"{r['cpu_rate_auto']:,.0f} / {r['cpu_rate_baseline']:,.0f} ({r['cpu_ratio_fixed']:.2f}) "
        f"| {r['cold_start_s']:.2f} | {r['rate_linear']:,.0f} ({r['ratio_fixed_linear']:.2f}) |\n"
        for r in rows
    )
    cmd = f"python benchmarks/throughput.py --n {args.n} --repeat {args.repeat}"
    meta = (
        f"Command: `{cmd}`; date {dt.date.today().isoformat()}; machine: {platform.machine()}, "
        f"{os.cpu_count()} CPUs (shared), Python {platform.python_version()}; best of "
        f"{args.repeat} interleaved rounds, one process, warm; load average (1 min) "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after.\n"
    )
    text = meta + "\n" + head + body
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "command": cmd,
            "date": dt.date.today().isoformat(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": list(load_before),
            "load_average_after": list(load_after),
            "rows": rows,
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
