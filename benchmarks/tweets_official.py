"""The Turkish tweets' official split: how its test part differs, and how models do on it.

Reports, for ``turkish-twitter-sentiment`` (train 1,238 / test 474):

- the two parts as collections: shares of tweets with an @-mention, a hashtag, no Turkish
  letter (ASCII-typed), and the mean length;
- the default Turkish configuration as ``sentikit evaluate`` builds it (``per-corpus``: trained
  on the training tweets, the tweets excluded from its auxiliary corpora) — accuracy, accuracy
  on ASCII-typed and other test tweets, and its most confident errors;
- the recipe of the shipped bundle (``pooled``: the movie reviews and the training tweets
  together, both excluded from the auxiliary corpora);
- with ``--baseline CONFIG``, that configuration's per-corpus accuracy and the exact McNemar
  test of the two per-corpus models' test predictions. ``CONFIG`` is a file or ``REV:PATH``
  (a JSON configuration at a git revision, e.g. the Turkish 2.1.0 configuration
  ``e70e828:sentikit/resources/configs/tr.json``).

Usage::

    python benchmarks/tweets_official.py [--baseline REV:PATH] [--errors 10] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import binomtest

from sentikit.io.datasets import Example, load_dataset
from sentikit.models import registry
from sentikit.training.resources import build_estimator

MOVIES, TWEETS = "turkish-movie-reviews", "turkish-twitter-sentiment"
_TURKISH_LETTER = re.compile("[çğıöşüÇĞİÖŞÜ]")


def _config(spec: str) -> dict[str, Any]:
    """A configuration from a file, or ``REV:PATH`` from git."""
    if Path(spec).is_file():
        return registry.load_config(Path(spec))
    rev, sep, path = spec.partition(":")
    if not sep:
        raise SystemExit(f"{spec!r} is neither a file nor REV:PATH")
    text = subprocess.run(
        ["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=True
    ).stdout
    cfg: dict[str, Any] = json.loads(text)
    return cfg


def _collection(examples: list[Example]) -> dict[str, float]:
    texts = [e.text for e in examples]
    return {
        "n": len(texts),
        "mention_share": float(np.mean(["@" in t for t in texts])),
        "hashtag_share": float(np.mean(["#" in t for t in texts])),
        "ascii_only_share": float(np.mean([not _TURKISH_LETTER.search(t) for t in texts])),
        "mean_chars": float(np.mean([len(t) for t in texts])),
    }


def _fit_predict(
    cfg: dict[str, Any], exclude: list[str], train: list[Example], test: list[Example]
) -> tuple[Any, np.ndarray]:
    est = build_estimator(cfg, "tr", exclude=exclude)
    est.fit([e.text for e in train], [str(e.label) for e in train])
    proba = np.asarray(est.predict_proba([e.text for e in test]))
    return est, proba


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", default=None, help="a configuration file or REV:PATH")
    ap.add_argument("--errors", type=int, default=10, help="most confident errors to list")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    train, test = load_dataset(TWEETS, split="train"), load_dataset(TWEETS, split="test")
    gold = np.array([str(e.label) for e in test])
    out: dict[str, Any] = {"train": _collection(train), "test": _collection(test)}
    for part in ("train", "test"):
        c = out[part]
        print(
            f"{part}: {c['n']} tweets, @-mention {100 * c['mention_share']:.1f} %, hashtag "
            f"{100 * c['hashtag_share']:.1f} %, ASCII-only {100 * c['ascii_only_share']:.1f} %,"
            f" {c['mean_chars']:.0f} characters on average"
        )

    default = registry.default_config("tr")
    est, proba = _fit_predict(default, [TWEETS], train, test)
    pred = np.asarray(est.classes_)[proba.argmax(axis=1)]
    right = pred == gold
    ascii_only = np.array([not _TURKISH_LETTER.search(e.text) for e in test])
    out["per_corpus"] = {
        "accuracy": float(100 * right.mean()),
        "accuracy_ascii_only": float(100 * right[ascii_only].mean()),
        "accuracy_other": float(100 * right[~ascii_only].mean()),
        "errors": int((~right).sum()),
    }
    pc = out["per_corpus"]
    print(
        f"per-corpus default ({default.get('version')}): accuracy {pc['accuracy']:.2f} "
        f"({pc['errors']} errors); ASCII-only tweets {pc['accuracy_ascii_only']:.1f}, "
        f"others {pc['accuracy_other']:.1f}"
    )
    positive = list(est.classes_).index("positive")
    conf = np.abs(proba[:, positive] - 0.5)
    worst = [i for i in np.argsort(-conf, kind="stable") if not right[i]][: args.errors]
    out["confident_errors"] = [
        {"p_positive": float(proba[i, positive]), "gold": str(gold[i]), "text": test[i].text}
        for i in worst
    ]
    for e in out["confident_errors"]:
        print(f"  P(positive) {e['p_positive']:.2f}, gold {e['gold']}: {e['text'][:100]}")

    _, pooled = _fit_predict(default, [MOVIES, TWEETS], load_dataset(MOVIES, "all") + train, test)
    out["pooled_accuracy"] = float(
        100 * np.mean(np.asarray(est.classes_)[pooled.argmax(1)] == gold)
    )
    print(f"pooled (the shipped bundle's recipe): accuracy {out['pooled_accuracy']:.2f}")

    if args.baseline is not None:
        base_est, base_proba = _fit_predict(_config(args.baseline), [TWEETS], train, test)
        base_right = np.asarray(base_est.classes_)[base_proba.argmax(1)] == gold
        only_new, only_base = int((right & ~base_right).sum()), int((base_right & ~right).sum())
        p = float(binomtest(only_new, only_new + only_base, 0.5).pvalue)
        out["baseline"] = {
            "config": args.baseline,
            "accuracy": float(100 * base_right.mean()),
            "default_only_right": only_new,
            "baseline_only_right": only_base,
            "mcnemar_exact_p": p,
        }
        print(
            f"baseline {args.baseline}: accuracy {100 * base_right.mean():.2f}; default right "
            f"where it is wrong {only_new}, the reverse {only_base}; exact McNemar p = {p:.4f}"
        )
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
