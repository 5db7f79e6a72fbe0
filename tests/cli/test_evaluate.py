"""``sentikit evaluate``: argument plumbing with a fake harness, one real (data) run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sentikit.evaluation.runner as runner_mod
from sentikit.cli.main import app
from sentikit.paths import data_root


class FakeResult:
    def __init__(self, **kw: Any) -> None:
        self.kw = kw

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.kw["dataset"], "accuracy": 0.5}

    def format_table(self) -> str:
        return f"TABLE {self.kw['dataset']}"


@pytest.fixture
def fake_evaluate(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def evaluate(dataset: str, model_factory: Any, **kw: Any) -> FakeResult:
        calls.append({"dataset": dataset, "factory": model_factory, **kw})
        if kw.get("progress"):
            kw["progress"]("fold 1/1 done")
        return FakeResult(dataset=dataset)

    monkeypatch.setattr(runner_mod, "evaluate", evaluate)
    return calls


def test_evaluate_plumbing(
    tmp_path: Path, runner: CliRunner, fake_evaluate: list[dict[str, Any]]
) -> None:
    out = tmp_path / "r.json"
    r = runner.invoke(
        app,
        [
            "evaluate",
            "--dataset",
            "turkish-twitter-sentiment",
            "--protocol",
            "cv10",
            "--max-folds",
            "2",
            "--json",
            str(out),
            "--progress",
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "TABLE turkish-twitter-sentiment\n"
    assert json.loads(out.read_text(encoding="utf-8")) == {
        "dataset": "turkish-twitter-sentiment",
        "accuracy": 0.5,
    }
    assert "fold 1/1 done" in r.stderr
    call = fake_evaluate[0]
    assert call["protocol"] == "cv10" and call["max_folds"] == 2
    est = call["factory"]()  # the default Turkish configuration's estimator
    assert hasattr(est, "fit") and hasattr(est, "predict")
    assert call["factory"].__name__ == "sentikit-tr-linear"


def test_evaluate_config_file(
    tmp_path: Path, runner: CliRunner, fake_evaluate: list[dict[str, Any]]
) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        'name = "tiny"\n[model]\nname = "sentikit.linear_ensemble.v1"\n', encoding="utf-8"
    )
    r = runner.invoke(app, ["evaluate", "-d", "sst2", "-c", str(cfg)])
    assert r.exit_code == 0, r.stderr
    assert fake_evaluate[0]["protocol"] is None and callable(fake_evaluate[0]["progress"])
    assert r.stderr == ""  # without --progress (or -v) the fold lines are not logged
    assert fake_evaluate[0]["factory"].__name__ == "tiny"


def test_evaluate_errors(
    tmp_path: Path, runner: CliRunner, fake_evaluate: list[dict[str, Any]]
) -> None:
    r = runner.invoke(app, ["evaluate", "--dataset", "no-such-corpus"])
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and "unknown dataset 'no-such-corpus'" in r.stderr
    r = runner.invoke(app, ["evaluate", "-d", "sst2", "-c", str(tmp_path / "missing.json")])
    assert r.exit_code == 1 and "not found" in r.stderr and r.stderr.count("\n") == 1
    r = runner.invoke(app, ["evaluate", "-d", "sst2", "--protocol", "loo"])
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    assert fake_evaluate == []


@pytest.mark.slow
@pytest.mark.data
@pytest.mark.skipif(data_root(required=False) is None, reason="benchmark data not available")
def test_evaluate_real_one_fold(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "r.json"
    cfg = tmp_path / "small.json"
    cfg.write_text(
        json.dumps(
            {
                "name": "small-word-ngrams",
                "model": {
                    "name": "sentikit.linear_ensemble.v1",
                    "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2]}],
                },
            }
        ),
        encoding="utf-8",
    )
    r = runner.invoke(
        app, ["evaluate", "-d", "turkish-twitter-sentiment", "-c", str(cfg), "--json", str(out)]
    )
    assert r.exit_code == 0, r.stderr
    assert "turkish-twitter-sentiment" in r.stdout and "small-word-ngrams" in r.stdout
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["protocol"] == "official"
    assert len(res["folds"]) == 1 and res["folds"][0]["n_test"] == 474
    assert 60 < res["accuracy"] <= 100
