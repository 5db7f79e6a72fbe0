"""What the HTML view of explanations costs (``sentikit analyze --explain --format html``).

For each language: ``--k`` texts of a corpus are analyzed once with ``explain=True`` (the rate
is recorded: that is what the page needs anyway); their results, cycled, are then written
through :class:`sentikit.io.html.HtmlWriter` and, for reference, the ``jsonl`` writer, to a sink
that only counts characters. Reported: records per second of each writer (best of
``--repeat`` rounds), characters per record, and the peak of Python allocations
(``tracemalloc``) while writing ``--small`` and ``--large`` records, which stays flat when the
writer streams (nothing accumulates per record).

Usage::

    python benchmarks/html_view.py [--k 300] [--small 1000] [--large 20000] [--repeat 3]
        [--out docs/notes/html-view.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Iterable, Mapping
from itertools import cycle, islice
from pathlib import Path
from typing import Any

import sentikit
from sentikit.io.datasets import load_dataset
from sentikit.io.records import make_writer

CORPORA = {
    "en": ("english-movie-sentences-rt-polarity", "all"),
    "tr": ("turkish-movie-reviews", "all"),
}


class Sink(io.StringIO):
    """A text stream that keeps nothing: it counts the characters written to it."""

    def __init__(self) -> None:
        super().__init__()
        self.chars = 0

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


def write_all(fmt: str, results: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    """Write ``results`` in ``fmt`` to a :class:`Sink`: (records, characters)."""
    sink = Sink()
    with make_writer(fmt, sink) as w:
        for r in results:
            w.write(r)
    return w.count, sink.chars


def measure(lang: str, k: int, small: int, large: int, repeat: int) -> dict[str, Any]:
    name, split = CORPORA[lang]
    texts = [e.text for e in load_dataset(name, split=split) if e.text.strip()][:k]
    an = sentikit.load(lang)
    an.analyze_many(texts[:20], explain=True)  # warm
    t0 = time.perf_counter()
    results = an.analyze_many(texts, explain=True)
    explain_rate = len(texts) / (time.perf_counter() - t0)
    row: dict[str, Any] = {"lang": lang, "corpus": name, "k": len(texts), "explain": explain_rate}
    for fmt in ("html", "jsonl"):
        best = 0.0
        for _ in range(repeat):
            t0 = time.perf_counter()
            n, chars = write_all(fmt, islice(cycle(results), large))
            best = max(best, n / (time.perf_counter() - t0))
        row[fmt] = best
        row[f"{fmt}_chars"] = chars / large
    for n in (small, large):
        tracemalloc.start()
        write_all("html", islice(cycle(results), n))
        row[f"peak_{n}"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--k", type=int, default=300)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args(argv)
    rows = [measure(lang, a.k, a.small, a.large, a.repeat) for lang in ("en", "tr")]
    lines = [
        f"`python benchmarks/html_view.py {' '.join(argv or sys.argv[1:])}`".replace(" `", "`"),
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, load average "
        f"{os.getloadavg()[0]:.1f}",
        "",
        "| lang | corpus (texts) | analyze, explain=True (rec/s) | html writer (rec/s) | "
        "jsonl writer (rec/s) | html chars/rec | jsonl chars/rec | "
        f"peak alloc writing {a.small:,} / {a.large:,} html records (MiB) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['lang']} | {r['corpus']} ({r['k']}) | {r['explain']:,.0f} | {r['html']:,.0f} | "
            f"{r['jsonl']:,.0f} | {r['html_chars']:,.0f} | {r['jsonl_chars']:,.0f} | "
            f"{r[f'peak_{a.small}']:.2f} / {r[f'peak_{a.large}']:.2f} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if a.out is not None:
        a.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
