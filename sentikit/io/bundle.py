"""Model bundles: a folder with ``model.json``, ``arrays.npz`` and ``vocab.json.gz``.

No pickle: ``model.json`` and the vocabularies are JSON, arrays are loaded with
``allow_pickle=False``, so loading a bundle never executes code from the file.

Integrity. :func:`save_bundle` records in ``model.json`` the range of sentikit versions that can
read the bundle (``sentikit_version``, e.g. ``">=0.1,<1.0"``) and a ``manifest`` of its data
files (the version range, the manifest and its checks are in :mod:`sentikit.io.bundle_integrity`,
whose public names are importable from here too)::

    "manifest": {
      "files": {"arrays.npz": {"bytes": 3806719, "sha256": "…"},
                "vocab.json.gz": {"bytes": 352466, "sha256": "…"}},
      "arrays": {"family0_coef": {"dtype": "<f4", "shape": [1, 268784]}, …}
    }

:func:`load_bundle` checks the format and version first (an incompatible bundle raises
:class:`~sentikit.errors.BundleVersionError`), then that every file is there and readable, that
the arrays have the recorded names, shapes and dtypes, and that each data file has the recorded
sha256; any failure raises one :class:`~sentikit.errors.BundleDamagedError` ("model bundle X is
damaged: …") naming the file and what is wrong. A bundle saved before manifests existed still
loads (its arrays are only checked against the model by
:func:`sentikit.models.registry.load_model`), with a warning once per folder that names the
command adding a manifest to it without retraining::

    python -m sentikit.io.bundle --stamp DIR       # add or renew the manifest
    python -m sentikit.io.bundle --check DIR       # verify a bundle's files
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sentikit._version import __version__
from sentikit.errors import (
    BundleError,
    BundleVersionError,
    ResourceMissingError,
    SentikitError,
)
from sentikit.io.bundle_integrity import (
    ARRAYS_FILE,
    DATA_FILES,
    MANIFEST_KEY,
    MODEL_FILE,
    VOCAB_FILE,
    check_arrays,
    check_file_hashes,
    check_manifest,
    compatible_range,
    damaged,
    make_manifest,
    read_arrays,
    read_data_file,
    read_vocabs,
    version_in_range,
)

_log = logging.getLogger(__name__)

FORMAT = "sentikit-bundle"
FORMAT_VERSION = 1

REQUIRED_KEYS = ("format", "lang", "model")
"""Top-level keys every ``model.json`` has (``format_version`` defaults to 1 in old bundles)."""


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
            isinstance(value, list)
            and 0 < len(value) <= LARGE_LEN
            and all(isinstance(v, dict) for v in value)
        ):  # a nested model's families (a model prior): each one's large parts too
            for i, item in enumerate(value):
                _move_large(item, f"{prefix}.{key}.{i}", out)
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
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[key] = value


def _gzip_json(obj: Any) -> bytes:
    """``obj`` as gzipped UTF-8 JSON, byte-for-byte reproducible (no timestamp)."""
    raw = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buf.getvalue()


def _dump_model_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _with_manifest(doc: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with ``manifest`` placed just before ``model`` (the long state stays last)."""
    out = {k: v for k, v in doc.items() if k not in (MANIFEST_KEY, "model")}
    out[MANIFEST_KEY] = manifest
    if "model" in doc:
        out["model"] = doc["model"]
    return out


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


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
    info : name, version, lang, config, training data description, metrics … A
        ``sentikit_version`` range defaults to :func:`compatible_range` of this sentikit, the
        language to the model's.
    model_meta : the model's JSON-able state; each family's vocabularies and other long lists or
        mappings (also inside a nested ``aux`` model) are moved to ``vocab.json.gz``.
    arrays : numeric state, saved in ``arrays.npz``.

    ``model.json`` gets a ``manifest`` (sha256 and size of ``arrays.npz`` and ``vocab.json.gz``,
    dtype and shape of every array) that :func:`load_bundle` verifies.
    """
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    meta = json.loads(json.dumps(model_meta))
    vocabs = _vocab_keys(meta)
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, **info}
    doc.setdefault("sentikit_version", compatible_range())
    if "lang" not in doc and isinstance(meta.get("lang"), str):
        doc["lang"] = meta["lang"]
    doc.pop(MANIFEST_KEY, None)
    doc["model"] = meta
    vocab_bytes = _gzip_json(vocabs)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
    array_bytes = buf.getvalue()
    manifest = make_manifest({ARRAYS_FILE: array_bytes, VOCAB_FILE: vocab_bytes}, arrays)
    (out / VOCAB_FILE).write_bytes(vocab_bytes)
    (out / ARRAYS_FILE).write_bytes(array_bytes)
    # model.json last: a bundle whose writing was interrupted has no matching manifest
    (out / MODEL_FILE).write_text(_dump_model_json(_with_manifest(doc, manifest)))
    return out


def read_bundle_info(path: str | Path) -> dict[str, Any]:
    """``model.json`` of a bundle, validated for format, version and required keys.

    Raises
    ------
    ResourceMissingError
        When the folder holds no bundle at all.
    BundleVersionError
        When the bundle needs another sentikit version or a newer bundle format.
    BundleDamagedError
        When ``model.json`` is missing beside the other files, not JSON, or lacks a key.
    BundleError
        When ``model.json`` is some other file's (not a sentikit model bundle).
    """
    folder = Path(path)
    p = folder / MODEL_FILE
    if not p.is_file():
        if any((folder / name).exists() for name in DATA_FILES):
            raise damaged(folder, f"{MODEL_FILE} is missing")
        raise ResourceMissingError(f"no model bundle at {folder} ({MODEL_FILE} missing)")
    try:
        info = json.loads(p.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise damaged(folder, f"{MODEL_FILE} is not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise damaged(folder, f"{MODEL_FILE} is not valid JSON ({exc})") from exc
    except OSError as exc:
        raise damaged(folder, f"{MODEL_FILE} cannot be read ({exc.strerror or exc})") from exc
    if not isinstance(info, dict):
        raise damaged(folder, f"{MODEL_FILE} holds a JSON {type(info).__name__}, not an object")
    if "format" in info and info["format"] != FORMAT:
        raise BundleError(
            f"{p}: not a sentikit model bundle (format {info['format']!r}, not {FORMAT!r})"
        )
    fv = info.get("format_version", 1)
    if not isinstance(fv, int) or isinstance(fv, bool):
        raise damaged(folder, f"{MODEL_FILE}: format_version {fv!r} is not an integer")
    if fv > FORMAT_VERSION:
        raise BundleVersionError(
            f"model bundle {folder} has bundle format {fv}, but this sentikit ({__version__}) "
            f"reads formats up to {FORMAT_VERSION}: upgrade sentikit"
        )
    spec = info.get("sentikit_version")
    if spec is not None:
        try:
            ok = version_in_range(__version__, spec if isinstance(spec, str) else "")
        except ValueError as exc:
            raise damaged(
                folder,
                f"{MODEL_FILE}: sentikit_version {spec!r} is not a version range such as "
                "'>=0.1,<1.0'",
            ) from exc
        if not ok:
            raise BundleVersionError(
                f"model bundle {folder} is for sentikit {spec}, not this sentikit "
                f"{__version__}: install a sentikit in that range, or retrain the bundle "
                "with 'sentikit train'"
            )
    missing = [k for k in REQUIRED_KEYS if k not in info]
    if missing:
        keys = ", ".join(repr(k) for k in missing)
        raise damaged(folder, f"{MODEL_FILE} lacks the key{'s' * (len(missing) > 1)} {keys}")
    if not isinstance(info["lang"], str):
        raise damaged(folder, f"{MODEL_FILE}: 'lang' is {info['lang']!r}, not a language code")
    model = info["model"]
    if not isinstance(model, dict):
        raise damaged(folder, f"{MODEL_FILE}: 'model' is not an object")
    if "name" not in model:
        raise damaged(folder, f"{MODEL_FILE}: the model state lacks the key 'name'")
    return dict(info)


_WARNED: set[str] = set()


def load_bundle(path: str | Path) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
    """Read and verify a bundle: ``(info with model meta incl. vocabularies, arrays)``.

    Raises
    ------
    ResourceMissingError
        When ``path`` holds no bundle.
    BundleVersionError
        When the bundle is for another sentikit version or a newer bundle format.
    BundleDamagedError
        When a file is missing or unreadable, or differs from the manifest recorded at
        training (array names, shapes, dtypes; file sizes and sha256): one message naming the
        bundle, the file and what is wrong.
    """
    folder = Path(path)
    info = read_bundle_info(folder)
    manifest = check_manifest(folder, info)
    blobs = {name: read_data_file(folder, name) for name in DATA_FILES}
    arrays = read_arrays(folder, blobs[ARRAYS_FILE], manifest)
    if manifest is not None:
        check_arrays(folder, arrays, manifest["arrays"])
    vocabs = read_vocabs(folder, blobs[VOCAB_FILE], manifest)
    if manifest is not None:
        check_file_hashes(folder, blobs, manifest)
    elif str(folder) not in _WARNED:
        _WARNED.add(str(folder))
        _log.warning(
            "model bundle %s has no integrity manifest (saved by an older sentikit); its files "
            "are not verified. Add one with 'python -m sentikit.io.bundle --stamp %s'",
            folder,
            folder,
        )
    try:
        _restore_large(info["model"].get("families", []), vocabs)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError) as exc:
        why = f"{type(exc).__name__}: {exc}"
        raise damaged(folder, f"{VOCAB_FILE} does not fit {MODEL_FILE} ({why})") from exc
    return info, arrays


def stamp_bundle(path: str | Path, force: bool = False) -> dict[str, Any]:
    """Add (or renew) the manifest of an existing bundle from its files, without retraining.

    The files must be readable (a damaged ``arrays.npz`` or ``vocab.json.gz`` is not stamped),
    and a bundle that already has a manifest must match it unless ``force``. Only ``model.json``
    is rewritten, so the bundle's predictions do not change. Returns the manifest.
    """
    folder = Path(path)
    if not force and MANIFEST_KEY in read_bundle_info(folder):
        load_bundle(folder)  # an existing manifest must match: never bless a damaged file
    raw = (folder / MODEL_FILE).read_text(encoding="utf-8")
    doc = read_bundle_info(folder)
    blobs = {name: read_data_file(folder, name) for name in DATA_FILES}
    arrays = read_arrays(folder, blobs[ARRAYS_FILE], None)
    read_vocabs(folder, blobs[VOCAB_FILE], None)
    manifest = make_manifest(blobs, arrays)
    doc.setdefault("format_version", FORMAT_VERSION)
    text = _dump_model_json(_with_manifest(doc, manifest))
    if text != raw:
        _write_atomic(folder / MODEL_FILE, text.encode("utf-8"))
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sentikit.io.bundle --stamp DIR … | --check DIR …``; returns the exit code."""
    ap = argparse.ArgumentParser(
        prog="python -m sentikit.io.bundle",
        description="Add an integrity manifest to model bundles (--stamp) or verify them "
        "(--check).",
    )
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--stamp", action="store_true", help="write the manifest into model.json")
    mode.add_argument("--check", action="store_true", help="verify the bundles' files")
    ap.add_argument(
        "--force", action="store_true", help="--stamp even where an existing manifest disagrees"
    )
    ap.add_argument("folders", nargs="+", type=Path, metavar="DIR")
    args = ap.parse_args(argv)
    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    code = 0
    for folder in args.folders:
        try:
            if args.stamp:
                manifest = stamp_bundle(folder, force=args.force)
                files = ", ".join(
                    f"{name} {e['sha256'][:12]}…" for name, e in manifest["files"].items()
                )
                print(f"{folder}: stamped ({len(manifest['arrays'])} arrays; {files})")
            else:
                info, _ = load_bundle(folder)
                how = "verified" if MANIFEST_KEY in info else "readable, no manifest"
                print(f"{folder}: ok ({how})")
        except SentikitError as exc:
            print(f"{ap.prog}: {exc}", file=sys.stderr)
            code = 1
    return code


def sha256_texts(texts: list[str], labels: list[str]) -> str:
    """A stable digest of training data (texts and labels), recorded in ``model.json``."""
    h = hashlib.sha256()
    for t, y in zip(texts, labels, strict=True):
        h.update(t.encode("utf-8"))
        h.update(b"\x1f")
        h.update(y.encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
