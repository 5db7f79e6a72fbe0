"""Reproduce the baseline table: three simple classifiers through ``sentikit.evaluation``.

Runs TF-IDF word 1–2-gram + logistic regression, NBSVM and char 2–5-gram + linear SVM on each
corpus under its reference protocol and writes a markdown table (mean ± std over folds) to
``docs/notes/baselines.md``.

Usage::

    python benchmarks/baselines.py                      # full run, writes docs/notes/baselines.md
    python benchmarks/baselines.py --max-folds 2 --out /tmp/b.md   # quick check
    python benchmarks/baselines.py --datasets sst2 sst5 --json /tmp/b.json

Data: ``$SENTIKIT_DATA`` or ``../shared/datasets``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import sklearn  # noqa: E402

from sentikit.evaluation import evaluate  # noqa: E402
from sentikit.evaluation.baselines import BASELINES, TfidfLogReg  # noqa: E402

#: (evaluation name, protocol, table caption) — the rows of the reference table.
CORPORA = [
    ("turkish-movie-reviews", "cv10", "Turkish movie reviews (10-fold)"),
    ("turkish-twitter-sentiment", "official", "Turkish tweets (official train/test)"),
    ("english-movie-sentences-rt-polarity", "cv10", "English movie sentences (10-fold)"),
    ("sst2", "official", "SST-2, sentence roots (official)"),
    ("sst5", "official", "SST-5, sentence roots (official)"),
]
EXTRA = [
    ("turkish-store-reviews-3class", "cv10", "Turkish store reviews, 3-class (10-fold)"),
]

#: Reference accuracies (%) from the issue, measured on this kind of machine.
REFERENCE = {
    ("turkish-movie-reviews", "tfidf_lr"): 89.83,
    ("turkish-movie-reviews", "nbsvm"): 90.01,
    ("turkish-movie-reviews", "char_svm"): 89.69,
    ("turkish-twitter-sentiment", "tfidf_lr"): 66.67,
    ("turkish-twitter-sentiment", "nbsvm"): 67.72,
    ("turkish-twitter-sentiment", "char_svm"): 77.43,
    ("english-movie-sentences-rt-polarity", "tfidf_lr"): 77.92,
    ("english-movie-sentences-rt-polarity", "nbsvm"): 80.07,
    ("english-movie-sentences-rt-polarity", "char_svm"): 78.17,
    ("sst2", "tfidf_lr"): 81.38,
    ("sst2", "nbsvm"): 82.98,
    ("sst2", "char_svm"): 81.11,
    ("sst5", "tfidf_lr"): 39.95,
    ("sst5", "char_svm"): 39.19,
}
#: Explanation of the gaps > 0.5 to the reference (diagnostics of the full run, 2026-11-28).
NOTES = """\
## Gaps to the reference figures

- **TF-IDF + LR on Turkish movie reviews (−1.20), rt-polarity sentences (−1.91) and SST-2
  (−3.29).** With the specified C = 1 the model is strongly regularised on these corpora; weaker
  regularisation reproduces the reference: C = 10 gives 89.64 (movie reviews, 10-fold) and 78.02
  (rt-polarity, 10-fold), and C = 100 gives exactly 81.38 on SST-2. On the tweets and SST-5 the
  reference is matched at C = 1 instead (C = 10 would give 68.78 and 41.58, far above it). The
  reference LR column therefore seems to mix regularisation strengths (C tuned per corpus); this
  table keeps C = 1 as specified. Other variants tried on SST-2 (C = 1): detokenised text 78.25,
  train + dev 78.58, sublinear tf 78.47, min_df = 2 79.68, liblinear 77.98, no l2 norm 81.05,
  training on all phrases 82.21.
- **char 2–5-gram SVM on SST-5 (+0.54, i.e. 12 of 2210 sentences).** Deterministic here (same
  39.73 with LinearSVC random_state 0 or 1 and tol 1e-6; detokenised text gives 39.82); most
  likely a library-version difference in the reference run. Not chased further.
- **NBSVM** interpolates the intercept with the weights (b' = β·b alongside
  w' = (1 − β)·mean|w| + β·w). Keeping b unscaled drops the tweets to 62.24 (the full-size
  intercept dominates the shrunken weights on short texts and the model predicts the majority
  class); with b' = β·b the reference is reproduced exactly on movie reviews (90.01), tweets
  (67.72) and rt-polarity (80.07). SST-5 NBSVM (one-vs-rest) has no reference figure.

Diagnostic commands (each writes its own small report):
`python benchmarks/baselines.py --baselines tfidf_lr --lr-c 10 --datasets turkish-movie-reviews
english-movie-sentences-rt-polarity turkish-twitter-sentiment sst5 --out /tmp/lr10.md`;
`python benchmarks/baselines.py --baselines tfidf_lr --lr-c 100 --datasets sst2
--out /tmp/lr100.md`.
"""

COLUMNS = [
    ("tfidf_lr", "TF-IDF 1–2-gram + LR"),
    ("nbsvm", "NBSVM"),
    ("char_svm", "char 2–5-gram + linear SVM"),
]


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"scikit-learn {sklearn.__version__}, {platform.system()} {platform.release()}"
    )


def _cell(res: dict | None) -> str:
    if res is None:
        return "—"
    if res["protocol"] == "official":
        return f"{res['accuracy']:.2f}"
    return f"{res['accuracy']:.2f} ± {res['accuracy_std']:.2f}"


def render(
    results: dict,
    command: str,
    started: str,
    wall: float,
    max_folds: int | None,
    notes: bool = True,
) -> str:
    """The markdown report."""
    lines = [
        "# Baselines: three simple classifiers on the benchmark corpora",
        "",
        f"- Command: `{command}`",
        f"- Date: {started} (wall time {wall / 60:.1f} min)",
        f"- Machine: {_machine()}",
        "- Protocols: `cv10` = StratifiedKFold(n_splits=10, shuffle=True, random_state=0) over "
        "the whole corpus; `official` = train split → test split (SST: train only, sentence "
        "roots, dev unused).",
        "- Cells: accuracy % (mean ± sample std over the 10 folds for cv10); reference = the "
        "issue's figures; Δ = ours − reference.",
    ]
    if max_folds:
        lines.append(f"- **Partial run: only the first {max_folds} fold(s) of cv10.**")
    lines += ["", "| corpus (protocol) | " + " | ".join(c[1] for c in COLUMNS) + " |"]
    lines.append("|---|" + "---|" * len(COLUMNS))
    for name, _protocol, caption in CORPORA + EXTRA:
        if name not in results:
            continue
        cells = []
        for key, _ in COLUMNS:
            res = results[name].get(key)
            ref = REFERENCE.get((name, key))
            cell = _cell(res)
            if res is not None and ref is not None:
                cell += f" (ref {ref:.2f}, Δ {res['accuracy'] - ref:+.2f})"
            cells.append(cell)
        lines.append(f"| {caption} | " + " | ".join(cells) + " |")
    lines += ["", "Macro-F1 % (same runs):", ""]
    lines += ["| corpus | " + " | ".join(c[1] for c in COLUMNS) + " |"]
    lines.append("|---|" + "---|" * len(COLUMNS))
    for name, _protocol, caption in CORPORA + EXTRA:
        if name not in results:
            continue
        cells = []
        for key, _ in COLUMNS:
            res = results[name].get(key)
            cells.append(
                "—"
                if res is None
                else f"{res['macro_f1']:.2f}"
                + (f" ± {res['macro_f1_std']:.2f}" if res["protocol"] == "cv10" else "")
            )
        lines.append(f"| {caption} | " + " | ".join(cells) + " |")
    lines += ["", "Seconds per run (fit + predict over all folds):", ""]
    for name, _protocol, caption in CORPORA + EXTRA:
        if name in results:
            secs = ", ".join(
                f"{k} {results[name][k]['seconds']:.0f} s" for k, _ in COLUMNS if k in results[name]
            )
            lines.append(f"- {caption}: {secs}")
    if not max_folds and notes:
        lines += ["", NOTES.rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", nargs="*", help="evaluation names (default: the table rows)")
    default_keys = [k for k, _ in COLUMNS]
    ap.add_argument("--baselines", nargs="*", default=default_keys)
    ap.add_argument("--max-folds", type=int, default=None, help="cv10: run only the first N")
    ap.add_argument("--extra", action="store_true", help="also the extra corpora")
    ap.add_argument("--out", default=str(REPO / "docs" / "notes" / "baselines.md"))
    ap.add_argument("--json", default=None, help="also write all results as JSON here")
    ap.add_argument(
        "--lr-c", type=float, default=None, help="diagnostics: C of the TF-IDF + LR baseline"
    )
    args = ap.parse_args(argv)

    rows = CORPORA + (EXTRA if args.extra else [])
    if args.datasets:
        known = {r[0]: r for r in CORPORA + EXTRA}
        rows = [known.get(d, (d, "", d)) for d in args.datasets]
    started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    t0 = time.perf_counter()
    results: dict[str, dict[str, dict]] = {}
    for name, protocol, _caption in rows:
        results[name] = {}
        for key in args.baselines:
            factory: Callable[..., Any] = BASELINES[key]
            if key == "tfidf_lr" and args.lr_c is not None:
                factory = functools.partial(TfidfLogReg, C=args.lr_c)
            res = evaluate(
                name,
                factory,
                protocol=protocol or None,
                max_folds=args.max_folds,
                progress=lambda m: print(m, file=sys.stderr, flush=True),
            )
            d = res.to_dict()
            results[name][key] = d
            print(
                f"{name} {d['protocol']} {key}: accuracy {d['accuracy']:.2f} ± "
                f"{d['accuracy_std']:.2f}, macro-F1 {d['macro_f1']:.2f} ({d['seconds']:.0f} s)",
                flush=True,
            )
    wall = time.perf_counter() - t0
    command = "python benchmarks/baselines.py" + (
        " " + " ".join(argv if argv is not None else sys.argv[1:])
        if (argv if argv is not None else sys.argv[1:])
        else ""
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    default_run = not (args.datasets or args.lr_c is not None or args.baselines != default_keys)
    report = render(results, command, started, wall, args.max_folds, notes=default_run)
    out.write_text(report, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"wrote {out} (wall {wall:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
