"""Subclause against sliding windows on a large parsed corpus: pretrain both on the same text.

The per-fold comparison of ``benchmarks/embeddings_eval.py`` trains embeddings on the labelled
sentences alone (200k tokens for rt), where no window definition makes a measurable difference.
This script parses an unlabelled corpus once with the analyzed English path (spaCy dependency
parse → sentikit subclauses, :func:`sentikit.embeddings.units.document_units`) and trains the
contextual component (PPMI + truncated SVD, dimension 100, min count 5) twice on the same
documents:

- ``OUT/sliding/``: one unit per document, pairs at distance ≤ 10 (the ``--window sliding``
  of ``sentikit embed train``);
- ``OUT/subclause/``: one unit per subclause, every pair inside a unit (``--window subclause``).

The parsed units are kept in ``OUT/units.jsonl`` (one line per document), so ``--train-only``
retrains without parsing again. Times (parse and each training) and sizes go to
``OUT/pretrain.json``. The two embeddings are compared downstream with
``benchmarks/embeddings_eval.py --pretrained-sk OUT/sliding`` and ``... OUT/subclause`` (same
folds, same configurations).

Usage::

    python benchmarks/embeddings_subclause_pretrain.py --out /tmp/emb-sub --max-docs 20000 \\
        [--datasets english-imdb-reviews:unsup] [--jobs 2] [--train-only]
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sentikit.embeddings.model import SentimentEmbedding
from sentikit.embeddings.units import document_units
from sentikit.io.datasets import iter_texts
from sentikit.lang import get_processor

CHUNK = 100


def _texts(names: list[str], max_docs: int | None) -> Iterator[str]:
    it = itertools.chain.from_iterable(
        iter_texts(name, split or None)
        for name, _, split in (spec.partition(":") for spec in names)
    )
    return itertools.islice(it, max_docs)


def _parse(texts: list[str]) -> list[tuple[list[str], list[list[str]]]]:
    """(sliding unit, subclause units) of each text, from one parse."""
    docs = get_processor("en").make_docs(texts, analyze=True)
    out = []
    for d in docs:
        sliding = document_units(d, "sliding")
        out.append((sliding[0] if sliding else [], document_units(d, "subclause")))
    return out


def parse_corpus(names: list[str], max_docs: int | None, jobs: int, path: Path) -> dict[str, Any]:
    """Parse the texts in ``jobs`` processes and write ``path`` (JSONL, input order)."""
    t0 = time.perf_counter()
    texts = _texts(names, max_docs)
    chunks = iter(lambda: list(itertools.islice(texts, CHUNK)), [])
    n_docs = n_tokens = n_units = 0
    with path.open("w", encoding="utf-8") as fh, mp.get_context("fork").Pool(jobs) as pool:
        for parsed in pool.imap(_parse, chunks):
            for sliding, clauses in parsed:
                fh.write(json.dumps({"sliding": sliding, "subclause": clauses}) + "\n")
                n_docs += 1
                n_tokens += len(sliding)
                n_units += len(clauses)
            if n_docs % 2000 < CHUNK:
                rate = n_tokens / (time.perf_counter() - t0)
                print(
                    f"parsed {n_docs:,} documents, {n_tokens:,} terms ({rate:,.0f}/s)", flush=True
                )
    return {
        "documents": n_docs,
        "terms": n_tokens,
        "subclause_units": n_units,
        "parse_seconds": round(time.perf_counter() - t0, 1),
        "parse_jobs": jobs,
    }


def _units(path: Path, mode: str) -> list[list[list[str]]]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            docs.append([rec["sliding"]] if mode == "sliding" else rec["subclause"])
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", nargs="+", default=["english-imdb-reviews:unsup"])
    ap.add_argument("--max-docs", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--train-only", action="store_true", help="reuse OUT/units.jsonl")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    units_path = args.out / "units.jsonl"
    rec_path = args.out / "pretrain.json"
    rec: dict[str, Any] = json.loads(rec_path.read_text()) if args.train_only else {}
    rec["command"] = "python benchmarks/embeddings_subclause_pretrain.py " + " ".join(sys.argv[1:])
    rec["date"] = time.strftime("%Y-%m-%d %H:%M")
    if not args.train_only:
        rec.update(parse_corpus(args.datasets, args.max_docs, args.jobs, units_path))
        print(json.dumps(rec), flush=True)
    for mode, window in (("sliding", 10), ("subclause", None)):
        t0 = time.perf_counter()
        docs = _units(units_path, mode)
        emb = SentimentEmbedding(
            dim=args.dim, window=window, components=("contextual",), min_count=args.min_count
        ).fit(docs, progress=lambda m: print(m, flush=True))
        emb.save(args.out / mode)
        rec[f"{mode}_seconds"] = round(time.perf_counter() - t0, 1)
        rec[f"{mode}_terms"] = len(emb.terms_)
        del docs, emb
    rec["peak_rss_gb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2, 2)
    rec_path.write_text(json.dumps(rec, indent=2) + "\n")
    print(json.dumps(rec, indent=2))


if __name__ == "__main__":
    main()
