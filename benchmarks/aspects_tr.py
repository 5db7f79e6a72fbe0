"""Turkish aspects (issue 20): 10-fold CV on SemEval-2016 Turkish restaurants (train), the
partial official test, and the shipped model.

Figures (every one in the JSON, per fold and as mean ± sd over folds, plus pooled over folds):

- **targets**: opinion target extraction, exact match of ``(from, to)`` per sentence, micro
  precision / recall / F1 (``NULL`` targets are not spans; repeated targets count once, as in
  the SemEval-2016 evaluation of slot 2);
- **categories**: sentence-level ``ENTITY#ATTRIBUTE`` sets, micro F1 (slot 1);
- **polarity**: accuracy over every gold opinion (``NULL`` ones included) given its gold target
  and category (slot 3), with the features of a Turkish sentiment model as prior: ``clean``
  (``--clean-prior DIR``: the shipped configuration trained without the SemEval-2016 sentences,
  the headline figure), ``shipped`` (the shipped model, which was trained on these very
  sentences' labels among other corpora: optimistic in CV) and ``none``.

The folds: ``GroupKFold(10, shuffle=True, random_state=SEED)`` over the 1,232 training sentences
with the review id as group (a review's sentences stay in one fold). These are CV figures, not
the SemEval test protocol.

Partial official test (``semeval2016-absa-turkish-restaurants-test-partial``, evaluation only:
106 sentences / 146 explicit-target opinions, no offsets, no categories): a model trained on all
1,232 training sentences (the shipped one, ``--save`` writes it) extracts targets from each
test sentence, compared as multisets of strings with the gold targets (the file has no NULL
targets and no sentences without an explicit target, so precision counts only these
sentences); polarity of each gold target (its first occurrence in the sentence), with the
category the model's target-category classifier predicts (the file gives none).

Usage::

    python benchmarks/aspects_tr.py --json docs/results/aspects-tr.json --save
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold

from sentikit.aspects.tr import SHIPPED_DIR, TurkishAspectModel, gold_opinions, micro_f1
from sentikit.aspects.tr_features import analyze_texts
from sentikit.aspects.tr_rows import prior_for
from sentikit.io._files import data_file, read_csv_rows
from sentikit.io.absa import SEMEVAL2016_TR_DATASET, load_absa_semeval2016_tr
from sentikit.paths import RESOURCES_DIR

SEED = 0
TEST = "semeval2016-absa-turkish-restaurants-test-partial"


def _accuracy(gold: list[str], probs: list[list[dict[str, float]]]) -> float:
    pred = [max(p, key=lambda c: p[c]) for ps in probs for p in ps]
    return 100.0 * float(np.mean([a == b for a, b in zip(gold, pred, strict=True)]))


def _fold(
    tr: np.ndarray, te: np.ndarray, toks: list, gold: list, priors: dict[str, list], settings: dict
) -> dict[str, Any]:
    """One fold: the model with the clean prior (or the shipped one without ``--clean-prior``),
    then its polarity classifier refitted with each other prior and without one."""
    main = "clean" if "clean" in priors else "shipped"
    t0 = time.perf_counter()
    m = TurkishAspectModel(**settings).fit_analyzed(
        [toks[i] for i in tr], [gold[i] for i in tr], [priors[main][i] for i in tr]
    )
    fit_s = time.perf_counter() - t0
    tt = [toks[i] for i in te]
    g_spans = [{o.span for o in gold[i] if o.span is not None} for i in te]
    p_spans = [set(p) for p in m.predict_targets(tt)]
    g_cats = [{o.category for o in gold[i]} for i in te]
    p_cats = [set(p) for p in m.predict_categories(tt)]
    ops = [[(o.span, o.category) for o in gold[i]] for i in te]
    y = [o.polarity for i in te for o in gold[i]]
    pol = {main: _accuracy(y, m.predict_polarity(tt, ops, [priors[main][i] for i in te]))}
    others = {k: v for k, v in priors.items() if k != main}
    pol.update(_polarity_fold(tr, te, toks, gold, others, settings))
    return {
        "n_test_sentences": len(te),
        "fit_seconds": fit_s,
        "targets": micro_f1(g_spans, p_spans),
        "categories": micro_f1(g_cats, p_cats),
        "category_threshold": m.threshold_,
        "polarity_accuracy": pol,
        "n_opinions": len(y),
        "_counts": (g_spans, p_spans, g_cats, p_cats),
    }


def _polarity_fold(
    tr: np.ndarray, te: np.ndarray, toks: list, gold: list, priors: dict[str, list], settings: dict
) -> dict[str, float]:
    """Polarity accuracy of one fold with each prior of ``priors`` and without one (``none``);
    only the polarity classifier is trained."""
    tt = [toks[i] for i in te]
    ops = [[(o.span, o.category) for o in gold[i]] for i in te]
    y = [o.polarity for i in te for o in gold[i]]
    pol = {}
    for name in [*priors, "none"]:
        m = TurkishAspectModel(**{**settings, "use_prior": name != "none"})
        p = priors.get(name)
        m.fit_polarity(
            [toks[i] for i in tr], [gold[i] for i in tr], None if p is None else [p[i] for i in tr]
        )
        pol[name] = _accuracy(
            y, m.predict_polarity(tt, ops, None if p is None else [p[i] for i in te])
        )
    return pol


def _summary(folds: list[dict[str, Any]]) -> dict[str, Any]:
    def ms(values: list[float]) -> dict[str, float]:
        return {"mean": float(np.mean(values)), "sd": float(np.std(values, ddof=1))}

    g_s, p_s, g_c, p_c = ([], [], [], [])
    for f in folds:
        a, b, c, d = f.pop("_counts")
        g_s += a
        p_s += b
        g_c += c
        p_c += d
    return {
        "targets_f1": ms([f["targets"]["f1"] for f in folds]),
        "targets_precision": ms([f["targets"]["precision"] for f in folds]),
        "targets_recall": ms([f["targets"]["recall"] for f in folds]),
        "categories_f1": ms([f["categories"]["f1"] for f in folds]),
        "polarity_accuracy": {
            k: ms([f["polarity_accuracy"][k] for f in folds]) for k in folds[0]["polarity_accuracy"]
        },
        "pooled": {"targets": micro_f1(g_s, p_s), "categories": micro_f1(g_c, p_c)},
    }


def _test_rows() -> tuple[list[tuple[str, list[str]]], list[tuple[str, str, str]]]:
    sent = read_csv_rows(data_file(TEST, "test.csv"))
    hs = [h.strip() for h in sent[0]]
    ti, ai = hs.index("text"), hs.index("aspects")
    sentences = [(r[ti], [a.strip() for a in r[ai].split("|") if a.strip()]) for r in sent[1:]]
    asp = read_csv_rows(data_file(TEST, "test_aspect_level.csv"))
    ha = [h.strip() for h in asp[0]]
    ti, ai, li = ha.index("text"), ha.index("aspect"), ha.index("label")
    return sentences, [(r[ti], r[ai], r[li]) for r in asp[1:]]


def _partial_test(m: TurkishAspectModel) -> dict[str, Any]:
    sentences, opinions = _test_rows()
    toks = analyze_texts([t for t, _ in sentences])
    tp = n_gold = n_pred = 0
    for (text, gold), spans in zip(sentences, m.predict_targets(toks), strict=True):
        pred = Counter(text[a:b] for a, b in spans)
        g = Counter(gold)
        tp += sum((pred & g).values())
        n_gold += sum(g.values())
        n_pred += sum(pred.values())
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    texts = [t for t, _, _ in opinions]
    otoks = analyze_texts(texts)
    ops, kept = [], []
    for k, ((text, term, _), tk) in enumerate(zip(opinions, otoks, strict=True)):
        s = text.find(term)
        if s < 0:
            continue
        span = (s, s + len(term))
        ops.append([(span, m.target_categories(tk, [span])[0])])
        kept.append(k)
    ktoks = [otoks[k] for k in kept]
    prior = prior_for([texts[k] for k in kept], ktoks) if m.use_prior else None
    probs = m.predict_polarity(ktoks, ops, prior)
    acc = _accuracy([opinions[k][2] for k in kept], probs)
    return {
        "targets": {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f1},
        "n_sentences": len(sentences),
        "n_gold_targets": n_gold,
        "polarity_accuracy": acc,
        "n_polarity_opinions": len(kept),
        "n_opinions_in_file": len(opinions),
    }


def _speed(m: TurkishAspectModel, texts: list[str]) -> dict[str, Any]:
    """Sentences per second of ``extract`` one text at a time and of ``extract_many`` over all
    (models loaded first; the partial test's sentences, whose word types the partial test has
    analyzed once already, as in a warm process)."""
    m.extract("Servis iyiydi.")  # loads the morphology and the shipped sentiment model
    t0 = time.perf_counter()
    m.extract_many(texts)
    batch = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        m.extract(t)
    single = time.perf_counter() - t0
    return {
        "sentences": len(texts),
        "batch_seconds": batch,
        "batch_sentences_per_second": len(texts) / batch,
        "one_by_one_seconds": single,
        "one_by_one_sentences_per_second": len(texts) / single,
    }


def _clean_prior(path: Path) -> Path:
    """The shipped Turkish configuration trained without the SemEval-2016 sentences (the prior
    of the CV polarity figure: the shipped model saw those sentences' labels)."""
    if (path / "model.json").is_file():
        return path
    from sentikit.training.bundle import train_bundle

    cfg = json.loads((RESOURCES_DIR / "configs" / "tr.json").read_text(encoding="utf-8"))
    sets = cfg["training"]["datasets"]
    cfg["training"]["datasets"] = [d for d in sets if not d["name"].startswith("semeval2016")]
    cfg["name"] = "sentikit-tr-linear-no-semeval2016"
    train_bundle(cfg, None, None, "tr", path, progress=lambda m: print(m, flush=True))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--save", action="store_true", help=f"write the full model to {SHIPPED_DIR}")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    ap.add_argument(
        "--polarity-only",
        action="store_true",
        help="only the CV of the polarity classifier (gold targets and categories), per prior",
    )
    ap.add_argument(
        "--clean-prior",
        type=Path,
        help="a Turkish sentiment bundle trained without SemEval-2016 (trained there if absent)",
    )
    args = ap.parse_args(argv)
    t_start = time.perf_counter()
    reviews = load_absa_semeval2016_tr("train", 1)
    sents = [s for r in reviews for s in r.sentences]
    groups = [r.id for r in reviews for _ in r.sentences]
    texts = [s.text for s in sents]
    toks = analyze_texts(texts)
    gold = [gold_opinions(s) for s in sents]
    prior = prior_for(texts, toks)
    priors = {"shipped": prior}
    if args.clean_prior is not None:
        priors["clean"] = prior_for(texts, toks, str(_clean_prior(args.clean_prior)))
    settings = TurkishAspectModel().get_params()
    out: dict[str, Any] = {
        "command": "python " + " ".join(["benchmarks/aspects_tr.py", *sys.argv[1:]]),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()} {platform.processor()}".strip(),
        "settings": settings,
        "protocol": f"GroupKFold({args.folds}, shuffle=True, random_state={args.seed}) by "
        "review over the 1,232 training sentences; CV figures, not the SemEval test protocol",
    }
    if args.polarity_only:
        cv = GroupKFold(args.folds, shuffle=True, random_state=args.seed)
        pols = [
            _polarity_fold(tr, te, toks, gold, priors, settings)
            for tr, te in cv.split(texts, groups=groups)
        ]
        out["cv_polarity"] = {
            "folds": pols,
            "summary": {
                k: {
                    "mean": float(np.mean([f[k] for f in pols])),
                    "sd": float(np.std([f[k] for f in pols], ddof=1)),
                }
                for k in pols[0]
            },
        }
        out["seconds"] = time.perf_counter() - t_start
        print(json.dumps(out["cv_polarity"]["summary"], indent=1))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        return 0
    if not args.no_cv:
        cv = GroupKFold(args.folds, shuffle=True, random_state=args.seed)
        folds = []
        for k, (tr, te) in enumerate(cv.split(texts, groups=groups)):
            f = _fold(tr, te, toks, gold, priors, settings)
            folds.append(f)
            pol = ", ".join(f"{n} {v:.2f}" for n, v in f["polarity_accuracy"].items())
            print(
                f"fold {k}: targets F1 {f['targets']['f1']:.2f}, categories F1 "
                f"{f['categories']['f1']:.2f}, polarity ({pol}), fit {f['fit_seconds']:.0f}s",
                flush=True,
            )
        out["cv"] = {"summary": _summary(folds), "folds": folds}
    full = TurkishAspectModel(**settings).fit_analyzed(toks, gold, prior)
    if args.save:
        digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
        full.save(
            SHIPPED_DIR,
            training={
                "dataset": SEMEVAL2016_TR_DATASET,
                "split": "train",
                "sentences": len(texts),
                "opinions": sum(len(g) for g in gold),
                "texts_sha256": digest,
                "command": out["command"],
            },
        )
    out["partial_test"] = _partial_test(full)
    out["speed"] = _speed(full, [t for t, _ in _test_rows()[0]])
    out["seconds"] = time.perf_counter() - t_start
    print(json.dumps({k: out[k] for k in ("partial_test", "speed", "seconds")}, indent=1))
    if "cv" in out:
        print(json.dumps(out["cv"]["summary"], indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
