"""Evaluate anything on anything: a trained bundle on a labelled file or a corpus's test split,
and a configuration cross-validated on a labelled file (``sentikit evaluate --model / --data``).

Both run through the harness of :mod:`sentikit.evaluation.runner` and report what it reports
(accuracy, macro-F1, the per-class table, calibration), with three additions to
:class:`~sentikit.evaluation.runner.EvalResult`:

- ``view``: a bundle with three classes scored on positive/negative data is scored on the
  binary view, the more probable of positive and negative (as the Analyzer's
  ``labels="binary"``); its calibration is that of those two probabilities, renormalized;
- ``trained_on_test_data``: the bundle's ``model.json`` says it was trained on the evaluation
  data (a training source naming the same corpus and an overlapping split, or one with the
  same ``sha256`` of texts and labels, :func:`sentikit.io.bundle.sha256_texts`): a warning
  on stderr, and in the table;
- ``data`` (the evaluation data: ``name, kind, split, n, sha256``) and ``bundle``.

A bundle is scored by its estimator on every text (the probabilities ``sentikit analyze``
reports as ``probs``); nothing is retrained.

Examples
--------
>>> data = file_data("store_test.csv")  # doctest: +SKIP
>>> print(evaluate_bundle("my-model/", data).format_table())  # doctest: +SKIP
>>> cfg = default_config("tr")  # doctest: +SKIP
>>> print(evaluate_config(cfg, "tr", data, protocol="cv10").format_table())  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.errors import InputError
from sentikit.evaluation.protocols import Fold, file_folds
from sentikit.evaluation.runner import EvalResult, evaluate_folds
from sentikit.io.bundle import sha256_texts
from sentikit.io.datasets import ALIASES, DATASETS, Example, dataset_info, load_dataset
from sentikit.io.records import read_labelled_file
from sentikit.progress import Step

log = logging.getLogger("sentikit.evaluation")

#: The protocol name of a bundle scored as it was trained (no fold is trained).
BUNDLE_PROTOCOL = "bundle"
#: The two classes of the binary view.
BINARY = ("negative", "positive")
#: Texts whose language is checked against the model's.
LANG_SAMPLE = 500
#: Texts scored per model call (and per progress message).
CHUNK = 2000


@dataclass
class EvalData:
    """Labelled evaluation data and its record (``name, kind, split, n, sha256``; ``path``
    for a file), in the shape ``sentikit train`` records its sources."""

    examples: list[Example]
    record: dict[str, Any]

    @property
    def texts(self) -> list[str]:
        return [e.text for e in self.examples]

    @property
    def labels(self) -> list[str]:
        return [str(e.label) for e in self.examples]


def file_data(
    path: str | Path, text_col: str = "text", label_col: str = "label", raw_labels: bool = False
) -> EvalData:
    """A labelled CSV/TSV/JSONL/JSON file (:func:`sentikit.io.records.read_labelled_file`)."""
    texts, labels = read_labelled_file(path, text_col, label_col, raw_labels=raw_labels)
    examples = [
        Example(t, y, str(k), {}) for k, (t, y) in enumerate(zip(texts, labels, strict=True), 1)
    ]
    record = {
        "name": str(path),
        "kind": "file",
        "split": None,
        "n": len(texts),
        "sha256": sha256_texts(texts, labels),
        "path": str(Path(path).resolve()),
    }
    return EvalData(examples, record)


def corpus_data(name: str) -> EvalData:
    """The labelled test split of a catalogue corpus, or all of it when it has none."""
    info = dataset_info(name)
    if not info.protocols:
        raise InputError(f"dataset {name!r} ({info.task}) is not a text-classification corpus")
    if "official" in info.protocols:
        split: str | None = info.test_split
        examples = load_dataset(name, split)
    else:
        split = "all"
        examples = [e for s in info.cv_splits for e in load_dataset(name, s)]
    examples = [e for e in examples if e.label is not None]
    if not examples:
        raise InputError(f"dataset {name!r} has no labelled examples to evaluate on")
    texts, labels = [e.text for e in examples], [str(e.label) for e in examples]
    record = {
        "name": info.name,
        "kind": "dataset",
        "split": split,
        "n": len(examples),
        "sha256": sha256_texts(texts, labels),
    }
    return EvalData(examples, record)


def majority_language(texts: Sequence[str]) -> str | None:
    """The language most of (a sample of) ``texts`` are in, by the fast detector; ``None``
    when none is decided."""
    from sentikit.lang.detect import detect_many

    votes = Counter(d for d in detect_many(list(texts[:LANG_SAMPLE])) if d != "und")
    return votes.most_common(1)[0][0] if votes else None


# -- a bundle as an estimator ---------------------------------------------------------------


class BundleModel:
    """A trained bundle's estimator in the harness's contract: ``fit`` does nothing.

    With ``binary``, only the positive and negative probabilities are read, renormalized, and
    the label is the more probable of the two (positive on a tie, as the Analyzer's
    ``labels="binary"``).
    """

    def __init__(
        self,
        info: dict[str, Any],
        est: Any,
        binary: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.info, self.est, self.binary, self.progress = info, est, binary, progress
        classes = [str(c) for c in est.classes_]
        self._cols = [classes.index(c) for c in BINARY] if binary else list(range(len(classes)))
        self.classes_ = list(BINARY) if binary else classes
        self.n_train_ = int((info.get("training_data") or {}).get("n") or 0)

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> BundleModel:
        """Nothing to learn: the bundle is scored as it was trained."""
        return self

    def predict_and_proba(self, texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """Labels and probabilities (columns :attr:`classes_`) of ``texts``, chunk by chunk."""
        rows = []
        for start in range(0, len(texts), CHUNK):
            rows.append(np.asarray(self.est.predict_proba(list(texts[start : start + CHUNK]))))
            if self.progress is not None:
                done = min(start + CHUNK, len(texts))
                self.progress(Step(f"scored {done}/{len(texts)} texts", done, len(texts), "texts"))
        P = np.vstack(rows)[:, self._cols] if rows else np.zeros((0, len(self._cols)))
        if self.binary:
            P = P / np.maximum(P.sum(axis=1, keepdims=True), 1e-300)
            labels = np.where(P[:, 1] >= P[:, 0], BINARY[1], BINARY[0])
        else:
            labels = np.asarray(self.classes_)[np.argmax(P, axis=1)]
        return [str(y) for y in labels], P

    def predict(self, texts: Sequence[str]) -> list[str]:
        return self.predict_and_proba(texts)[0]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return self.predict_and_proba(texts)[1]


# -- trained on the test data? --------------------------------------------------------------


def _is_corpus(name: str) -> bool:
    base = name.partition(":")[0]
    return base in DATASETS or base in ALIASES


def _splits_overlap(a: str | None, b: str | None) -> bool:
    """Whether two splits of one corpus share texts (``all``/none covers every split)."""
    return a in (None, "", "all") or b in (None, "", "all") or a == b


def _source_overlap(src: dict[str, Any], data: dict[str, Any]) -> str | None:
    """Why the training source ``src`` is (part of) the evaluation data, or ``None``."""
    from sentikit.training.resources import OVERLAPPING, canonical

    name = str(src.get("name") or "")
    if src.get("sha256") and src.get("sha256") == data.get("sha256"):
        return f"its training source {name!r} has the same texts and labels (sha256)"
    kind = src.get("kind") or ("dataset" if _is_corpus(name) else "file")
    if kind == "dataset" and data["kind"] == "dataset" and name:
        src_split = src.get("split") or name.partition(":")[2] or None
        mine, theirs = canonical(data["name"]), canonical(name)
        if mine == theirs and _splits_overlap(src_split, data.get("split")):
            return (
                f"it was trained on {name} (split {src_split or 'all'}), which holds this "
                f"evaluation data ({data['name']}, split {data.get('split') or 'all'})"
            )
        if theirs in OVERLAPPING.get(mine, set()):
            return f"it was trained on {name}, which shares texts with {data['name']}"
    same_file = kind == "file" and data["kind"] == "file" and name and not src.get("sha256")
    if same_file and Path(name).resolve() == Path(data.get("path") or data["name"]).resolve():
        return f"it was trained on the same file ({name})"
    return None


def training_overlap(info: dict[str, Any], data: dict[str, Any]) -> str | None:
    """Why a bundle (its ``model.json``) was trained on the evaluation ``data`` (an
    :attr:`EvalData.record`), or ``None`` when nothing says so.

    Read from ``training_data``: its overall ``sha256``, and each of its ``sources`` (a
    corpus and split, or a ``sha256``; bundles that record less are judged on what they
    record).
    """
    td = info.get("training_data") or {}
    if data.get("sha256") and td.get("sha256") == data["sha256"]:
        return "its training data is exactly this data (same sha256 of texts and labels)"
    for src in td.get("sources") or []:
        if isinstance(src, dict):
            why = _source_overlap(src, data)
            if why is not None:
                return why
    return None


# -- the evaluations ------------------------------------------------------------------------


def _label_plan(classes: list[str], gold: list[str]) -> tuple[bool, list[str], str | None]:
    """``(binary view?, labels to report, what to say)`` of a model's classes against the
    gold labels: the binary view (a note), or gold labels the model does not have (a
    warning)."""
    if set(gold) <= set(BINARY) and set(BINARY) < set(classes):
        return (
            True,
            list(BINARY),
            f"binary view: the data has positive/negative labels only, the model "
            f"{len(classes)} classes ({', '.join(classes)}); each text gets the more probable "
            "of positive and negative (as labels='binary'), calibration on those two "
            "probabilities renormalized",
        )
    unknown = sorted(set(gold) - set(classes))
    if unknown:
        return (
            False,
            classes + unknown,
            f"labels {', '.join(unknown)} of the data are not classes of the model "
            f"({', '.join(classes)}): every such text counts as an error",
        )
    return False, classes, None


def evaluate_bundle(
    model: str | Path,
    data: EvalData,
    progress: Callable[[str], None] | None = None,
) -> EvalResult:
    """Score a trained bundle (a folder, or a shipped model's language or name) on ``data``.

    Raises
    ------
    ResourceMissingError, BundleError
        When the bundle is missing, damaged or for another sentikit version.
    """
    from sentikit.models.registry import load_model
    from sentikit.pipeline.analyzer import model_folder

    folder = model_folder(model)
    info, est = load_model(folder)
    classes = [str(c) for c in est.classes_]
    binary, labels, said = _label_plan(classes, data.labels)
    notes = [said] if said is not None else []
    if said is not None and not binary:
        log.warning("%s", said)
    tag = f"{info.get('name')} {info.get('version')}"
    text_lang = majority_language(data.texts)
    if text_lang is not None and text_lang != info["lang"]:
        notes.append(f"most texts look {text_lang!r}, the model is {info['lang']!r}")
        log.warning("%s", notes[-1])
    overlap = training_overlap(info, data.record)
    if overlap is not None:
        notes.append(f"trained on the test data: {overlap}")
        log.warning(
            "model %s was trained on this evaluation data: %s; its figures measure memory, "
            "not generalization",
            tag,
            overlap,
        )
    scorer = BundleModel(info, est, binary=binary, progress=progress)
    fold = Fold(0, np.arange(0), np.arange(len(data.examples)))
    res = evaluate_folds(
        data.examples,
        [fold],
        lambda: scorer,
        dataset=str(data.record["name"]),
        protocol=BUNDLE_PROTOCOL,
        lang=str(info["lang"]),
        labels=labels,
        progress=progress,
        fit=False,
    )
    res.model = tag
    res.view = "binary" if binary else None
    res.trained_on_test_data = overlap is not None
    res.notes = notes
    res.data = data.record
    res.bundle = {
        "name": info.get("name"),
        "version": info.get("version"),
        "lang": info["lang"],
        "path": str(folder),
        "classes": classes,
    }
    return res


def evaluate_config(
    config: dict[str, Any],
    lang: str,
    data: EvalData,
    protocol: str | None = None,
    max_folds: int | None = None,
    progress: Callable[[str], None] | None = None,
    name: str | None = None,
) -> EvalResult:
    """Cross-validate a configuration on labelled ``data`` (a file) under ``protocol``
    (``holdout``, the default, or ``cv10``: :func:`sentikit.evaluation.protocols.file_folds`).

    The estimators come from :func:`sentikit.training.resources.model_factory` with the file
    excluded from the configuration's auxiliary corpora; each fold trains on its own share.
    """
    from sentikit.training.resources import model_factory

    protocol, folds = file_folds(data.labels, protocol)
    exclude = [str(data.record.get("path") or data.record["name"])]
    make = model_factory(config, lang, exclude=exclude)
    res = evaluate_folds(
        data.examples,
        folds,
        make,
        dataset=str(data.record["name"]),
        protocol=protocol,
        lang=lang,
        max_folds=max_folds,
        progress=progress,
    )
    res.model = name or str(config.get("name") or "configuration")
    res.data = data.record
    return res


__all__ = [
    "BUNDLE_PROTOCOL",
    "BundleModel",
    "EvalData",
    "corpus_data",
    "evaluate_bundle",
    "evaluate_config",
    "file_data",
    "majority_language",
    "training_overlap",
]
