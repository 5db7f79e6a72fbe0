"""``sentikit check``: run the behavioural test suite (:mod:`sentikit.behaviour`) on a model."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from sentikit.cli._util import CorpusLang, write_text_file
from sentikit.errors import InputError
from sentikit.io.records import json_default


class Size(StrEnum):
    """``--size`` values."""

    small = "small"
    full = "full"


def resolve_model(model: str) -> Path:
    """A model bundle folder from ``--model``: a path, or the name of a shipped model."""
    from sentikit.models.registry import MODELS_DIR

    path = Path(model)
    if (path / "model.json").is_file():
        return path
    shipped = MODELS_DIR / model
    if (shipped / "model.json").is_file():
        return shipped
    names = sorted(d.name for d in MODELS_DIR.iterdir() if (d / "model.json").is_file())
    raise InputError(f"no model bundle at {model!r} and no shipped model of that name ({names})")


def check_command(
    lang: Annotated[
        CorpusLang | None,
        typer.Option(
            "--lang",
            "-l",
            help="Suite language; default: the model's, or both en and tr.",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            help="A model bundle folder or a shipped model name; default: the shipped model.",
            show_default=False,
        ),
    ] = None,
    size: Annotated[
        Size, typer.Option("--size", "-s", help="small (seconds, CI) or full (benchmarks).")
    ] = Size.small,
    seed: Annotated[int, typer.Option("--seed", help="Sampling seed of the generator.")] = 0,
    json_out: Annotated[
        Path | None,
        typer.Option(
            "--json", help="Also write the full report as JSON to FILE.", show_default=False
        ),
    ] = None,
    examples: Annotated[
        int, typer.Option("--examples", "-e", min=0, help="Failing examples shown per test.")
    ] = 3,
) -> None:
    """Run the behavioural tests (CheckList-style) and print failure rates per test and
    capability, the mean failure rate and examples of failures.

    Example: sentikit check --lang tr --size full --json check-tr.json
    """
    from sentikit.api import load
    from sentikit.behaviour import analyzer_predictor, build_suite, format_report, run_suite

    bundle = resolve_model(model) if model is not None else None
    runs: list[tuple[str, Any]] = []
    if bundle is not None:
        analyzer = load(lang.value if lang is not None else None, model=bundle)
        runs.append((str(analyzer.lang), analyzer))
    else:
        for code in [lang.value] if lang is not None else ["en", "tr"]:
            runs.append((code, load(code)))
    reports = []
    for code, analyzer in runs:
        info = analyzer.models.get(code, {})
        name = f"{info.get('name', code)} {info.get('version', '')}".strip()
        suite = build_suite(code, size=size.value, seed=seed)
        report = run_suite(suite, analyzer_predictor(analyzer), examples=examples, model=name)
        reports.append(report)
        typer.echo(format_report(report, examples=examples))
        if len(runs) > 1:
            typer.echo("")
    if json_out is not None:
        payload: Any = reports[0] if len(reports) == 1 else {r["lang"]: r for r in reports}
        write_text_file(
            json_out, json.dumps(payload, indent=2, ensure_ascii=False, default=json_default) + "\n"
        )
