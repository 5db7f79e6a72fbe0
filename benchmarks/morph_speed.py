"""Speed of the morpheme feature family: type-level analysis, cold training, warm prediction.

One process, in this order:

1. **Analyzer search, same word sample, cold**: zeyrek's own ``RuleBasedAnalyzer.analyze``
   (the library's search: the baseline) vs sentikit's ``ZeyrekAnalyzer`` (memoized
   outgoing-surface index), both with a loaded lexicon and empty caches; types/s in CPU time
   and wall time.
2. **Cold training on all 14,040 Turkish movie reviews**: a fresh :class:`TypeMorphology`
   (no on-disk cache: ``SENTIKIT_CACHE_DIR`` is ignored) — reading the corpus, fast-path
   tokenization, loading zeyrek, type-level analysis + disambiguation, the
   ``sentikit.morph_forms.v1`` family (root form, unigrams + tag columns, NB scaling) and a
   liblinear logistic regression. Wall and CPU seconds per stage.
3. **Warm prediction** (texts → labels) on the same 14,040 reviews: the trained family + LR
   restored from its pickle-free state (so the morphology comes from the stored table), beside
   the TF-IDF + LR baseline (``sentikit.evaluation.baselines.TfidfLogReg``) in the same run;
   best of 3 wall times. ``analyzer_loaded_at_prediction`` checks that the restored family
   never loaded the analyzer (every training word came from the stored table).

Usage::

    python benchmarks/morph_speed.py                 # writes docs/results/morph_speed.json
    python benchmarks/morph_speed.py --sample 500 --out /tmp/s.json
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.pop("SENTIKIT_CACHE_DIR", None)  # cold means cold

from sentikit.evaluation.baselines import TfidfLogReg  # noqa: E402
from sentikit.features.morph import MorphForms, TypeMorphology  # noqa: E402
from sentikit.io import load_dataset  # noqa: E402
from sentikit.lang import get_processor  # noqa: E402
from sentikit.lang.tr.morphology import ZeyrekAnalyzer  # noqa: E402


class Clock:
    """Wall and CPU time of a block."""

    def __enter__(self) -> Clock:
        self.w0, self.c0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.w0
        self.cpu = time.process_time() - self.c0

    def d(self) -> dict[str, float]:
        return {"wall_s": round(self.wall, 2), "cpu_s": round(self.cpu, 2)}


def search_speed(words: list[str]) -> dict[str, Any]:
    """zeyrek's RuleBasedAnalyzer vs sentikit's search on the same words (lexicon loaded)."""
    ours = ZeyrekAnalyzer()
    ours.load()
    zk = ours._zk  # the zeyrek MorphAnalyzer sentikit loaded: same lexicon, its own search
    with Clock() as base:
        for w in words:
            zk.analyzer.analyze(w.replace("'", ""))
    with Clock() as new:
        ours.analyze_many(words)
    return {
        "types": len(words),
        "zeyrek_rulebased": {**base.d(), "types_per_s_cpu": round(len(words) / base.cpu)},
        "sentikit": {**new.d(), "types_per_s_cpu": round(len(words) / new.cpu)},
        "speedup_cpu": round(base.cpu / new.cpu, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="docs/results/morph_speed.json")
    ap.add_argument("--sample", type=int, default=2000, help="word types for step 1")
    ap.add_argument("--limit", type=int, default=0, help="first N reviews (quick checks)")
    args = ap.parse_args()
    log = lambda m: print(m, flush=True)  # noqa: E731
    report: dict[str, Any] = {
        "command": "python " + " ".join(sys.argv),
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}",
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }

    # 2 first (cold process state matters for the training figure), 1 afterwards
    total = Clock().__enter__()
    with Clock() as c_read:
        exs = load_dataset("turkish-movie-reviews")
        if args.limit:
            exs = exs[: args.limit]
        texts = [e.text for e in exs]
        y = np.asarray([e.label for e in exs])
    proc = get_processor("tr")
    with Clock() as c_tok:
        docs = proc.make_docs(texts)
    fam = MorphForms(form="root", ngram_range=(1, 1), tags=True)
    with Clock() as c_load:
        fam.morphology.morph.load()  # type: ignore[attr-defined]
    with Clock() as c_morph:
        units = fam.morphology.units(docs)
    n_types = fam.morphology.morph.stats["analyzed"]  # type: ignore[attr-defined]
    with Clock() as c_fit:
        X = fam.fit_counts(docs)  # units now come from the in-memory table
        fam.set_scale(fam.column_scale(X, y))
        lr = LogisticRegression(C=1.0, solver="liblinear", dual=True, max_iter=1000)
        lr.fit(fam.weigh(X, fam.scale_), y)
    total.__exit__()
    n_tokens = sum(len(u) for u in units)
    report["cold_training"] = {
        "reviews": len(texts),
        "units": n_tokens,
        "word_types_analyzed": n_types,
        "word_contexts": len(fam.morphology),
        "read": c_read.d(),
        "tokenize": c_tok.d(),
        "analyzer_load": c_load.d(),
        "analysis_and_disambiguation": {
            **c_morph.d(),
            "types_per_s_wall": round(n_types / c_morph.wall),
            "types_per_s_cpu": round(n_types / c_morph.cpu),
        },
        "family_and_lr_fit": c_fit.d(),
        "total": total.d(),
        "columns": X.shape[1],
    }
    log(json.dumps(report["cold_training"], indent=1))

    # 3: warm prediction, restored family vs TF-IDF + LR, same texts, same run
    meta, arrays = fam.to_state()
    meta = json.loads(json.dumps(meta, ensure_ascii=False))
    restored = MorphForms.from_state(meta, arrays)
    # a fresh morphology holding only the stored table (the shared one has the analyzer loaded)
    restored._morph = TypeMorphology("zeyrek")
    restored._morph.load_table(meta["morphology"])

    def ours(batch: list[str]) -> Any:
        return lr.predict(restored.transform(proc.make_docs(batch)))

    base = TfidfLogReg(lang="tr").fit(texts, list(y))
    ours(texts[:200])
    base.predict(texts[:200])
    times: dict[str, list[float]] = {"morph_forms_lr": [], "tfidf_lr": []}
    for _ in range(3):
        for name, fn in (("morph_forms_lr", ours), ("tfidf_lr", base.predict)):
            t0 = time.perf_counter()
            fn(texts)
            times[name].append(time.perf_counter() - t0)
    report["warm_prediction"] = {
        name: {
            "best_wall_s": round(min(ts), 3),
            "reviews_per_s": round(len(texts) / min(ts)),
        }
        for name, ts in times.items()
    }
    report["warm_prediction"]["analyzer_loaded_at_prediction"] = (
        restored.morphology._analyzer is not None
    )
    report["warm_prediction"]["training_accuracy_sanity"] = round(
        100 * float(np.mean(ours(texts) == y)), 2
    )
    log(json.dumps(report["warm_prediction"], indent=1))

    # 1: analyzer search speed on a sample of word types (fresh caches)
    rng = np.random.default_rng(0)
    vocab = sorted({u.surface for us in units for u in us if u.tags or u.surface.isalpha()})
    sample = [vocab[i] for i in rng.choice(len(vocab), min(args.sample, len(vocab)), False)]
    report["search_speed"] = search_speed(sample)
    log(json.dumps(report["search_speed"], indent=1))
    report["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
