"""Time and memory of training the contextual embedding on the IMDB text (train+test+unsup).

Stages, timed separately: tokenization (sentikit's English fast path, sliding-window units =
whole reviews), encoding to term ids, co-occurrence counting (window 10), PPMI, truncated SVD.
Peak memory is the process's maximum resident set size (``resource.getrusage``). The English
parse needed for subclause windows is timed on ``--parse-sample`` reviews and extrapolated to
the whole corpus (stated as such in the output).

Usage::

    nice -n 10 python benchmarks/embeddings_imdb_timing.py --max-docs 10000 \\
        --json docs/results/embeddings_imdb_timing.json

(``--max-docs 0`` = all 100,000 reviews, about 23.3M tokens.)
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.embeddings.units import doc_terms
from sentikit.io.datasets import clean_imdb_html, iter_imdb_records
from sentikit.lang import get_processor
from sentikit.stats.cooccurrence import cooccurrence, ppmi, svd_embed


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def imdb_texts(max_docs: int) -> Iterator[str]:
    texts = (
        clean_imdb_html(r["text"])
        for r in chain.from_iterable(iter_imdb_records(s) for s in ("train", "test", "unsup"))
    )
    return islice(texts, max_docs) if max_docs > 0 else texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-docs", type=int, default=0, help="0 = all reviews")
    ap.add_argument("--window", type=int, default=10)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--parse-sample", type=int, default=100)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    proc = get_processor("en")
    out: dict[str, Any] = {
        "command": "python benchmarks/embeddings_imdb_timing.py " + " ".join(sys.argv[1:]),
        "window": args.window,
        "dim": args.dim,
        "min_count": args.min_count,
    }

    # 1. tokenize once, keeping each review as an int32 array of provisional term ids
    t0 = time.perf_counter()
    ids_of: dict[str, int] = {}
    arrays: list[np.ndarray] = []
    n_docs = 0
    batch: list[str] = []

    def flush() -> None:
        for doc in proc.make_docs(batch):
            terms = doc_terms(doc)
            arrays.append(np.fromiter((ids_of.setdefault(t, len(ids_of)) for t in terms), np.int32))

    for text in imdb_texts(args.max_docs):
        batch.append(text)
        n_docs += 1
        if len(batch) >= args.batch:
            flush()
            batch = []
            if n_docs % 20000 == 0:
                log(f"tokenized {n_docs} reviews ({time.perf_counter() - t0:.0f} s)")
    if batch:
        flush()
    n_tokens = int(sum(len(a) for a in arrays))
    out["docs"] = n_docs
    out["tokens"] = n_tokens
    out["tokenize_seconds"] = round(time.perf_counter() - t0, 1)
    log(f"{n_docs} reviews, {n_tokens} tokens, tokenized in {out['tokenize_seconds']} s")

    # 2. vocabulary (min_count) and re-encoding: OOV = -1, positions kept
    t1 = time.perf_counter()
    freq = np.bincount(np.concatenate(arrays), minlength=len(ids_of)) if arrays else np.zeros(0)
    keep = np.flatnonzero(freq >= args.min_count)
    keep = keep[np.argsort(-freq[keep], kind="stable")]
    remap = np.full(len(ids_of), -1, dtype=np.int32)
    remap[keep] = np.arange(len(keep), dtype=np.int32)
    encoded = [remap[a] for a in arrays]
    arrays.clear()
    out["vocabulary"] = len(keep)
    out["vocabulary_seconds"] = round(time.perf_counter() - t1, 1)

    # 3. co-occurrence, PPMI, SVD
    t2 = time.perf_counter()
    C = cooccurrence(encoded, n_terms=len(keep), window=args.window)
    out["cooccurrence_seconds"] = round(time.perf_counter() - t2, 1)
    out["cooccurrence_nnz"] = int(C.nnz)
    log(f"co-occurrence: {C.nnz} non-zeros in {out['cooccurrence_seconds']} s")
    t3 = time.perf_counter()
    P = ppmi(C)
    del C
    out["ppmi_seconds"] = round(time.perf_counter() - t3, 1)
    t4 = time.perf_counter()
    V = svd_embed(P, args.dim)
    out["svd_seconds"] = round(time.perf_counter() - t4, 1)
    out["vectors_shape"] = list(V.shape)
    out["embedding_seconds_excluding_tokenization"] = round(time.perf_counter() - t1, 1)
    out["total_seconds_including_tokenization"] = round(time.perf_counter() - t0, 1)
    out["peak_rss_gb"] = round(peak_rss_gb(), 2)
    log(json.dumps(out))

    # 4. parse time for subclause windows: a sample, extrapolated by tokens
    if args.parse_sample > 0:
        sample = list(islice(imdb_texts(0), args.parse_sample))
        proc.make_docs(sample[:2], analyze=True)  # load the parser outside the timing
        t5 = time.perf_counter()
        docs = proc.make_docs(sample, analyze=True)
        secs = time.perf_counter() - t5
        toks = sum(len(d.tokens) for d in docs)
        rate = toks / max(secs, 1e-9)
        out["parse_sample_reviews"] = len(sample)
        out["parse_sample_tokens"] = toks
        out["parse_tokens_per_second"] = round(rate, 0)
        out["parse_seconds_extrapolated_to_23.3M_tokens"] = round(23.3e6 / rate, 0)
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
