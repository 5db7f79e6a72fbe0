"""Scaling of ``sentikit analyze`` from one process to Dask workers (issue 22, part 6).

Builds an ``--n``-line JSONL file (default 200,000) of short texts from the shared corpora —
English SemEval-2017 tweets, Turkish BounTi tweets and Rotten Tomatoes sentences,
interleaved and cycled — in a temporary folder (never in the repository), then runs the
command line on it, one run after another:

* ``local``: ``sentikit analyze --input F -o OUT`` (one process);
* ``dask-1``, ``dask-2``: ``--engine dask --jobs 1`` / ``--jobs 2`` (a LocalCluster of 1 or 2
  worker processes with one thread each, started by the command);
* ``jobs-2`` (``--with-jobs``): ``--jobs 2`` (a process pool, no Dask).

Every output must be byte-identical to the local run's (the script fails otherwise). For each
run it reports the wall-clock seconds of the whole command (start-up, cluster, model loads
included) and lines/s, and, with ``--net`` (default), the same command on a
``--startup-n``-line head of the file (cut into one partition per worker, so that every
worker starts and loads its models), whose time is taken as the run's fixed cost: ``net``
lines/s = (n − startup_n) / (seconds − startup seconds), the steady throughput a long corpus
sees. Ratios are against the local run. CPU seconds (user + system, of the whole process
tree: the command and the cluster it starts) give lines per CPU-second, gross and net of the
start-up run: what a worker does with a core of its own, which a busy machine's wall-clock
cannot show. The floor (issue 22): ``dask-2`` ≥ 1.6 × ``local``.

It also measures, for the capacity plan (``docs/notes/dask.md``): the peak RSS of one Dask
worker after analyzing a 20,000-line sample with both models loaded (``sentikit.dask.analyze``
on a LocalCluster of one worker), the peak RSS of the one-process run, and the client's
ceiling: records/s of the work the command line does itself in a parallel run (cutting the
input into parts of raw lines, unpickling the JSONL text a worker sends, writing it), over a
sample.

``--idle`` only measures the CPU an idle one-worker LocalCluster spends per second (client and
scheduler process, worker), with Dask's defaults and with ``sentikit.dask.LOCAL_CLUSTER_CONFIG``.

Usage::

    nice -n 10 python benchmarks/dask_scaling.py --n 200000 --json /tmp/dask_scaling.json
    nice -n 10 python benchmarks/dask_scaling.py --n 20000 --with-jobs   # a quick look
    python benchmarks/dask_scaling.py --idle
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import pickle
import platform
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Any

from sentikit.errors import SentikitError

#: (corpus, split) pairs of short texts, interleaved.
CORPORA = (
    ("english-tweets-semeval2017-3class", "train"),
    ("turkish-tweets-bounti-3class", None),
    ("english-movie-sentences-rt-polarity", None),
)
#: Lines of the sample the worker's memory and the client's ceiling are measured on.
SAMPLE = 20_000


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def short_texts() -> tuple[list[str], list[str]]:
    """The interleaved texts of :data:`CORPORA`, and the names of those read."""
    from sentikit.io.datasets import load_dataset

    pools, names = [], []
    for name, split in CORPORA:
        try:
            pools.append([e.text for e in load_dataset(name, split)])
            names.append(name)
        except (SentikitError, OSError) as exc:
            log(f"{name}: not used ({exc})")
    if not pools:
        raise SystemExit("no corpus found: set SENTIKIT_DATA to the shared datasets folder")
    return [t for group in zip(*pools, strict=False) for t in group], names


def write_input(path: Path, texts: list[str], n: int) -> float:
    """Write ``n`` lines; returns the mean characters of their texts."""
    chars = 0
    with path.open("w", encoding="utf-8") as f:
        for i, t in enumerate(islice(cycle(texts), n)):
            chars += len(t)
            f.write(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n")
    return chars / max(1, n)


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_cli(src: Path, out: Path, extra: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one ``sentikit analyze`` command (a fresh interpreter).

    The CPU seconds are those of the whole process tree (the command, and the LocalCluster's
    scheduler, nannies and workers it starts, each waited for by its parent): unlike the
    wall-clock, they hardly change with what else the machine runs."""
    cmd = [sys.executable, "-m", "sentikit", "analyze", "--input", str(src), "-o", str(out)]
    cmd += ["--overwrite", *extra]
    cpu0, t0 = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - t0, _children_cpu() - cpu0


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def worker_peak_rss_mb(src: Path) -> float:
    """Peak RSS (MB) of one Dask worker after analyzing the first :data:`SAMPLE` lines."""
    import dask.dataframe as dd
    import pandas as pd

    import sentikit.dask

    pdf = pd.read_json(src, lines=True, nrows=SAMPLE, dtype={"id": str})
    with sentikit.dask.client(n_workers=1) as c:
        sentikit.dask.analyze(dd.from_pandas(pdf, npartitions=10), text="text").compute()
        peaks = c.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return max(peaks.values()) / 1024


def client_ceiling(src: Path, out: Path) -> float:
    """Records/s of the command line's own work in a parallel run over a JSONL file, over
    :data:`SAMPLE` lines: read the input and cut it into parts of raw lines
    (``sentikit.io.line_parts``, pickled as they are sent), unpickle the JSONL text a worker
    sends back for each part and write it."""
    from sentikit.io.line_parts import line_parts
    from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE

    with out.open(encoding="utf-8") as f:
        lines = list(islice(f, SAMPLE))
    size = DEFAULT_BATCH_SIZE
    blobs = [
        pickle.dumps("".join(lines[i : i + size]), protocol=5) for i in range(0, len(lines), size)
    ]
    t0 = time.perf_counter()
    with src.open("rb") as f:
        head = io.BytesIO(b"".join(islice(f, len(lines))))
    sent = [pickle.dumps(part, protocol=5) for part in line_parts(head, "jsonl", size)]
    sink = io.StringIO()
    for blob in blobs:
        sink.write(pickle.loads(blob))
    assert len(sent) == len(blobs)
    return len(lines) / (time.perf_counter() - t0)


def _cpu_self() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def idle_cpu(seconds: float = 10.0) -> dict[str, dict[str, float]]:
    """CPU milliseconds per second that an idle one-worker LocalCluster spends, in the client
    and scheduler process and in the worker, with Dask's defaults and with
    :data:`sentikit.dask.LOCAL_CLUSTER_CONFIG`."""
    import logging

    import dask
    import distributed

    import sentikit.dask

    out = {}
    for name, cfg in (("defaults", {}), ("sentikit", sentikit.dask.LOCAL_CLUSTER_CONFIG)):
        with (
            dask.config.set(cfg),
            distributed.LocalCluster(
                n_workers=1,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            ) as cluster,
            distributed.Client(cluster) as c,
        ):
            time.sleep(2)
            w0, s0 = c.run(_cpu_self), _cpu_self()
            time.sleep(seconds)
            w1, s1 = c.run(_cpu_self), _cpu_self()
        worker = sum(w1[k] - w0[k] for k in w0)
        out[name] = {
            "client_and_scheduler_ms_per_s": round(1000 * (s1 - s0) / seconds, 1),
            "worker_ms_per_s": round(1000 * worker / seconds, 1),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200_000, help="lines of the input file")
    ap.add_argument("--startup-n", type=int, default=256, help="lines of the start-up run")
    ap.add_argument("--no-net", dest="net", action="store_false", help="skip start-up runs")
    ap.add_argument("--with-jobs", action="store_true", help="also run --jobs 2 (no Dask)")
    ap.add_argument("--workdir", type=Path, help="where the input and outputs go (default: /tmp)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--idle", action="store_true", help="only the idle CPU of a LocalCluster")
    args = ap.parse_args()
    if args.idle:
        print(json.dumps(idle_cpu(), indent=2))
        return

    texts, names = short_texts()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sentikit-dask-scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    src, head = work / "input.jsonl", work / "head.jsonl"
    mean_chars = write_input(src, texts, args.n)
    write_input(head, texts, args.startup_n)
    log(f"{args.n:,} lines of {' + '.join(names)} in {src}")
    load_before = os.getloadavg()

    # (name, options, workers)
    runs: list[tuple[str, list[str], int]] = [
        ("local", [], 1),
        ("dask-1", ["--engine", "dask", "--jobs", "1"], 1),
        ("dask-2", ["--engine", "dask", "--jobs", "2"], 2),
    ]
    if args.with_jobs:
        runs.append(("jobs-2", ["--jobs", "2"], 2))
    figures: dict[str, dict[str, Any]] = {}
    reference = None
    local_rss = None
    for name, extra, workers in runs:
        out = work / f"out-{name}.jsonl"
        seconds, cpu = run_cli(src, out, extra)
        if local_rss is None:  # the first child: the one-process run
            local_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        sha = digest(out)
        reference = reference or sha
        fig: dict[str, Any] = {
            "seconds": round(seconds, 2),
            "lines_per_s": round(args.n / seconds, 1),
            "cpu_seconds": round(cpu, 2),
            "lines_per_cpu_s": round(args.n / cpu, 1),
            "identical_to_local": sha == reference,
        }
        if args.net:
            # one partition per worker, so that every worker loads its models in this run too
            split = ["--partitions", str(workers)] if workers > 1 else []
            fixed, fixed_cpu = run_cli(head, work / f"head-{name}.jsonl", [*extra, *split])
            fig["startup_seconds"] = round(fixed, 2)
            fig["startup_cpu_seconds"] = round(fixed_cpu, 2)
            fig["net_lines_per_s"] = round((args.n - args.startup_n) / (seconds - fixed), 1)
            net_cpu = (args.n - args.startup_n) / (cpu - fixed_cpu)
            fig["net_lines_per_cpu_s"] = round(net_cpu, 1)
        figures[name] = fig
        log(f"{name}: {fig}")
        if sha != reference:
            raise SystemExit(f"{name}: output differs from the local run's ({out})")
    for fig in figures.values():
        fig["ratio"] = round(fig["lines_per_s"] / figures["local"]["lines_per_s"], 3)
        if args.net:
            net = fig["net_lines_per_s"] / figures["local"]["net_lines_per_s"]
            fig["net_ratio"] = round(net, 3)

    report = {
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "n": args.n,
        "corpora": names,
        "mean_chars": round(mean_chars, 1),
        "runs": figures,
        "floor_dask2_vs_local": 1.6,
        "meets_floor": figures["dask-2"]["ratio"] >= 1.6,
        "worker_peak_rss_mb": round(worker_peak_rss_mb(src), 1),
        "local_peak_rss_mb": round(local_rss or 0.0, 1),
        "client_ceiling_lines_per_s": round(client_ceiling(src, work / "out-local.jsonl"), 1),
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
