"""The parallel engines' plumbing (``sentikit.cli.engine``), without starting workers: order
and window of the results, options that do not go together, errors carried back from a worker.
(Runs on real workers: ``tests/test_dask.py``.)"""

from __future__ import annotations

import io
import pickle
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sentikit.cli.engine import (
    Engine,
    PartError,
    PartTask,
    Rendered,
    RunStats,
    _write,
    analyze_part,
    ordered_results,
    plan_engine,
)
from sentikit.cli.main import app
from sentikit.errors import BundleError, InputError, ResourceMissingError, SentikitError
from sentikit.io.line_parts import LineFormat, line_parts, part_records
from sentikit.io.records import JsonlWriter, Record, make_writer
from sentikit.workers import AnalyzerSpec, worker_analyzer


def _parts(n: int, size: int = 3) -> list[list[Record]]:
    return [
        [
            Record(str(i * size + j), f"text {i * size + j}", None, i * size + j + 1, 0)
            for j in range(size)
        ]
        for i in range(n)
    ]


def test_results_come_in_input_order_with_a_bounded_window() -> None:
    """Later partitions finish first; the results still come in order, and no more than
    ``window`` partitions are ever submitted and not yet yielded."""
    in_flight, most = 0, 0
    lock = threading.Lock()

    def work(part: list[Record]) -> list[dict[str, Any]]:
        time.sleep(0.02 * (5 - int(part[0].id) % 5))  # the first of each window is slowest
        return [{"id": r.id} for r in part]

    with ThreadPoolExecutor(4) as pool:

        def submit(part: list[Record]) -> Future[list[dict[str, Any]]]:
            nonlocal in_flight, most
            with lock:
                in_flight += 1
                most = max(most, in_flight)
            return pool.submit(work, part)

        got: list[str] = []
        for part, results in ordered_results(submit, iter(_parts(12)), window=4):
            with lock:
                in_flight -= 1
            assert [r["id"] for r in results] == [r.id for r in part]
            got.extend(r["id"] for r in results)
    assert got == [str(i) for i in range(36)]
    assert most == 4


def test_a_failed_partition_cancels_the_rest_and_raises_the_client_error() -> None:
    cancelled: list[int] = []

    class Fut:
        def __init__(self, i: int) -> None:
            self.i = i

        def result(self) -> Any:
            if self.i == 1:
                raise PartError("bundle", "model bundle x is damaged: no model.json")
            return [{"id": "x"}] * 3

        def cancel(self) -> bool:
            cancelled.append(self.i)
            return True

    count = iter(range(100))
    with pytest.raises(BundleError, match="damaged: no model.json"):
        for _ in ordered_results(lambda part: Fut(next(count)), iter(_parts(6)), window=3):
            pass
    assert cancelled == [2, 3]  # submitted, not yet yielded


def test_part_error_pickles_and_keeps_the_error_family() -> None:
    for kind, cls in (
        ("input", InputError),
        ("missing", ResourceMissingError),
        ("bundle", BundleError),
        ("other", SentikitError),
    ):
        err = pickle.loads(pickle.dumps(PartError(kind, "why")))
        with pytest.raises(cls, match="^why$"):
            err.reraise()


def test_a_broken_bundle_fails_in_the_worker_as_a_bundle_error(tmp_path: Path) -> None:
    """What a worker runs: a folder that is not a bundle is the same error as in one process."""
    task = PartTask(AnalyzerSpec.of(model=tmp_path), False, lambda an, recs, ex, bs: [])
    with pytest.raises(PartError) as info:
        analyze_part(task, _parts(1)[0])
    assert info.value.kind in ("bundle", "missing")
    assert str(tmp_path) in info.value.message


def test_worker_analyzer_is_cached_per_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[AnalyzerSpec] = []

    def load(self: AnalyzerSpec) -> object:
        loads.append(self)
        return object()

    monkeypatch.setattr(AnalyzerSpec, "load", load)
    worker_analyzer.cache_clear()
    try:
        a = worker_analyzer(AnalyzerSpec.of("en"))
        assert worker_analyzer(AnalyzerSpec.of("en")) is a
        assert worker_analyzer(AnalyzerSpec.of("en", labels="binary")) is not a
        assert len(loads) == 2
    finally:
        worker_analyzer.cache_clear()


def test_spec_reads_a_bundle_in_the_place_of_the_language(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text("{}", encoding="utf-8")
    spec = AnalyzerSpec.of(tmp_path)
    assert spec.lang is None and spec.model == str(tmp_path.resolve())
    assert spec.stamp is not None
    assert AnalyzerSpec.of("auto") == AnalyzerSpec.of(None)
    with pytest.raises(InputError, match="unsupported language"):
        AnalyzerSpec.of("xx-not-a-language")


def _fake_chunk(analyzer: Any, records: Any, explain: bool, batch_size: int) -> list[Any]:
    return [
        {"id": r.id, "error": f"record {r.number}: {r.error}"}
        if r.error
        else {"id": r.id, "label": "positive", "text": r.text, "ü": "ç"}
        for r in records
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_worker_lines_and_dicts_write_the_same_bytes(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker sends JSONL text for a JSONL writer and dicts otherwise; either way the
    client writes what the one-process run's writer writes."""
    monkeypatch.setattr("sentikit.cli.engine.worker_analyzer", lambda spec: None)
    part = [*_parts(1)[0], Record("9", None, "line 9: not valid JSON", 9, 9)]
    want, got = io.StringIO(), io.StringIO()
    with make_writer(fmt, want) as w:
        for rec, res in zip(part, _fake_chunk(None, part, False, 64), strict=True):
            w.write(res, rec.text)
    stats = RunStats()
    with make_writer(fmt, got) as w:
        task = PartTask(AnalyzerSpec.of("en"), False, _fake_chunk, jsonl=type(w) is JsonlWriter)
        results = analyze_part(task, part)
        assert isinstance(results, Rendered) == (fmt == "jsonl")
        _write(w, part, results, stats)
    assert got.getvalue() == want.getvalue()
    assert (stats.records, stats.errors) == (4, 1)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_worker_reads_a_part_of_lines_as_the_whole_input(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Partitions of raw lines (``LinePart``): the worker reads their records (numbered as in
    the whole input) and, for writers other than JSONL, sends their texts back."""
    monkeypatch.setattr("sentikit.cli.engine.worker_analyzer", lambda spec: None)
    data = b'{"id": "a", "text": "x"}\n\nnot json\n"bare"\n{"text": "y"}\n'
    how = LineFormat("jsonl", "in.jsonl")
    parts = list(line_parts(io.BytesIO(data), "jsonl", 2))
    records = [r for p in parts for r in part_records(p, how)]
    assert [(r.id, r.number, r.line) for r in records] == [
        ("a", 1, 1),
        ("2", 2, 3),
        ("3", 3, 4),
        ("4", 4, 5),
    ]
    want, got = io.StringIO(), io.StringIO()
    with make_writer(fmt, want) as w:
        for rec, res in zip(records, _fake_chunk(None, records, False, 64), strict=True):
            w.write(res, rec.text)
    stats = RunStats()
    with make_writer(fmt, got) as w:
        task = PartTask(AnalyzerSpec.of("en"), False, _fake_chunk, fmt == "jsonl", how)
        for part in parts:
            results = analyze_part(task, part)
            assert isinstance(results, Rendered) == (fmt == "jsonl")
            _write(w, part, results, stats)
    assert got.getvalue() == want.getvalue()
    assert (stats.records, stats.errors) == (4, 1)
    with pytest.raises(PartError, match="no line format"):
        analyze_part(PartTask(AnalyzerSpec.of("en"), False, _fake_chunk), parts[0])


def test_plan_of_the_options() -> None:
    assert plan_engine(Engine.local, None, None, None) is None
    assert plan_engine(Engine.local, 1, None, None) is None
    assert plan_engine(Engine.local, 2, None, 4) is not None
    assert plan_engine(Engine.dask, None, "tcp://h:8786", 4) is not None
    with pytest.raises(InputError, match="--scheduler applies to --engine dask"):
        plan_engine(Engine.local, None, "tcp://h:8786", None)
    with pytest.raises(InputError, match="--partitions applies"):
        plan_engine(Engine.local, None, None, 3)
    with pytest.raises(InputError, match="own workers"):
        plan_engine(Engine.dask, 2, "tcp://h:8786", None)
    plan = plan_engine(Engine.local, 2, None, 4)
    assert plan is not None and plan.part_size(10, 2048) == 3
    unsized = plan_engine(Engine.local, 2, None, None)
    assert unsized is not None and unsized.part_size(None, 64) == 64
    with pytest.raises(InputError, match="--partitions needs"):
        plan_engine(Engine.dask, None, None, 4).part_size(None, 2048)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler applies to --engine dask only"),
        (["--partitions", "2"], "--partitions applies to --engine dask or --jobs"),
        (["--engine", "dask", "--jobs", "2", "--scheduler", "tcp://x:1"], "own workers"),
        (["--jobs", "2", "--partitions", "2", "--input-format", "csv"], "--partitions needs"),
    ],
)
def test_cli_refuses_options_that_do_not_go_together(
    args: list[str], message: str, tmp_path: Path
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("text\ngreat film\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["analyze", "-i", str(src), "-o", str(out), *args])
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("sentikit: error: ") and message in r.stderr
    assert "Traceback" not in r.stderr and not out.exists()


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["analyze", "great", "--jobs", "0"])
    assert r.exit_code == 2 and "--jobs" in r.stderr
