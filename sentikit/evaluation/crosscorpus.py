"""Leave-one-corpus-out evaluation: how a model does on a corpus it never saw.

For every corpus of a configuration's training pool (``config["training"]["datasets"]``),
the configuration is trained on all the other corpora of the pool (and on none that shares
texts with the left-out one) and tested on the left-out corpus: on its official test split
where it has one, else on all of it. Corpora that ``MANIFEST.md`` marks *evaluation only* are
always left out: they are tested with a model trained on the whole pool. The same training
data trains a TF-IDF 1–2-gram + logistic regression baseline, scored beside it.

Binary corpora are scored on positive/negative (the binary view: the more probable of the
two), three-class corpora on all three classes. Accuracy and macro-F1 in %.

Examples
--------
>>> plan = loco_plan(registry.default_config("tr"))  # doctest: +SKIP
>>> [p.key for p in plan][:2]  # doctest: +SKIP
['turkish-movie-reviews', 'turkish-twitter-sentiment']
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sentikit.evaluation.metrics import accuracy, macro_f1, per_class_report
from sentikit.io.datasets import DATASETS, dataset_info, load_dataset
from sentikit.progress import Step
from sentikit.training.data import fit_options, source_key, training_data
from sentikit.training.resources import build_estimator

#: The labels of the binary view.
BINARY = ("negative", "positive")


@dataclass
class LeftOut:
    """One left-out corpus: its key, the split tested, and whether it is evaluation only."""

    key: str
    split: str | None
    evaluation_only: bool = False


@dataclass
class CorpusResult:
    """Scores of the models on one left-out corpus."""

    key: str
    split: str | None
    labels: tuple[str, ...]
    n_test: int
    n_train: int
    evaluation_only: bool
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "corpus": self.key,
            "split": self.split,
            "labels": list(self.labels),
            "n_test": self.n_test,
            "n_train": self.n_train,
            "evaluation_only": self.evaluation_only,
            "scores": self.scores,
            "seconds": self.seconds,
        }


def _test_split(key: str) -> str | None:
    info = dataset_info(key)
    if "official" in info.protocols:
        return info.test_split
    if info.evaluation_only and info.cv_splits and len(info.cv_splits) == 1:
        return info.cv_splits[0]
    return None


def loco_plan(config: dict[str, Any], lang: str | None = None) -> list[LeftOut]:
    """The left-out corpora of ``config``'s pool (not its distantly labelled sources), then
    the evaluation-only corpora of its language."""
    lang = lang or config.get("lang")
    seen: list[str] = []
    for src in config.get("training", {}).get("datasets", []):
        key = source_key(src)
        if "as_label" in src:  # distant supervision: no gold labels to test on
            continue
        if key not in seen:
            seen.append(key)
    plan = [LeftOut(k, _test_split(k)) for k in seen]
    for name, info in DATASETS.items():
        if info.evaluation_only and info.lang == lang and info.task in ("document", "sentence"):
            plan.append(LeftOut(name, _test_split(name), evaluation_only=True))
    return plan


def _binary_view(probs: np.ndarray, classes: Sequence[str]) -> list[str]:
    """Positive or negative, whichever is more probable (for binary gold labels)."""
    cls = list(classes)
    pos = probs[:, cls.index("positive")] if "positive" in cls else np.zeros(len(probs))
    neg = probs[:, cls.index("negative")] if "negative" in cls else np.zeros(len(probs))
    return ["positive" if p >= n else "negative" for p, n in zip(pos, neg, strict=True)]


def _score(gold: list[str], probs: np.ndarray, classes: Sequence[str]) -> dict[str, Any]:
    labels = sorted(set(gold))
    if set(labels) <= set(BINARY):
        pred = _binary_view(probs, classes)
        labels = list(BINARY)
    else:
        pred = [str(classes[i]) for i in np.argmax(probs, axis=1)]
    return {
        "accuracy": accuracy(gold, pred),
        "macro_f1": macro_f1(gold, pred, labels),
        "per_class": per_class_report(gold, pred, labels),
    }


def _baseline_probs(model: Any, texts: list[str]) -> np.ndarray:
    return np.asarray(model.classifier_.predict_proba(model.vectorizer_.transform(texts)))


def _run_group(
    config: dict[str, Any], lang: str | None, items: list[LeftOut], baseline: bool
) -> list[CorpusResult]:
    """Train once for ``items`` (one pool corpus, or all evaluation-only corpora: the same
    training data) and score each."""
    from sentikit.evaluation.baselines import TfidfLogReg

    t0 = time.perf_counter()
    pool_keys = [p.key for p in loco_plan(config, lang) if not p.evaluation_only]
    leave = [i.key for i in items if not i.evaluation_only]
    texts, labels, _, groups = training_data(config, leave_out=leave)
    est = build_estimator(config, lang, exclude=[*pool_keys, *leave])
    est.fit(texts, labels, **fit_options(config, labels, groups))
    base = TfidfLogReg(lang=lang).fit(texts, labels) if baseline else None
    out = []
    for item in items:
        examples = [e for e in load_dataset(item.key, item.split) if e.label is not None]
        examples = [e for e in examples if e.label != "mixed"]
        gold = [str(e.label) for e in examples]
        test = [e.text for e in examples]
        res = CorpusResult(
            item.key,
            item.split,
            tuple(sorted(set(gold))),
            len(gold),
            len(texts),
            item.evaluation_only,
        )
        res.scores["sentikit"] = _score(gold, est.predict_proba(test), list(est.classes_))
        if base is not None:
            res.scores["tfidf_lr"] = _score(gold, _baseline_probs(base, test), base.classes_)
        res.seconds = round(time.perf_counter() - t0, 1)
        out.append(res)
    return out


def evaluate_loco(
    config: dict[str, Any],
    lang: str | None = None,
    only: Sequence[str] | None = None,
    baseline: bool = True,
    progress: Callable[[str], None] | None = None,
    jobs: int = 1,
) -> list[CorpusResult]:
    """Run the leave-one-corpus-out protocol of ``config`` (see the module docstring).

    ``only`` restricts it to some left-out corpora (keys); ``baseline=False`` skips the
    TF-IDF + LR baseline; ``jobs`` runs that many trainings at once (processes). The model
    trained on the whole pool (for the evaluation-only corpora) is trained once. Results come
    in plan order.
    """
    lang = lang or config.get("lang")
    plan = [p for p in loco_plan(config, lang) if only is None or p.key in only]
    groups = [[p] for p in plan if not p.evaluation_only]
    extra = [p for p in plan if p.evaluation_only]
    if extra:
        groups.append(extra)

    n_done = 0

    def report(results: list[CorpusResult]) -> None:
        nonlocal n_done
        for r in results:
            n_done += 1
            if progress is not None:
                s = r.scores
                msg = f"{r.key}: sentikit macro-F1 {s['sentikit']['macro_f1']:.2f}"
                if "tfidf_lr" in s:
                    msg += f", TF-IDF+LR {s['tfidf_lr']['macro_f1']:.2f}"
                progress(Step(msg, n_done, len(plan), "corpora"))

    done: list[list[CorpusResult]] = []
    if jobs <= 1 or len(groups) <= 1:
        for g in groups:
            done.append(_run_group(config, lang, g, baseline))
            report(done[-1])
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_run_group, config, lang, g, baseline) for g in groups]
            for f in futures:
                done.append(f.result())
                report(done[-1])
    order = {p.key: k for k, p in enumerate(plan)}
    return sorted((r for rs in done for r in rs), key=lambda r: order[r.key])


def format_loco(results: Sequence[CorpusResult]) -> str:
    """A plain-text table of :func:`evaluate_loco` results, with the mean over the pool's
    left-out corpora."""
    rows = [f"{'left-out corpus':45s} {'n':>6s} {'sentikit acc/F1':>16s} {'TF-IDF+LR acc/F1':>17s}"]
    diffs = []
    for r in results:
        s = r.scores["sentikit"]
        b = r.scores.get("tfidf_lr")
        name = r.key + (" (eval only)" if r.evaluation_only else "")
        line = f"{name:45s} {r.n_test:6d} {s['accuracy']:7.2f} {s['macro_f1']:7.2f}"
        if b is not None:
            line += f"  {b['accuracy']:7.2f} {b['macro_f1']:7.2f}"
            if not r.evaluation_only:
                diffs.append(s["macro_f1"] - b["macro_f1"])
        rows.append(line)
    if diffs:
        rows.append(f"mean macro-F1 gain over TF-IDF+LR (pool corpora): {np.mean(diffs):+.2f}")
    return "\n".join(rows)
