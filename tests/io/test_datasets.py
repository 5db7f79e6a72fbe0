"""Registry, label mapping and the CSV / JSONL corpora: every count of their README.md."""

from __future__ import annotations

import json
import lzma
import statistics
from collections import Counter, defaultdict
from itertools import islice
from pathlib import Path

import pytest

from sentikit.errors import InputError
from sentikit.io.datasets import (
    ALIASES,
    DATASETS,
    SST5_LABELS,
    Example,
    clean_imdb_html,
    dataset_info,
    iter_examples,
    iter_imdb_records,
    iter_news_records,
    iter_texts,
    load_dataset,
    normalize_label,
    resolve_dataset,
)

MANIFEST_NAMES = {
    "turkish-tweets-tsatweets-3class",
    "turkish-tweets-bounti-3class",
    "english-tweets-semeval2017-3class",
    "english-amazon-multidomain-blitzer2007",
    "english-financial-phrasebank",
    "semeval2016-absa-turkish-restaurants-test-partial",
    "turkish-movie-reviews",
    "english-movie-sentences-rt-polarity",
    "turkish-twitter-sentiment",
    "turkish-lexical-resources-aydin",
    "semeval2014-absa-csv-iarm",
    "sst-ptb-trees",
    "semeval2014-absa",
    "semeval2016-absa-turkish-restaurants",
    "lexicon-hu-liu-opinion-lexicon",
    "lexicon-mpqa-subjectivity",
    "lexicon-sentiturknet",
    "lexicon-turkish-sentinet-starlang",
    "ud-turkish-imst",
    "ud-english-ewt",
    "english-imdb-reviews",
    "turkish-store-reviews-3class",
    "turkish-unlabelled-text",
}


def _labels(examples: list[Example]) -> dict[str | None, int]:
    return dict(Counter(e.label for e in examples))


# --------------------------------------------------------------------------- registry


def test_registry_covers_manifest_and_is_consistent() -> None:
    assert set(DATASETS) == MANIFEST_NAMES
    tasks = {"document", "sentence", "aspect", "lexicon", "treebank", "unlabelled", "resource"}
    for name, info in DATASETS.items():
        assert info.name == name and info.folder == name
        assert info.lang in ("tr", "en")
        assert info.task in tasks
        assert set(info.labels) <= {"positive", "negative", "neutral"}
        assert set(info.protocols) <= {"official", "cv10"}
        assert set(info.cv_splits) <= set(info.splits)
        if "official" in info.protocols:
            assert {info.train_split, info.test_split} <= set(info.splits)
        if info.protocols:
            assert info.task in ("document", "sentence") and info.labels


def test_registry_matches_manifest_file(data_dir: Path) -> None:
    text = (data_dir / "MANIFEST.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ")]
    assert set(rows) - {"name"} == MANIFEST_NAMES


def test_default_protocols() -> None:
    assert DATASETS["turkish-movie-reviews"].protocols[0] == "cv10"
    assert DATASETS["english-movie-sentences-rt-polarity"].protocols == ("cv10", "official")
    assert DATASETS["turkish-twitter-sentiment"].protocols[0] == "official"
    assert DATASETS["sst-ptb-trees"].protocols[0] == "official"
    assert DATASETS["english-imdb-reviews"].protocols[0] == "official"


def test_aliases() -> None:
    assert set(ALIASES) == {
        "sst2",
        "sst3",
        "sst5",
        "semeval2014-restaurants-sentences",
        "semeval2014-laptops-sentences",
        "semeval2016-tr-sentences",
    }
    assert dataset_info("sst3").labels == ("negative", "neutral", "positive")
    assert resolve_dataset("sst5") == ("sst-ptb-trees", {"granularity": "fine"})
    assert dataset_info("sst5").labels == SST5_LABELS
    assert dataset_info("sst2").labels == ("negative", "positive")
    assert dataset_info("sst5").folder == "sst-ptb-trees"
    with pytest.raises(InputError, match="unknown dataset"):
        resolve_dataset("no-such-corpus")


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("P", "positive"),
        ("pos", "positive"),
        ("1", "positive"),
        ("Olumlu", "positive"),
        ("N", "negative"),
        ("neg", "negative"),
        ("0", "negative"),
        ("Olumsuz", "negative"),
        ("Tarafsız", "neutral"),
        ("TARAFSIZ", "neutral"),
        (" p ", "positive"),
    ],
)
def test_normalize_label(raw: str, label: str) -> None:
    assert normalize_label(raw) == label


def test_normalize_label_rejects_unknown() -> None:
    with pytest.raises(InputError):
        normalize_label("maybe")


def test_bad_arguments_give_clear_errors(data_dir: Path) -> None:
    with pytest.raises(InputError, match="no split"):
        load_dataset("turkish-movie-reviews", "train")
    with pytest.raises(InputError, match="unknown option"):
        load_dataset("turkish-movie-reviews", bogus=True)
    with pytest.raises(InputError, match="load_lexicon_dataset"):
        load_dataset("lexicon-mpqa-subjectivity")
    with pytest.raises(InputError, match="granularity"):
        load_dataset("sst-ptb-trees", "dev", granularity="quinary")


def test_clean_imdb_html() -> None:
    assert clean_imdb_html("a<br />b<br/>c<BR>d") == "a b c d"


# --------------------------------------------------------------------------- CSV corpora


def test_turkish_movie_reviews(data_dir: Path) -> None:
    ex = load_dataset("turkish-movie-reviews")
    assert len(ex) == 14040
    assert _labels(ex) == {"negative": 7020, "positive": 7020}
    assert Counter(e.meta["raw_label"] for e in ex) == {"N": 7020, "P": 7020}
    assert all(e.text for e in ex) and not any(e.text.endswith("\r") for e in ex)
    assert len({e.id for e in ex}) == len(ex)
    assert load_dataset("turkish-movie-reviews", "all")[5].text == ex[5].text


def test_rt_polarity(data_dir: Path) -> None:
    full = load_dataset("english-movie-sentences-rt-polarity", "all")
    assert len(full) == 10660 and _labels(full) == {"negative": 5330, "positive": 5330}
    train = load_dataset("english-movie-sentences-rt-polarity", "train")
    assert len(train) == 8530 and _labels(train) == {"negative": 4265, "positive": 4265}
    test = load_dataset("english-movie-sentences-rt-polarity", "test")
    assert len(test) == 2132 and _labels(test) == {"negative": 1066, "positive": 1066}
    small = load_dataset("english-movie-sentences-rt-polarity", "test_small")
    assert len(small) == 99 and _labels(small) == {"negative": 49, "positive": 50}
    assert len(train) + len(test) == 10662
    # test_small is a subset of the test file.
    assert {e.text for e in small} <= {e.text for e in test}
    # CRLF line endings never leak into texts.
    assert not any("\r" in e.text for e in train + test)
    # split=None = the full file (the 10-fold CV data).
    assert len(load_dataset("english-movie-sentences-rt-polarity")) == 10660


def test_turkish_twitter(data_dir: Path) -> None:
    train = load_dataset("turkish-twitter-sentiment", "train")
    assert len(train) == 1238 and _labels(train) == {"negative": 689, "positive": 549}
    test = load_dataset("turkish-twitter-sentiment", "test")
    assert len(test) == 474 and _labels(test) == {"negative": 282, "positive": 192}
    tr = load_dataset("turkish-twitter-sentiment", "sample_tr")
    assert len(tr) == 99 and _labels(tr) == {"negative": 48, "positive": 51}
    en = load_dataset("turkish-twitter-sentiment", "sample_en")
    assert len(en) == 99 and _labels(en) == {"negative": 49, "positive": 50}
    both = load_dataset("turkish-twitter-sentiment")
    assert len(both) == 1238 + 474
    assert {e.meta["split"] for e in both} == {"train", "test"}
    assert len({e.id for e in both}) == len(both)


def test_store_reviews(data_dir: Path) -> None:
    ex = load_dataset("turkish-store-reviews-3class")
    assert len(ex) == 11428
    assert _labels(ex) == {"positive": 4253, "negative": 4237, "neutral": 2938}
    assert Counter(e.meta["raw_label"] for e in ex) == {
        "Olumlu": 4253,
        "Olumsuz": 4237,
        "Tarafsız": 2938,
    }
    assert sum(len(e.text.split()) for e in ex) == 249733
    # 3 empty reviews are kept as examples with an empty text.
    assert sum(1 for e in ex if e.text == "") == 3
    # Embedded line breaks inside quoted reviews survive CSV parsing.
    assert sum(1 for e in ex if "\n" in e.text) == 1868
    # 21 duplicate records: 17 distinct texts occur more than once, all with different labels.
    counts = Counter(e.text for e in ex)
    dups = {t: n for t, n in counts.items() if n > 1}
    assert len(dups) == 17 and sum(n - 1 for n in dups.values()) == 21
    labels: dict[str, set[str | None]] = defaultdict(set)
    for e in ex:
        labels[e.text].add(e.label)
    assert sum(1 for t in dups if len(labels[t]) > 1) == 17


def test_iter_texts_matches_load(data_dir: Path) -> None:
    texts = list(iter_texts("turkish-twitter-sentiment", "test"))
    assert texts == [e.text for e in load_dataset("turkish-twitter-sentiment", "test")]


# --------------------------------------------------------------------------- IMDB (xz JSONL)

IMDB_RATINGS = {
    "train": {1: 5100, 2: 2284, 3: 2420, 4: 2696, 7: 2496, 8: 3009, 9: 2263, 10: 4732},
    "test": {1: 5022, 2: 2302, 3: 2541, 4: 2635, 7: 2307, 8: 2850, 9: 2344, 10: 4999},
}
IMDB_TOKENS = {"train": 5844680, "test": 5713167, "unsup": 11721682}
IMDB_BYTES = {"train": 34556238, "test": 33774569, "unsup": 67931050}


def _xz_size(path: Path) -> tuple[int, int]:
    """(uncompressed bytes, lines) of an xz file."""
    size = lines = 0
    with lzma.open(path) as fh:
        while chunk := fh.read(1 << 24):
            size += len(chunk)
            lines += chunk.count(b"\n")
    return size, lines


@pytest.mark.slow
@pytest.mark.parametrize("split", ["train", "test"])
def test_imdb_labelled(data_dir: Path, split: str) -> None:
    recs = list(iter_imdb_records(split))
    assert len(recs) == 25000
    assert Counter(r["label"] for r in recs) == {"neg": 12500, "pos": 12500}
    assert Counter(r["rating"] for r in recs) == IMDB_RATINGS[split]
    assert all((r["rating"] <= 4) == (r["label"] == "neg") for r in recs)
    assert sum(len(r["text"].split()) for r in recs) == IMDB_TOKENS[split]
    # (label, id) is the key; ids 0..12499 occur once per label.
    assert len({(r["label"], r["id"]) for r in recs}) == 25000
    assert {r["id"] for r in recs} == set(range(12500))
    assert _xz_size(data_dir / "english-imdb-reviews" / f"{split}.jsonl.xz")[0] == IMDB_BYTES[split]


@pytest.mark.slow
def test_imdb_examples_clean_html(data_dir: Path) -> None:
    ex = list(islice(iter_examples("english-imdb-reviews", "test"), 3000))
    raw = list(islice(iter_examples("english-imdb-reviews", "test", clean_html=False), 3000))
    assert any("<br />" in e.text for e in raw)
    assert not any("<br" in e.text for e in ex)
    assert {e.label for e in ex} <= {"negative", "positive"}
    assert all(e.meta["rating"] in IMDB_RATINGS["test"] for e in ex)
    assert len({e.id for e in ex}) == len(ex)


@pytest.mark.slow
def test_imdb_unsup(data_dir: Path) -> None:
    path = data_dir / "english-imdb-reviews" / "unsup.jsonl.xz"
    # One raw pass for the README counts (size, records, tokens) …
    size = n = tokens = 0
    ids = set()
    with lzma.open(path) as fh:
        for line in fh:
            size += len(line)
            rec = json.loads(line)
            n += 1
            ids.add(rec["id"])
            tokens += len(rec["text"].split())
    assert (size, n, tokens) == (IMDB_BYTES["unsup"], 50000, IMDB_TOKENS["unsup"])
    assert ids == set(range(50000))
    # … and the streaming reader yields unlabelled examples.
    head = list(islice(iter_examples("english-imdb-reviews", "unsup"), 100))
    assert len(head) == 100 and all(e.label is None for e in head)
    assert all(isinstance(t, str) for t in islice(iter_texts("english-imdb-reviews", "unsup"), 10))


def test_imdb_auxiliary_files(data_dir: Path) -> None:
    folder = data_dir / "english-imdb-reviews"
    for name, lines in [
        ("imdb.vocab.xz", 89527),
        ("train_urls_pos.txt.xz", 12500),
        ("train_urls_neg.txt.xz", 12500),
        ("test_urls_pos.txt.xz", 12500),
        ("test_urls_neg.txt.xz", 12500),
        ("train_urls_unsup.txt.xz", 50000),
    ]:
        with lzma.open(folder / name, "rt", encoding="utf-8") as fh:
            assert sum(1 for line in fh if line.strip()) == lines, name
    sizes = {
        "train.jsonl.xz": 9104124,
        "test.jsonl.xz": 8869040,
        "unsup.jsonl.xz": 17615624,
        "imdb.vocab.xz": 361360,
        "imdbEr.txt.xz": 350196,
        "train_urls_pos.txt.xz": 6036,
        "train_urls_neg.txt.xz": 11268,
        "test_urls_pos.txt.xz": 5872,
        "test_urls_neg.txt.xz": 11412,
        "train_urls_unsup.txt.xz": 27620,
        "aclImdb_README.txt": 4037,
    }
    for name, size in sizes.items():
        assert (folder / name).stat().st_size == size, name


# --------------------------------------------------------------------------- Turkish news

NEWS_CATEGORIES = {
    "dunya": 3724,
    "ekonomi": 3265,
    "genel": 6673,
    "guncel": 5847,
    "kultur-sanat": 1155,
    "magazin": 2792,
    "planet": 1953,
    "saglik": 1383,
    "siyaset": 1849,
    "spor": 9997,
    "teknoloji": 771,
    "turkiye": 1939,
    "yasam": 644,
}


@pytest.mark.slow
def test_turkish_news(data_dir: Path) -> None:
    recs = list(iter_news_records())
    texts = [r["text"] for r in recs]
    assert len(recs) == 41992
    assert len({t.strip() for t in texts}) == 40259
    assert not any(not t.strip() for t in texts)
    tokens = [len(t.split()) for t in texts]
    assert sum(tokens) == 9652680
    assert sum(len(t) for t in texts) == 74881571
    assert (statistics.median(tokens), min(tokens), max(tokens)) == (161, 2, 6176)
    assert Counter(r["category"] for r in recs) == NEWS_CATEGORIES
    # The Example view streams the same documents, unlabelled, with the category in meta.
    head = list(islice(iter_examples("turkish-unlabelled-text"), 50))
    assert [e.text for e in head] == texts[:50]
    assert all(e.label is None and e.meta["category"] for e in head)
    assert DATASETS["turkish-unlabelled-text"].task == "unlabelled"
