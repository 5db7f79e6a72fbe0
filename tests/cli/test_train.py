"""``sentikit train``: data sources, labels, languages and errors (fake trainer), one real run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sentikit.cli.train as cli_train
from sentikit.cli.main import app
from sentikit.errors import InputError
from sentikit.io.records import read_labelled_file
from sentikit.paths import data_root


@pytest.fixture
def fake_train(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def train_bundle(
        config: Any,
        texts: Any,
        labels: Any,
        lang: Any,
        output_dir: Any,
        metrics: Any = None,
        trained_on: Any = None,
        sources: Any = None,
        progress: Any = None,
    ) -> Path:
        calls.append(
            {
                "config": config,
                "texts": texts,
                "labels": labels,
                "lang": lang,
                "out": output_dir,
                "metrics": metrics,
                "trained_on": trained_on,
                "sources": sources,
            }
        )
        Path(output_dir).mkdir(parents=True, exist_ok=True)
        return Path(output_dir)

    monkeypatch.setattr(cli_train, "train_bundle", train_bundle)
    return calls


def write_csv(tmp_path: Path, rows: str, name: str = "d.csv") -> Path:
    p = tmp_path / name
    p.write_text(rows, encoding="utf-8")
    return p


def test_train_from_csv_labels_normalized(
    tmp_path: Path, runner: CliRunner, fake_train: list[dict[str, Any]]
) -> None:
    data = write_csv(tmp_path, "review,label\nçok iyi,Olumlu\nberbat,Olumsuz\nfena değil,P\n")
    out = tmp_path / "model"
    r = runner.invoke(
        app,
        ["train", "--data", str(data), "--text-col", "review", "--lang", "tr", "-o", str(out)],
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == str(out)
    call = fake_train[0]
    assert call["texts"] == ["çok iyi", "berbat", "fena değil"]
    assert call["labels"] == ["positive", "negative", "positive"]
    # a user's data trains the user configuration (n-grams + the shipped model as a prior),
    # named after the output folder, with no benchmark corpus
    assert call["lang"] == "tr" and call["config"]["name"] == "model"
    assert [f["name"] for f in call["config"]["model"]["families"]][-1] == (
        "sentikit.model_prior.v1"
    )
    assert "training on 3 texts" in r.stderr and f"source {data}: 3 texts" in r.stderr
    assert call["trained_on"] == [str(data)]
    (src,) = call["sources"]
    assert src["kind"] == "file" and src["n"] == 3 and len(src["sha256"]) == 64


def test_train_jsonl_raw_labels_and_config(
    tmp_path: Path, runner: CliRunner, fake_train: list[dict[str, Any]]
) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text('{"text": "a", "stars": 4}\n{"text": "b", "stars": 0}\n', encoding="utf-8")
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps({"lang": "en", "model": {"name": "x"}}), encoding="utf-8")
    r = runner.invoke(
        app,
        [
            "train",
            "--data",
            str(data),
            "--label-col",
            "stars",
            "--raw-labels",
            "-c",
            str(cfg),
            "-o",
            str(tmp_path / "m"),
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert fake_train[0]["labels"] == ["4", "0"] and fake_train[0]["lang"] == "en"
    # a configuration without a name or version: the output folder's name, 1.0.0
    assert (fake_train[0]["config"]["name"], fake_train[0]["config"]["version"]) == ("m", "1.0.0")


def test_train_config_names_the_bundle(
    tmp_path: Path, runner: CliRunner, fake_train: list[dict[str, Any]]
) -> None:
    """The shipped models are trained from their configuration: its name and version are the
    bundle's unless --name / --version say otherwise."""
    cfg = tmp_path / "c.json"
    spec = {"name": "sentikit-en-linear", "version": "3.1.0", "lang": "en", "model": {}}
    cfg.write_text(json.dumps(spec), encoding="utf-8")
    r = runner.invoke(app, ["train", "-c", str(cfg), "-o", str(tmp_path / "en")])
    assert r.exit_code == 0, r.stderr
    got = fake_train[-1]["config"]
    assert (got["name"], got["version"]) == ("sentikit-en-linear", "3.1.0")
    args = ["train", "-c", str(cfg), "-o", str(tmp_path / "x"), "--name", "mine", "--version", "9"]
    assert runner.invoke(app, args).exit_code == 0
    assert (fake_train[-1]["config"]["name"], fake_train[-1]["config"]["version"]) == ("mine", "9")


def test_train_bad_label_and_bad_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"record 2 \(line 3\): unknown label 'meh'"):
        read_labelled_file(write_csv(tmp_path, "text,label\na,pos\nb,meh\n"))
    p = tmp_path / "d.jsonl"
    p.write_text('{"text": "a", "label": "pos"}\nnope\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"record 2 \(line 2\): line 2: not valid JSON"):
        read_labelled_file(p)
    with pytest.raises(InputError, match="no label column 'label'"):
        read_labelled_file(write_csv(tmp_path, "text,y\na,pos\n", "e.csv"))
    with pytest.raises(InputError, match="empty label"):
        read_labelled_file(write_csv(tmp_path, "text,label\na, \n", "f.csv"))


def test_train_errors_are_one_line(
    tmp_path: Path, runner: CliRunner, fake_train: list[dict[str, Any]]
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    data = write_csv(tmp_path, "text,label\na,pos\n")
    cases = [
        ["train", "--data", str(data), "--lang", "en", "-o", str(busy)],
        ["train", "--data", "no-such-thing", "--lang", "en", "-o", str(tmp_path / "m")],
        ["train", "-o", str(tmp_path / "m")],
        [
            "train",
            "--data",
            str(write_csv(tmp_path, "text,label\na,meh\n", "b.csv")),
            "--lang",
            "en",
            "-o",
            str(tmp_path / "m"),
        ],
    ]
    for args in cases:
        r = runner.invoke(app, args)
        assert r.exit_code == 1, (args, r.stdout)
        assert r.stderr.count("\n") == 1 and r.stderr.startswith("sentikit: error: "), r.stderr
    assert fake_train == []
    r = runner.invoke(
        app, ["train", "--data", str(data), "--lang", "en", "-o", str(busy), "--overwrite"]
    )
    assert r.exit_code == 0, r.stderr


def test_train_detects_language(
    tmp_path: Path, runner: CliRunner, fake_train: list[dict[str, Any]], monkeypatch: Any
) -> None:
    import sentikit.lang.detect as detect

    monkeypatch.setattr(detect, "detect_many", lambda texts: ["tr" for _ in texts])
    data = write_csv(tmp_path, "text,label\nçok güzel,pos\nkötü,neg\n")
    r = runner.invoke(app, ["train", "--data", str(data), "-o", str(tmp_path / "m")])
    assert r.exit_code == 0, r.stderr
    assert fake_train[0]["lang"] == "tr"


@pytest.mark.slow
@pytest.mark.data
@pytest.mark.skipif(data_root(required=False) is None, reason="benchmark data not available")
def test_train_dataset_uses_train_split(
    tmp_path: Path, runner: CliRunner, fake_train: list[dict[str, Any]]
) -> None:
    r = runner.invoke(
        app, ["train", "--data", "turkish-twitter-sentiment", "-o", str(tmp_path / "m")]
    )
    assert r.exit_code == 0, r.stderr
    call = fake_train[0]
    assert call["lang"] == "tr" and len(call["texts"]) == 1238
    assert call["trained_on"] == ["turkish-twitter-sentiment"]
    assert set(call["labels"]) <= {"positive", "negative"}


def test_train_records_evaluation_metrics(tmp_path: Path, runner: CliRunner) -> None:
    rows = "text,label\n" + "great fun film,pos\nawful dull film,neg\n" * 6
    data = write_csv(tmp_path, rows)
    ev = tmp_path / "ev.json"
    ev.write_text(
        json.dumps({"dataset": "d", "protocol": "cv10", "accuracy": 81.5, "macro_f1": 81.4}),
        encoding="utf-8",
    )
    out = tmp_path / "model"
    cfg = tmp_path / "small.json"  # the default English model would train its IMDB transfer
    cfg.write_text(
        json.dumps(
            {
                "model": {
                    "name": "sentikit.linear_ensemble.v1",
                    "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2]}],
                }
            }
        ),
        encoding="utf-8",
    )
    args = ["train", "--data", str(data), "--lang", "en", "-c", str(cfg), "-o", str(out)]
    args += ["--metrics", str(ev)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.stderr
    info = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert info["metrics"]["d:cv10"]["accuracy"] == 81.5
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    r = runner.invoke(app, [*args[:-1], str(bad), "--overwrite"])
    assert r.exit_code != 0 and "not an evaluation JSON" in r.stderr


def test_train_on_a_fresh_install_with_no_corpora(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user's file trains on a machine with none of the benchmark corpora: the shipped
    model carries over through the model prior; the bundle is the user's own."""
    empty = tmp_path / "no-data"
    empty.mkdir()
    monkeypatch.setenv("SENTIKIT_DATA", str(empty))
    rows = "review,label\n" + (
        "great battery and fast delivery,pos\nthe screen cracked in a day,neg\n"
        "arrived on tuesday in a box,neutral\n" * 12
    )
    data = write_csv(tmp_path, rows)
    out = tmp_path / "store-model"
    args = ["train", "--data", str(data), "--text-col", "review", "--lang", "en", "-o", str(out)]
    r = runner.invoke(app, [*args, "--version", "2.1.0"])
    assert r.exit_code == 0, r.stderr
    for stage in ("source", "auxiliary model shipped", "family 3/3", "stacking", "writing"):
        assert stage in r.stderr
    info = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert (info["name"], info["version"], info["lang"]) == ("store-model", "2.1.0", "en")
    assert info["training_data"]["sources"][0]["name"] == str(data)
    assert [a["kind"] for a in info["training_data"]["auxiliary"]] == ["model"]
    r = runner.invoke(app, ["analyze", "--model", str(out), "the screen cracked", "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["label"] == "negative"
    r = runner.invoke(app, [*args, "--overwrite", "--with-corpus", "no-such-corpus"])
    assert r.exit_code != 0 and "no-such-corpus" in r.stderr
