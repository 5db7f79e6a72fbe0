"""``sentikit evaluate``: score a model on labelled data, or a model configuration on a
benchmark corpus or a labelled file.

- ``--model DIR|NAME --data FILE`` (or ``--dataset CORPUS``): a trained bundle scored as it is
  on a labelled file (or on the corpus's test split, all of it when it has none);
- ``--data FILE [--config C | --lang L] --protocol holdout|cv10``: a configuration
  cross-validated on a labelled file;
- ``--dataset CORPUS [--protocol official|cv10]``: a configuration on a benchmark corpus;
- ``--protocol leave-one-corpus-out --lang L``: train on all corpora of the pool but one.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sentikit.cli._util import (
    NOTE,
    LabelColOption,
    RawLabelsOption,
    StepBar,
    TextColOption,
    note,
    write_text_file,
)
from sentikit.errors import InputError
from sentikit.io.records import json_default

if TYPE_CHECKING:
    from sentikit.evaluation.runner import EvalResult
    from sentikit.evaluation.userdata import EvalData


class Protocol(StrEnum):
    """``--protocol`` values."""

    official = "official"
    cv10 = "cv10"
    holdout = "holdout"
    loco = "leave-one-corpus-out"


def evaluate_command(
    dataset: Annotated[
        str | None,
        typer.Option(
            "--dataset",
            "-d",
            help="A corpus of MANIFEST.md (e.g. turkish-movie-reviews) or an alias (sst2, sst5, "
            "sst3); with --protocol leave-one-corpus-out, only that left-out corpus; with "
            "--model, the bundle is scored on its test split (all of it when it has none).",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            help="A trained model bundle to score as it is (no retraining): a folder of "
            "'sentikit train', or a shipped model's language (tr, en) or name; with --data "
            "FILE or --dataset CORPUS.",
            show_default=False,
        ),
    ] = None,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            help="A labelled CSV/TSV/JSONL/JSON file (text and label columns): scored by "
            "--model, or, without --model, used to cross-validate the configuration "
            "(--protocol holdout or cv10).",
            show_default=False,
        ),
    ] = None,
    protocol: Annotated[
        Protocol | None,
        typer.Option(
            "--protocol",
            "-p",
            help="official (train/test split), cv10 (stratified 10-fold CV), holdout (--data "
            "only: one seeded stratified 80/20 split; the default there), or "
            "leave-one-corpus-out (train on all corpora of the configuration's pool but one, "
            "test on that one; needs --lang or --config); default: the corpus's own.",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="Model configuration (JSON or TOML); default: the shipped one of the "
            "corpus's language (with --data: of --lang, its LANG-user configuration where "
            "there is one).",
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
        bool,
        typer.Option(
            "--progress",
            help="Log each fold (or chunk scored) on stderr, as -v does; the progress bar is "
            "shown whenever stderr is a terminal.",
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            "-l",
            help="Language (tr or en) of the leave-one-corpus-out protocol, or of the "
            "configuration cross-validated on --data (default: the configuration's, or "
            "detected from the texts).",
            show_default=False,
        ),
    ] = None,
    text_col: TextColOption = "text",
    label_col: LabelColOption = "label",
    raw_labels: RawLabelsOption = False,
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
    """Evaluate a trained model or a model configuration; prints a table (per fold, mean,
    calibration, per class).

    A bundle scored on data it was trained on says so: a warning, and
    "trained_on_test_data": true in --json. A three-class bundle scored on positive/negative
    data is scored on the binary view (the more probable of the two, as --labels binary).

    \b
    Examples:
      sentikit evaluate --model my-model/ --data store_test.csv --json result.json
      sentikit evaluate --model tr --dataset turkish-twitter-sentiment
      sentikit evaluate --data mine.csv --lang tr --protocol cv10
      sentikit evaluate --dataset turkish-twitter-sentiment --json result.json
    """
    data, dataset = _data_or_dataset(data, dataset)
    if lang is not None and lang not in ("tr", "en"):
        raise InputError(f"--lang must be tr or en, not {lang!r}")
    if protocol is Protocol.loco:
        if model is not None or data is not None:
            raise InputError("leave-one-corpus-out trains on the corpora: no --model or --data")
        _loco(dataset, config, lang, json_out, progress, not no_baseline, jobs)
        return
    with StepBar(NOTE if progress else logging.INFO) as report:
        if model is not None:
            result = _bundle(
                model, data, dataset, protocol, config, (text_col, label_col, raw_labels), report
            )
        elif data is not None:
            if protocol not in (None, Protocol.holdout, Protocol.cv10):
                raise InputError(f"--data takes --protocol holdout or cv10, not {protocol.value}")
            ev = _file(data, text_col, label_col, raw_labels)
            result = _configuration_on_file(ev, config, lang, protocol, max_folds, report)
        else:
            result = _corpus(dataset, protocol, config, lang, max_folds, report)
    typer.echo(result.format_table())
    if json_out is not None:
        doc = json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=json_default)
        write_text_file(json_out, doc + "\n")


def _data_or_dataset(data: str | None, dataset: str | None) -> tuple[str | None, str | None]:
    """``(data, dataset)`` with a file given as ``--dataset`` read as ``--data`` and a corpus
    name given as ``--data`` read as ``--dataset`` (as ``sentikit train --data`` takes both).

    Raises
    ------
    InputError
        When both are given, or ``--data`` is neither a file nor a corpus name.
    """
    from sentikit.io.datasets import ALIASES, DATASETS

    if data is not None and dataset is not None:
        raise InputError("give --data FILE or --dataset CORPUS, not both")
    known = dataset is not None and (dataset in DATASETS or dataset in ALIASES)
    if dataset is not None and not known and Path(dataset).is_file():
        note("--dataset %s is a file: reading it as --data", dataset)
        return dataset, None
    if data is not None and not Path(data).is_file():
        if data.partition(":")[0] in DATASETS or data in ALIASES:
            return None, data
        raise InputError(f"--data {data!r}: no such file (nor a corpus of MANIFEST.md)")
    return data, dataset


def _file(data: str, text_col: str, label_col: str, raw_labels: bool) -> EvalData:
    from sentikit.evaluation.userdata import file_data

    ev = file_data(data, text_col, label_col, raw_labels)
    counts = dict(sorted(Counter(ev.labels).items()))
    note("evaluating on %d labelled texts of %s %s", len(ev.examples), data, counts)
    return ev


def _bundle(
    model: str,
    data: str | None,
    dataset: str | None,
    protocol: Protocol | None,
    config: Path | None,
    columns: tuple[str, str, bool],
    progress: Any,
) -> EvalResult:
    """``--model``: the bundle scored on ``--data`` or on ``--dataset``'s test split."""
    from sentikit.evaluation.userdata import corpus_data, evaluate_bundle
    from sentikit.pipeline.analyzer import model_folder

    if config is not None:
        raise InputError(
            "--model scores a trained bundle and --config trains a configuration: give one"
        )
    if protocol not in (None, Protocol.official):
        raise InputError(
            f"--protocol {protocol.value} trains the configuration fold by fold; a --model is "
            "scored as it is, on all of --data or on the corpus's test split"
        )
    folder = model_folder(model)  # a missing bundle fails before any data is read
    if data is not None:
        ev = _file(data, *columns)
    elif dataset is not None:
        ev = corpus_data(dataset)
        split = ev.record["split"]
        note("evaluating on %s (split %s, %d texts)", ev.record["name"], split, len(ev.examples))
    else:
        raise InputError("--model needs the data to score: --data FILE or --dataset CORPUS")
    return evaluate_bundle(folder, ev, progress=progress)


def _configuration_on_file(
    ev: EvalData,
    config: Path | None,
    lang: str | None,
    protocol: Protocol | None,
    max_folds: int | None,
    progress: Any,
) -> EvalResult:
    """``--data`` without ``--model``: the configuration cross-validated on the file."""
    from sentikit.evaluation.userdata import evaluate_config, majority_language
    from sentikit.models import registry

    cfg = registry.load_config(config) if config is not None else None
    lang = lang or (cfg.get("lang") if cfg is not None else None)
    if lang is None:
        lang = majority_language(ev.texts)
        if lang is None:
            raise InputError("cannot tell the language of the texts: give --lang tr or en")
        note("detected language %s", lang)
    if cfg is None:
        cfg = _user_config(lang)
    name = str(cfg.get("name") or (config.stem if config else "default"))
    return evaluate_config(
        cfg,
        lang,
        ev,
        protocol=protocol.value if protocol is not None else None,
        max_folds=max_folds,
        progress=progress,
        name=name,
    )


def _user_config(lang: str) -> dict[str, Any]:
    """The configuration a user's file is trained with by default: the shipped
    ``LANG-user`` configuration where there is one (it needs no benchmark corpus), else the
    shipped default of ``lang``."""
    from sentikit.models import registry

    user = registry.CONFIG_DIR / f"{lang}-user.json"
    if user.is_file():
        return registry.load_config(user)
    return registry.default_config(lang)


def _corpus(
    dataset: str | None,
    protocol: Protocol | None,
    config: Path | None,
    lang: str | None,
    max_folds: int | None,
    progress: Any,
) -> EvalResult:
    """``--dataset`` without ``--model``: the configuration on a benchmark corpus."""
    from sentikit.evaluation.runner import evaluate
    from sentikit.io.datasets import dataset_info
    from sentikit.models import registry
    from sentikit.training.resources import model_factory

    if dataset is None:
        raise InputError(
            "give --dataset CORPUS, --data FILE, --model M with either, or --protocol "
            "leave-one-corpus-out --lang L"
        )
    if protocol is Protocol.holdout:
        raise InputError("--protocol holdout is for --data files; a corpus takes official or cv10")
    info = dataset_info(dataset)  # InputError listing the known names
    cfg = registry.load_config(config) if config is not None else registry.default_config(info.lang)
    make = model_factory(cfg, lang or info.lang, exclude=[info.name])

    def factory() -> Any:
        return make()

    # the harness reports the factory's name as the model's
    factory.__name__ = str(cfg.get("name") or (config.stem if config else "default"))
    return evaluate(
        dataset,
        factory,
        protocol=protocol.value if protocol is not None else None,
        max_folds=max_folds,
        progress=progress,
    )


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
    from sentikit.evaluation.crosscorpus import evaluate_loco, format_loco
    from sentikit.models import registry

    if config is None and lang is None:
        raise InputError("leave-one-corpus-out needs --lang (tr or en) or --config")
    cfg = registry.load_config(config) if config is not None else registry.default_config(str(lang))
    lang = lang or cfg.get("lang")
    with StepBar(NOTE if progress else logging.INFO) as report:
        results = evaluate_loco(
            cfg,
            lang,
            only=[dataset] if dataset else None,
            baseline=baseline,
            progress=report,
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
