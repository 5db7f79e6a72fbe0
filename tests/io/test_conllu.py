"""CoNLL-U reader: unit cases and the UD treebank counts of their README.md."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sentikit.errors import InputError
from sentikit.io.conllu import conllu_path, iter_conllu, parse_conllu, read_conllu
from sentikit.io.datasets import load_dataset

SAMPLE = (
    "# sent_id = s1\n"
    "# text = Ankara'dan geldim.\n"
    "# newpar\n"
    "1-2\tAnkara'dan\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tAnkara\tAnkara\tPROPN\tProp\tCase=Abl|Number=Sing\t3\tobl\t_\t_\n"
    "2\t'dan\t_\tADP\t_\t_\t1\tcase\t_\t_\n"
    "3\tgeldim\tgel\tVERB\tVerb\tTense=Past\t0\troot\t_\tSpaceAfter=No\n"
    "3.1\tgel\tgel\tVERB\t_\t_\t_\t_\t0:root\t_\n"
    "4\t.\t.\tPUNCT\tPunc\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "1\tTamam\ttamam\tINTJ\tInterj\t_\t_\t_\t_\t_\n"
)


def test_parse_sample() -> None:
    s1, s2 = parse_conllu(SAMPLE)
    assert (s1.id, s1.text) == ("s1", "Ankara'dan geldim.")
    assert s1.comments["newpar"] == ""
    assert s1.forms() == ["Ankara", "'dan", "geldim", "."]
    assert len(s1) == 4
    assert [(m.first, m.last, m.form) for m in s1.multiwords] == [(1, 2, "Ankara'dan")]
    assert [n.id for n in s1.empty_nodes] == ["3.1"]
    t = s1.tokens[0]
    assert t.feats == {"Case": "Abl", "Number": "Sing"} and t.head == 3 and t.deprel == "obl"
    assert not s1.tokens[2].space_after and s1.tokens[3].space_after
    # No trailing blank line, no text comment, head "_".
    assert s2.id == "s2" and s2.text is None and s2.tokens[0].head is None


def test_malformed_line() -> None:
    with pytest.raises(InputError, match="columns"):
        parse_conllu("1\tonly\tthree\n")
    with pytest.raises(InputError, match="bad id"):
        parse_conllu("x\ta\ta\tX\t_\t_\t0\troot\t_\t_\n")


def test_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(SAMPLE)
    assert [s.id for s in read_conllu(path)] == ["s1", "s2"]
    plain = tmp_path / "x.conllu"
    plain.write_text(SAMPLE.replace("\n", "\r\n"), encoding="utf-8")
    assert read_conllu(plain)[0].tokens[3].form == "."


def test_name_errors() -> None:
    with pytest.raises(InputError):
        conllu_path("ud-klingon", "train")
    with pytest.raises(InputError, match="split"):
        next(iter_conllu("ud-turkish-imst"))


IMST = {"train": (3435, 37522), "dev": (1100, 10542), "test": (1100, 10032)}
EWT = {"train": (12544, 204577), "dev": (2001, 25147), "test": (2077, 25094)}


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_imst_counts(data_dir: Path, split: str) -> None:
    sents = read_conllu("ud-turkish-imst", split)
    assert (len(sents), sum(len(s) for s in sents)) == IMST[split]
    assert all(s.id and s.text is not None for s in sents)
    assert sum(len(s.multiwords) for s in sents) > 0  # IMST splits suffixes into words


@pytest.mark.slow
@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_ewt_counts(data_dir: Path, split: str) -> None:
    sents = read_conllu("ud-english-ewt", split)
    assert (len(sents), sum(len(s) for s in sents)) == EWT[split]
    if split == "train":
        assert conllu_path("ud-english-ewt", "train").name.endswith(".conllu.gz")


def test_treebank_texts(data_dir: Path) -> None:
    ex = load_dataset("ud-turkish-imst", "dev")
    assert len(ex) == 1100 and ex[3].text == "adı." and ex[3].label is None
