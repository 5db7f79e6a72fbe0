"""Dask: ``sentikit.dask.analyze`` and ``sentikit analyze --engine dask`` / ``--jobs 2``.

One small LocalCluster of two worker processes (one thread each) serves the module; the real
shipped models run in the workers (a fake patched into this process would not reach them).
"""

from __future__ import annotations

import json
import socket
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import pandas as pd  # noqa: E402

import sentikit  # noqa: E402
import sentikit.dask  # noqa: E402
from sentikit.cli.main import app  # noqa: E402
from sentikit.errors import InputError, ResourceMissingError  # noqa: E402
from sentikit.frame import ROW_COLUMNS  # noqa: E402

#: Mixed languages, an empty text, a blank line (skipped by the JSONL reader), a line that is
#: not JSON, a text that is a number and a record without a text: each gives one output record
#: (an error record for the last three) in every engine.
LINES = [
    {"id": "a1", "text": "A gorgeous, witty film. I loved every minute."},
    {"id": "a2", "text": "Filmi hiç beğenmedim ama müzikleri güzeldi."},
    {"id": "a3", "text": ""},
    "",
    {"id": "a4", "text": "Not bad at all, the acting was fine."},
    "{this is not json",
    {"id": "a5", "text": 5},
    {"id": "a6"},
    {"id": "a7", "text": "Berbat bir dizi, hiç tavsiye etmem."},
    {"id": "a8", "text": "🙂🙂"},
]
TEXTS = [
    "What a wonderful day!",
    "Bu ürün çok kötü, param çöpe gitti.",
    "The plot was dull and far too long.",
    "Harika bir hizmet, teşekkürler.",
    "I don't think it is bad.",
    "Kargo geç geldi ama ürün güzel.",
]


def _jsonl_lines() -> list[str]:
    out = [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in LINES]
    # more records, so that a few partitions go to each worker
    for i in range(30):
        out.append(json.dumps({"id": f"b{i}", "text": TEXTS[i % len(TEXTS)] + f" #{i}"}))
    return out


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    import cloudpickle

    # the helpers below run in the workers, which cannot import this test module
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with sentikit.dask.client(n_workers=2) as c:
        c.run(_install_counters)  # before any task: every model load is counted
        yield c
    cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The input file and the one-process run's output."""
    folder = tmp_path_factory.mktemp("dask")
    src = folder / "in.jsonl"
    src.write_text("\n".join(_jsonl_lines()) + "\n", encoding="utf-8")
    out = folder / "local.jsonl"
    r = CliRunner().invoke(app, ["analyze", "-i", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return src, out.read_bytes()


def _run(args: list[str], out: Path) -> bytes:
    r = CliRunner().invoke(app, ["analyze", *args, "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out.read_bytes()


def test_dask_and_jobs_give_the_local_output(
    client: Any, corpus: tuple[Path, bytes], tmp_path: Path
) -> None:
    src, local = corpus
    results = [json.loads(x) for x in local.decode("utf-8").splitlines()]
    assert len(results) == len(_jsonl_lines()) - 1  # every record but the blank line
    errors = [r for r in results if "error" in r]
    assert [r["id"] for r in errors] == ["5", "a5", "a6"]  # the bad line is named by number
    assert {r.get("lang") for r in results} >= {"en", "tr", "und"}
    address = client.scheduler.address
    on_dask = _run(["-i", str(src), "--engine", "dask", "--scheduler", address], tmp_path / "d")
    assert on_dask == local
    # seven partitions of 6 records: a worker gets several, and they come back in order
    many = ["--engine", "dask", "--scheduler", address, "--partitions", "7"]
    assert _run(["-i", str(src), *many], tmp_path / "d7") == local
    jobs = ["-i", str(src), "--jobs", "2", "--partitions", "5"]
    assert _run(jobs, tmp_path / "j2") == local


def test_stdin_csv_input_and_csv_output_give_the_local_output(
    client: Any, corpus: tuple[Path, bytes], tmp_path: Path
) -> None:
    """Standard input (its lines read by the workers, as a file's), a CSV input (a record may
    span lines: the command reads the records and ships them) and a CSV output (the workers
    send the texts with the results): each as the one-process run."""
    src, local = corpus
    on_dask = ["--engine", "dask", "--scheduler", client.scheduler.address]
    r = CliRunner().invoke(
        app,
        ["analyze", "-", "--input-format", "jsonl", *on_dask],
        input=src.read_bytes(),
    )
    assert r.exit_code == 0, r.output
    assert r.stdout.encode("utf-8") == local
    rows = [("c1", "Harika bir film,\nçok beğendim."), ("c2", ""), ("c3", "Awful, just awful.")]
    csv_src = tmp_path / "in.csv"
    body = "".join(f'{i},"{t}"\n' for i, t in rows * 5)
    csv_src.write_text("id,text\n" + body, encoding="utf-8")
    for i, args in enumerate(
        (["-i", str(csv_src), "--id-col", "id"], ["-i", str(src), "-f", "csv"])
    ):
        want = _run(args, tmp_path / f"local{i}")
        # on the cluster, the batch size of every test (a spec of its own would load the
        # models again, see the next test); in --jobs processes, partitions of 4 records
        # (--partitions needs a line count ahead: not for a CSV input)
        assert _run([*args, *on_dask], tmp_path / f"d{i}") == want
        assert _run([*args, "--jobs", "2", "--batch-size", "4"], tmp_path / f"j{i}") == want


def _install_counters() -> None:
    """In a worker: count model loads and analyzed partitions (from an empty cache)."""
    import sentikit.pipeline.analyzer as analyzer_module
    from sentikit.workers import worker_analyzer

    worker_analyzer.cache_clear()
    counts: Counter[str] = Counter()
    original = getattr(analyzer_module, "_original_load_model", analyzer_module.load_model)
    original_iter = getattr(
        analyzer_module, "_original_iter", analyzer_module.Analyzer.iter_analyze
    )

    def load_model(folder: Any, *args: Any, **kwargs: Any) -> Any:
        counts[f"load {Path(folder).name}"] += 1
        return original(folder, *args, **kwargs)

    def iter_analyze(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts["partitions"] += 1
        return original_iter(self, *args, **kwargs)

    analyzer_module._original_load_model = original  # type: ignore[attr-defined]
    analyzer_module._original_iter = original_iter  # type: ignore[attr-defined]
    analyzer_module.load_model = load_model  # type: ignore[assignment]
    analyzer_module.Analyzer.iter_analyze = iter_analyze  # type: ignore[method-assign]
    analyzer_module._counts = counts  # type: ignore[attr-defined]


def _counts() -> dict[str, int]:
    import sentikit.pipeline.analyzer as analyzer_module

    return dict(analyzer_module._counts)  # type: ignore[attr-defined]


def _frame() -> pd.DataFrame:
    texts: list[Any] = [*TEXTS * 3, "", None, 7, "Not bad at all."]
    index = pd.Index([f"row{i}" for i in range(len(texts))], name="key")
    return pd.DataFrame({"review": texts, "n": range(len(texts))}, index=index)


def test_dataframe_equals_analyze_frame_and_loads_once_per_worker(client: Any) -> None:
    pdf = _frame()
    before = client.run(_counts)
    ddf = dd.from_pandas(pdf, npartitions=8, sort=False)
    lazy = sentikit.dask.analyze(ddf, text="review")
    assert list(lazy.columns) == list(ROW_COLUMNS)
    got = lazy.compute()
    # the same input as the partitions see it (dask stores strings as pyarrow strings)
    want = sentikit.analyze_frame(ddf.compute(), text="review")
    pd.testing.assert_frame_equal(got, want)
    assert dict(lazy.dtypes) == dict(got.dtypes)  # the meta given is the real one
    counts = client.run(_counts)

    def ran(now: dict[str, dict[str, int]]) -> dict[str, int]:
        return {w: c.get("partitions", 0) - before[w].get("partitions", 0) for w, c in now.items()}

    assert sum(ran(counts).values()) == ddf.npartitions
    for worker, c in counts.items():
        loads = {k: v for k, v in c.items() if k.startswith("load ")}
        # once per worker process, whatever ran before (the CLI tests use the same analyzer)
        assert all(v == 1 for v in loads.values()), (worker, c)
        if c.get("partitions"):
            assert loads, (worker, c)
    # 8 partitions on 2 workers: some worker ran several with its one load per language
    assert max(ran(counts).values()) >= 2
    # the same analysis again: the workers keep their analyzers, nothing is loaded again
    pd.testing.assert_frame_equal(lazy.compute(), want)
    after = client.run(_counts)
    assert sum(ran(after).values()) == 2 * ddf.npartitions
    for worker, c in after.items():
        assert {k: v for k, v in c.items() if k.startswith("load ")} == {
            k: v for k, v in counts[worker].items() if k.startswith("load ")
        }


def test_dataframe_input_errors() -> None:
    with pytest.raises(InputError, match="dask DataFrame"):
        sentikit.dask.analyze(_frame(), text="review")
    ddf = dd.from_pandas(_frame(), npartitions=2)
    with pytest.raises(InputError, match="no text column 'text'"):
        sentikit.dask.analyze(ddf, text="text")
    with pytest.raises(InputError, match="no id column 'nope'"):
        sentikit.dask.analyze(ddf, text="review", id="nope")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_scheduler_is_a_clear_error(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    unreachable = sentikit.dask.client(address, timeout=1)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"), unreachable:
        pass
    src, _ = corpus
    out = tmp_path / "o.jsonl"
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        r = CliRunner().invoke(
            app, ["analyze", "-i", str(src), "--engine", "dask", "--scheduler", address]
        )
    assert r.exit_code == 1
    assert r.stderr.startswith("sentikit: error: cannot reach the Dask scheduler at")
    assert "Traceback" not in r.stderr and not out.exists()


def test_missing_dask_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, corpus: tuple[Path, bytes]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ResourceMissingError, match=r'pip install "sentikit\[dask\]"'):
        sentikit.dask.analyze(object(), text="review")
    no_dask = sentikit.dask.client(n_workers=1)
    with pytest.raises(ResourceMissingError, match=r"sentikit\[dask\]"), no_dask:
        pass
    src, _ = corpus
    r = CliRunner().invoke(app, ["analyze", "-i", str(src), "--engine", "dask"])
    assert r.exit_code == 1
    assert 'pip install "sentikit[dask]"' in r.stderr and "Traceback" not in r.stderr


def test_aspects_in_parallel_runs_as_in_one_process(tmp_path: Path) -> None:
    """``--aspects`` reaches the workers (it used to be dropped in parallel runs)."""
    src = tmp_path / "in.txt"
    lines = ["The pizza was great but the waiter was rude.", "Servis çok yavaştı."] * 4
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    want = _run(["-i", str(src), "--aspects"], tmp_path / "local.jsonl")
    results = [json.loads(x) for x in want.decode("utf-8").splitlines()]
    assert any(r["aspects"] for r in results)
    got = _run(["-i", str(src), "--aspects", "--jobs", "2"], tmp_path / "j.jsonl")
    assert got == want
