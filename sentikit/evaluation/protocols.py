"""Evaluation protocols: which examples train and which test, fold by fold.

- ``official``: train on the corpus's official train split, test on its test split (SST: train
  only, dev unused unless ``use_dev=True``; the test split is always scored on sentence roots).
- ``cv10``: stratified 10-fold cross-validation,
  ``StratifiedKFold(n_splits=10, shuffle=True, random_state=0)``, over the whole corpus: the
  ``"all"`` file, or train + test concatenated where the corpus has official splits
  (:attr:`DatasetInfo.cv_splits`).
- ``holdout`` (a user's labelled file only): one stratified, shuffled, seeded 80/20 split
  (:func:`holdout_folds`); a file can also take ``cv10`` (:func:`file_folds`).

The default protocol of a corpus is the first of :attr:`DatasetInfo.protocols`: ``official``
where the corpus has a train/test split, ``cv10`` otherwise — except the rt-polarity sentences,
whose literature protocol is 10-fold CV over the full file.

Evaluation names are the ``MANIFEST.md`` folder names, plus the aliases ``sst2`` (=
``sst-ptb-trees``, binary, the default) and ``sst5`` (fine-grained, labels ``"0"``…``"4"``).

Examples
--------
>>> default_protocol("turkish-twitter-sentiment"), default_protocol("turkish-movie-reviews")
('official', 'cv10')
>>> folds = cv_folds(["a", "b"] * 10, n_splits=5)
>>> len(folds), sorted(set(folds[0].train) & set(folds[0].test))
(5, [])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold, StratifiedShuffleSplit

from sentikit.errors import InputError
from sentikit.io.datasets import (
    CLASSIFICATION_TASKS,
    DatasetInfo,
    Example,
    dataset_info,
    load_dataset,
)

PROTOCOLS = ("official", "cv10")
#: Protocols of a labelled file of the user's (no official split); the first is the default.
FILE_PROTOCOLS = ("holdout", "cv10")
#: Reference cross-validation setting (Aydın & Güngör's 10-fold protocol, fixed seed).
CV_SPLITS = 10
CV_SEED = 0
#: The share of a file held out for testing under ``holdout``.
HOLDOUT_TEST_SIZE = 0.2


@dataclass
class Fold:
    """One train/test partition: positions into the plan's example list."""

    index: int
    train: np.ndarray
    test: np.ndarray


@dataclass
class Plan:
    """The examples of an evaluation and its folds (train/test positions into ``examples``)."""

    dataset: str
    protocol: str
    info: DatasetInfo
    examples: list[Example]
    folds: list[Fold]


def default_protocol(name: str) -> str:
    """The default protocol of a dataset or alias (first of :attr:`DatasetInfo.protocols`).

    Raises
    ------
    InputError
        When the dataset is not a text-classification corpus.
    """
    info = dataset_info(name)
    if not info.protocols:
        raise InputError(
            f"dataset {name!r} ({info.task}) cannot be evaluated as text classification"
        )
    return info.protocols[0]


def cv_folds(
    labels: list[str] | np.ndarray, n_splits: int = CV_SPLITS, seed: int = CV_SEED
) -> list[Fold]:
    """Stratified, shuffled, seeded k-fold partitions of ``range(len(labels))``.

    Raises
    ------
    InputError
        When a class has fewer members than ``n_splits`` or there are too few examples.
    """
    y = np.asarray(labels)
    skf = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    try:
        splits = list(skf.split(np.zeros(len(y)), y))
    except ValueError as exc:
        raise InputError(f"cannot make {n_splits} stratified folds: {exc}") from None
    return [Fold(i, tr, te) for i, (tr, te) in enumerate(splits)]


def holdout_folds(
    labels: list[str] | np.ndarray, test_size: float = HOLDOUT_TEST_SIZE, seed: int = CV_SEED
) -> list[Fold]:
    """One stratified, shuffled, seeded train/test partition of ``range(len(labels))``, with
    ``test_size`` of every class (rounded) held out.

    Raises
    ------
    InputError
        When a class has a single member or there are too few examples to hold some out.

    Examples
    --------
    >>> (fold,) = holdout_folds(["a", "b"] * 10)
    >>> len(fold.train), len(fold.test)
    (16, 4)
    """
    y = np.asarray(labels)
    sss = StratifiedShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    try:
        ((train, test),) = list(sss.split(np.zeros(len(y)), y))
    except ValueError as exc:
        raise InputError(f"cannot hold out a stratified {test_size:.0%}: {exc}") from None
    return [Fold(0, train, test)]


def file_folds(labels: list[str], protocol: str | None = None) -> tuple[str, list[Fold]]:
    """``(protocol, folds)`` of a labelled file under ``protocol`` (default ``holdout``).

    Raises
    ------
    InputError
        For a protocol other than :data:`FILE_PROTOCOLS`, or labels that cannot be split so.
    """
    protocol = protocol or FILE_PROTOCOLS[0]
    if protocol not in FILE_PROTOCOLS:
        raise InputError(
            f"a labelled file is evaluated under {' or '.join(FILE_PROTOCOLS)}, not "
            f"{protocol!r} (it has no official split)"
        )
    folds = holdout_folds(labels) if protocol == "holdout" else cv_folds(labels)
    return protocol, folds


def make_plan(
    dataset: str, protocol: str | None = None, options: dict[str, Any] | None = None
) -> Plan:
    """Load the examples of ``dataset`` and cut them into folds under ``protocol``.

    Parameters
    ----------
    dataset : str
        A MANIFEST folder name or alias (``sst2``, ``sst5``).
    protocol : {"official", "cv10"}, optional
        Default: :func:`default_protocol`.
    options : dict, optional
        Loader options (``granularity``, ``phrases``, ``clean_html`` …) and ``use_dev`` (SST:
        add dev to training under ``official``). ``phrases=True`` affects training only and
        is refused under ``cv10`` (phrases of one tree would land on both sides).

    Raises
    ------
    InputError
        Unknown protocol, a protocol the dataset does not support, or a non-classification
        dataset.
    """
    info = dataset_info(dataset)
    if info.task not in CLASSIFICATION_TASKS or not info.protocols:
        raise InputError(
            f"dataset {dataset!r} is a {info.task} dataset; the evaluation harness runs "
            f"text classification corpora only"
        )
    protocol = protocol or info.protocols[0]
    if protocol not in PROTOCOLS:
        raise InputError(f"unknown protocol {protocol!r}; choose one of {', '.join(PROTOCOLS)}")
    if protocol not in info.protocols:
        raise InputError(
            f"dataset {dataset!r} supports protocol(s) {', '.join(info.protocols)}, "
            f"not {protocol!r}"
        )
    opts = dict(options or {})
    use_dev = bool(opts.pop("use_dev", False))
    if protocol == "official":
        train_opts = dict(opts)
        test_opts = {k: v for k, v in opts.items() if k != "phrases"}
        train = load_dataset(dataset, info.train_split, **train_opts)
        if use_dev:
            if "dev" not in info.splits:
                raise InputError(f"dataset {dataset!r} has no dev split")
            train += load_dataset(dataset, "dev", **train_opts)
        test = load_dataset(dataset, info.test_split, **test_opts)
        examples = train + test
        fold = Fold(0, np.arange(len(train)), np.arange(len(train), len(train) + len(test)))
        return Plan(dataset, protocol, info, examples, [fold])
    if opts.get("phrases"):
        raise InputError("phrases=True is only allowed with the official protocol")
    if use_dev:
        raise InputError("use_dev is only meaningful with the official protocol")
    examples = []
    for split in info.cv_splits:
        examples += load_dataset(dataset, split, **opts)
    labels = [e.label or "" for e in examples]
    return Plan(dataset, protocol, info, examples, cv_folds(labels))


__all__ = [
    "CV_SEED",
    "CV_SPLITS",
    "FILE_PROTOCOLS",
    "HOLDOUT_TEST_SIZE",
    "PROTOCOLS",
    "Fold",
    "Plan",
    "cv_folds",
    "default_protocol",
    "file_folds",
    "holdout_folds",
    "make_plan",
]
