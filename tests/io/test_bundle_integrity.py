"""Model bundles are verified when loaded: a damaged or incompatible bundle fails once, clearly.

Each test damages a copy of a small bundle trained here (``model.json`` + ``arrays.npz`` +
``vocab.json.gz``) and expects one :class:`BundleDamagedError` ("model bundle X is damaged: …")
or :class:`BundleVersionError`, never a per-record error or an ``unexpected …`` message.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from sentikit import __version__
from sentikit.errors import (
    BundleDamagedError,
    BundleError,
    BundleVersionError,
    ResourceMissingError,
)
from sentikit.io import bundle as bundle_mod
from sentikit.io.bundle import (
    compatible_range,
    load_bundle,
    main,
    save_bundle,
    stamp_bundle,
    version_in_range,
)
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.models.registry import load_model, shipped_model_dir


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, tiny_corpus: Any) -> Path:
    """A small English bundle, as :func:`save_bundle` writes it (do not modify: copy it)."""
    texts, labels = tiny_corpus
    est = LinearEnsembleClassifier(lang="en").fit(texts, labels)
    folder = tmp_path_factory.mktemp("bundle") / "tiny"
    info = {"name": "tiny", "version": "0", "lang": "en"}
    return save_bundle(folder, info, *est.to_state())


@pytest.fixture
def bundle(pristine: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small bundle, free to damage."""
    return Path(shutil.copytree(pristine, tmp_path / "model"))


def _model_json(folder: Path) -> dict[str, Any]:
    return dict(json.loads((folder / "model.json").read_text(encoding="utf-8")))


def _write_model_json(folder: Path, doc: dict[str, Any]) -> None:
    (folder / "model.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")


def _rewrite_arrays(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    with np.load(folder / "arrays.npz", allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    change(arrays)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    (folder / "arrays.npz").write_bytes(buf.getvalue())


def _truncate_coef(arrays: dict[str, Any]) -> None:
    arrays["family0_coef"] = arrays["family0_coef"][:, :3]


def _damaged(folder: Path, *needles: str) -> BundleDamagedError:
    """The error of loading ``folder`` as a model; checks its message names the bundle."""
    with pytest.raises(BundleDamagedError) as info:
        load_model(folder)
    msg = str(info.value)
    assert msg.startswith(f"model bundle {folder} is damaged: "), msg
    assert "\n" not in msg
    for needle in needles:
        assert needle in msg, msg
    return info.value


# -- the manifest ----------------------------------------------------------------------


def test_save_bundle_records_version_range_and_manifest(pristine: Path) -> None:
    doc = _model_json(pristine)
    assert doc["sentikit_version"] == compatible_range() and version_in_range(
        __version__, doc["sentikit_version"]
    )
    manifest = doc["manifest"]
    assert set(manifest["files"]) == {"arrays.npz", "vocab.json.gz"}
    for name, entry in manifest["files"].items():
        data = (pristine / name).read_bytes()
        assert entry["bytes"] == len(data)
        assert len(entry["sha256"]) == 64
    with np.load(pristine / "arrays.npz", allow_pickle=False) as npz:
        assert set(manifest["arrays"]) == set(npz.files)
        for name in npz.files:
            assert manifest["arrays"][name]["shape"] == list(npz[name].shape)
            assert np.dtype(manifest["arrays"][name]["dtype"]) == npz[name].dtype
    info, est = load_model(pristine)
    assert info["lang"] == "en" and est.predict(["great fun"]).tolist() == ["positive"]


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_shipped_bundles_carry_a_verified_manifest(lang: str) -> None:
    folder = shipped_model_dir(lang)
    assert "manifest" in _model_json(folder)
    load_bundle(folder)  # verifies sizes, sha256, array shapes and dtypes
    assert main(["--check", str(folder)]) == 0


# -- damaged bundles -------------------------------------------------------------------


def test_wrong_shape_array_is_damaged(bundle: Path) -> None:
    _rewrite_arrays(bundle, _truncate_coef)
    _damaged(bundle, "family0_coef", "shape (1, 3)", "arrays.npz")


def test_wrong_dtype_array_is_damaged(bundle: Path) -> None:
    def to_int(arrays: dict[str, Any]) -> None:
        arrays["family0_intercept"] = arrays["family0_intercept"].astype(np.int32)

    _rewrite_arrays(bundle, to_int)
    _damaged(bundle, "family0_intercept", "dtype int32", "float64")


def test_wrong_shape_without_manifest_is_still_caught(
    bundle: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An older bundle (no manifest) loads with a warning, and its shapes are still checked."""
    doc = _model_json(bundle)
    del doc["manifest"]
    _write_model_json(bundle, doc)
    with caplog.at_level(logging.WARNING, logger="sentikit.io.bundle"):
        load_model(bundle)  # intact: loads
    assert "no integrity manifest" in caplog.text and "--stamp" in caplog.text
    _rewrite_arrays(bundle, _truncate_coef)
    _damaged(bundle, "family 0", "3 coefficients for")


def test_arrays_not_a_zip(bundle: Path) -> None:
    (bundle / "arrays.npz").write_bytes(b"this is not an npz file at all\n" * 4)
    err = _damaged(bundle, "arrays.npz is not a zip archive")
    assert "pickle" not in str(err)


def test_truncated_arrays(bundle: Path) -> None:
    data = (bundle / "arrays.npz").read_bytes()
    (bundle / "arrays.npz").write_bytes(data[: len(data) // 2])
    _damaged(bundle, "arrays.npz is truncated or corrupt", f"of the {len(data)} bytes")


def test_object_array_is_refused_without_unpickling(bundle: Path) -> None:
    def add_object(arrays: dict[str, Any]) -> None:
        arrays["family0_coef"] = np.array([{"x": 1}], dtype=object)

    _rewrite_arrays(bundle, add_object)
    _damaged(bundle, "family0_coef", "pickled")


def test_corrupt_vocabularies(bundle: Path) -> None:
    data = (bundle / "vocab.json.gz").read_bytes()
    (bundle / "vocab.json.gz").write_bytes(data[: len(data) // 2])
    _damaged(bundle, "vocab.json.gz is truncated or not gzip data")
    (bundle / "vocab.json.gz").write_bytes(gzip.compress(b"[1, 2"))
    _damaged(bundle, "vocab.json.gz does not hold valid JSON")


@pytest.mark.parametrize("name", ["arrays.npz", "vocab.json.gz", "model.json"])
def test_missing_file(bundle: Path, name: str) -> None:
    (bundle / name).unlink()
    _damaged(bundle, f"{name} is missing")


def test_empty_folder_is_no_bundle_not_a_damaged_one(tmp_path: Path) -> None:
    with pytest.raises(ResourceMissingError, match="no model bundle"):
        load_model(tmp_path)


@pytest.mark.parametrize("key", ["lang", "model", "format"])
def test_model_json_missing_key(bundle: Path, key: str) -> None:
    doc = _model_json(bundle)
    del doc[key]
    _write_model_json(bundle, doc)
    _damaged(bundle, f"model.json lacks the key '{key}'")


def test_model_state_missing_key(bundle: Path) -> None:
    doc = _model_json(bundle)
    del doc["model"]["classes"]
    _write_model_json(bundle, doc)
    _damaged(bundle, "model state lacks 'classes'")


def test_model_json_bad_json(bundle: Path) -> None:
    text = (bundle / "model.json").read_text(encoding="utf-8")
    (bundle / "model.json").write_text(text[: len(text) // 2], encoding="utf-8")
    _damaged(bundle, "model.json is not valid JSON")
    (bundle / "model.json").write_bytes(b'{"format": "\xff\xfe"}')
    _damaged(bundle, "model.json is not UTF-8")
    (bundle / "model.json").write_text("[1, 2]", encoding="utf-8")
    _damaged(bundle, "model.json holds a JSON list")


def test_hash_mismatch_of_arrays(bundle: Path) -> None:
    """Same names, shapes and dtypes, other numbers: only the sha256 tells."""

    def flip(arrays: dict[str, Any]) -> None:
        arrays["family0_coef"] = -arrays["family0_coef"]

    _rewrite_arrays(bundle, flip)
    _damaged(bundle, "arrays.npz differs from the file saved at training", "sha256")


def test_hash_mismatch_of_vocabularies(bundle: Path) -> None:
    raw = gzip.decompress((bundle / "vocab.json.gz").read_bytes())
    vocabs = json.loads(raw)
    key = next(iter(vocabs))
    vocabs[key] = list(reversed(vocabs[key]))
    (bundle / "vocab.json.gz").write_bytes(gzip.compress(json.dumps(vocabs).encode("utf-8")))
    _damaged(bundle, "vocab.json.gz differs from the file saved at training")


def test_malformed_manifest(bundle: Path) -> None:
    doc = _model_json(bundle)
    doc["manifest"]["arrays"]["family0_coef"]["shape"] = "1x3"
    _write_model_json(bundle, doc)
    _damaged(bundle, "manifest is malformed")


# -- versions --------------------------------------------------------------------------


def test_incompatible_sentikit_version(bundle: Path) -> None:
    doc = _model_json(bundle)
    doc["sentikit_version"] = ">=99.0,<100.0"
    _write_model_json(bundle, doc)
    with pytest.raises(BundleVersionError) as info:
        load_model(bundle)
    msg = str(info.value)
    assert not isinstance(info.value, BundleDamagedError)
    assert f"model bundle {bundle} is for sentikit >=99.0,<100.0" in msg
    assert __version__ in msg and "sentikit train" in msg


def test_newer_bundle_format(bundle: Path) -> None:
    doc = _model_json(bundle)
    doc["format_version"] = 99
    _write_model_json(bundle, doc)
    with pytest.raises(BundleVersionError, match="bundle format 99.*upgrade sentikit"):
        load_model(bundle)


@pytest.mark.parametrize("value", ["latest", 3, ""])
def test_malformed_version_range_is_damage(bundle: Path, value: Any) -> None:
    doc = _model_json(bundle)
    doc["sentikit_version"] = value
    _write_model_json(bundle, doc)
    _damaged(bundle, "sentikit_version", "not a version range")


def test_other_format_is_not_a_model_bundle(bundle: Path) -> None:
    doc = _model_json(bundle)
    doc["format"] = "sentikit-embedding"
    _write_model_json(bundle, doc)
    with pytest.raises(BundleError, match="not a sentikit model bundle"):
        load_model(bundle)


@pytest.mark.parametrize(
    ("version", "spec", "ok"),
    [
        ("0.1.0", ">=0.1,<1.0", True),
        ("0.9.12", ">=0.1,<1.0", True),
        ("1.0.0", ">=0.1,<1.0", False),
        ("0.0.9", ">=0.1,<1.0", False),
        ("0.2.0.dev1", ">=0.2", True),
        ("2.1", "==2.1.0", True),
        ("2.1", "!=2.1, >1", False),
    ],
)
def test_version_in_range(version: str, spec: str, ok: bool) -> None:
    assert version_in_range(version, spec) is ok


def test_compatible_range() -> None:
    assert compatible_range("0.1.0") == ">=0.1,<1.0"
    assert compatible_range("2.3.1") == ">=2.3,<3.0"


# -- stamping an existing bundle -------------------------------------------------------


def test_stamp_adds_the_manifest_save_bundle_writes(bundle: Path, pristine: Path) -> None:
    doc = _model_json(bundle)
    del doc["manifest"]
    _write_model_json(bundle, doc)
    arrays_before = (bundle / "arrays.npz").read_bytes()
    assert main(["--stamp", str(bundle)]) == 0
    assert _model_json(bundle)["manifest"] == _model_json(pristine)["manifest"]
    assert (bundle / "arrays.npz").read_bytes() == arrays_before  # only model.json changes
    load_bundle(bundle)
    before = (bundle / "model.json").read_bytes()
    stamp_bundle(bundle)  # stamping again changes nothing
    assert (bundle / "model.json").read_bytes() == before


def test_stamp_refuses_a_damaged_bundle(bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _rewrite_arrays(bundle, _truncate_coef)
    with pytest.raises(BundleDamagedError):
        stamp_bundle(bundle)
    assert main(["--check", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and err.count("\n") == 1
    stamp_bundle(bundle, force=True)  # the owner says the files are right
    load_bundle(bundle)
    (bundle / "arrays.npz").write_bytes(b"junk")
    with pytest.raises(BundleDamagedError, match="not a zip"):
        stamp_bundle(bundle, force=True)  # never stamps an unreadable file


# -- where bundles are used -------------------------------------------------------------


def test_cli_fails_once_with_a_one_line_message(bundle: Path) -> None:
    from sentikit.cli.main import app

    _rewrite_arrays(bundle, _truncate_coef)
    r = CliRunner().invoke(app, ["analyze", "great fun", "--model", str(bundle)])
    assert r.exit_code != 0
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "is damaged:" in lines[0] and str(bundle) in lines[0]
    assert "unexpected" not in lines[0]


def test_cli_names_an_incompatible_version(bundle: Path) -> None:
    from sentikit.cli.main import app

    doc = _model_json(bundle)
    doc["sentikit_version"] = ">=99.0"
    _write_model_json(bundle, doc)
    r = CliRunner().invoke(app, ["analyze", "great fun", "--model", str(bundle)])
    assert r.exit_code != 0
    assert "is for sentikit >=99.0" in r.stderr and "unexpected" not in r.stderr


def test_lazily_loaded_shipped_model_fails_the_run(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged model loaded on first use raises, instead of an error record per text."""
    import sentikit.pipeline.analyzer as analyzer

    _rewrite_arrays(bundle, _truncate_coef)
    monkeypatch.setattr(analyzer, "shipped_model_dir", lambda lang: bundle)
    an = analyzer.Analyzer(lang=None)
    with pytest.raises(BundleDamagedError):
        an.analyze_many(["What a great and moving film."])


def test_loading_never_unpickles(monkeypatch: pytest.MonkeyPatch, pristine: Path) -> None:
    seen: list[Any] = []
    real = np.load

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("allow_pickle"))
        return real(*args, **kwargs)

    monkeypatch.setattr(bundle_mod.np, "load", spy)
    load_bundle(pristine)
    assert seen == [False]
