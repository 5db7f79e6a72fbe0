"""``sentikit evaluate``: score a model configuration on a benchmark corpus."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from sentikit.cli._util import Progress, write_text_file
from sentikit.io.records import json_default


class Protocol(StrEnum):
    """``--protocol`` values."""

    official = "official"
    cv10 = "cv10"
    loco = "leave-one-corpus-out"


def evaluate_command(
    dataset: Annotated[
        str | None,
        typer.Option(
            "--dataset",
            "-d",
            help="A corpus of MANIFEST.md (e.g. turkish-movie-reviews) or an alias (sst2, sst5, "
            "sst3); with --protocol leave-one-corpus-out, only that left-out corpus.",
            show_default=False,
        ),
    ] = None,
    protocol: Annotated[
        Protocol | None,
        typer.Option(
            "--protocol",
            "-p",
            help="official (train/test split), cv10 (10-fold CV), or leave-one-corpus-out "
            "(train on all corpora of the configuration's pool but one, test on that one; "
            "needs --lang or --config); default: the corpus's own.",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="Model configuration (JSON or TOML); default: the shipped one of the "
            "corpus's language.",
            show_default=False,
        ),
    ] = None,
    json_out: Annotated[
        Path | None,
        typer.Option(
            "--json", help="Also write the full result as JSON to FILE.", show_default=False
        ),
    ] = None,
    max_folds: Annotated[
        int | None,
        typer.Option(
            "--max-folds",
            min=1,
            help="Run only the first N folds (quick checks).",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress", help="Report each fold on stderr.")
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            "-l",
            help="Language of the leave-one-corpus-out protocol (tr or en).",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", min=1, help="Leave-one-corpus-out: trainings run at once (processes)."
        ),
    ] = 1,
    no_baseline: Annotated[
        bool,
        typer.Option("--no-baseline", help="Leave-one-corpus-out: skip the TF-IDF + LR baseline."),
    ] = False,
) -> None:
    """Evaluate a model configuration on a benchmark corpus; prints a per-fold table.

    Example: sentikit evaluate --dataset turkish-twitter-sentiment --json result.json
    """
    from sentikit.errors import InputError
    from sentikit.evaluation.runner import evaluate
    from sentikit.io.datasets import dataset_info
    from sentikit.models import registry

    if protocol is Protocol.loco:
        _loco(dataset, config, lang, json_out, progress, not no_baseline, jobs)
        return
    if dataset is None:
        raise InputError("--dataset is needed (or --protocol leave-one-corpus-out --lang L)")
    info = dataset_info(dataset)  # InputError listing the known names
    cfg = registry.load_config(config) if config is not None else registry.default_config(info.lang)

    from sentikit.training.resources import model_factory

    make = model_factory(cfg, lang or info.lang, exclude=[info.name])

    def factory() -> Any:
        return make()

    # the harness reports the factory's name as the model's
    factory.__name__ = str(cfg.get("name") or (config.stem if config else "default"))

    bar = Progress(progress, unit="folds")
    result = evaluate(
        dataset,
        factory,
        protocol=protocol.value if protocol is not None else None,
        max_folds=max_folds,
        progress=bar.message if progress else None,
    )
    typer.echo(result.format_table())
    if json_out is not None:
        doc = json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=json_default)
        write_text_file(json_out, doc + "\n")


def _loco(
    dataset: str | None,
    config: Path | None,
    lang: str | None,
    json_out: Path | None,
    progress: bool,
    baseline: bool,
    jobs: int = 1,
) -> None:
    """``--protocol leave-one-corpus-out``."""
    from sentikit.errors import InputError
    from sentikit.evaluation.crosscorpus import evaluate_loco, format_loco
    from sentikit.models import registry

    if config is None and lang is None:
        raise InputError("leave-one-corpus-out needs --lang (tr or en) or --config")
    cfg = registry.load_config(config) if config is not None else registry.default_config(str(lang))
    lang = lang or cfg.get("lang")
    bar = Progress(progress, unit="corpora")
    results = evaluate_loco(
        cfg,
        lang,
        only=[dataset] if dataset else None,
        baseline=baseline,
        progress=bar.message if progress else None,
        jobs=jobs,
    )
    typer.echo(format_loco(results))
    if json_out is not None:
        doc = {
            "protocol": "leave-one-corpus-out",
            "lang": lang,
            "config": cfg,
            "results": [r.to_dict() for r in results],
        }
        write_text_file(
            json_out,
            json.dumps(doc, indent=2, ensure_ascii=False, default=json_default) + "\n",
        )
