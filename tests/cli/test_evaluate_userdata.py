"""``sentikit evaluate --model / --data``: a bundle scored on a user's file, a configuration
cross-validated on one, and the argument errors (one line each)."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sentikit.cli.main import app
from sentikit.paths import data_root
from sentikit.training.bundle import train_bundle

CONFIG: dict[str, Any] = {
    "name": "tiny3",
    "version": "0.1.0",
    "lang": "en",
    "model": {
        "name": "sentikit.linear_ensemble.v1",
        "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2], "C": 10.0}],
    },
}


def rows(n: int, classes: int = 3, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` synthetic English sentences: positive, negative (and neutral) in turn."""
    rng = random.Random(seed)
    kinds = [("great good lovely", "positive"), ("bad awful dull", "negative")]
    kinds = (kinds + [("long blue new", "neutral")])[:classes]
    out = []
    for i in range(n):
        words, label = kinds[i % classes]
        out.append((f"the film was {rng.choice(words.split())}", label))
    return out


def write_csv(
    path: Path, data: list[tuple[str, str]], header: tuple[str, str] = ("text", "label")
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(data)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A three-class English bundle, its training file, a test file, a binary file and a
    configuration."""
    tmp = tmp_path_factory.mktemp("evaluate_cli")
    train = rows(90)
    out = {
        "train": write_csv(tmp / "train.csv", train),
        "test": write_csv(tmp / "reviews.csv", rows(30, seed=1), header=("review", "stars")),
        "binary": write_csv(tmp / "binary.csv", rows(20, classes=2, seed=2)),
        "model": train_bundle(
            CONFIG, [t for t, _ in train], [y for _, y in train], "en", tmp / "model"
        ),
        "config": tmp / "config.json",
    }
    out["config"].write_text(json.dumps(CONFIG), encoding="utf-8")
    return out


def test_model_on_a_file_prints_the_table_and_writes_json(
    files: dict[str, Path], runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    args = ["evaluate", "--model", str(files["model"]), "--data", str(files["test"])]
    args += ["--text-col", "review", "--label-col", "stars", "--json", str(out), "--progress"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"dataset: {files['test']}  protocol: bundle  n: 30")
    assert "model: tiny3 0.1.0" in r.stdout and "calibration: Brier" in r.stdout
    assert "neutral" in r.stdout and "scored 30/30 texts" in r.stderr
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["trained_on_test_data"] is False and res["view"] is None
    assert res["bundle"]["path"] == str(files["model"]) and res["data"]["n"] == 30
    assert {"accuracy", "macro_f1", "per_class", "calibration", "folds"} <= set(res)
    assert "warning" not in r.stderr


def test_model_on_its_own_training_file_says_so_loudly(
    files: dict[str, Path], runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    r = runner.invoke(
        app,
        ["evaluate", "-m", str(files["model"]), "--data", str(files["train"]), "--json", str(out)],
    )
    assert r.exit_code == 0, r.stderr
    assert "warning: model tiny3 0.1.0 was trained on this evaluation data" in r.stderr
    assert "WARNING: the model was trained on this evaluation data" in r.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["trained_on_test_data"] is True


def test_three_class_model_on_binary_file_reports_the_binary_view(
    files: dict[str, Path], runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    args = ["evaluate", "-m", str(files["model"]), "--data", str(files["binary"])]
    r = runner.invoke(app, [*args, "--json", str(out)])
    assert r.exit_code == 0, r.stderr
    assert "note: binary view" in r.stdout
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["view"] == "binary" and sorted(res["per_class"]) == ["negative", "positive"]


def test_a_file_given_as_dataset_is_read_as_data(files: dict[str, Path], runner: CliRunner) -> None:
    r = runner.invoke(app, ["evaluate", "-m", str(files["model"]), "-d", str(files["binary"])])
    assert r.exit_code == 0, r.stderr
    assert "is a file: reading it as --data" in r.stderr and "protocol: bundle" in r.stdout


@pytest.mark.parametrize("protocol", [None, "holdout", "cv10"])
def test_configuration_cross_validated_on_a_file(
    files: dict[str, Path], runner: CliRunner, tmp_path: Path, protocol: str | None
) -> None:
    out = tmp_path / "r.json"
    args = ["evaluate", "--data", str(files["train"]), "-c", str(files["config"])]
    args += ["--max-folds", "2", "--json", str(out)]
    r = runner.invoke(app, args + (["--protocol", protocol] if protocol else []))
    assert r.exit_code == 0, r.stderr
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["protocol"] == (protocol or "holdout") and res["model"] == "tiny3"
    assert len(res["folds"]) == (2 if protocol == "cv10" else 1)
    assert res["data"]["sha256"] and res["trained_on_test_data"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-m", "{model}", "-c", "{config}", "--data", "{train}"], "give one"),
        (["-m", "{model}", "--data", "{train}", "-p", "cv10"], "scored as it is"),
        (["-m", "{model}"], "--model needs the data"),
        (["-m", "{tmp}/no-model", "--data", "{train}"], "no model bundle"),
        (["--data", "{train}", "-d", "sst2"], "not both"),
        (["--data", "{tmp}/missing.csv"], "no such file"),
        (["--data", "{train}", "-p", "official"], "holdout or cv10"),
        (["-d", "turkish-twitter-sentiment", "-p", "holdout"], "for --data files"),
        (["--data", "{train}", "-l", "de"], "tr or en"),
        (["--data", "{train}", "--label-col", "nope"], "nope"),
        (["-p", "leave-one-corpus-out", "--data", "{train}", "-l", "en"], "no --model or --data"),
        ([], "give --dataset CORPUS, --data FILE"),
    ],
)
def test_errors_are_one_line(
    files: dict[str, Path], runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    values = {k: str(v) for k, v in files.items()} | {"tmp": str(tmp_path)}
    r = runner.invoke(app, ["evaluate", *[a.format(**values) for a in args]])
    assert r.exit_code == 1, r.stdout
    assert message in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr


def test_help_names_the_new_ways(runner: CliRunner) -> None:
    r = runner.invoke(app, ["evaluate", "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    for opt in ("--model", "--data", "--text-col", "--label-col", "--raw-labels", "holdout"):
        assert opt in r.stdout


@pytest.mark.data
@pytest.mark.skipif(data_root(required=False) is None, reason="benchmark data not available")
def test_shipped_model_on_a_corpus_test_split(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    args = ["evaluate", "--model", "tr", "--dataset", "turkish-twitter-sentiment"]
    r = runner.invoke(app, [*args, "--json", str(out)])
    assert r.exit_code == 0, r.stderr
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["data"] == res["data"] | {"kind": "dataset", "split": "test", "n": 474}
    assert res["view"] == "binary" and res["trained_on_test_data"] is False
    assert 70 < res["accuracy"] <= 100 and res["folds"][0]["n_train"] > 10_000


def test_a_file_is_cross_validated_with_the_user_configuration_where_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sentikit.cli.evaluate import _user_config
    from sentikit.models import registry

    (tmp_path / "en.json").write_text(json.dumps(CONFIG | {"name": "plain"}), encoding="utf-8")
    monkeypatch.setattr(registry, "CONFIG_DIR", tmp_path)
    assert _user_config("en")["name"] == "plain"  # the shipped default of the language
    (tmp_path / "en-user.json").write_text(json.dumps(CONFIG | {"name": "user"}), "utf-8")
    assert _user_config("en")["name"] == "user"
