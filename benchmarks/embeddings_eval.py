"""Document-vector SVMs over sentikit embeddings vs word2vec, sliding vs subclause windows.

Every configuration runs on the SAME folds of the repository's protocols (cv10 for the Turkish
movie reviews and English rt sentences, the official split for Turkish tweets and SST-2). For
each fold, the embeddings are trained on the training texts only (unsupervised parts on their
text, δ on their labels), then a linear SVM is fitted on document vectors (mean word vector ⊕ the
three polarity features); see ``sentikit/embeddings/classify.py``.

Configurations (all dimension 100, min_count 2, sliding window 10):

- ``polarity``: the three polarity features alone (no word vectors);
- ``w2v``: gensim word2vec (skip-gram, 10 epochs) + polarity features;
- ``sk``: sentikit contextual + supervised components + polarity features;
- ``sk_ctx``: sentikit contextual component only + polarity features;
- ``sk_lex``: sentikit contextual + lexical (WordNet definitions, dimension 50) + supervised;
- suffix ``@subclause``: units are subclauses (English: spaCy parse, METHODS.md §6; Turkish:
  ``sentikit.lang.tr.subclauses``), co-occurrence over every pair inside a subclause.

With ``--pretrained-sk DIR`` and ``--pretrained-w2v FILE`` (both written by
``benchmarks/embeddings_pretrain.py`` from the same unlabelled corpus), the contextual vectors
of the sentikit configurations and the word2vec vectors come from that corpus instead of each
fold's training texts; the supervised component and δ are still learnt per fold.

Usage::

    nice -n 10 python benchmarks/embeddings_eval.py \\
        --datasets english-movie-sentences-rt-polarity --json docs/results/embeddings_eval_rt.json

Segmentation (the parse for subclauses) is done once per dataset and window and cached in
``--cache-dir`` (default ``/tmp/sentikit-embeddings-cache``) as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

from sentikit.embeddings.classify import EmbeddingSVM, Segmenter
from sentikit.evaluation.protocols import make_plan
from sentikit.evaluation.runner import evaluate_folds

DATASETS = [
    "english-movie-sentences-rt-polarity",
    "turkish-twitter-sentiment",
    "sst2",
    "turkish-movie-reviews",
]
CONFIGS: dict[str, dict[str, Any]] = {
    "polarity": {"embedding": "none"},
    "w2v": {"embedding": "word2vec"},
    "sk": {"embedding": "sentikit"},
    "sk_ctx": {"embedding": "sentikit", "components": ("contextual",)},
    "sk_lex": {"embedding": "sentikit", "components": ("contextual", "lexical", "supervised")},
    "w2v@subclause": {"embedding": "word2vec", "window": "subclause"},
    "sk@subclause": {"embedding": "sentikit", "window": "subclause"},
    "sk_ctx@subclause": {
        "embedding": "sentikit",
        "components": ("contextual",),
        "window": "subclause",
    },
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def segmenter(dataset: str, lang: str, window: str, texts: list[str], cache_dir: Path) -> Segmenter:
    """A Segmenter filled for ``texts``, read from / written to the JSON cache."""
    seg = Segmenter(lang, window)
    path = cache_dir / f"{dataset}.{window}.json"
    if path.is_file():
        seg.cache.update(json.loads(path.read_text("utf-8")))
    missing = [t for t in texts if t not in seg.cache]
    if missing:
        t0 = time.perf_counter()
        seg(missing)
        secs = time.perf_counter() - t0
        n_tok = sum(len(u) for t in missing for u in seg.cache[t])
        log(
            f"{dataset} {window}: segmented {len(missing)} texts, {n_tok} tokens in {secs:.1f} s "
            f"({n_tok / max(secs, 1e-9):.0f} tokens/s)"
        )
        cache_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(seg.cache, ensure_ascii=False), "utf-8")
    return seg


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", nargs="+", default=DATASETS)
    ap.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    ap.add_argument("--max-folds", type=int, default=None)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/sentikit-embeddings-cache"))
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    ap.add_argument(
        "--pretrained-sk",
        help="a sentikit embedding folder (benchmarks/embeddings_pretrain.py): its contextual "
        "vectors replace those learnt per fold in the sentikit configurations",
    )
    ap.add_argument(
        "--pretrained-w2v",
        help="a word2vec text file trained on the same text: replaces the per-fold word2vec",
    )
    args = ap.parse_args(argv)
    pretrained = {"sentikit": args.pretrained_sk, "word2vec": args.pretrained_w2v}
    out: dict[str, Any] = {
        "command": "python benchmarks/embeddings_eval.py " + " ".join(sys.argv[1:]),
        "dim": args.dim,
        "pretrained": pretrained,
        "results": {},
    }
    for ds in args.datasets:
        plan = make_plan(ds)
        lang = plan.info.lang or "en"
        texts = [e.text for e in plan.examples]
        segs: dict[str, Segmenter] = {}
        res: dict[str, Any] = {"protocol": plan.protocol, "n": len(texts), "configs": {}}
        for name in args.configs:
            kw = dict(CONFIGS[name])
            pre = pretrained.get(kw["embedding"])
            if pre is not None:
                kw["pretrained"] = pre
            window = kw.get("window", "sliding")
            if window not in segs:
                t0 = time.perf_counter()
                segs[window] = segmenter(ds, lang, window, texts, args.cache_dir)
                res[f"segment_seconds_{window}"] = round(time.perf_counter() - t0, 1)
            factory = partial(EmbeddingSVM, lang=lang, dim=args.dim, segmenter=segs[window], **kw)
            r = evaluate_folds(
                plan.examples,
                plan.folds,
                factory,
                dataset=ds,
                protocol=plan.protocol,
                lang=lang,
                labels=plan.info.labels or None,
                max_folds=args.max_folds,
            )
            res["configs"][name] = {
                "accuracy": round(r.accuracy, 2),
                "accuracy_std": round(r.accuracy_std, 2) if len(r.folds) > 1 else None,
                "macro_f1": round(r.macro_f1, 2),
                "folds": [round(f.accuracy, 2) for f in r.folds],
                "seconds": round(r.seconds, 1),
            }
            log(f"{ds} {name}: {r.accuracy:.2f} ({len(r.folds)} folds, {r.seconds:.0f} s)")
            out["results"][ds] = res
            if args.json:
                args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
