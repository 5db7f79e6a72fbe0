"""The per-corpus readers behind :func:`sentikit.io.datasets.load_dataset`: each corpus of
``MANIFEST.md`` (CSV files, the JSON Lines of IMDB and of the Kemik news, SST trees, SemEval
ABSA XML and CSV, CoNLL-U treebanks) as a stream of :class:`Example`, one split at a time
(:func:`iter_split`). Labels are mapped to sentikit's by
:func:`sentikit.io.labels.normalize_label`.

Data-quality notes kept on purpose (documented in the dataset READMEs):

- ``turkish-store-reviews-3class`` has 3 empty reviews (kept as ``Example(text="")``) and 21
  duplicate texts (17 with conflicting labels); nothing is dropped, so counts match the README.
- ``english-movie-sentences-rt-polarity`` ``"all"`` (10660) is the full file of the original
  papers; ``"train"`` + ``"test"`` (8530 + 2132 = 10662) is the 80/20 split of another copy.

Names and options are checked by :mod:`sentikit.io.datasets` (through
:mod:`sentikit.io.catalogue`) before a reader here runs; the public names are re-exported there.

Examples
--------
>>> clean_imdb_html("One.<br /><br />Two.")
'One.  Two.'
>>> sentence_polarity(["neutral", "positive"]), sentence_polarity(["positive", "negative"])
('positive', 'mixed')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sentikit.errors import InputError
from sentikit.io._files import data_file, open_text, read_csv_rows, read_labelled_csv
from sentikit.io.absa import load_absa_iarm_csv, load_absa_semeval2014, load_absa_semeval2016_tr
from sentikit.io.catalogue import DATASETS
from sentikit.io.conllu import iter_conllu
from sentikit.io.labels import normalize_label
from sentikit.io.sst import binary_label, detokenize, read_sst_trees

_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


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


def _json_lines(path: Path) -> Iterator[Any]:
    """The JSON value of each non-blank line of ``path`` (a ``.jsonl.xz`` file of a corpus)."""
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
            yield rec


def iter_imdb_records(split: str) -> Iterator[dict[str, Any]]:
    """Stream the raw JSON records of one IMDB split (``train``, ``test`` or ``unsup``)."""
    if split not in ("train", "test", "unsup"):
        raise InputError(f"unknown IMDB split {split!r}; choose train, test or unsup")
    yield from _json_lines(data_file("english-imdb-reviews", f"{split}.jsonl.xz"))


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
    yield from _json_lines(data_file("turkish-unlabelled-text", "kemik42bin_news.jsonl.xz"))


def _news() -> Iterator[Example]:
    for rec in iter_news_records():
        yield Example(
            rec["text"],
            None,
            f"{rec['category']}/{rec['file']}",
            {"split": "all", "category": rec["category"], "file": rec["file"]},
        )


def _sst(split: str, granularity: str, phrases: bool, detok: bool) -> Iterator[Example]:
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


# Meta keys of a SemEval-2016 subtask-1 example → the Opinion attributes they hold.
_OPINION_FIELDS = {
    "category": "category",
    "target": "target",
    "implicit": "implicit",
    "from": "start",
    "to": "end",
}


def _opinion_examples(
    text: str,
    opinions: Sequence[Any],
    id_prefix: str,
    include_conflict: bool,
    meta: dict[str, Any],
    fields: dict[str, str],
) -> Iterator[Example]:
    """One example per opinion (aspect term) of ``text``, labelled with its polarity.

    The id is ``f"{id_prefix}:{k}"`` (``k`` counts every opinion, skipped ones too); the meta
    is ``meta`` followed by ``fields`` (meta key → attribute of the opinion). ``conflict``
    opinions are skipped unless ``include_conflict``.
    """
    for k, o in enumerate(opinions):
        if o.polarity == "conflict" and not include_conflict:
            continue
        extra = {key: getattr(o, attr) for key, attr in fields.items()}
        yield Example(text, o.polarity, f"{id_prefix}:{k}", {**meta, **extra})


def _absa2014(
    folder: str, split: str, domain: str, include_conflict: bool, level: str = "aspect"
) -> Iterator[Example]:
    csv_variant = folder == "semeval2014-absa-csv-iarm"
    sents = (
        load_absa_iarm_csv(domain, split) if csv_variant else load_absa_semeval2014(domain, split)
    )
    if level == "sentence":
        yield from _absa_sentences(f"{domain}-{split}", sents, "aspects")
        return
    for s in sents:
        yield from _opinion_examples(
            s.text,
            s.aspects,
            f"{domain}-{split}:{s.id}",
            include_conflict,
            {"split": split, "domain": domain, "sentence_id": s.id},
            {"term": "term", "from": "start", "to": "end"},
        )


def _absa2016(
    split: str, subtask: int, include_conflict: bool, level: str = "aspect"
) -> Iterator[Example]:
    if level == "sentence":
        reviews = load_absa_semeval2016_tr(split, 1)
        yield from _absa_sentences(split, [s for r in reviews for s in r.sentences], "opinions")
        return
    for review in load_absa_semeval2016_tr(split, subtask):
        if subtask == 2:
            yield from _opinion_examples(
                " ".join(s.text for s in review.sentences),
                review.opinions,
                f"{split}:{review.id}",
                include_conflict,
                {"split": split, "review_id": review.id},
                {"category": "category"},
            )
            continue
        for s in review.sentences:
            yield from _opinion_examples(
                s.text,
                s.opinions,
                f"{split}:{s.id}",
                include_conflict,
                {"split": split, "review_id": review.id, "sentence_id": s.id},
                _OPINION_FIELDS,
            )


def _treebank(folder: str, split: str) -> Iterator[Example]:
    for i, sent in enumerate(iter_conllu(folder, split)):
        text = sent.text if sent.text is not None else " ".join(sent.forms())
        yield Example(text, None, sent.id or f"{split}:{i}", {"split": split})


def iter_split(folder: str, split: str, opts: dict[str, Any]) -> Iterator[Example]:
    """Stream the examples of the split ``split`` of the corpus in ``folder``.

    ``folder`` is a key of :data:`~sentikit.io.catalogue.DATASETS` holding a text corpus,
    ``split`` one of its splits and ``opts`` its loader options with their defaults filled in
    (:func:`~sentikit.io.catalogue.check_options`); :func:`sentikit.io.datasets.iter_examples`
    checks all three before calling this.
    """
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
    elif DATASETS[folder].task == "treebank":
        yield from _treebank(folder, split)
    else:  # pragma: no cover - every registered corpus is handled above
        raise InputError(f"no reader for dataset {folder!r}")


__all__ = [
    "Example",
    "clean_imdb_html",
    "iter_imdb_records",
    "iter_news_records",
    "iter_split",
    "sentence_polarity",
]
