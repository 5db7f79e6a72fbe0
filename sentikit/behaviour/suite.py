"""Building and running the behavioural suite (CheckList, Ribeiro et al. 2020).

:func:`build_suite` generates the tests of a language from its templates
(:mod:`sentikit.behaviour.templates_en`, :mod:`sentikit.behaviour.templates_tr`; test types in
:mod:`sentikit.behaviour.cases`).

The runner predicts every distinct text of a suite once, through any *predictor*: a callable
``texts → [(label, score), ...]`` with labels ``positive`` / ``negative`` / ``neutral`` and a
score in ``[-1, 1]`` (positive minus negative). :func:`analyzer_predictor` wraps a sentikit
:class:`~sentikit.pipeline.analyzer.Analyzer`. A model with two classes (no neutral
probability, or always 0) is read as CheckList reads binary models: a prediction whose
``P(positive)`` lies strictly between 1/3 and 2/3 (``|score| < 1/3``) counts as ``neutral``.

Rates: a test's failure rate is failed cases / cases; a capability's is the mean over its
tests; the suite's mean failure rate is the mean over all tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sentikit.behaviour import templates_en, templates_tr
from sentikit.behaviour.cases import CAPABILITIES, NEU, TYPES, Case, Suite, Test, cases_per_test

__all__ = [
    "BINARY_NEUTRAL_BAND",
    "Predictor",
    "analyzer_predictor",
    "baseline_from_report",
    "build_suite",
    "format_report",
    "predictions_from_results",
    "run_suite",
]

#: ``|score|`` below which a two-class model's prediction counts as neutral.
BINARY_NEUTRAL_BAND = 1.0 / 3.0

#: ``texts → [(label, score), ...]``, one pair per text, in order.
Predictor = Callable[[list[str]], Sequence[tuple[str, float]]]

#: The test builder of each language: ``(cases per test, seed) → tests``.
_BUILDERS: dict[str, Callable[[int, int], list[Test]]] = {
    "en": templates_en.build_tests,
    "tr": templates_tr.build_tests,
}


def build_suite(lang: str, size: str | int = "small", seed: int = 0) -> Suite:
    """Generate the suite of ``lang`` (``"en"`` or ``"tr"``) deterministically.

    Parameters
    ----------
    lang : ``"en"`` or ``"tr"``.
    size : ``"small"`` (CI: a few seconds), ``"full"`` (benchmarks) or the most cases per test.
    seed : the sampling seed; the same ``(lang, size, seed)`` gives the same suite.
    """
    n = cases_per_test(size)
    build_tests = _BUILDERS.get(lang)
    if build_tests is None:
        raise ValueError(f"no behavioural suite for language {lang!r}; use 'en' or 'tr'")
    return Suite(lang=lang, size=size, seed=seed, tests=build_tests(n, seed))


# -- predictors -------------------------------------------------------------------------


def predictions_from_results(
    results: Sequence[dict[str, Any]], neutral_band: float = BINARY_NEUTRAL_BAND
) -> list[tuple[str, float]]:
    """``(label, score)`` pairs from sentikit result dicts.

    Three-class results (some ``probs["neutral"] > 0``) keep their label. Two-class results
    get ``neutral`` where ``|score| < neutral_band`` (0 turns this off). An error record
    yields ``("error", 0.0)``, which fails every expectation.
    """
    ok = [r for r in results if "error" not in r]
    three_class = any(float((r.get("probs") or {}).get(NEU) or 0.0) > 0.0 for r in ok)
    out: list[tuple[str, float]] = []
    for r in results:
        if "error" in r:
            out.append(("error", 0.0))
            continue
        score = float(r.get("score", 0.0))
        label = str(r.get("label"))
        if not three_class and neutral_band > 0 and abs(score) < neutral_band:
            label = NEU
        out.append((label, score))
    return out


def analyzer_predictor(analyzer: Any, neutral_band: float = BINARY_NEUTRAL_BAND) -> Predictor:
    """A predictor calling ``analyzer.analyze_many`` (a sentikit Analyzer, or alike)."""

    def predict(texts: list[str]) -> list[tuple[str, float]]:
        return predictions_from_results(analyzer.analyze_many(list(texts)), neutral_band)

    return predict


# -- running and reporting --------------------------------------------------------------


def _expected(test: Test, case: Case) -> str:
    if test.type == "MFT":
        return " or ".join(case.expect)
    if test.type == "DIR":
        return "score not lower" if case.direction > 0 else "score not higher"
    if test.max_delta is not None:
        return f"same label, score spread <= {test.max_delta:g}"
    return "same label"


def run_suite(
    suite: Suite,
    predictor: Predictor,
    examples: int = 3,
    model: str | None = None,
) -> dict[str, Any]:
    """Run ``suite`` through ``predictor``; a JSON-able report.

    Parameters
    ----------
    suite : from :func:`build_suite`.
    predictor : ``texts → [(label, score)]`` (:func:`analyzer_predictor` for sentikit).
    examples : failing cases kept per test (in case order).
    model : a name for the report.

    Returns
    -------
    dict with ``lang``, ``model``, ``size``, ``seed``, ``n_tests``, ``n_cases``, ``n_texts``,
    ``seconds``, ``mean_failure_rate``, ``capabilities`` (per capability: ``failure_rate``,
    ``n_tests``, ``n_cases``, ``n_failed``), ``types`` (the same per test type) and ``tests``
    (per test: ``name``, ``capability``, ``type``, ``description``, ``n_cases``,
    ``n_failed``, ``failure_rate``, ``examples``).
    """
    start = time.perf_counter()
    texts = suite.texts()
    preds = list(predictor(texts)) if texts else []
    if len(preds) != len(texts):
        raise ValueError(f"the predictor returned {len(preds)} predictions for {len(texts)} texts")
    table = {t: (str(lab), float(s)) for t, (lab, s) in zip(texts, preds, strict=True)}
    tests_out: list[dict[str, Any]] = []
    for test in suite.tests:
        failed = 0
        shown: list[dict[str, Any]] = []
        for case in test.cases:
            p = [table[x] for x in case.texts]
            if test.passes(case, p):
                continue
            failed += 1
            if len(shown) < examples:
                shown.append(
                    {
                        "texts": list(case.texts),
                        "labels": [lab for lab, _ in p],
                        "scores": [round(s, 4) for _, s in p],
                        "expected": _expected(test, case),
                    }
                )
        n = len(test.cases)
        tests_out.append(
            {
                "name": test.name,
                "capability": test.capability,
                "type": test.type,
                "description": test.description,
                "n_cases": n,
                "n_failed": failed,
                "failure_rate": failed / n if n else 0.0,
                "examples": shown,
            }
        )
    return {
        "lang": suite.lang,
        "model": model,
        "size": suite.size,
        "seed": suite.seed,
        "n_tests": len(suite.tests),
        "n_cases": suite.n_cases,
        "n_texts": len(texts),
        "seconds": round(time.perf_counter() - start, 3),
        "mean_failure_rate": _mean(t["failure_rate"] for t in tests_out),
        "capabilities": _group(tests_out, "capability", CAPABILITIES),
        "types": _group(tests_out, "type", TYPES),
        "tests": tests_out,
    }


def baseline_from_report(report: dict[str, Any]) -> dict[str, Any]:
    """The regression baseline of a report: failure rates per capability and per test."""
    return {
        "lang": report["lang"],
        "model": report.get("model"),
        "size": report["size"],
        "seed": report["seed"],
        "mean_failure_rate": round(report["mean_failure_rate"], 4),
        "capabilities": {k: round(v["failure_rate"], 4) for k, v in report["capabilities"].items()},
        "tests": {t["name"]: round(t["failure_rate"], 4) for t in report["tests"]},
    }


def _mean(values: Iterable[float]) -> float:
    v = list(values)
    return sum(v) / len(v) if v else 0.0


def _group(tests: list[dict[str, Any]], key: str, order: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in order:
        sel = [t for t in tests if t[key] == name]
        if sel:
            out[name] = {
                "failure_rate": _mean(t["failure_rate"] for t in sel),
                "n_tests": len(sel),
                "n_cases": sum(t["n_cases"] for t in sel),
                "n_failed": sum(t["n_failed"] for t in sel),
            }
    return out


def _pct(rate: float) -> str:
    return f"{100 * rate:5.1f}%"


def _clip(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(report: dict[str, Any], examples: int = 3) -> str:
    """A readable table of a :func:`run_suite` report, with up to ``examples`` per test."""
    head = (
        f"behavioural check: lang={report['lang']} model={report.get('model') or '?'} "
        f"size={report['size']} seed={report['seed']}: {report['n_tests']} tests, "
        f"{report['n_cases']} cases, {report['n_texts']} texts, {report['seconds']:.1f} s"
    )
    width = max([len(t["name"]) for t in report["tests"]] + [4])
    lines = [head, "", f"{'capability':<11} {'type':<4} {'fail':>6} {'cases':>6}  test"]
    for t in report["tests"]:
        lines.append(
            f"{t['capability']:<11} {t['type']:<4} {_pct(t['failure_rate'])} "
            f"{t['n_cases']:>6}  {t['name']:<{width}}"
        )
    lines += ["", "per capability (mean over its tests):"]
    for cap, c in report["capabilities"].items():
        lines.append(
            f"  {cap:<11} {_pct(c['failure_rate'])}  ({c['n_tests']} tests, "
            f"{c['n_failed']}/{c['n_cases']} cases failed)"
        )
    lines += ["", "per test type:"]
    for typ, c in report["types"].items():
        lines.append(f"  {typ:<11} {_pct(c['failure_rate'])}  ({c['n_tests']} tests)")
    lines += ["", f"mean failure rate over tests: {_pct(report['mean_failure_rate']).strip()}"]
    if examples > 0:
        shown = [t for t in report["tests"] if t["examples"]]
        if shown:
            lines += ["", "examples of failures:"]
        for t in shown:
            lines.append(
                f"[{t['capability']}] {t['name']} (expected: {t['examples'][0]['expected']})"
            )
            for ex in t["examples"][:examples]:
                rows = list(zip(ex["texts"], ex["labels"], ex["scores"], strict=True))
                if len(rows) > 3:  # the first text and the extreme scores
                    lo = min(range(len(rows)), key=lambda i: rows[i][2])
                    hi = max(range(len(rows)), key=lambda i: rows[i][2])
                    keep = sorted({0, lo, hi})
                    more = len(rows) - len(keep)
                    rows = [rows[i] for i in keep]
                else:
                    more = 0
                parts = [f"{_clip(x, 90)!r} -> {lab} ({s:+.2f})" for x, lab, s in rows]
                if more:
                    parts.append(f"... {more} more")
                lines.append("    " + "\n      ".join(parts))
    return "\n".join(lines)
