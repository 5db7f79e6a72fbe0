"""The shipped Turkish bundle's recipe against the per-corpus model, on the tweets test split.

The shipped Turkish bundle is trained on the movie reviews and the tweets pooled (its auxiliary
corpora drop out, since both are training data); ``sentikit evaluate`` measures a model trained
on the corpus under evaluation only, with the movie reviews as auxiliary corpus. This script
fits both on the training part of the official tweets split and scores the test part:

- ``pooled``: the default configuration trained like the bundle (movie reviews + training
  tweets, both corpora excluded from the auxiliary ones);
- ``per-corpus``: the default configuration as ``sentikit evaluate`` builds it (training tweets,
  the tweets excluded from the auxiliary corpora).

Usage::

    python benchmarks/shipped_recipe_tweets.py [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from sentikit.io.datasets import load_dataset
from sentikit.models import registry

MOVIES, TWEETS = "turkish-movie-reviews", "turkish-twitter-sentiment"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    cfg = registry.default_config("tr")
    movies = load_dataset(MOVIES, split="all")
    train, test = load_dataset(TWEETS, split="train"), load_dataset(TWEETS, split="test")
    gold = np.array([str(e.label) for e in test])
    runs = {
        "pooled": ([MOVIES, TWEETS], list(movies) + list(train)),
        "per-corpus": ([TWEETS], list(train)),
    }
    out: dict[str, float] = {}
    for name, (exclude, examples) in runs.items():
        est = registry.estimator_from_config(cfg, "tr", exclude=exclude)
        est.fit([e.text for e in examples], [str(e.label) for e in examples])
        pred = np.asarray(est.predict([e.text for e in test]))
        out[name] = float(100 * np.mean(pred == gold))
        print(f"{name}: trained on {len(examples)} texts, tweets test accuracy {out[name]:.2f}")
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
