"""sentikit's behavioural test suite (CheckList-style: Ribeiro et al., 2020), for English and
Turkish.

Tests are generated deterministically from templates and word lists
(:mod:`sentikit.behaviour.templates_en`, :mod:`sentikit.behaviour.templates_tr`) and grouped by
capability: vocabulary, intensity, negation, contrast, temporal, questions, robustness, ner,
fairness. Each test is of one type — MFT (expected label), INV (invariance) or DIR
(directional) — see :mod:`sentikit.behaviour.cases`; :mod:`sentikit.behaviour.suite` builds
and runs suites.

>>> from sentikit.behaviour import build_suite, run_suite, analyzer_predictor
>>> import sentikit
>>> suite = build_suite("en", size="small")  # doctest: +SKIP
>>> report = run_suite(suite, analyzer_predictor(sentikit.load("en")))  # doctest: +SKIP
>>> report["capabilities"]["negation"]["failure_rate"]  # doctest: +SKIP

Command line: ``sentikit check --lang tr --size full --json out.json``.
"""

from sentikit.behaviour.cases import CAPABILITIES, LABELS, SIZES, TYPES, Case, Suite, Test
from sentikit.behaviour.suite import (
    BINARY_NEUTRAL_BAND,
    Predictor,
    analyzer_predictor,
    build_suite,
    format_report,
    predictions_from_results,
    run_suite,
)

__all__ = [
    "BINARY_NEUTRAL_BAND",
    "CAPABILITIES",
    "LABELS",
    "SIZES",
    "TYPES",
    "Case",
    "Predictor",
    "Suite",
    "Test",
    "analyzer_predictor",
    "build_suite",
    "format_report",
    "predictions_from_results",
    "run_suite",
]
