"""Integrity of model bundles (:mod:`sentikit.io.bundle`): the names of a bundle's files, the
range of sentikit versions that can read it, and its ``manifest``.

:func:`sentikit.io.bundle.save_bundle` records in ``model.json`` the range of sentikit versions
that can read the bundle (``sentikit_version``, :func:`compatible_range`, e.g.
``">=0.1,<1.0"``, checked with :func:`version_in_range`) and a manifest of its data files
(:func:`make_manifest`)::

    "manifest": {
      "files": {"arrays.npz": {"bytes": 3806719, "sha256": "…"},
                "vocab.json.gz": {"bytes": 352466, "sha256": "…"}},
      "arrays": {"family0_coef": {"dtype": "<f4", "shape": [1, 268784]}, …}
    }

The checked readers here (:func:`read_data_file`, :func:`read_arrays`, :func:`read_vocabs`)
and the checks against the manifest (:func:`check_manifest`, :func:`check_arrays`,
:func:`check_file_hashes`) raise one :class:`~sentikit.errors.BundleDamagedError` ("model
bundle X is damaged: …") naming the file and what is wrong; arrays are never unpickled.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sentikit._version import __version__
from sentikit.errors import BundleDamagedError

MODEL_FILE = "model.json"
ARRAYS_FILE = "arrays.npz"
VOCAB_FILE = "vocab.json.gz"
DATA_FILES = (ARRAYS_FILE, VOCAB_FILE)
"""The files whose sha256 the manifest records (``model.json`` holds the manifest itself)."""

MANIFEST_KEY = "manifest"


def compatible_range(version: str = __version__) -> str:
    """The ``sentikit_version`` range recorded in bundles saved by ``version``.

    A bundle is readable from the minor release that wrote it up to the next major release:
    ``"0.1.0"`` → ``">=0.1,<1.0"``.
    """
    parts = _version_tuple(version)
    major, minor = (parts + (0, 0))[:2]
    return f">={major}.{minor},<{major + 1}.0"


_VERSION_RE = re.compile(r"\s*(\d+(?:\.\d+)*)")
_CLAUSE_RE = re.compile(r"\s*(>=|<=|==|!=|>|<)\s*(\d+(?:\.\d+)*)\s*")


def _version_tuple(version: str) -> tuple[int, ...]:
    """The leading numeric release of a version string: ``"0.1.0.dev2"`` → ``(0, 1, 0)``."""
    m = _VERSION_RE.match(version)
    if m is None:
        raise ValueError(f"not a version: {version!r}")
    return tuple(int(x) for x in m.group(1).split("."))


def version_in_range(version: str, spec: str) -> bool:
    """Whether ``version`` satisfies ``spec``, comma-separated clauses such as ``">=0.1,<1.0"``.

    Only the numeric release is compared (``0.2.0rc1`` counts as ``0.2.0``); missing trailing
    parts are zeros. Raises :class:`ValueError` for a malformed ``spec``.

    Examples
    --------
    >>> version_in_range("0.3.1", ">=0.1,<1.0")
    True
    >>> version_in_range("1.0", ">=0.1,<1.0")
    False
    """
    have = _version_tuple(version)
    clauses = [c for c in spec.split(",") if c.strip()]
    if not clauses:
        raise ValueError(f"empty version range {spec!r}")
    for clause in clauses:
        m = _CLAUSE_RE.fullmatch(clause)
        if m is None:
            raise ValueError(f"not a version range: {spec!r}")
        op, bound = m.group(1), tuple(int(x) for x in m.group(2).split("."))
        n = max(len(have), len(bound))
        a, b = have + (0,) * (n - len(have)), bound + (0,) * (n - len(bound))
        ok = {
            ">=": a >= b,
            "<=": a <= b,
            ">": a > b,
            "<": a < b,
            "==": a == b,
            "!=": a != b,
        }[op]
        if not ok:
            return False
    return True


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _array_entry(arr: NDArray[Any]) -> dict[str, Any]:
    return {"dtype": arr.dtype.str, "shape": [int(n) for n in arr.shape]}


def make_manifest(files: dict[str, bytes], arrays: dict[str, NDArray[Any]]) -> dict[str, Any]:
    """The ``manifest`` of ``model.json``: size and sha256 of each data file (``files``: name →
    content) and the dtype and shape of each array, by name."""
    return {
        "files": {
            name: {"bytes": len(data), "sha256": _sha256(data)}
            for name, data in sorted(files.items())
        },
        "arrays": {name: _array_entry(np.asarray(arr)) for name, arr in sorted(arrays.items())},
    }


def damaged(folder: Path, problem: str) -> BundleDamagedError:
    """The error to raise for the bundle in ``folder``: "model bundle X is damaged: problem"."""
    return BundleDamagedError(folder, problem)


def check_manifest(folder: Path, info: dict[str, Any]) -> dict[str, Any] | None:
    """The bundle's manifest, validated for shape, or ``None`` when it has none."""
    manifest = info.get(MANIFEST_KEY)
    if manifest is None:
        return None
    bad = damaged(folder, f"{MODEL_FILE}: the manifest is malformed")
    if not isinstance(manifest, dict):
        raise bad
    files, arrays = manifest.get("files"), manifest.get("arrays")
    if not isinstance(files, dict) or not isinstance(arrays, dict):
        raise bad
    for entry in files.values():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("sha256"), str)
            and isinstance(entry.get("bytes"), int)
        ):
            raise bad
    for entry in arrays.values():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("dtype"), str)
            and isinstance(entry.get("shape"), list)
            and all(isinstance(n, int) for n in entry["shape"])
        ):
            raise bad
        try:
            np.dtype(entry["dtype"])
        except TypeError as exc:
            raise bad from exc
    return manifest


def _size_note(data: bytes, name: str, manifest: dict[str, Any] | None) -> str:
    """``"; 1000 of 3806719 bytes"`` when the manifest records another size, else ``""``."""
    entry = (manifest or {}).get("files", {}).get(name)
    if entry and entry["bytes"] != len(data):
        return f"; {len(data)} of the {entry['bytes']} bytes recorded at training"
    return ""


def read_arrays(
    folder: Path, data: bytes, manifest: dict[str, Any] | None
) -> dict[str, NDArray[Any]]:
    """The arrays of ``arrays.npz`` (``data``); never unpickles."""
    note = _size_note(data, ARRAYS_FILE, manifest)
    if not data:
        raise damaged(folder, f"{ARRAYS_FILE} is empty{note}")
    if not data.startswith(b"PK"):
        raise damaged(folder, f"{ARRAYS_FILE} is not a zip archive, as an .npz file must be{note}")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise damaged(folder, f"{ARRAYS_FILE} is truncated or corrupt (no zip directory){note}")
    arrays: dict[str, NDArray[Any]] = {}
    name = ""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            for name in npz.files:
                arrays[name] = npz[name]
    except ValueError as exc:
        where = f"array {name!r} of {ARRAYS_FILE}" if name else ARRAYS_FILE
        if "pickle" in str(exc) or "Object arrays" in str(exc):
            raise damaged(
                folder, f"{where} holds Python objects (pickled data), which sentikit never loads"
            ) from exc
        raise damaged(folder, f"{where} cannot be read ({exc}){note}") from exc
    except (OSError, EOFError, KeyError, zipfile.BadZipFile, zlib.error) as exc:
        where = f"array {name!r} of {ARRAYS_FILE}" if name else ARRAYS_FILE
        why = f"{type(exc).__name__}: {exc}"
        raise damaged(folder, f"{where} is truncated or corrupt ({why}){note}") from exc
    return arrays


def _shape(shape: Sequence[int]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def check_arrays(
    folder: Path, arrays: dict[str, NDArray[Any]], expected: dict[str, dict[str, Any]]
) -> None:
    """Names, shapes and dtypes of ``arrays`` against the manifest's ``arrays``."""
    missing = sorted(set(expected) - set(arrays))
    if missing:
        raise damaged(
            folder, f"{ARRAYS_FILE} lacks the array(s) {', '.join(missing)} listed in {MODEL_FILE}"
        )
    extra = sorted(set(arrays) - set(expected))
    if extra:
        raise damaged(
            folder, f"{ARRAYS_FILE} has array(s) {', '.join(extra)} not listed in {MODEL_FILE}"
        )
    for name, entry in expected.items():
        arr = arrays[name]
        if list(arr.shape) != entry["shape"]:
            raise damaged(
                folder,
                f"array {name!r} of {ARRAYS_FILE} has shape {_shape(arr.shape)}, "
                f"{MODEL_FILE} records {_shape(entry['shape'])}",
            )
        want = np.dtype(entry["dtype"])
        if arr.dtype != want:
            have_s, want_s = arr.dtype.name, want.name
            if have_s == want_s:
                have_s, want_s = arr.dtype.str, want.str
            raise damaged(
                folder,
                f"array {name!r} of {ARRAYS_FILE} has dtype {have_s}, {MODEL_FILE} records "
                f"{want_s}",
            )


def read_vocabs(folder: Path, data: bytes, manifest: dict[str, Any] | None) -> dict[str, Any]:
    """The JSON object of ``vocab.json.gz`` (``data``), checked to be gzip, JSON and a mapping."""
    note = _size_note(data, VOCAB_FILE, manifest)
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        why = f"{type(exc).__name__}: {exc}"
        raise damaged(folder, f"{VOCAB_FILE} is truncated or not gzip data ({why}){note}") from exc
    try:
        vocabs = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise damaged(folder, f"{VOCAB_FILE} does not hold valid JSON ({exc})") from exc
    if not isinstance(vocabs, dict):
        raise damaged(folder, f"{VOCAB_FILE} holds a JSON {type(vocabs).__name__}, not an object")
    return vocabs


def read_data_file(folder: Path, name: str) -> bytes:
    """The content of the bundle file ``name``, damaged when it is missing or unreadable."""
    p = folder / name
    if not p.is_file():
        raise damaged(folder, f"{name} is missing")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise damaged(folder, f"{name} cannot be read ({exc.strerror or exc})") from exc


def check_file_hashes(folder: Path, blobs: dict[str, bytes], manifest: dict[str, Any]) -> None:
    """Each data file's content (``blobs``: name → bytes) against its sha256 in ``manifest``."""
    for name in DATA_FILES:
        entry = manifest["files"].get(name)
        if entry is None:
            raise damaged(folder, f"{MODEL_FILE}: the manifest does not list {name}")
        if _sha256(blobs[name]) != entry["sha256"]:
            raise damaged(
                folder,
                f"{name} differs from the file saved at training (sha256 "
                f"{_sha256(blobs[name])[:12]}…, {MODEL_FILE} records "
                f"{entry['sha256'][:12]}…{_size_note(blobs[name], name, manifest)})",
            )


__all__ = [
    "ARRAYS_FILE",
    "DATA_FILES",
    "MANIFEST_KEY",
    "MODEL_FILE",
    "VOCAB_FILE",
    "check_arrays",
    "check_file_hashes",
    "check_manifest",
    "compatible_range",
    "damaged",
    "make_manifest",
    "read_arrays",
    "read_data_file",
    "read_vocabs",
    "version_in_range",
]
