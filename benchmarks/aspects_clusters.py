"""Learn the word clusters of the English aspect extractor (``sentikit/aspects/clusters.py``).

Word vectors: sentikit's own embedding (:class:`sentikit.embeddings.model.SentimentEmbedding`,
the ``contextual`` component only: PPMI of co-occurrence in a ±5-word window, truncated SVD to
100 dimensions) trained on unlabelled English reviews — the IMDB ``unsup`` split (50,000 movie
reviews), the Amazon multi-domain reviews (books, dvd, electronics, kitchen; 7,852 reviews) and
the *texts* of the SemEval-2014 training splits (restaurants, laptops; no labels, no test text).
Then k-means (scikit-learn) at 100, 500 and 1,000 clusters over the most frequent words.

Usage::

    nice -n 10 python benchmarks/aspects_clusters.py \
        [--output sentikit/resources/aspects/en/clusters.json.gz] \
        [--json docs/results/aspects_clusters.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Iterator
from pathlib import Path

from sentikit.aspects.clusters import WordClusters
from sentikit.embeddings.model import SentimentEmbedding
from sentikit.io.absa import load_absa_semeval2014
from sentikit.io.datasets import iter_texts
from sentikit.lang.en.tokenize import terms

OUTPUT = Path("sentikit/resources/aspects/en/clusters.json.gz")
CORPORA = [("english-imdb-reviews", "unsup")] + [
    ("english-amazon-multidomain-blitzer2007", d)
    for d in ("books", "dvd", "electronics", "kitchen")
]


def units() -> Iterator[list[str]]:
    """The lowercased tokens of every unlabelled text, one unit per text."""
    for name, split in CORPORA:
        for text in iter_texts(name, split):
            yield terms(text.lower())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--max-vocab", type=int, default=40000)
    ap.add_argument("--ks", default="100,500,1000")
    args = ap.parse_args()
    t0 = time.perf_counter()
    semeval = [
        [terms(s.text.lower())]
        for domain in ("restaurants", "laptops")
        for s in load_absa_semeval2014(domain, "train")
    ]
    emb = SentimentEmbedding(
        dim=100, window=5, components=("contextual",), min_count=5, max_vocab=args.max_vocab
    ).fit(semeval, extra_units=units, progress=lambda m: print(m, flush=True))
    t1 = time.perf_counter()
    ks = tuple(int(k) for k in args.ks.split(","))
    wc = WordClusters(ks=ks).fit(emb.terms_, emb.vectors_)
    wc.save(args.output)
    t2 = time.perf_counter()
    summary = {
        "command": "python benchmarks/aspects_clusters.py",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "corpora": [f"{n}:{s}" for n, s in CORPORA] + ["semeval2014-absa train texts"],
        "terms": len(wc.terms_),
        "ks": list(ks),
        "embedding_seconds": round(t1 - t0, 1),
        "kmeans_seconds": round(t2 - t1, 1),
        "output": str(args.output),
        "bytes": args.output.stat().st_size,
    }
    print(json.dumps(summary, indent=2))
    for w in ("pizza", "waiter", "battery", "screen", "keyboard", "sushi"):
        i = wc.index_.get(w)
        if i is not None:
            fine = wc.ids_[i, -1]
            print(w, [t for t, row in zip(wc.terms_, wc.ids_, strict=True) if row[-1] == fine][:15])
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
