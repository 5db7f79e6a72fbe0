"""Model bundles: a folder with ``model.json``, ``arrays.npz`` and ``vocab.json.gz``.

No pickle: ``model.json`` and the vocabularies are JSON, arrays are loaded with
``allow_pickle=False``, so loading a bundle never executes code from the file.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sentikit.errors import BundleError, ResourceMissingError

FORMAT = "sentikit-bundle"
FORMAT_VERSION = 1


LARGE_KEYS = ("vocabulary", "units")
"""Keys of a family's state that are moved from ``model.json`` to ``vocab.json.gz``."""


#: Lists or mappings longer than this (strings: 16 times longer) in a family's state
#: (vocabularies, word tables, also inside nested mappings such as an ``aux`` model) are moved to
#: ``vocab.json.gz`` too.
LARGE_LEN = 256


def _move_large(state: dict[str, Any], prefix: str, out: dict[str, Any]) -> None:
    for key in list(state):
        value = state[key]
        if isinstance(value, dict) and len(value) <= LARGE_LEN and key not in LARGE_KEYS:
            _move_large(value, f"{prefix}.{key}", out)
        elif (
            key in LARGE_KEYS
            or (isinstance(value, list | dict) and len(value) > LARGE_LEN)
            or (isinstance(value, str) and len(value) > 16 * LARGE_LEN)
        ):
            out[f"{prefix}.{key}"] = state.pop(key)


def _vocab_keys(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, fam in enumerate(meta.get("families", [])):
        _move_large(fam, f"family{k}", out)
    return out


def _restore_large(families: list[dict[str, Any]], vocabs: dict[str, Any]) -> None:
    for path, value in vocabs.items():
        head, _, rest = path.partition(".")
        if not rest:  # format 1: "familyK" (vocabulary) and "familyK_units"
            name, _, key = head.partition("_")
            key = key or "vocabulary"
            rest = key
            head = name
        k = int(head.removeprefix("family"))
        target = families[k]
        *parents, key = rest.split(".")
        for part in parents:
            target = target[part]
        target[key] = value


def save_bundle(
    path: str | Path,
    info: dict[str, Any],
    model_meta: dict[str, Any],
    arrays: dict[str, NDArray[Any]],
) -> Path:
    """Write a bundle folder.

    Parameters
    ----------
    path : the folder (created if needed).
    info : name, version, lang, config, training data description, metrics …
    model_meta : the model's JSON-able state; each family's vocabularies and other long lists or
        mappings (also inside a nested ``aux`` model) are moved to ``vocab.json.gz``.
    arrays : numeric state, saved in ``arrays.npz``.
    """
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    meta = json.loads(json.dumps(model_meta))
    vocabs = _vocab_keys(meta)
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, **info, "model": meta}
    (out / "model.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    raw = json.dumps(vocabs, ensure_ascii=False).encode("utf-8")
    with (
        open(out / "vocab.json.gz", "wb") as fh,
        gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, compresslevel=9) as gz,
    ):
        gz.write(raw)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
    (out / "arrays.npz").write_bytes(buf.getvalue())
    return out


def read_bundle_info(path: str | Path) -> dict[str, Any]:
    """``model.json`` of a bundle, validated for format and version."""
    p = Path(path) / "model.json"
    if not p.is_file():
        raise ResourceMissingError(f"no model bundle at {Path(path)} (model.json missing)")
    try:
        info = json.loads(p.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BundleError(f"{p}: not valid JSON ({exc})") from exc
    if info.get("format") != FORMAT:
        raise BundleError(f"{p}: not a sentikit bundle")
    if int(info.get("format_version", 0)) > FORMAT_VERSION:
        raise BundleError(
            f"{p}: bundle format {info.get('format_version')} is newer than this sentikit "
            f"supports ({FORMAT_VERSION}); upgrade sentikit"
        )
    return dict(info)


def load_bundle(path: str | Path) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
    """Read a bundle: ``(info with model meta incl. vocabularies, arrays)``."""
    folder = Path(path)
    info = read_bundle_info(folder)
    try:
        with gzip.open(folder / "vocab.json.gz", "rt", encoding="utf-8") as fh:
            vocabs = json.load(fh)
        with np.load(folder / "arrays.npz", allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except (OSError, ValueError) as exc:
        raise BundleError(f"{folder}: damaged bundle ({exc})") from exc
    try:
        _restore_large(info["model"].get("families", []), vocabs)
    except (KeyError, IndexError, ValueError, TypeError) as exc:
        raise BundleError(f"{folder}: damaged bundle (vocab.json.gz: {exc})") from exc
    return info, arrays


def sha256_texts(texts: list[str], labels: list[str]) -> str:
    """A stable digest of training data (texts and labels), recorded in ``model.json``."""
    h = hashlib.sha256()
    for t, y in zip(texts, labels, strict=True):
        h.update(t.encode("utf-8"))
        h.update(b"\x1f")
        h.update(y.encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()
