"""Resolve the auxiliary data a model declares, once, and build initialized estimators.

A model lists the data it learns from besides its training texts as
:class:`~sentikit.components.DataRef` s (labelled corpora, unlabelled texts, lexicons, each
named by a catalogue name, ``name:split`` or a file path). :func:`resolve` turns them into
:class:`~sentikit.components.Resources`; :func:`build_estimator` does the whole step for a
configuration: build the estimator, remove the corpora under evaluation (``exclude``) from
its settings, resolve what is left and ``initialize`` the estimator with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from sentikit.components import (
    ContentCache,
    Corpus,
    DataConsumer,
    DataRef,
    Lexicon,
    ModelData,
    Resolved,
    Resources,
)
from sentikit.errors import InputError
from sentikit.models.registry import estimator_from_config
from sentikit.paths import resolve_resource

#: Loaded model priors by (folder, model.json mtime and size): a fitted model is only read, never
#: changed, so folds and repeated builds share it.
_MODELS: ContentCache[tuple[dict[str, Any], Any]] = ContentCache(size=2)

#: Corpora that share texts: the English movie sentences are the source of SST's sentences.
OVERLAPPING = {
    "sst-ptb-trees": {"english-movie-sentences-rt-polarity"},
    "english-movie-sentences-rt-polarity": {"sst-ptb-trees"},
}


def canonical(name: str) -> str:
    """A corpus's identity: the dataset name behind an alias or split, or a file's full path."""
    from sentikit.io.datasets import ALIASES, DATASETS

    base = name.partition(":")[0]
    if base in ALIASES:
        return ALIASES[base][0]
    if base not in DATASETS and Path(name).is_file():
        return str(Path(name).resolve())
    return base


def banned_by(exclude: Sequence[str]) -> Callable[[str], bool]:
    """A predicate telling whether a corpus spec is, or shares texts with, one of ``exclude``
    (the corpora under evaluation)."""
    banned: set[str] = set()
    for name in exclude:
        c = canonical(name)
        banned |= {c} | OVERLAPPING.get(c, set())
    return lambda spec: canonical(spec) in banned


def read_lexicon(spec: str) -> dict[str, float]:
    """Term scores of a lexicon: a TSV file (``term<TAB>score…``; shipped lexicons such as
    ``lexicons/tr-movie.tsv`` are found from any working directory) or a gold lexicon of the
    catalogue by name."""
    path = resolve_resource(spec)
    scores: dict[str, float] = {}
    if path.suffix in (".tsv", ".txt") or path.exists():
        if not path.exists():
            raise InputError(f"lexicon file not found: {spec}")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2 or parts[0] in ("term", "") or line.startswith("#"):
                    continue
                try:
                    scores[parts[0]] = float(parts[1])
                except ValueError:
                    continue
        return scores
    from sentikit.io.lexicons import load_lexicon_dataset

    return {k: float(v) for k, v in load_lexicon_dataset(spec).scores().items()}


def read_model(spec: str, lang: str | None) -> ModelData:
    """A trained model: ``"shipped"`` (the shipped bundle of ``lang``), ``"shipped:LANG"``, or a
    bundle folder."""
    from sentikit.models.registry import load_model, shipped_model_dir

    head, _, code = spec.partition(":")
    if head == "shipped":
        code = code or lang or ""
        if not code:
            raise InputError("the shipped model prior needs a language")
        folder = shipped_model_dir(code)
    else:
        folder = Path(spec)
    stamp = (folder / "model.json").stat()
    key = (str(folder.resolve()), stamp.st_mtime_ns, stamp.st_size)
    info, model = _MODELS.get(key, lambda: load_model(folder))
    identity = f"{info.get('name')}\t{info.get('version')}\t"
    identity += str((info.get("training_data") or {}).get("sha256"))
    return ModelData(spec, model, hashlib.sha256(identity.encode()).hexdigest())


def _resolve_one(ref: DataRef, lang: str | None = None) -> Resolved:
    from sentikit.io.datasets import iter_texts, load_labelled

    if ref.kind == "labelled":
        texts, labels = load_labelled(ref.spec)
        return Corpus.of(ref.spec, texts, labels)
    if ref.kind == "texts":
        name, _, split = ref.spec.partition(":")
        return Corpus.of(ref.spec, list(iter_texts(name, split or None)))
    if ref.kind == "lexicon":
        return Lexicon.of(ref.spec, read_lexicon(ref.spec))
    if ref.kind == "model":
        return read_model(ref.spec, lang)
    raise InputError(f"unknown kind of data {ref.kind!r} for {ref.spec!r}")


def resolve(refs: Iterable[DataRef], lang: str | None = None) -> Resources:
    """Load every referenced corpus, lexicon and model (each once); ``lang`` is the language
    of the model being built (the shipped prior's)."""
    return Resources({ref: _resolve_one(ref, lang) for ref in dict.fromkeys(refs)})


def _initialized(est: Any, resources: Resources | None) -> Any:
    if resources is not None and isinstance(est, DataConsumer):
        est.initialize(resources)
    return est


def build_estimator(
    config: dict[str, Any], lang: str | None = None, exclude: Sequence[str] = ()
) -> Any:
    """A fresh estimator for ``config``, initialized with its auxiliary data.

    ``exclude`` names corpora under evaluation: auxiliary corpora of the configuration that
    are (or overlap) one of them are removed before anything is loaded, so an evaluation never
    trains on its own test texts.
    """
    return model_factory(config, lang, exclude)()


def model_factory(
    config: dict[str, Any], lang: str | None = None, exclude: Sequence[str] = ()
) -> Callable[[], Any]:
    """A zero-argument factory of fresh, initialized estimators (for the evaluation harness):
    the auxiliary data is resolved once and shared by every estimator it makes."""
    banned = banned_by(exclude) if exclude else None
    probe = estimator_from_config(config, lang, banned)
    code = lang or config.get("lang")
    needs = probe.data_needs() if isinstance(probe, DataConsumer) else None
    resources = resolve(needs, code) if needs is not None else None
    return lambda: _initialized(estimator_from_config(config, lang, banned), resources)
