"""Registry and uniform loader for the benchmark corpora of ``MANIFEST.md``.

Every labelled corpus loads as a list of :class:`Example` (``text``, sentikit ``label``,
``id``, ``meta``) through :func:`load_dataset`; large corpora stream through
:func:`iter_examples` / :func:`iter_texts`. Labels are mapped to sentikit's strings:
``P``/``pos``/``1``/``Olumlu`` → ``"positive"``, ``N``/``neg``/``0``/``Olumsuz`` →
``"negative"``, ``Tarafsız`` → ``"neutral"``.

The Stanford Sentiment Treebank has two label sets. ``granularity="binary"`` (default, SST-2)
drops neutral (2) items and maps 0-1 → negative, 3-4 → positive; ``granularity="fine"``
(SST-5) keeps the five classes as the labels ``"0"`` … ``"4"`` (0 = very negative). The alias
names ``"sst2"`` and ``"sst5"`` select the two settings, so that ``sentikit evaluate --dataset
sst5`` works; the fine label is also in ``meta["fine"]`` in both settings.

Data-quality notes kept on purpose (documented in the dataset READMEs):

- ``turkish-store-reviews-3class`` has 3 empty reviews (kept as ``Example(text="")``) and 21
  duplicate texts (17 with conflicting labels); nothing is dropped, so counts match the README.
- ``english-movie-sentences-rt-polarity`` ``"all"`` (10660) is the full file of the original
  papers; ``"train"`` + ``"test"`` (8530 + 2132 = 10662) is the 80/20 split of another copy.

Examples
--------
>>> info = DATASETS["turkish-movie-reviews"]
>>> info.lang, info.task, info.labels, info.protocols
('tr', 'document', ('negative', 'positive'), ('cv10',))
>>> normalize_label("Olumlu"), normalize_label("neg")
('positive', 'negative')
>>> exs = load_dataset("turkish-movie-reviews")  # doctest: +SKIP
>>> len(exs), exs[0].label  # doctest: +SKIP
(14040, 'negative')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sentikit.errors import InputError
from sentikit.io._files import data_file, open_text, read_csv_rows, read_labelled_csv
from sentikit.io.labels import LABEL_MAP, normalize_label

Task = (
    str  # "document" | "sentence" | "aspect" | "lexicon" | "treebank" | "unlabelled" | "resource"
)

#: Tasks whose examples are (text, label) pairs that the evaluation harness can run.
CLASSIFICATION_TASKS = ("document", "sentence")

#: SST-5 label strings (index = fine label).
SST5_LABELS = ("0", "1", "2", "3", "4")

_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


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


@dataclass
class Example:
    """One labelled (or unlabelled) text.

    Attributes
    ----------
    text : str
        The raw text (possibly empty: the store-reviews corpus has 3 empty reviews).
    label : str or None
        A sentikit label (``"positive"``, ``"negative"``, ``"neutral"``; ``"0"``…``"4"`` for
        SST-5; ``"conflict"`` for ABSA when asked), ``None`` when unlabelled.
    id : str
        Unique within a loaded split, e.g. ``"train:17"``.
    meta : dict
        ``split`` always; otherwise per corpus: ``rating``, ``fine``, ``raw_label``,
        ``category``, ``term``/``from``/``to`` for aspects …
    """

    text: str
    label: str | None
    id: str
    meta: dict[str, Any] = field(default_factory=dict)


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


def _check_options(folder: str, options: dict[str, Any]) -> dict[str, Any]:
    allowed = _OPTIONS.get(folder, {})
    unknown = set(options) - set(allowed)
    if unknown:
        hint = ", ".join(allowed) if allowed else "none"
        raise InputError(
            f"unknown option(s) {', '.join(sorted(unknown))} for dataset {folder!r}; "
            f"accepted: {hint}"
        )
    return {**allowed, **options}


def _check_split(info: DatasetInfo, split: str) -> None:
    if split not in info.splits:
        raise InputError(
            f"dataset {info.name!r} has no split {split!r}; "
            f"splits: {', '.join(info.splits) or 'none'}"
        )


# --------------------------------------------------------------------------- per-corpus readers


def _csv_examples(
    folder: str, relpath: str, split: str, header: tuple[str, str]
) -> Iterator[Example]:
    for i, (text, raw) in enumerate(read_labelled_csv(data_file(folder, relpath), header)):
        yield Example(
            text, normalize_label(raw), f"{split}:{i}", {"split": split, "raw_label": raw}
        )


_CSV_FILES: dict[str, dict[str, tuple[str, tuple[str, str]]]] = {
    "turkish-movie-reviews": {"all": ("turkish_sentiment_data.csv", ("text", "sentiment"))},
    "english-movie-sentences-rt-polarity": {
        "all": ("english_sentiment_data.csv", ("text", "sentiment")),
        "train": ("split80_20/Sentiment_training.csv", ("text", "label")),
        "test": ("split80_20/Sentiment_test.csv", ("text", "label")),
        "test_small": ("split80_20/Sentiment_test_small.csv", ("text", "label")),
    },
    "turkish-twitter-sentiment": {
        "train": ("Turkish_twitter_train.csv", ("Text", "Sentiment")),
        "test": ("Turkish_twitter_test.csv", ("Text", "Sentiment")),
        "sample_tr": ("samples/test_tr.csv", ("Text", "Sentiment")),
        "sample_en": ("samples/test_eng.csv", ("Text", "Sentiment")),
    },
    "turkish-store-reviews-3class": {
        "all": ("magaza_yorumlari_duygu_analizi.utf8.csv", ("Görüş", "Durum"))
    },
}


#: Corpora in CSV files with a header naming their text and label columns (and maybe more):
#: split → (file, text column, label column).
_CSV_COLUMNS: dict[str, dict[str, tuple[str, str, str]]] = {
    "turkish-tweets-tsatweets-3class": {"all": ("all.csv", "text", "label")},
    "turkish-tweets-bounti-3class": {
        s: (f"{s}.csv", "text", "label") for s in ("train", "validation")
    },
    "english-tweets-semeval2017-3class": {
        s: (f"{s}.csv", "text", "label") for s in ("train", "validation", "test")
    },
    "english-amazon-multidomain-blitzer2007": {
        s: (f"{s}.csv", "text", "label") for s in ("books", "dvd", "electronics", "kitchen")
    },
    "english-financial-phrasebank": {
        s: (f"sentences_{s}.csv", "text", "label")
        for s in ("50agree", "66agree", "75agree", "allagree")
    },
    "semeval2016-absa-turkish-restaurants-test-partial": {"test": ("test.csv", "text", "label")},
}


def _csv_column_examples(
    folder: str, relpath: str, split: str, text_col: str, label_col: str
) -> Iterator[Example]:
    path = data_file(folder, relpath)
    rows = read_csv_rows(path)
    if not rows:
        raise InputError(f"{path}: empty CSV file")
    header = [h.strip().lower() for h in rows[0]]
    if text_col not in header or label_col not in header:
        raise InputError(f"{path}: header {rows[0]!r} lacks {text_col!r} or {label_col!r}")
    ti, li = header.index(text_col), header.index(label_col)
    for i, row in enumerate(rows[1:]):
        if len(row) != len(header):
            raise InputError(f"{path}: record {i + 2} has {len(row)} fields, not {len(header)}")
        raw = row[li]
        yield Example(
            row[ti], normalize_label(raw), f"{split}:{i}", {"split": split, "raw_label": raw}
        )


def iter_imdb_records(split: str) -> Iterator[dict[str, Any]]:
    """Stream the raw JSON records of one IMDB split (``train``, ``test`` or ``unsup``)."""
    if split not in ("train", "test", "unsup"):
        raise InputError(f"unknown IMDB split {split!r}; choose train, test or unsup")
    path = data_file("english-imdb-reviews", f"{split}.jsonl.xz")
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
            yield rec


def clean_imdb_html(text: str) -> str:
    """Replace the ``<br />`` line-break tags of IMDB reviews by spaces."""
    return _BR_RE.sub(" ", text)


def _imdb(split: str, clean_html: bool) -> Iterator[Example]:
    for rec in iter_imdb_records(split):
        text = rec["text"]
        if clean_html:
            text = clean_imdb_html(text)
        if split == "unsup":
            yield Example(text, None, f"unsup:{rec['id']}", {"split": split, "imdb_id": rec["id"]})
            continue
        yield Example(
            text,
            normalize_label(rec["label"]),
            f"{split}:{rec['label']}:{rec['id']}",
            {"split": split, "imdb_id": rec["id"], "rating": rec["rating"]},
        )


def iter_news_records() -> Iterator[dict[str, Any]]:
    """Stream the raw JSON records (category, file, text) of the Kemik 42bin news corpus."""
    path = data_file("turkish-unlabelled-text", "kemik42bin_news.jsonl.xz")
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None


def _news() -> Iterator[Example]:
    for rec in iter_news_records():
        yield Example(
            rec["text"],
            None,
            f"{rec['category']}/{rec['file']}",
            {"split": "all", "category": rec["category"], "file": rec["file"]},
        )


def _sst(split: str, granularity: str, phrases: bool, detok: bool) -> Iterator[Example]:
    from sentikit.io.sst import binary_label, detokenize, read_sst_trees

    if granularity not in ("binary", "fine", "ternary"):
        raise InputError(
            f"SST granularity must be 'binary', 'ternary' or 'fine', not {granularity!r}"
        )
    for i, tree in enumerate(read_sst_trees(split)):
        nodes = list(tree.nodes()) if phrases else [tree]
        for j, node in enumerate(nodes):
            if granularity == "binary":
                label = binary_label(node.label)
            elif granularity == "ternary":
                label = binary_label(node.label) or "neutral"
            else:
                label = str(node.label)
            if label is None:
                continue
            text = node.text
            yield Example(
                detokenize(text) if detok else text,
                label,
                f"{split}:{i}:{j}" if phrases else f"{split}:{i}",
                {"split": split, "fine": node.label, "tree": i, "root": node is tree},
            )


def sentence_polarity(polarities: list[str]) -> str | None:
    """The polarity of a sentence from those of its opinions (aspect terms): the one they
    share (``neutral`` opinions give way to a polar one), ``"mixed"`` when positive and
    negative (or ``conflict``) opinions meet, ``None`` without opinions."""
    pols = set(polarities)
    if not pols:
        return None
    if "conflict" in pols or {"positive", "negative"} <= pols:
        return "mixed"
    polar = pols - {"neutral"}
    return polar.pop() if polar else "neutral"


def _absa_sentences(split: str, sents: Any, key: str) -> Iterator[Example]:
    """One example per sentence with opinions, labelled by :func:`sentence_polarity`
    (``"mixed"`` sentences carry that label: training keeps only sentikit's classes)."""
    for s in sents:
        pols = [a.polarity for a in getattr(s, key)]
        label = sentence_polarity(pols)
        if label is None:
            continue
        yield Example(s.text, label, f"{split}:{s.id}", {"split": split, "polarities": pols})


def _absa2014(
    folder: str, split: str, domain: str, include_conflict: bool, level: str = "aspect"
) -> Iterator[Example]:
    from sentikit.io.absa import load_absa_iarm_csv, load_absa_semeval2014

    csv_variant = folder == "semeval2014-absa-csv-iarm"
    sents = (
        load_absa_iarm_csv(domain, split) if csv_variant else load_absa_semeval2014(domain, split)
    )
    if level == "sentence":
        yield from _absa_sentences(f"{domain}-{split}", sents, "aspects")
        return
    for s in sents:
        for k, a in enumerate(s.aspects):
            if a.polarity == "conflict" and not include_conflict:
                continue
            yield Example(
                s.text,
                a.polarity,
                f"{domain}-{split}:{s.id}:{k}",
                {
                    "split": split,
                    "domain": domain,
                    "sentence_id": s.id,
                    "term": a.term,
                    "from": a.start,
                    "to": a.end,
                },
            )


def _absa2016(
    split: str, subtask: int, include_conflict: bool, level: str = "aspect"
) -> Iterator[Example]:
    from sentikit.io.absa import load_absa_semeval2016_tr

    if level == "sentence":
        reviews = load_absa_semeval2016_tr(split, 1)
        yield from _absa_sentences(split, [s for r in reviews for s in r.sentences], "opinions")
        return
    for review in load_absa_semeval2016_tr(split, subtask):
        if subtask == 2:
            text = " ".join(s.text for s in review.sentences)
            for k, o in enumerate(review.opinions):
                if o.polarity == "conflict" and not include_conflict:
                    continue
                yield Example(
                    text,
                    o.polarity,
                    f"{split}:{review.id}:{k}",
                    {"split": split, "review_id": review.id, "category": o.category},
                )
            continue
        for s in review.sentences:
            for k, o in enumerate(s.opinions):
                if o.polarity == "conflict" and not include_conflict:
                    continue
                yield Example(
                    s.text,
                    o.polarity,
                    f"{split}:{s.id}:{k}",
                    {
                        "split": split,
                        "review_id": review.id,
                        "sentence_id": s.id,
                        "category": o.category,
                        "target": o.target,
                        "implicit": o.implicit,
                        "from": o.start,
                        "to": o.end,
                    },
                )


def _treebank(folder: str, split: str) -> Iterator[Example]:
    from sentikit.io.conllu import iter_conllu

    for i, sent in enumerate(iter_conllu(folder, split)):
        text = sent.text if sent.text is not None else " ".join(sent.forms())
        yield Example(text, None, sent.id or f"{split}:{i}", {"split": split})


# --------------------------------------------------------------------------- public API


def iter_examples(name: str, split: str | None = None, **options: Any) -> Iterator[Example]:
    """Stream the examples of one split of a corpus (see :func:`load_dataset`)."""
    folder, alias_opts = resolve_dataset(name)
    info = DATASETS[folder]
    opts = _check_options(folder, {**alias_opts, **options})
    if info.task in ("lexicon", "resource"):
        raise InputError(
            f"{folder!r} is a {info.task}, not a text corpus: use "
            "sentikit.io.lexicons.load_lexicon_dataset or load_word_list"
        )
    if split is None:
        for s in info.cv_splits or info.splits:
            yield from iter_examples(name, s, **options)
        return
    _check_split(info, split)
    if folder in _CSV_FILES:
        relpath, header = _CSV_FILES[folder][split]
        yield from _csv_examples(folder, relpath, split, header)
    elif folder == "english-imdb-reviews":
        yield from _imdb(split, bool(opts["clean_html"]))
    elif folder == "turkish-unlabelled-text":
        yield from _news()
    elif folder == "sst-ptb-trees":
        yield from _sst(split, opts["granularity"], bool(opts["phrases"]), bool(opts["detok"]))
    elif folder in _CSV_COLUMNS:
        relpath, text_col, label_col = _CSV_COLUMNS[folder][split]
        yield from _csv_column_examples(folder, relpath, split, text_col, label_col)
    elif folder in ("semeval2014-absa", "semeval2014-absa-csv-iarm"):
        yield from _absa2014(
            folder,
            split,
            opts["domain"],
            bool(opts.get("include_conflict")),
            str(opts.get("level", "aspect")),
        )
    elif folder == "semeval2016-absa-turkish-restaurants":
        yield from _absa2016(
            split, int(opts["subtask"]), bool(opts["include_conflict"]), str(opts["level"])
        )
    elif info.task == "treebank":
        yield from _treebank(folder, split)
    else:  # pragma: no cover - every registered corpus is handled above
        raise InputError(f"no reader for dataset {folder!r}")


def load_dataset(name: str, split: str | None = None, **options: Any) -> list[Example]:
    """Load one split of a corpus of ``MANIFEST.md`` as :class:`Example` objects.

    Parameters
    ----------
    name : str
        A folder name of ``MANIFEST.md`` (see :data:`DATASETS`) or an alias (``sst2``,
        ``sst5``).
    split : str, optional
        One of ``DATASETS[name].splits``. ``None`` loads the whole labelled corpus: the
        ``"all"`` split, or the official splits concatenated (``DatasetInfo.cv_splits``).
    **options
        Per corpus:

        - ``english-imdb-reviews``: ``clean_html=True`` (``<br />`` → space).
        - ``sst-ptb-trees``: ``granularity="binary"|"fine"``; ``phrases=False`` (sentence roots
          only; ``True``: every labelled node, roots included); ``detok=False`` (``True``: text
          through :func:`sentikit.io.sst.detokenize` instead of the treebank tokens).
        - ``semeval2014-absa`` / ``semeval2014-absa-csv-iarm``: ``domain="restaurants"|"laptops"``;
          one example per aspect term (the sentence as text, the term in ``meta``);
          ``include_conflict=False`` (XML only).
        - ``semeval2016-absa-turkish-restaurants``: ``subtask=1|2``, ``include_conflict=False``.

    Returns
    -------
    list of Example

    Raises
    ------
    InputError
        Unknown name, split or option; lexicon and word-list datasets (which have their own
        loaders in :mod:`sentikit.io.lexicons`).
    ResourceMissingError
        When the data folder is not available.
    """
    return list(iter_examples(name, split, **options))


def load_labelled(spec: str) -> tuple[list[str], list[str]]:
    """Texts and labels of a labelled corpus named in a configuration: a corpus of
    ``MANIFEST.md`` (``name`` or ``name:split``), or a labelled CSV/TSV/JSONL/JSON file with
    ``text`` and ``label`` columns (labels mapped as ``sentikit train`` maps them). Used for
    the auxiliary corpora of the transfer family and of ``"augment"``.

    Raises
    ------
    InputError
        A spec that is neither a known corpus nor a file, or a file without those columns.
    """
    from sentikit.io.records import read_labelled_file

    name, _, split = spec.partition(":")
    known = name in DATASETS or name in ALIASES
    if not known and Path(spec).is_file():
        return read_labelled_file(spec)
    try:
        examples = [e for e in load_dataset(name, split or None) if e.label is not None]
    except InputError as err:
        if known:
            raise
        raise InputError(f"auxiliary corpus {spec!r} is not a labelled file; {err}") from None
    return [e.text for e in examples], [str(e.label) for e in examples]


def iter_texts(name: str, split: str | None = None, **options: Any) -> Iterator[str]:
    """Stream the texts of a corpus split without holding the corpus in memory.

    Meant for the large unlabelled corpora (``english-imdb-reviews`` ``unsup``,
    ``turkish-unlabelled-text``, treebank sentences), but works for every text corpus.

    Examples
    --------
    >>> n = sum(1 for _ in iter_texts("turkish-unlabelled-text"))  # doctest: +SKIP
    >>> n  # doctest: +SKIP
    41992
    """
    for ex in iter_examples(name, split, **options):
        yield ex.text


__all__ = [
    "ALIASES",
    "CLASSIFICATION_TASKS",
    "DATASETS",
    "LABEL_MAP",
    "SST5_LABELS",
    "DatasetInfo",
    "Example",
    "clean_imdb_html",
    "dataset_info",
    "iter_examples",
    "iter_imdb_records",
    "iter_news_records",
    "iter_texts",
    "load_dataset",
    "load_labelled",
    "normalize_label",
    "resolve_dataset",
]
