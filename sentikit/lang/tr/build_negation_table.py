"""Build the fast path's table of negated Turkish verb forms (``resources/tr/*.txt.gz``).

Runs zeyrek once over the word types of the Turkish training corpora and keeps the forms whose
context-free best reading (:func:`~sentikit.lang.tr.morphology.heuristic_disambiguate` of the
word alone) carries ``Neg`` or ``Unable``: those are what
:func:`sentikit.lang.tr.fast_negation.is_negated_verb` looks up. Corpus forms that the fallback
suffix rule (:func:`~sentikit.lang.tr.fast_negation.fallback_negated`) matches but zeyrek does
not read as negated go to the exceptions file. The behavioural suite's templates are *not* a
source: the table comes from corpora only.

Sources (training splits only): ``turkish-movie-reviews``, ``turkish-twitter-sentiment``
(train), ``turkish-store-reviews-3class``, ``turkish-tweets-tsatweets-3class``,
``semeval2016-absa-turkish-restaurants`` (train).

Command (≈ 2–4 min on 2 cores with an empty morphology cache; reuses ``$SENTIKIT_CACHE_DIR``)::

    nice python -m sentikit.lang.tr.build_negation_table --n-jobs 2 --evaluate

``--evaluate`` also reports the fallback rule's precision and recall against zeyrek on the
held-out word types (every fifth type by a stable hash; the rule has no fitted parameters, so the
split only keeps the measurement honest about forms a table of the rest would not cover).
"""

from __future__ import annotations

import argparse
import gzip
import re
import time
import zlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

__all__ = ["SOURCES", "build", "collect_types", "evaluate_fallback", "label_types", "main"]

#: (corpus, split) pairs whose word types make the table.
SOURCES: tuple[tuple[str, str | None], ...] = (
    ("turkish-movie-reviews", None),
    ("turkish-twitter-sentiment", "train"),
    ("turkish-store-reviews-3class", None),
    ("turkish-tweets-tsatweets-3class", None),
    ("semeval2016-absa-turkish-restaurants", "train"),
)

_ASCII_WORD = re.compile(r"[a-z]+")
_RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "tr"


def collect_types(sources: Iterable[tuple[str, str | None]] = SOURCES) -> Counter[str]:
    """Word-token forms (fast-path ``norm``) of the source corpora, with their counts."""
    from sentikit.io.datasets import load_dataset
    from sentikit.lang.tr.processor import TurkishProcessor

    proc = TurkishProcessor(morph=None)
    counts: Counter[str] = Counter()
    for name, split in sources:
        examples = load_dataset(name, split)
        docs = proc.make_docs([e.text for e in examples])
        for d in docs:
            kinds = d.token_kinds()
            counts.update(f for f, k in zip(d.token_forms(), kinds, strict=True) if k == "word")
    return counts


def label_types(types: list[str], n_jobs: int = 1) -> dict[str, tuple[bool, bool, bool]]:
    """``form -> (best reading negated, every reading negated, has a reading)`` by zeyrek.

    "Negated" means ``Neg`` or ``Unable``. Cue words (``değil``, ``yok`` …, see
    :func:`~sentikit.lang.tr.fast_negation.word_cue`) are never negated verbs: the negator rules
    handle them. ASCII-typed forms (``begenmedim``) that the fallback rule matches but that have
    no negated reading as written are read again with zeyrek's ASCII-tolerant analysis, as the
    analyzed path would after deasciification.
    """
    from sentikit.lang.tr.fast_negation import fallback_negated, word_cue
    from sentikit.lang.tr.morphology import ZeyrekAnalyzer, heuristic_disambiguate

    morph = ZeyrekAnalyzer()
    got = morph.analyze_many(types, n_jobs=n_jobs)
    out: dict[str, tuple[bool, bool, bool]] = {}
    for w in types:
        if word_cue(w) is not None:
            out[w] = (False, False, True)
            continue
        readings = got[w]
        best = heuristic_disambiguate([w], [readings])[0] if readings else None
        best_neg = best is not None and (best.negative or best.unable)
        if not best_neg and _ASCII_WORD.fullmatch(w) and fallback_negated(w):
            ascii_readings = morph.analyze_ascii(w)
            if ascii_readings:
                readings = ascii_readings
                best = heuristic_disambiguate([w], [readings])[0]
                best_neg = best is not None and (best.negative or best.unable)
        all_neg = bool(readings) and all(a.negative or a.unable for a in readings)
        out[w] = (bool(best_neg), all_neg, bool(readings))
    return out


def _held_out(form: str) -> bool:
    return zlib.crc32(form.encode("utf-8")) % 5 == 0


def evaluate_fallback(labels: dict[str, tuple[bool, bool, bool]]) -> dict[str, float]:
    """Precision and recall of the fallback rule against zeyrek's best reading, held-out types.

    ``precision`` counts every held-out type; ``precision_readable`` only those zeyrek has a
    reading for (misspellings such as ``sewmedim`` have none, so zeyrek gives no verdict).
    """
    from sentikit.lang.tr.fast_negation import fallback_negated

    tp = fp = fn = n = fp_readable = 0
    for w, (neg, _, readable) in labels.items():
        if not _held_out(w):
            continue
        n += 1
        pred = fallback_negated(w)
        tp += pred and neg
        fp += pred and not neg
        fp_readable += pred and not neg and readable
        fn += neg and not pred
    return {
        "types": n,
        "negated": tp + fn,
        "precision": tp / max(tp + fp, 1),
        "precision_readable": tp / max(tp + fp_readable, 1),
        "recall": tp / max(tp + fn, 1),
        "true_positives": tp,
        "false_positives": fp,
        "false_positives_readable": fp_readable,
    }


def _write(path: Path, forms: Iterable[str]) -> int:
    lines = sorted(set(forms))
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(data)
    return len(lines)


def build(out_dir: Path = _RESOURCES, n_jobs: int = 1, evaluate: bool = False) -> dict[str, float]:
    """Build ``negated_forms.txt.gz`` and ``negation_exceptions.txt.gz`` in ``out_dir``."""
    from sentikit.lang.tr.fast_negation import fallback_negated

    t0 = time.time()
    counts = collect_types()
    types = sorted(counts)
    labels = label_types(types, n_jobs=n_jobs)
    negated = [w for w, (neg, _, _) in labels.items() if neg]
    exceptions = [w for w, (neg, _, _) in labels.items() if not neg and fallback_negated(w)]
    stats: dict[str, float] = {
        "types": len(types),
        "negated_forms": _write(out_dir / "negated_forms.txt.gz", negated),
        "exceptions": _write(out_dir / "negation_exceptions.txt.gz", exceptions),
        "all_readings_negated": sum(1 for _, a, _ in labels.values() if a),
    }
    if evaluate:
        stats.update({f"fallback_{k}": v for k, v in evaluate_fallback(labels).items()})
    stats["seconds"] = round(time.time() - t0, 1)
    return stats


def main(argv: list[str] | None = None) -> None:
    """Command line entry point (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", type=Path, default=_RESOURCES)
    ap.add_argument("--n-jobs", type=int, default=1)
    ap.add_argument("--evaluate", action="store_true", help="report the fallback's precision")
    args = ap.parse_args(argv)
    for k, v in build(args.out_dir, args.n_jobs, args.evaluate).items():
        print(f"{k}: {v:.4f}" if isinstance(v, float) else f"{k}: {v}")


if __name__ == "__main__":
    main()
