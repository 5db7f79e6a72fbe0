"""Per-stage CPU time of the analysis path with the shipped models, beside the baseline.

Prints, for the first ``--n`` texts of a corpus (best of ``--repeat`` rounds, process CPU time
and wall clock, one process): the TF-IDF + LR baseline's ``predict``, ``analyze_many``, the
language processor's fast path (``make_docs`` in batches of 256), the model on the prepared
documents (``predict_proba_docs``), the analyzer's model call on the documents and the
sentences of multi-sentence documents (``predict_proba_segments``), each feature family's
``transform`` of the documents and its batch path on documents and sentences
(``logits_batch`` or ``transform_batch``, as the model calls it).

Usage::

    python benchmarks/throughput_stages.py en|tr [--n 3000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import sentikit
from sentikit.evaluation.baselines import TfidfLogReg
from sentikit.features.batch import TokenBatch, sentence_segments
from sentikit.io.datasets import load_dataset
from sentikit.lang import get_processor

CORPORA = {"en": "english-movie-sentences-rt-polarity", "tr": "turkish-movie-reviews"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=sorted(CORPORA))
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    ex = load_dataset(CORPORA[args.lang], split="all")[: args.n]
    texts = [e.text for e in ex]
    labels = [str(e.label) for e in ex]
    an = sentikit.load(args.lang)
    est = an._model(args.lang).est
    proc = get_processor(args.lang)
    an.analyze_many(texts)
    base = TfidfLogReg(lang=args.lang).fit(texts, labels)
    chunks = [texts[i : i + 256] for i in range(0, len(texts), 256)]
    docs = [proc.make_docs(c) for c in chunks]
    fns: dict[str, Callable[[], object]] = {
        "baseline predict": lambda: base.predict(texts),
        "analyze_many": lambda: an.analyze_many(texts),
        "make_docs": lambda: [proc.make_docs(c) for c in chunks],
        "predict_proba_docs": lambda: [est.predict_proba_docs(d) for d in docs],
    }
    # the analyzer's model call: documents and the sentences of multi-sentence documents
    segs = [sentence_segments([d for d in b if d.n_tokens()]) for b in docs]
    kept = [[d for d in b if d.n_tokens()] for b in docs]
    fns["predict_proba_segments"] = lambda: [
        est.predict_proba_segments(b, s) for b, s in zip(kept, segs, strict=True)
    ]

    def transform(fam: Any) -> object:
        return [fam.transform(d) for d in docs]

    def logits(fam: Any, coef: Any, icpt: Any) -> object:
        return [
            fam.logits_batch(TokenBatch(b, s), coef, icpt) for b, s in zip(kept, segs, strict=True)
        ]

    def transform_batch(fam: Any) -> object:
        return [fam.transform_batch(TokenBatch(b, s)) for b, s in zip(kept, segs, strict=True)]

    for j, fam in enumerate(est.families_):
        fns[f"family {j} transform"] = partial(transform, fam)
        if hasattr(fam, "logits_batch"):
            fns[f"family {j} logits_batch+sent"] = partial(
                logits, fam, est.coef_[j], est.intercept_[j]
            )
        elif hasattr(fam, "transform_batch"):
            fns[f"family {j} transform_batch+sent"] = partial(transform_batch, fam)
    best = {k: (float("inf"), float("inf")) for k in fns}
    for _ in range(args.repeat):
        for k, fn in fns.items():
            w, c = time.perf_counter(), time.process_time()
            fn()
            c, w = time.process_time() - c, time.perf_counter() - w
            best[k] = (min(best[k][0], c), min(best[k][1], w))
    for k, (c, w) in best.items():
        print(
            f"{k:32s} cpu {c * 1000:8.1f} ms ({len(texts) / c:8,.0f}/s)  "
            f"wall {w * 1000:8.1f} ms ({len(texts) / w:8,.0f}/s)"
        )


if __name__ == "__main__":
    main()
