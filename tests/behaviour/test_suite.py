"""The behavioural suite: generation, runner, CLI, and the regression gate on shipped models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sentikit.behaviour import (
    CAPABILITIES,
    TYPES,
    Case,
    Suite,
    Test,
    analyzer_predictor,
    build_suite,
    predictions_from_results,
    run_suite,
)

BASELINE_DIR = Path(__file__).resolve().parents[2] / "sentikit" / "resources" / "behaviour"
#: Allowed rise of a capability's failure rate over the committed baseline.
TOLERANCE = 0.05
LANGS = ("en", "tr")


def _signature(suite: Suite) -> list[tuple[str, str, list[tuple[tuple[str, ...], tuple, int]]]]:
    return [
        (t.name, t.type, [(c.texts, c.expect, c.direction) for c in t.cases]) for t in suite.tests
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_generation_is_deterministic_and_complete(lang: str) -> None:
    a, b = build_suite(lang, "small"), build_suite(lang, "small")
    assert _signature(a) == _signature(b)
    assert _signature(build_suite(lang, "small", seed=1)) != _signature(a)
    assert set(a.capabilities()) == set(CAPABILITIES)
    assert {t.type for t in a.tests} == set(TYPES)
    for cap in CAPABILITIES:  # several tests per capability, except contrast/temporal (2)
        assert sum(t.capability == cap for t in a.tests) >= 2
    assert len(a.tests) >= 30
    assert len({t.name for t in a.tests}) == len(a.tests)
    assert all(len(t.cases) == 20 for t in a.tests)


@pytest.mark.parametrize("lang", LANGS)
def test_full_size_is_large(lang: str) -> None:
    full = build_suite(lang, "full")
    assert full.n_cases >= 5000
    assert all(len(t.cases) >= 40 for t in full.tests)
    small = build_suite(lang, "small")
    assert [t.name for t in full.tests] == [t.name for t in small.tests]


def _toy_suite() -> Suite:
    tests = [
        Test("mft", "vocabulary", "MFT", "", [
            Case(("good",), ("positive",)), Case(("bad",), ("negative",)),
            Case(("meh",), ("neutral",)), Case(("not bad",), ("positive", "neutral")),
        ]),
        Test("inv", "robustness", "INV", "", [
            Case(("good", "goood")), Case(("bad", "baad")),
        ]),
        Test("fair", "fairness", "INV", "", [
            Case(("good", "goood")), Case(("meh", "meh!")),
        ], max_delta=0.1),
        Test("dir", "intensity", "DIR", "", [
            Case(("good", "very good"), direction=+1), Case(("bad", "very bad"), direction=-1),
            Case(("good", "goood"), direction=+1),
        ], tolerance=0.05),
    ]  # fmt: skip
    return Suite("en", "small", 0, tests)


TOY = {
    "good": ("positive", 0.8),
    "goood": ("positive", 0.6),  # same label, -0.2: passes INV, fails fairness and DIR
    "bad": ("negative", -0.7),
    "baad": ("neutral", -0.2),  # label change: fails INV
    "meh": ("neutral", 0.0),
    "meh!": ("neutral", 0.04),
    "not bad": ("negative", -0.5),  # fails MFT
    "very good": ("positive", 0.77),  # -0.03: within tolerance
    "very bad": ("negative", -0.9),
}


def test_runner_rates_on_a_toy_predictor() -> None:
    calls: list[list[str]] = []

    def predict(texts: list[str]) -> list[tuple[str, float]]:
        calls.append(texts)
        return [TOY[t] for t in texts]

    rep = run_suite(_toy_suite(), predict, examples=5)
    assert len(calls) == 1 and len(calls[0]) == len(set(calls[0])) == len(TOY)
    rates = {t["name"]: (t["n_failed"], t["failure_rate"]) for t in rep["tests"]}
    assert rates == {"mft": (1, 0.25), "inv": (1, 0.5), "fair": (1, 0.5), "dir": (1, 1 / 3)}
    assert rep["capabilities"]["vocabulary"]["failure_rate"] == 0.25
    assert rep["types"]["INV"]["failure_rate"] == 0.5
    assert rep["mean_failure_rate"] == pytest.approx((0.25 + 0.5 + 0.5 + 1 / 3) / 4)
    ex = rep["tests"][0]["examples"][0]
    assert ex["texts"] == ["not bad"] and ex["labels"] == ["negative"]
    json.dumps(rep)  # JSON-able


def test_predictions_from_two_and_three_class_results() -> None:
    two: list[dict[str, Any]] = [
        {"label": "positive", "score": 0.2, "probs": {"positive": 0.6, "negative": 0.4}},
        {"label": "negative", "score": -0.5, "probs": {"positive": 0.25, "negative": 0.75}},
        {"id": "3", "error": "text is missing"},
    ]
    assert predictions_from_results(two) == [
        ("neutral", 0.2), ("negative", -0.5), ("error", 0.0)
    ]  # fmt: skip
    assert predictions_from_results(two, neutral_band=0)[0] == ("positive", 0.2)
    three: list[dict[str, Any]] = [
        {"label": "positive", "score": 0.2, "probs": {"positive": 0.5, "neutral": 0.2,
                                                       "negative": 0.3}},
        {"label": "neutral", "score": 0.5, "probs": {"positive": 0.5, "neutral": 0.5,
                                                      "negative": 0.0}},
    ]  # fmt: skip
    assert predictions_from_results(three) == [("positive", 0.2), ("neutral", 0.5)]


def test_any_callable_predictor_runs_the_real_suite() -> None:
    def always_neutral(texts: list[str]) -> list[tuple[str, float]]:
        return [("neutral", 0.0)] * len(texts)

    rep = run_suite(build_suite("en", 3), always_neutral)
    by = {t["name"]: t["failure_rate"] for t in rep["tests"]}
    assert by["neutral factual sentences"] == 0.0
    assert by["positive adjectives in neutral frames"] == 1.0
    assert rep["capabilities"]["fairness"]["failure_rate"] == 0.0
    assert rep["types"]["DIR"]["failure_rate"] == 0.0


@pytest.mark.parametrize("lang", LANGS)
def test_regression_gate_against_baseline(lang: str) -> None:
    """Each capability's failure rate on the shipped model stays within the baseline."""
    import sentikit

    baseline = json.loads((BASELINE_DIR / f"baseline-{lang}.json").read_text(encoding="utf-8"))
    suite = build_suite(lang, baseline["size"], baseline["seed"])
    rep = run_suite(suite, analyzer_predictor(sentikit.load(lang)), examples=0)
    worse = {
        cap: (round(c["failure_rate"], 4), baseline["capabilities"].get(cap))
        for cap, c in rep["capabilities"].items()
        if c["failure_rate"] > baseline["capabilities"].get(cap, 0.0) + TOLERANCE
    }
    assert not worse, f"capabilities worse than the baseline (now, baseline): {worse}"


def test_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sentikit.cli.main import main

    out = tmp_path / "check.json"
    assert main(["check", "--lang", "tr", "--json", str(out), "--examples", "1"]) == 0
    text = capsys.readouterr().out
    assert "per capability" in text and "mean failure rate" in text and "negation" in text
    rep = json.loads(out.read_text(encoding="utf-8"))
    assert rep["lang"] == "tr" and rep["n_tests"] >= 30
    assert main(["check", "--model", "no-such-model"]) == 1
