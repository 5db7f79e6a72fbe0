"""The catalogue of the benchmark corpora of ``MANIFEST.md``: what each corpus holds and how
it is evaluated (:class:`DatasetInfo`, :data:`DATASETS`), the evaluation aliases
(:data:`ALIASES`), the loader options each corpus accepts, and the lookups
:func:`resolve_dataset` and :func:`dataset_info`.

The Stanford Sentiment Treebank has two label sets. ``granularity="binary"`` (default, SST-2)
drops neutral (2) items and maps 0-1 → negative, 3-4 → positive; ``granularity="fine"``
(SST-5) keeps the five classes as the labels ``"0"`` … ``"4"`` (0 = very negative). The alias
names ``"sst2"`` and ``"sst5"`` select the two settings, so that ``sentikit evaluate --dataset
sst5`` works; the fine label is also in ``meta["fine"]`` in both settings.

Pure data and lookups: nothing here reads a file. The loaders are in
:mod:`sentikit.io.corpora`; :mod:`sentikit.io.datasets` re-exports all of this.

Examples
--------
>>> info = DATASETS["turkish-movie-reviews"]
>>> info.lang, info.task, info.labels, info.protocols
('tr', 'document', ('negative', 'positive'), ('cv10',))
>>> dataset_info("sst5").labels
('0', '1', '2', '3', '4')
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sentikit.errors import InputError

Task = (
    str  # "document" | "sentence" | "aspect" | "lexicon" | "treebank" | "unlabelled" | "resource"
)

#: Tasks whose examples are (text, label) pairs that the evaluation harness can run.
CLASSIFICATION_TASKS = ("document", "sentence")

#: SST-5 label strings (index = fine label).
SST5_LABELS = ("0", "1", "2", "3", "4")


@dataclass(frozen=True)
class DatasetInfo:
    """What one corpus of ``MANIFEST.md`` holds and how it is evaluated.

    Attributes
    ----------
    name : str
        The folder name in ``MANIFEST.md`` (or an alias such as ``"sst5"``).
    lang : str
        ``"tr"`` or ``"en"``.
    task : str
        ``"document"``, ``"sentence"``, ``"aspect"``, ``"lexicon"``, ``"treebank"``,
        ``"unlabelled"`` or ``"resource"``.
    labels : tuple of str
        The label set of its examples (sorted), empty where there are none.
    splits : tuple of str
        The split names :func:`load_dataset` accepts.
    protocols : tuple of str
        Evaluation protocols among ``"official"`` and ``"cv10"``; the first is the default.
        Empty where the text-classification harness does not apply.
    cv_splits : tuple of str
        The splits concatenated for 10-fold cross-validation (and for ``split=None``).
    train_split, test_split : str
        The splits of the ``official`` protocol.
    options : dict
        Default loader options of an alias (e.g. ``{"granularity": "fine"}`` for ``sst5``).
    base : str
        The MANIFEST folder (differs from ``name`` for aliases).
    description : str
        One line.
    evaluation_only : bool
        ``MANIFEST.md`` marks the corpus evaluation only (its upstream terms): it never trains
        a shipped model and is always a left-out corpus of the cross-corpus protocol.
    """

    name: str
    lang: str
    task: Task
    labels: tuple[str, ...]
    splits: tuple[str, ...]
    protocols: tuple[str, ...]
    cv_splits: tuple[str, ...] = ()
    train_split: str = "train"
    test_split: str = "test"
    options: dict[str, Any] = field(default_factory=dict)
    base: str = ""
    description: str = ""
    evaluation_only: bool = False

    @property
    def folder(self) -> str:
        """The dataset folder under the data root."""
        return self.base or self.name


_POL = ("negative", "positive")
_POL3 = ("negative", "neutral", "positive")

DATASETS: dict[str, DatasetInfo] = {
    d.name: d
    for d in [
        DatasetInfo(
            "turkish-movie-reviews",
            "tr",
            "document",
            _POL,
            ("all",),
            ("cv10",),
            ("all",),
            description="Beyazperde movie reviews, 7020/7020, no split (10-fold CV)",
        ),
        DatasetInfo(
            "english-movie-sentences-rt-polarity",
            "en",
            "sentence",
            _POL,
            ("all", "train", "test", "test_small"),
            ("cv10", "official"),
            ("all",),
            description="Pang & Lee rt-polarity sentences: 10660 (all) or 80/20 split files",
        ),
        DatasetInfo(
            "turkish-twitter-sentiment",
            "tr",
            "sentence",
            _POL,
            ("train", "test", "sample_tr", "sample_en"),
            ("official", "cv10"),
            ("train", "test"),
            description="Turkish tweets, train 1238 / test 474 (+ two 99-row smoke samples)",
        ),
        DatasetInfo(
            "turkish-lexical-resources-aydin",
            "tr",
            "resource",
            (),
            ("stop_words", "idioms", "idioms_full"),
            (),
            description="Turkish stop words and idiom/proverb lists (use load_word_list)",
        ),
        DatasetInfo(
            "semeval2014-absa-csv-iarm",
            "en",
            "aspect",
            _POL3,
            ("train", "test"),
            (),
            ("train", "test"),
            description="SemEval-2014 laptops/restaurants aspects as IARM CSV (option domain)",
        ),
        DatasetInfo(
            "sst-ptb-trees",
            "en",
            "sentence",
            _POL,
            ("train", "dev", "test"),
            ("official", "cv10"),
            ("train", "test"),
            options={"granularity": "binary"},
            description="Stanford Sentiment Treebank; SST-2 by default, granularity='fine' SST-5",
        ),
        DatasetInfo(
            "semeval2014-absa",
            "en",
            "aspect",
            _POL3,
            ("train", "test"),
            (),
            ("train", "test"),
            description="SemEval-2014 Task 4 XML, one example per aspect term (option domain)",
        ),
        DatasetInfo(
            "semeval2016-absa-turkish-restaurants",
            "tr",
            "aspect",
            _POL3,
            ("train", "trial"),
            (),
            ("train",),
            train_split="train",
            test_split="trial",
            description="SemEval-2016 Task 5 Turkish restaurants, one example per opinion",
        ),
        DatasetInfo(
            "lexicon-hu-liu-opinion-lexicon",
            "en",
            "lexicon",
            _POL,
            (),
            (),
            description="Hu & Liu opinion lexicon (use load_lexicon_dataset)",
        ),
        DatasetInfo(
            "lexicon-mpqa-subjectivity",
            "en",
            "lexicon",
            _POL3,
            (),
            (),
            description="MPQA subjectivity lexicon (use load_lexicon_dataset)",
        ),
        DatasetInfo(
            "lexicon-sentiturknet",
            "tr",
            "lexicon",
            _POL3,
            (),
            (),
            description="SentiTurkNet synset lexicon (use load_lexicon_dataset)",
        ),
        DatasetInfo(
            "lexicon-turkish-sentinet-starlang",
            "tr",
            "lexicon",
            _POL3,
            (),
            (),
            description="Starlang Turkish SentiNet (use load_lexicon_dataset)",
        ),
        DatasetInfo(
            "ud-turkish-imst",
            "tr",
            "treebank",
            (),
            ("train", "dev", "test"),
            (),
            description="UD Turkish-IMST v2.16 (use sentikit.io.conllu.read_conllu)",
        ),
        DatasetInfo(
            "ud-english-ewt",
            "en",
            "treebank",
            (),
            ("train", "dev", "test"),
            (),
            description="UD English-EWT v2.16 (use sentikit.io.conllu.read_conllu)",
        ),
        DatasetInfo(
            "english-imdb-reviews",
            "en",
            "document",
            _POL,
            ("train", "test", "unsup"),
            ("official", "cv10"),
            ("train", "test"),
            description="IMDB Large Movie Review Dataset, 25k/25k (+50k unlabelled)",
        ),
        DatasetInfo(
            "turkish-store-reviews-3class",
            "tr",
            "document",
            _POL3,
            ("all",),
            ("cv10",),
            ("all",),
            description="Turkish store reviews, 3 classes, 11428, no split (10-fold CV)",
        ),
        DatasetInfo(
            "turkish-unlabelled-text",
            "tr",
            "unlabelled",
            (),
            ("all",),
            (),
            ("all",),
            description="Kemik 42bin news, 41992 docs (category in meta); for embeddings",
        ),
        DatasetInfo(
            "turkish-tweets-tsatweets-3class",
            "tr",
            "sentence",
            _POL3,
            ("all",),
            ("cv10",),
            ("all",),
            description="TSATweets: general-domain Turkish tweets, 3 classes, 5879 (10-fold CV)",
        ),
        DatasetInfo(
            "turkish-tweets-bounti-3class",
            "tr",
            "sentence",
            _POL3,
            ("train", "validation"),
            ("cv10",),
            ("train", "validation"),
            evaluation_only=True,
            description="BounTi university tweets, 3 classes, train 5659 / validation 637 "
            "(evaluation only: non-commercial terms)",
        ),
        DatasetInfo(
            "english-tweets-semeval2017-3class",
            "en",
            "sentence",
            _POL3,
            ("train", "validation", "test"),
            ("official",),
            ("train", "validation", "test"),
            description="SemEval-2017 4A tweets, 3 classes, train 47400 / val 2000 / test 12284",
        ),
        DatasetInfo(
            "english-amazon-multidomain-blitzer2007",
            "en",
            "document",
            _POL,
            ("books", "dvd", "electronics", "kitchen"),
            ("cv10",),
            ("books", "dvd", "electronics", "kitchen"),
            description="Amazon product reviews of four domains (Blitzer 2007), ~1960 each",
        ),
        DatasetInfo(
            "english-financial-phrasebank",
            "en",
            "sentence",
            _POL3,
            ("50agree", "66agree", "75agree", "allagree"),
            ("cv10",),
            ("75agree",),
            evaluation_only=True,
            description="Financial PhraseBank sentences by annotator agreement, 3 classes "
            "(evaluation only: CC BY-NC-SA)",
        ),
        DatasetInfo(
            "semeval2016-absa-turkish-restaurants-test-partial",
            "tr",
            "sentence",
            _POL3,
            ("test",),
            ("cv10",),
            ("test",),
            evaluation_only=True,
            description="SemEval-2016 Turkish restaurants test, explicit-target opinions only, "
            "sentence labels (evaluation only: CC BY-NC-ND)",
        ),
    ]
}

#: Evaluation aliases: name → (MANIFEST folder, loader options).
ALIASES: dict[str, tuple[str, dict[str, Any]]] = {
    "sst2": ("sst-ptb-trees", {"granularity": "binary"}),
    "sst5": ("sst-ptb-trees", {"granularity": "fine"}),
    "sst3": ("sst-ptb-trees", {"granularity": "ternary"}),
    "semeval2014-restaurants-sentences": (
        "semeval2014-absa",
        {"domain": "restaurants", "level": "sentence"},
    ),
    "semeval2014-laptops-sentences": (
        "semeval2014-absa",
        {"domain": "laptops", "level": "sentence"},
    ),
    "semeval2016-tr-sentences": ("semeval2016-absa-turkish-restaurants", {"level": "sentence"}),
}

# Loader options each corpus accepts (with their defaults).
_OPTIONS: dict[str, dict[str, Any]] = {
    "english-imdb-reviews": {"clean_html": True},
    "sst-ptb-trees": {"granularity": "binary", "phrases": False, "detok": False},
    "semeval2014-absa-csv-iarm": {"domain": "restaurants"},
    "semeval2014-absa": {"domain": "restaurants", "include_conflict": False, "level": "aspect"},
    "semeval2016-absa-turkish-restaurants": {
        "subtask": 1,
        "include_conflict": False,
        "level": "aspect",
    },
}


def resolve_dataset(name: str) -> tuple[str, dict[str, Any]]:
    """``(MANIFEST folder, alias options)`` for a dataset or alias name.

    Raises
    ------
    InputError
        For an unknown name (the message lists the known ones).
    """
    if name in DATASETS:
        return name, {}
    if name in ALIASES:
        folder, opts = ALIASES[name]
        return folder, dict(opts)
    known = ", ".join([*DATASETS, *ALIASES])
    raise InputError(f"unknown dataset {name!r}; known: {known}")


def dataset_info(name: str) -> DatasetInfo:
    """The :class:`DatasetInfo` of a dataset or alias (``sst5`` has labels ``"0"``…``"4"``)."""
    folder, opts = resolve_dataset(name)
    info = DATASETS[folder]
    if name == folder:
        return info
    labels = SST5_LABELS if opts.get("granularity") == "fine" else info.labels
    labels = _POL3 if opts.get("granularity") == "ternary" else labels
    extra: dict[str, Any] = {}
    if opts.get("level") == "sentence":  # sentence polarities of an ABSA corpus
        official = info.test_split == "test"
        extra = {
            "task": "sentence",
            "protocols": ("official",) if official else ("cv10",),
            "cv_splits": (info.train_split,) if not official else info.cv_splits,
        }
    return replace(
        info, name=name, base=folder, labels=labels, options={**info.options, **opts}, **extra
    )


def check_options(folder: str, options: dict[str, Any]) -> dict[str, Any]:
    """``options`` for a loader of ``folder``, completed with the defaults it accepts.

    Raises
    ------
    InputError
        For an option the corpus does not accept (the message lists those it does).
    """
    allowed = _OPTIONS.get(folder, {})
    unknown = set(options) - set(allowed)
    if unknown:
        hint = ", ".join(allowed) if allowed else "none"
        raise InputError(
            f"unknown option(s) {', '.join(sorted(unknown))} for dataset {folder!r}; "
            f"accepted: {hint}"
        )
    return {**allowed, **options}


def check_split(info: DatasetInfo, split: str) -> None:
    """Raise :class:`~sentikit.errors.InputError` unless ``info`` has the split ``split``."""
    if split not in info.splits:
        raise InputError(
            f"dataset {info.name!r} has no split {split!r}; "
            f"splits: {', '.join(info.splits) or 'none'}"
        )


__all__ = [
    "ALIASES",
    "CLASSIFICATION_TASKS",
    "DATASETS",
    "SST5_LABELS",
    "DatasetInfo",
    "Task",
    "check_options",
    "check_split",
    "dataset_info",
    "resolve_dataset",
]
