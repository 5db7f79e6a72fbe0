"""``sentikit embed train`` / ``neighbours`` on a tiny corpus, .vec export, errors."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sentikit.cli.main import app

POS = ["good", "great", "fun", "lovely"]
NEG = ["bad", "awful", "dull", "boring"]
NEUTRAL = ["film", "movie", "plot", "actor", "the", "a", "was"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(0)
    folder = tmp_path_factory.mktemp("embed")
    rows = []
    for i in range(200):
        positive = i % 2 == 0
        words = [rng.choice(NEUTRAL) for _ in range(4)] + [rng.choice(POS if positive else NEG)]
        rng.shuffle(words)
        rows.append({"text": " ".join(words), "label": "positive" if positive else "negative"})
    (folder / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    (folder / "c.txt").write_text("\n".join(r["text"] for r in rows) + "\n", "utf-8")
    return folder


def test_train_and_neighbours(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "emb"
    args = ["embed", "train", str(corpus / "c.jsonl"), "--lang", "en", "--output", str(out)]
    res = runner.invoke(app, [*args, "--label-col", "label", "--dim", "4"])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} == {"embedding.json", "vectors.npz", "vectors.vec"}
    header = (out / "vectors.vec").read_text("utf-8").splitlines()[0].split()
    assert header[1] == "8"  # 4 contextual + 4 supervised
    res = runner.invoke(app, ["embed", "neighbours", str(out), "good", "-k", "3", "--json"])
    assert res.exit_code == 0, res.output
    near = json.loads(res.output)
    assert len(near) == 3 and {"word", "cosine"} <= set(near[0])
    # refuses to overwrite
    res = runner.invoke(app, [*args, "--label-col", "label"])
    assert res.exit_code == 1


def test_vec_file_loads_in_gensim(corpus: Path, tmp_path: Path) -> None:
    gensim = pytest.importorskip("gensim")
    out = tmp_path / "emb"
    res = CliRunner().invoke(
        app,
        [
            "embed",
            "train",
            str(corpus / "c.txt"),
            "--lang",
            "en",
            "--output",
            str(out),
            "--dim",
            "3",
            "--window",
            "sliding",
            "--size",
            "3",
        ],
    )
    assert res.exit_code == 0, res.output
    kv = gensim.models.KeyedVectors.load_word2vec_format(str(out / "vectors.vec"))
    assert kv.vector_size == 3 and "film" in kv.key_to_index


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--components", "supervised"], "need labels"),
        (["--components", "colour"], "unknown component"),
    ],
)
def test_errors(corpus: Path, tmp_path: Path, extra: list[str], message: str) -> None:
    res = CliRunner().invoke(
        app,
        [
            "embed",
            "train",
            str(corpus / "c.txt"),
            "--lang",
            "en",
            "--output",
            str(tmp_path / "o"),
            *extra,
        ],
    )
    assert res.exit_code == 1
    assert message in res.output


def test_neighbours_unknown_word_and_folder(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["embed", "neighbours", str(tmp_path), "good"])
    assert res.exit_code == 1 and "not a sentikit embedding" in res.output
    out = tmp_path / "emb"
    runner.invoke(
        app,
        [
            "embed",
            "train",
            str(corpus / "c.txt"),
            "--lang",
            "en",
            "--output",
            str(out),
            "--dim",
            "2",
        ],
    )
    res = runner.invoke(app, ["embed", "neighbours", str(out), "zzz"])
    assert res.exit_code == 1 and "not in the vocabulary" in res.output


def test_blank_records_skipped_bad_records_named(corpus: Path, tmp_path: Path) -> None:
    rows = (corpus / "c.jsonl").read_text("utf-8").splitlines()
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([*rows, json.dumps({"text": " ", "label": "positive"})]), "utf-8")
    args = ["embed", "train", str(path), "--lang", "en", "--dim", "3"]
    res = CliRunner().invoke(app, [*args, "--output", str(tmp_path / "a")])
    assert res.exit_code == 0, res.output
    assert "skipped 1 records" in res.output
    path.write_text("\n".join([*rows[:3], "{oops", *rows[3:]]), "utf-8")
    res = CliRunner().invoke(app, [*args, "--output", str(tmp_path / "b")])
    assert res.exit_code == 1 and "record 4" in res.output
