"""SST tree parser and the sst-ptb-trees counts of its README.md."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sentikit.errors import InputError
from sentikit.io.datasets import load_dataset
from sentikit.io.sst import binary_label, detokenize, parse_sst_tree, read_sst_trees

TREE = "(3 (2 (2 The) (2 Rock)) (4 (3 (2 is) (4 great)) (2 .)))"


def test_parse_structure() -> None:
    t = parse_sst_tree(TREE)
    assert t.label == 3 and not t.is_leaf and len(t.children) == 2
    assert t.words() == ["The", "Rock", "is", "great", "."]
    assert t.text == "The Rock is great ."
    assert len(t) == 9
    phrases = list(t.phrases())
    assert phrases[0] == ("The Rock is great .", 3)
    assert ("is great", 3) in phrases and ("great", 4) in phrases
    assert len(phrases) == 9
    leaf = t.children[0].children[0]
    assert leaf.is_leaf and leaf.word == "The" and leaf.words() == ["The"]


def test_parse_single_leaf_and_whitespace() -> None:
    t = parse_sst_tree("  (2 hello)\n")
    assert t.is_leaf and t.word == "hello" and t.text == "hello"


def test_leaf_with_no_break_space_stays_one_token() -> None:
    # train.txt line 4342 has the leaf "8\u00a01\/2".
    t = parse_sst_tree("(2 (2 like) (2 8\u00a01\\/2))")
    assert t.words() == ["like", "8\u00a01\\/2"]
    assert detokenize(t.words()) == "like 8\u00a01/2"


@pytest.mark.parametrize(
    "bad",
    ["", "(3 (2 a)", "(3 (2 a)))", "(x a)", "(7 a)", "(2 a) (2 b)", "(2 (2 a) b)", "(2)"],
)
def test_parse_errors(bad: str) -> None:
    with pytest.raises(InputError):
        parse_sst_tree(bad)


def test_detokenize() -> None:
    assert (
        detokenize("-LRB- It 's `` great '' , is n't it ? -RRB-") == "(It's \"great\", isn't it?)"
    )
    assert detokenize(["co-writer\\/director", "\\*\\*\\*"]) == "co-writer/director ***"
    assert detokenize("-LSB- a -RSB- -LCB- b -RCB-") == "[a] {b}"
    assert detokenize("") == ""


def test_binary_label() -> None:
    assert [binary_label(i) for i in range(5)] == [
        "negative",
        "negative",
        None,
        "positive",
        "positive",
    ]
    with pytest.raises(InputError):
        binary_label(5)


SST_COUNTS = {
    "train": (
        8544,
        {0: 1092, 1: 2218, 2: 1624, 3: 2322, 4: 1288},
        {0: 8245, 1: 34362, 2: 219788, 3: 44194, 4: 11993},
    ),
    "dev": (
        1101,
        {0: 139, 1: 289, 2: 229, 3: 279, 4: 165},
        {0: 1070, 1: 4613, 2: 28305, 3: 5781, 4: 1678},
    ),
    "test": (
        2210,
        {0: 279, 1: 633, 2: 389, 3: 510, 4: 399},
        {0: 2008, 1: 9255, 2: 56548, 3: 10998, 4: 3791},
    ),
}


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_sst_counts(data_dir: Path, split: str) -> None:
    n, roots, nodes = SST_COUNTS[split]
    trees = read_sst_trees(split)
    assert len(trees) == n  # every line parsed: 0 unbalanced-bracket lines
    assert Counter(t.label for t in trees) == roots
    assert Counter(node.label for t in trees for node in t.nodes()) == nodes


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_sst_file_sizes(data_dir: Path, split: str) -> None:
    size = {"train": 2160058, "dev": 280825, "test": 559614}[split]
    assert (data_dir / "sst-ptb-trees" / f"{split}.txt").stat().st_size == size


def test_sst_examples(data_dir: Path) -> None:
    train = load_dataset("sst-ptb-trees", "train")
    assert len(train) == 6920  # README: train root-level binary
    assert Counter(e.label for e in train) == {"negative": 1092 + 2218, "positive": 2322 + 1288}
    assert all(e.meta["fine"] != 2 and e.meta["root"] for e in train)
    fine = load_dataset("sst5", "test")
    assert Counter(e.label for e in fine) == {"0": 279, "1": 633, "2": 389, "3": 510, "4": 399}
    assert [e.text for e in load_dataset("sst-ptb-trees", "dev", granularity="fine")] == [
        e.text for e in load_dataset("sst5", "dev")
    ]
    phrases = load_dataset("sst5", "dev", phrases=True)
    assert len(phrases) == 1070 + 4613 + 28305 + 5781 + 1678
    assert sum(1 for e in phrases if e.meta["root"]) == 1101
    bin_phrases = load_dataset("sst2", "dev", phrases=True)
    assert len(bin_phrases) == 1070 + 4613 + 5781 + 1678
    raw = load_dataset("sst2", "test")
    detok = load_dataset("sst2", "test", detok=True)
    assert any("-LRB-" in e.text for e in raw)
    assert any("(" in e.text for e in detok) and not any("-LRB-" in e.text for e in detok)
    assert [e.label for e in detok] == [e.label for e in raw]
