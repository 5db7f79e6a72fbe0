"""Aspect-based sentiment: what a text talks about, and how it feels about each.

- :mod:`sentikit.aspects.base` — the :class:`AspectModel` protocol every language's model
  satisfies, BIO span coding;
- :mod:`sentikit.aspects.crf` — aspect term extraction, a linear-chain CRF (python-crfsuite,
  extra ``aspects``) over :mod:`sentikit.aspects.features` with word clusters
  (:mod:`sentikit.aspects.clusters`);
- :mod:`sentikit.aspects.polarity` — the polarity of a term in its context;
- :mod:`sentikit.aspects.categories` — sentence-level categories and their polarity;
- :mod:`sentikit.aspects.en` — the English model that combines them (shipped in
  ``sentikit/resources/aspects/en/``);
- :mod:`sentikit.aspects.tr` — the Turkish model (SemEval-2016 restaurants: targets,
  categories, polarity; shipped in ``sentikit/resources/aspects/tr/``, :func:`load_tr`).

:func:`load_aspect_model` gives the shipped model of a language or a model folder.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from sentikit.aspects.base import AspectModel
from sentikit.errors import InputError, ResourceMissingError
from sentikit.paths import RESOURCES_DIR

__all__ = ["AspectModel", "SHIPPED", "load_aspect_model"]

#: The folder of the shipped aspect models (one sub-folder per language).
SHIPPED = RESOURCES_DIR / "aspects"


@lru_cache(maxsize=4)
def _load(path: Path) -> AspectModel:
    import json

    from sentikit.aspects.en import EnglishAspects

    try:
        lang = json.loads((path / "aspects.json").read_text(encoding="utf-8")).get("lang")
    except (OSError, ValueError):
        lang = None
    if lang == "en":
        return EnglishAspects.load(path)
    raise InputError(f"{str(path)!r} is not an aspect model folder (no English aspects.json)")


def load_aspect_model(lang_or_path: str | os.PathLike[str] = "en") -> AspectModel:
    """The shipped aspect model of a language (``"en"``) or a model folder (cached).

    Raises
    ------
    ResourceMissingError
        No model of this interface ships for that language (Turkish: see
        :func:`sentikit.aspects.tr.load_tr`).
    InputError
        The folder is not an aspect model.
    """
    key = os.fspath(lang_or_path)
    if key in ("en", "tr"):
        path = SHIPPED / key
        if not (path / "aspects.json").exists():
            raise ResourceMissingError(f"no aspect model ships for {key!r} yet")
        return _load(path)
    return _load(Path(key).resolve())
