"""Throughput of ``sentikit.analyze`` with the shipped models, beside a TF-IDF + LR baseline.

Measures, in one process and one run (so that the ratios hold on a noisy machine):

- cold start: ``import sentikit`` + loading the shipped model of each language, in a fresh
  subprocess;
- warm throughput of ``Analyzer.analyze_many`` (fixed language; and ``lang=None`` with language
  identification) on English movie sentences and Turkish movie reviews;
- the prediction throughput of a TF-IDF word 1–2-gram + logistic regression baseline trained on
  the same corpus (its ``predict`` on the same texts), as the reference.

Usage::

    python benchmarks/throughput.py [--n 5000] [--repeat 3] [--out docs/notes/throughput.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
import time
from pathlib import Path

from sentikit.evaluation.baselines import TfidfLogReg
from sentikit.io.datasets import load_dataset


def _best_rate(fn, n: int, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return n / best


def cold_start(lang: str) -> float:
    """Seconds for a fresh interpreter to import sentikit and load the ``lang`` model."""
    code = (
        "import time; t=time.perf_counter(); import sentikit; "
        f"a=sentikit.load({lang!r}); a.analyze('ok'); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="texts per corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    import sentikit

    corpora = {
        "en": ("english-movie-sentences-rt-polarity", "all", "English movie sentences"),
        "tr": ("turkish-movie-reviews", "all", "Turkish movie reviews"),
    }
    rows = []
    for lang, (name, split, title) in corpora.items():
        ex = load_dataset(name, split=split)
        texts = [e.text for e in ex[: args.n]]
        labels = [str(e.label) for e in ex[: args.n]]
        an = sentikit.load(lang)
        an.analyze_many(texts[:200])  # warm caches
        r_fixed = _best_rate(
            lambda an=an, texts=texts: an.analyze_many(texts), len(texts), args.repeat
        )
        auto = sentikit.load(None)
        auto.analyze_many(texts[:200])
        r_auto = _best_rate(
            lambda auto=auto, texts=texts: auto.analyze_many(texts), len(texts), args.repeat
        )
        base = TfidfLogReg(lang=lang).fit(texts, labels)
        r_base = _best_rate(
            lambda base=base, texts=texts: base.predict(texts), len(texts), args.repeat
        )
        cold = cold_start(lang)
        rows.append((title, len(texts), r_fixed, r_auto, r_base, r_fixed / r_base, cold))

    head = (
        "| corpus | texts | sentikit analyze (lang given) /s | sentikit analyze (auto lang) /s "
        "| TF-IDF+LR predict /s | ratio sentikit/baseline | cold start (import+load) s |\n"
        "|---|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {t} | {n} | {a:,.0f} | {b:,.0f} | {c:,.0f} | {d:.2f} | {e:.2f} |\n"
        for t, n, a, b, c, d, e in rows
    )
    meta = (
        f"Command: `python benchmarks/throughput.py --n {args.n} --repeat {args.repeat}`; "
        f"date {dt.date.today().isoformat()}; machine: {platform.machine()}, "
        f"{platform.processor() or 'cpu'}, Python {platform.python_version()}; best of "
        f"{args.repeat} runs, one process, warm.\n"
    )
    text = meta + "\n" + head + body
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
