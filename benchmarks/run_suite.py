"""Run the accuracy suite of BENCHMARKS.md in parallel: the default configurations on every
benchmark corpus and the ablation studies, one process per job.

Every job is an ordinary command of the repository (``sentikit evaluate`` or
``benchmarks/ablation.py``) writing its JSON into ``--out``; this script only schedules them.
Each job is single-threaded, so ``--jobs`` should not exceed the number of cores.

Usage::

    python benchmarks/run_suite.py --jobs 2 --out docs/results            # everything
    python benchmarks/run_suite.py --only evaluate --out /tmp/results     # default models only
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

#: (dataset, protocol) of the default-model evaluations (BENCHMARKS.md).
EVALUATIONS = [
    ("turkish-movie-reviews", "cv10"),
    ("turkish-twitter-sentiment", "official"),
    ("turkish-twitter-sentiment", "cv10"),
    ("english-movie-sentences-rt-polarity", "cv10"),
    ("sst2", "official"),
    ("sst5", "official"),
    ("english-imdb-reviews", "official"),
]

#: Corpora of the drop-one-family ablation (paired t-tests need folds: 10-fold CV).
DROP = ["turkish-movie-reviews", "turkish-twitter-sentiment", "english-movie-sentences-rt-polarity"]

#: (dataset, study, extra arguments) of the score-source studies (METHODS.md §8 setting).
STUDIES = [
    ("turkish-movie-reviews", "alpha", []),
    ("turkish-twitter-sentiment", "alpha", []),
    ("english-movie-sentences-rt-polarity", "alpha", []),
    (
        "turkish-movie-reviews",
        "sources",
        ["--lexicon", "lexicon-sentiturknet", "--transfer", "turkish-twitter-sentiment"],
    ),
    (
        "turkish-twitter-sentiment",
        "sources",
        ["--lexicon", "lexicon-sentiturknet", "--transfer", "turkish-movie-reviews"],
    ),
    (
        "english-movie-sentences-rt-polarity",
        "sources",
        ["--lexicon", "lexicon-hu-liu-opinion-lexicon", "--transfer", "english-imdb-reviews:train"],
    ),
]


def _ablation_module() -> ModuleType:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "ablation", Path(__file__).with_name("ablation.py")
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def jobs(only: str | None, out: Path) -> tuple[list[tuple[str, list[str]]], list[list[str]]]:
    """(name, argv) of every job, the slowest first, and the merge commands to run after."""
    from sentikit.io.datasets import dataset_info

    py = sys.executable
    todo: list[tuple[str, list[str]]] = []
    merges: list[list[str]] = []
    if only in (None, "evaluate"):
        for ds, proto in EVALUATIONS:
            if only is None and proto == "cv10" and ds in DROP:
                continue  # the reference row (variant 0) of the drop ablation is this run
            name = f"eval-{ds}-{proto}"
            argv = [py, "-m", "sentikit", "evaluate", "--dataset", ds, "--protocol", proto]
            todo.append((name, [*argv, "--json", str(out / f"{name}.json")]))
    if only in (None, "drop"):
        abl = _ablation_module()
        for ds in DROP:
            n = len(abl.variants("drop", dataset_info(ds).lang, {}))
            base = f"ablation-drop-{ds}"
            parts = []
            for i in range(n):
                part = out / f"{base}.part{i}.json"
                parts.append(str(part))
                argv = [
                    py,
                    "benchmarks/ablation.py",
                    "--dataset",
                    ds,
                    "--study",
                    "drop",
                    "--protocol",
                    "cv10",
                    "--variant",
                    str(i),
                    "--json",
                    str(part),
                ]
                todo.append((f"{base}.part{i}", argv))
            merges.append(
                [
                    py,
                    "benchmarks/ablation.py",
                    "--dataset",
                    ds,
                    "--study",
                    "drop",
                    "--merge",
                    *parts,
                    "--json",
                    str(out / f"{base}.json"),
                ]
            )
    if only in (None, "studies"):
        for ds, study, extra in STUDIES:
            name = f"ablation-{study}-{ds}"
            todo.append(
                (
                    name,
                    [
                        py,
                        "benchmarks/ablation.py",
                        "--dataset",
                        ds,
                        "--study",
                        study,
                        "--protocol",
                        "cv10",
                        *extra,
                        "--json",
                        str(out / f"{name}.json"),
                    ],
                )
            )
    slow = ("imdb", "turkish-movie-reviews-cv10", "drop-turkish-movie", "drop-english")
    todo.sort(key=lambda j: not any(s in j[0] for s in slow))
    return todo, merges


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path, default=Path("docs/results"))
    ap.add_argument("--only", choices=["evaluate", "drop", "studies"], default=None)
    ap.add_argument("--filter", default=None, help="run only jobs whose name contains this")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    todo, merges = jobs(args.only, args.out)
    todo = [j for j in todo if not args.filter or args.filter in j[0]]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")

    def run(job: tuple[str, list[str]]) -> tuple[str, int, float]:
        name, argv = job
        t0 = time.time()
        with (args.out / f"{name}.log").open("w") as log:
            log.write("$ " + shlex.join(argv) + "\n")
            log.flush()
            rc = subprocess.call(argv, stdout=log, stderr=subprocess.STDOUT, env=env)
        dt = time.time() - t0
        print(f"{name}: rc={rc} {dt:.0f}s", flush=True)
        return name, rc, dt

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(run, todo))
    for argv in merges:
        if all(Path(a).exists() for a in argv if a.endswith(".json") and ".part" in a):
            subprocess.call(argv, env=env)
    failed = [n for n, rc, _ in results if rc != 0]
    print(
        f"{len(results) - len(failed)}/{len(results)} jobs ok"
        + (f"; failed: {failed}" if failed else "")
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
