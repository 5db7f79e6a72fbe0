"""Where sentikit finds benchmark data and its own shipped resources."""

from __future__ import annotations

import os
from pathlib import Path

from sentikit.errors import ResourceMissingError

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
REPO_DIR = PACKAGE_DIR.parent


def resolve_resource(path: str | Path) -> Path:
    """A resource path (a lexicon, a pretrained embedding): as given when it exists or is
    absolute, else inside the package's resources (the shipped lexicons: ``lexicons/…`` is
    ``sentikit/resources/lexicons/…``), else relative to the source tree's root."""
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    for base in (RESOURCES_DIR, REPO_DIR):
        if (base / p).exists():
            return base / p
    return p


def data_root(required: bool = True) -> Path | None:
    """The benchmark data folder: ``$SENTIKIT_DATA``, else ``../shared/datasets``.

    ``../shared/datasets`` is looked for beside the current directory and beside the source
    checkout. Raises :class:`ResourceMissingError` when ``required`` and none exists.
    """
    env = os.environ.get("SENTIKIT_DATA")
    candidates = [Path(env)] if env else []
    candidates += [
        Path.cwd().parent / "shared" / "datasets",
        REPO_DIR.parent / "shared" / "datasets",
        Path.cwd() / "shared" / "datasets",
    ]
    for c in candidates:
        if c.is_dir():
            return c
    if required:
        raise ResourceMissingError(
            "benchmark data not found: set SENTIKIT_DATA to the datasets folder "
            "(expected ../shared/datasets)"
        )
    return None


def dataset_dir(name: str) -> Path:
    """The folder of one dataset of ``MANIFEST.md`` (raises if absent)."""
    root = data_root()
    assert root is not None
    path = root / name
    if not path.is_dir():
        raise ResourceMissingError(f"dataset {name!r} not found under {root}")
    return path
