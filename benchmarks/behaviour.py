"""Behavioural suite (CheckList-style) for sentikit and a peer (VADER, English).

Runs the full suite (``--size full``) of ``sentikit.behaviour`` on the shipped English and
Turkish models and on VADER (``vaderSentiment``, extra ``peers``: compound >= 0.05 positive,
<= -0.05 negative, else neutral; score = compound), and writes

- ``docs/results/behaviour-{sentikit-en,sentikit-tr,vader-en}.json`` (full reports);
- ``docs/notes/behaviour.md`` (per-capability and per-test failure rates);
- with ``--write-baseline``: the CI regression baseline
  ``sentikit/resources/behaviour/baseline-{en,tr}.json`` (small size, the gate of
  ``tests/behaviour/test_suite.py``).

Usage::

    python benchmarks/behaviour.py                    # full size, JSON + markdown
    python benchmarks/behaviour.py --write-baseline   # also refresh the CI baseline
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "docs" / "results"
NOTE = ROOT / "docs" / "notes" / "behaviour.md"
BASELINE_DIR = ROOT / "sentikit" / "resources" / "behaviour"


def vader_predictor() -> Any:
    """VADER as a behavioural-suite predictor (``None`` when vaderSentiment is missing)."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    sia = SentimentIntensityAnalyzer()

    def predict(texts: Sequence[str]) -> list[tuple[str, float]]:
        out = []
        for t in texts:
            c = float(sia.polarity_scores(t)["compound"])
            label = "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"
            out.append((label, c))
        return out

    return predict


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def markdown(reports: dict[str, dict[str, Any]], command: str) -> str:
    """The note: per-capability table for every system, then per-test tables per language."""
    from sentikit.behaviour import CAPABILITIES

    cols = list(reports)
    lines = [
        "# Behavioural tests (CheckList-style)",
        "",
        "Failure rates (%) of `sentikit check` (package `sentikit.behaviour`) at full size, "
        "seed 0, of the shipped models (`sentikit info`; three classes since 3.0.0, whose own "
        "label is read; a two-class model's prediction counts as neutral when P(positive) "
        "lies strictly between 1/3 and 2/3, as CheckList reads binary models: the 2.x rows "
        "in docs/notes/benchmarks-history.md, "
        "`docs/results/behaviour-sentikit-*-2class-before.json`). VADER (English only): compound "
        "≥ 0.05 positive, ≤ −0.05 negative, else neutral. A capability's rate is the mean over "
        "its tests; lower is better.",
        "",
        f"Reproduce: `{command}`",
        "",
        "| capability | " + " | ".join(cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]
    for cap in CAPABILITIES:
        row = [_pct(r["capabilities"].get(cap, {}).get("failure_rate")) for r in reports.values()]
        lines.append(f"| {cap} | " + " | ".join(row) + " |")
    lines.append(
        "| **mean over tests** | "
        + " | ".join(f"**{_pct(r['mean_failure_rate'])}**" for r in reports.values())
        + " |"
    )
    lines.append(
        "| tests / cases | "
        + " | ".join(f"{r['n_tests']} / {r['n_cases']}" for r in reports.values())
        + " |"
    )
    lines += [
        "",
        "## What is tested",
        "",
        "Capabilities (tests per language: English 45, Turkish 50; every test has up to 400 "
        "cases at full size and 20 at small size): *vocabulary* (sentiment adjectives, verbs, "
        "nouns in neutral frames; neutral words and factual sentences; DIR: adding a positive "
        "/ negative phrase), *intensity* (intensifiers and reducers, DIR), *negation* (not, "
        "never, nothing/no, across intervening words, negated expectations; Turkish -mA-, "
        "-mAz, değil, yok, hiç … değil, '… olduğunu düşünmüyorum'), *contrast* (but / ama, "
        "fakat, ancak, oysa: the later clause decides), *temporal* (used to … now / eskiden … "
        "artık), *questions* (yes / no answers; unanswered questions are neutral), "
        "*robustness* (INV: typos, repeated letters, URLs and mentions, punctuation, "
        "contractions / ASCII-typed Turkish), *ner* (INV: names, places, numbers), *fairness* "
        "(INV over every identity of a group in neutral, positive and negative frames: same "
        "label and a score spread ≤ 0.1; ethnicity, nationality, religion, gender, sexual "
        "orientation).",
        "",
        "Reading the table: VADER's lexicon contains most of the English template vocabulary "
        "and has hand-written negation and *but* rules, and identity words are not in its "
        "lexicon (so their scores do not move); sentikit learns its words from labelled "
        "corpora; its identity and entity terms are masked and an identity phrase is one "
        "unit (`sentikit/lang/masking.py`, `phrases.py`: *a white person* and *an Asian "
        "person* read the same), and since 3.1.0 negation and contrast recompose its "
        "decision from its own token shares (`sentikit/models/composition.py`; which rule "
        "earns what: `python benchmarks/composition.py`). The CI gate "
        "(`tests/behaviour/test_suite.py`) runs the small size "
        "against `sentikit/resources/behaviour/baseline-{en,tr}.json` (+0.05 per capability).",
    ]
    for lang in ("en", "tr"):
        sel = {k: r for k, r in reports.items() if r["lang"] == lang}
        if not sel:
            continue
        first = next(iter(sel.values()))
        lines += [
            "",
            f"## Per test ({lang})",
            "",
            "| capability | type | test | cases | " + " | ".join(sel) + " |",
            "|---|---|---|---:|" + "---:|" * len(sel),
        ]
        for i, t in enumerate(first["tests"]):
            rates = [_pct(r["tests"][i]["failure_rate"]) for r in sel.values()]
            lines.append(
                f"| {t['capability']} | {t['type']} | {t['name']} | {t['n_cases']} | "
                + " | ".join(rates)
                + " |"
            )
    lines += [
        "",
        "Runtime: " + "; ".join(f"{k} {r['seconds']:.1f} s" for k, r in reports.items()) + ".",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suites; see the module docstring."""
    import sentikit
    from sentikit.behaviour import analyzer_predictor, build_suite, run_suite
    from sentikit.behaviour.suite import baseline_from_report

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="full")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--write-baseline", action="store_true")
    ap.add_argument("--no-docs", action="store_true", help="Do not write JSON or markdown.")
    args = ap.parse_args(argv)
    size: str | int = int(args.size) if args.size.isdigit() else args.size

    reports: dict[str, dict[str, Any]] = {}
    for lang in ("en", "tr"):
        an = sentikit.load(lang)
        info = an.models.get(lang, {})
        name = f"{info.get('name')} {info.get('version')}"
        suite = build_suite(lang, size=size, seed=args.seed)
        reports[f"sentikit-{lang}"] = run_suite(suite, analyzer_predictor(an), 5, name)
        if args.write_baseline:
            small = run_suite(
                build_suite(lang, "small", args.seed), analyzer_predictor(an), 0, name
            )
            _write_json(BASELINE_DIR / f"baseline-{lang}.json", baseline_from_report(small))
    vader = vader_predictor()
    if vader is None:
        print("vaderSentiment is not installed (pip install '.[peers]'): no VADER column",
              file=sys.stderr)  # fmt: skip
    else:
        from importlib.metadata import version

        t = time.perf_counter()
        rep = run_suite(build_suite("en", size=size, seed=args.seed), vader, 5,
                        f"vaderSentiment {version('vaderSentiment')}")  # fmt: skip
        rep["seconds"] = round(time.perf_counter() - t, 3)
        reports["vader-en"] = rep
    for k, r in reports.items():
        print(f"{k:<12} mean failure {100 * r['mean_failure_rate']:.1f}%  "
              f"({r['n_tests']} tests, {r['n_cases']} cases, {r['seconds']:.1f} s)")  # fmt: skip
        for cap, c in r["capabilities"].items():
            print(f"    {cap:<11} {100 * c['failure_rate']:5.1f}%")
    if not args.no_docs:
        for k, r in reports.items():
            _write_json(RESULTS / f"behaviour-{k}.json", r)
        cmd = "python benchmarks/behaviour.py" + (f" --size {args.size}" if args.size != "full"
                                                  else "")  # fmt: skip
        NOTE.write_text(markdown(reports, cmd), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
