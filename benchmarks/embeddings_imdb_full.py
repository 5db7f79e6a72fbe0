"""Time and memory of training the FULL sentikit embedding on the IMDB text (issue 5's floor).

All three components (``contextual`` + ``lexical`` + ``supervised``,
:class:`sentikit.embeddings.model.SentimentEmbedding`) on all 100,000 IMDB reviews (train +
test + unsup, ≈ 23.5M tokens): the 25,000 labelled train reviews are the documents (their labels
feed δ for the supervised and lexical components), the test and unsup texts are extra
unlabelled units for the co-occurrence counts (test labels are not used). Sliding windows
(size 10), dimension 100, min count 20, lexical dimension 50 (English WordNet 3.1 definitions,
extra ``sentikit[wordnet]``). Reported: tokenization (sentikit's English fast path), WordNet
definitions, each ``fit`` stage (``timings_``), total, and peak resident memory. Subclause
windows need the spaCy parse, timed separately by ``embeddings_imdb_timing.py``.

Usage::

    python benchmarks/embeddings_imdb_full.py --json docs/results/embeddings_imdb_full.json
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from sentikit.embeddings.lexical import wordnet_definitions
from sentikit.embeddings.model import SentimentEmbedding
from sentikit.embeddings.units import doc_terms
from sentikit.io.datasets import clean_imdb_html, iter_imdb_records
from sentikit.lang import get_processor


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def tokenize(split: str, batch: int = 2000) -> tuple[list[list[str]], list[str]]:
    """Terms and labels of one IMDB split (sentikit's fast path)."""
    proc = get_processor("en")
    terms: list[list[str]] = []
    labels: list[str] = []
    texts: list[str] = []
    for rec in iter_imdb_records(split):
        texts.append(clean_imdb_html(rec["text"]))
        labels.append(str(rec.get("label") or ""))
        if len(texts) >= batch:
            terms.extend(doc_terms(d) for d in proc.make_docs(texts))
            texts = []
    if texts:
        terms.extend(doc_terms(d) for d in proc.make_docs(texts))
    return terms, labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    out: dict[str, Any] = {
        "command": "python benchmarks/embeddings_imdb_full.py " + " ".join(sys.argv[1:]),
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
    }
    t0 = time.perf_counter()
    train, y = tokenize("train")
    extra = [tokenize(s)[0] for s in ("test", "unsup")]
    out["tokenize_seconds"] = round(time.perf_counter() - t0, 1)
    out["tokens"] = sum(map(len, train)) + sum(len(t) for part in extra for t in part)
    print(f"tokenized {out['tokens']:,} tokens in {out['tokenize_seconds']} s", flush=True)

    t1 = time.perf_counter()
    vocab = {w for doc in train for w in doc}
    definitions = wordnet_definitions("en", vocab)
    out["definitions_seconds"] = round(time.perf_counter() - t1, 1)

    def extra_units() -> Any:
        for part in extra:
            yield from part

    emb = SentimentEmbedding(
        dim=100, window=10, components=("contextual", "lexical", "supervised"), min_count=20
    )
    t2 = time.perf_counter()
    emb.fit(
        [[t] for t in train],
        y,
        extra_units=extra_units,
        definitions=definitions,
        progress=lambda m: print(m, flush=True),
    )
    out["fit_seconds"] = round(time.perf_counter() - t2, 1)
    out["fit_stages"] = {k: round(v, 1) for k, v in emb.timings_.items()}
    out["vectors_shape"] = list(emb.vectors_.shape)
    out["total_seconds"] = round(time.perf_counter() - t0, 1)
    out["peak_rss_gb"] = round(peak_rss_gb(), 2)
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
