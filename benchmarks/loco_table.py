"""Markdown tables of leave-one-corpus-out results (``sentikit evaluate --protocol
leave-one-corpus-out --json``), with the mean gain over the TF-IDF + LR baseline.

Usage::

    python benchmarks/loco_table.py docs/results/loco-tr.json docs/results/loco-en.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def table(path: Path) -> str:
    """One markdown table for one result file."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = [
        "| left-out corpus (test split) | classes | n test | n train | sentikit acc | "
        "sentikit macro-F1 | TF-IDF+LR acc | TF-IDF+LR macro-F1 | Δ macro-F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    gains = []
    for r in doc["results"]:
        s, b = r["scores"]["sentikit"], r["scores"].get("tfidf_lr")
        d = s["macro_f1"] - b["macro_f1"] if b else float("nan")
        name = f"{r['corpus']} ({r['split'] or 'all'})"
        if r["evaluation_only"]:
            name += ", evaluation only"
        else:
            gains.append(d)
        rows.append(
            f"| {name} | {len(r['labels'])} | {r['n_test']:,} | {r['n_train']:,} | "
            f"{s['accuracy']:.2f} | **{s['macro_f1']:.2f}** | "
            + (f"{b['accuracy']:.2f} | {b['macro_f1']:.2f} | {d:+.2f} |" if b else "– | – | – |")
        )
    if gains:
        mean = sum(gains) / len(gains)
        rows.append(
            f"| **mean over the {len(gains)} pool corpora** | | | | | | | | **{mean:+.2f}** "
            f"(min {min(gains):+.2f}) |"
        )
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    for p in ap.parse_args().files:
        print(f"\n{p}\n")
        print(table(p))


if __name__ == "__main__":
    main()
