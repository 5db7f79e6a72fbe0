"""Pretrain the sentikit contextual embedding and word2vec on the same unlabelled corpora.

Tokenizes the named corpora of ``MANIFEST.md`` once with sentikit's fast path (the terms the
classifiers see), then trains on the same units (one unit per document, sliding window 10,
dimension 100, min count 5):

- the sentikit contextual component (PPMI + truncated SVD), saved as ``OUT/sentikit/``
  (sentikit's embedding format, also what ``sentikit.embedding_mean.v1``'s ``pretrained``
  reads);
- gensim word2vec (skip-gram, negative 5, 5 epochs, 2 workers), saved as ``OUT/word2vec.vec``.

Times and sizes go to ``OUT/pretrain.json``. The two are compared with
``benchmarks/embeddings_eval.py --pretrained-sk OUT/sentikit --pretrained-w2v OUT/word2vec.vec``.

Usage::

    python benchmarks/embeddings_pretrain.py --lang tr --out /tmp/emb-tr \\
        --datasets turkish-unlabelled-text turkish-movie-reviews
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from sentikit.embeddings.model import SentimentEmbedding, write_word2vec
from sentikit.embeddings.units import doc_terms
from sentikit.embeddings.w2v import train_word2vec
from sentikit.io.datasets import iter_texts
from sentikit.lang import get_processor


def tokenize(lang: str, names: list[str], batch: int = 2000) -> list[list[str]]:
    """The terms of every text of the named corpora (``NAME`` = all splits, ``NAME:SPLIT``
    one split)."""
    proc = get_processor(lang)
    out: list[list[str]] = []
    for spec in names:
        name, _, split = spec.partition(":")
        buf: list[str] = []
        for text in iter_texts(name, split or None):
            buf.append(text)
            if len(buf) >= batch:
                out.extend(doc_terms(d) for d in proc.make_docs(buf))
                buf = []
        if buf:
            out.extend(doc_terms(d) for d in proc.make_docs(buf))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True, choices=["tr", "en"])
    ap.add_argument("--datasets", nargs="+", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--skip-w2v", action="store_true")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rec: dict[str, Any] = {
        "command": "python benchmarks/embeddings_pretrain.py " + " ".join(sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d"),
    }
    t0 = time.perf_counter()
    units = tokenize(args.lang, args.datasets)
    rec["texts"], rec["tokens"] = len(units), sum(map(len, units))
    rec["tokenize_seconds"] = round(time.perf_counter() - t0, 1)
    print(f"tokenized {rec['tokens']:,} tokens in {rec['tokenize_seconds']} s", flush=True)
    t0 = time.perf_counter()
    emb = SentimentEmbedding(
        dim=args.dim, window=10, components=("contextual",), min_count=args.min_count
    ).fit([[u] for u in units], progress=lambda m: print(m, flush=True))
    emb.save(args.out / "sentikit")
    rec["sentikit_seconds"] = round(time.perf_counter() - t0, 1)
    rec["sentikit_terms"] = len(emb.terms_)
    if not args.skip_w2v:
        t0 = time.perf_counter()
        terms, V = train_word2vec(
            units, dim=args.dim, window=10, min_count=args.min_count, epochs=5, workers=2
        )
        write_word2vec(args.out / "word2vec.vec", terms, V)
        rec["word2vec_seconds"] = round(time.perf_counter() - t0, 1)
        rec["word2vec_terms"] = len(terms)
    rec["peak_rss_gb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2, 2)
    (args.out / "pretrain.json").write_text(json.dumps(rec, indent=2) + "\n")
    print(json.dumps(rec, indent=2))


if __name__ == "__main__":
    main()
