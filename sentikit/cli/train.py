"""``sentikit train``: train a model bundle from a configuration and labelled data."""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from sentikit.cli._util import (
    CorpusLang,
    LabelColOption,
    RawLabelsOption,
    StepBar,
    TextColOption,
    note,
)
from sentikit.errors import InputError
from sentikit.io.bundle import sha256_texts
from sentikit.io.records import read_labelled_file
from sentikit.training.bundle import train_bundle

log = logging.getLogger("sentikit.cli")

#: Texts looked at to detect the language of a training file when --lang is not given.
LANG_SAMPLE = 500


def _detect_lang(texts: list[str]) -> str:
    from sentikit.lang.detect import detect_many

    votes = Counter(detect_many(texts[:LANG_SAMPLE]))
    known = Counter({k: v for k, v in votes.items() if k != "und"})  # "und": no Latin words
    lang = (known or votes).most_common(1)[0][0]
    log.info("detected language %s (%s)", lang, dict(votes))
    return lang


@dataclass
class Source:
    """One source of training rows: a user file or a benchmark corpus."""

    name: str
    kind: str
    split: str | None
    texts: list[str]
    labels: list[str]
    lang: str | None = None

    def counts(self) -> dict[str, int]:
        """Texts per label."""
        return dict(sorted(Counter(self.labels).items()))

    def record(self) -> dict[str, Any]:
        """What ``model.json`` records of the source (``training_data.sources``)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "split": self.split,
            "n": len(self.texts),
            "label_counts": self.counts(),
            "sha256": sha256_texts(self.texts, self.labels),
        }


def _read_source(
    spec: str,
    split: str | None,
    text_col: str,
    label_col: str,
    raw_labels: bool,
    corpus: bool = False,
) -> Source:
    """A labelled file or a catalogue corpus (``NAME`` or ``NAME:SPLIT``) as a source."""
    path = Path(spec)
    if not corpus and path.is_file():
        texts, labels = read_labelled_file(path, text_col, label_col, raw_labels=raw_labels)
        return Source(str(path), "file", None, texts, labels)
    from sentikit.io.datasets import ALIASES, DATASETS, dataset_info, load_dataset

    dname, _, dsplit = spec.partition(":")
    if dname not in DATASETS and dname not in ALIASES:
        what = "--with-corpus" if corpus else "--data"
        raise InputError(f"{what} {spec!r} is neither a file nor a known dataset")
    info = dataset_info(dname)
    split = dsplit or split
    if split is None and "official" in info.protocols:
        split = info.train_split
    examples = [e for e in load_dataset(dname, split=split) if e.label not in (None, "mixed")]
    if not examples:
        raise InputError(f"dataset {spec!r} has no labelled examples in that split")
    texts, labels = [e.text for e in examples], [str(e.label) for e in examples]
    return Source(dname, "dataset", split, texts, labels, info.lang)


def _loco_metrics(r: dict[str, Any]) -> dict[str, Any]:
    """The headline of a leave-one-corpus-out result: macro-F1 per left-out corpus (sentikit
    and the TF-IDF + LR baseline) and the mean gain over the pool corpora."""
    per: dict[str, Any] = {}
    gains = []
    for c in r["results"]:
        s, b = c["scores"]["sentikit"], c["scores"].get("tfidf_lr")
        per[c["corpus"]] = {"macro_f1": s["macro_f1"], "n": c["n_test"]}
        if b is not None:
            per[c["corpus"]]["baseline_macro_f1"] = b["macro_f1"]
            if not c["evaluation_only"]:
                gains.append(s["macro_f1"] - b["macro_f1"])
    out: dict[str, Any] = {"corpora": per}
    if gains:
        out["mean_gain_macro_f1"] = sum(gains) / len(gains)
    return out


def _read_metrics(paths: list[Path]) -> dict[str, Any]:
    """Evaluation results to record in ``model.json``, keyed by dataset name."""
    out: dict[str, Any] = {}
    for p in paths:
        try:
            r = json.loads(p.read_text(encoding="utf-8"))
            if isinstance(r, dict) and r.get("protocol") == "leave-one-corpus-out":
                out["leave-one-corpus-out"] = _loco_metrics(r) | {"source": p.name}
                continue
            key = f"{r['dataset']}:{r['protocol']}"
            out[key] = {
                k: r[k] for k in ("accuracy", "accuracy_std", "macro_f1", "n") if k in r
            } | {"source": p.name}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"--metrics {p}: not an evaluation JSON ({exc})") from exc
    return out


def train_command(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The bundle folder to write.", show_default=False),
    ],
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="Model configuration (JSON or TOML); default with --data: the user "
            "configuration of the language (n-grams on your rows + the shipped model as a "
            "prior, no benchmark corpora); without --data: the shipped one.",
            show_default=False,
        ),
    ] = None,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            help="A dataset name of MANIFEST.md, or a CSV/TSV/JSONL/JSON file with text and "
            "label columns; default: the training data the configuration names.",
            show_default=False,
        ),
    ] = None,
    with_corpus: Annotated[
        list[str] | None,
        typer.Option(
            "--with-corpus",
            help="Also train on a benchmark corpus of MANIFEST.md (NAME or NAME:SPLIT); "
            "repeatable. Nothing joins unless named.",
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="The bundle's name (default: the --config's name, else the output folder's name).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        str | None,
        typer.Option(
            "--version",
            help="The bundle's version (default: the --config's version, else 1.0.0).",
            show_default=False,
        ),
    ] = None,
    split: Annotated[
        str | None,
        typer.Option(
            "--split",
            help="Dataset split (default: the train split where the corpus has one, else all).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        CorpusLang | None,
        typer.Option(
            "--lang",
            "-l",
            help="Language (default: the dataset's, the configuration's, or detected).",
            show_default=False,
        ),
    ] = None,
    text_col: TextColOption = "text",
    label_col: LabelColOption = "label",
    raw_labels: RawLabelsOption = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace a non-empty output folder.")
    ] = False,
    metrics: Annotated[
        list[Path] | None,
        typer.Option(
            "--metrics",
            help="An evaluation JSON ('sentikit evaluate --json') to record in model.json; "
            "repeatable.",
        ),
    ] = None,
) -> None:
    """Train a model bundle (a folder usable with 'sentikit analyze --model DIR').

    Example: sentikit train --data reviews.csv --text-col review --lang tr --output my-model
    """
    from sentikit.models import registry

    if output.exists() and (not output.is_dir() or any(output.iterdir())) and not overwrite:
        raise InputError(
            f"output {str(output)!r} exists and is not an empty folder; pass --overwrite"
        )
    lang_s = lang.value if lang is not None else None
    sources: list[Source] = []
    if data is not None:
        src = _read_source(data, split, text_col, label_col, raw_labels)
        lang_s = lang_s or src.lang
        sources.append(src)
    for spec in with_corpus or []:
        sources.append(_read_source(spec, None, text_col, label_col, raw_labels, corpus=True))
    cfg = None
    if config is not None:
        cfg = registry.load_config(config)
        lang_s = lang_s or cfg.get("lang")
        name = name or cfg.get("name")
        version = version or cfg.get("version")
    texts = [t for src in sources for t in src.texts] if sources else None
    labels = [y for src in sources for y in src.labels] if sources else None
    if lang_s is None and texts is not None:
        lang_s = _detect_lang(texts)
    if cfg is None:
        if lang_s is None:
            raise InputError("give --config, or --lang for the default configuration")
        cfg = registry.default_config(f"{lang_s}-user" if sources else lang_s)
    cfg = {**cfg, "name": name or output.resolve().name, "version": version or "1.0.0"}
    if texts is not None and labels is not None:
        for src in sources:
            note("source %s: %d texts %s", src.name, len(src.texts), src.counts())
        counts = dict(sorted(Counter(labels).items()))
        note("training on %d texts %s (lang %s)", len(texts), counts, lang_s)
    else:
        note("training on the data named by the configuration (lang %s)", lang_s)
    recorded = _read_metrics(metrics or [])
    with StepBar() as steps:
        out = train_bundle(
            cfg,
            texts,
            labels,
            lang_s,
            output,
            metrics=recorded,
            trained_on=[src.name for src in sources] if sources else None,
            sources=[src.record() for src in sources] if sources else None,
            progress=steps,
        )
    typer.echo(str(out))
