"""Benchmark of the Turkish/English language identifier (``sentikit.lang.detect``).

Measures accuracy on the sentences of the benchmark corpora (none of which is training data of the
shipped model), throughput of :func:`sentikit.lang.detect.detect_many`, and lists misclassified
examples with a coarse pattern tag.

Usage::

    python benchmarks/langid.py                 # full run, markdown table on stdout
    python benchmarks/langid.py --sample 500    # quick run: at most 500 texts per corpus
    python benchmarks/langid.py --json out.json # also write the numbers as JSON

Corpora are read with small local readers (csv / xml / regex), from ``$SENTIKIT_DATA`` or
``../shared/datasets``. Texts without any Latin-script letter are *undecidable* (the detector
returns its default ``"en"``); they are counted separately and excluded from ``acc`` (``acc_all``
counts them with the default answer).
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from sentikit.lang.detect import LanguageDetector, text_words  # noqa: E402
from sentikit.paths import data_root  # noqa: E402

_BREAK_RE = re.compile(r"\s*\n+\s*|<br\s*/?>", re.IGNORECASE)
_SENT_RE = re.compile(r"(?<=[.!?…])(?:\s+|(?=[A-ZÇĞİÖŞÜ]))")
_LAST_TOKEN_RE = re.compile(r"(\w+)\.$")
_ABBREV = frozenset(
    {"vs", "dr", "mr", "mrs", "ms", "jr", "st", "prof", "doç", "vb", "bkz", "yy", "no", "örn"}
)
_SST_LEAF_RE = re.compile(r"\(\d+ ([^()\s]+)\)")
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_TR_LETTERS = set("çğıöşüÇĞİÖŞÜ")


# -- readers -----------------------------------------------------------------------------------
def split_sentences(text: str) -> list[str]:
    """Simple splitter: at newlines and ``<br />``, and after ``. ! ? …`` followed by a space or a
    capital letter — except after an initial (``J.``), a number (Turkish ordinal ``2.``) or an
    abbreviation (``vs.``, ``Dr.``)."""
    out: list[str] = []
    for para in _BREAK_RE.split(text):
        pending = ""
        for piece in _SENT_RE.split(para):
            pending = f"{pending} {piece}" if pending else piece
            m = _LAST_TOKEN_RE.search(pending)
            if m and (
                len(m.group(1)) == 1 or m.group(1).isdigit() or m.group(1).lower() in _ABBREV
            ):
                continue
            if pending.strip():
                out.append(pending.strip())
            pending = ""
        if pending.strip():
            out.append(pending.strip())
    return out


def read_csv_column(path: Path, column: int = 0) -> list[str]:
    """One column of a CSV file with a header row (RFC 4180 quoting, embedded newlines)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return [r[column] for r in rows[1:] if len(r) > column]


def read_sst_roots(path: Path) -> list[str]:
    """The sentence of each PTB tree (one per line): leaves joined with spaces."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            leaves = _SST_LEAF_RE.findall(line)
            if leaves:
                out.append(" ".join(_PTB.get(w, w) for w in leaves))
    return out


def read_xml_sentences(path: Path) -> list[str]:
    """Texts of ``<sentence><text>`` elements (SemEval ABSA files)."""
    root = ET.parse(path).getroot()
    return [(t.text or "").strip() for t in root.iter("text") if (t.text or "").strip()]


def _sents(texts: list[str]) -> list[str]:
    return [s for t in texts for s in split_sentences(t)]


def corpora(root: Path) -> dict[str, tuple[str, Callable[[], list[str]]]]:
    """Benchmark corpora: name → (gold language, loader)."""
    tmr = root / "turkish-movie-reviews" / "turkish_sentiment_data.csv"
    tw = root / "turkish-twitter-sentiment"
    store = root / "turkish-store-reviews-3class" / "magaza_yorumlari_duygu_analizi.utf8.csv"
    se16 = root / "semeval2016-absa-turkish-restaurants"
    se14 = root / "semeval2014-absa"
    sst = root / "sst-ptb-trees"
    return {
        "tr movie reviews (sentences)": ("tr", lambda: _sents(read_csv_column(tmr))),
        "tr movie reviews (whole)": ("tr", lambda: read_csv_column(tmr)),
        "tr tweets (train+test)": (
            "tr",
            lambda: (
                read_csv_column(tw / "Turkish_twitter_train.csv")
                + read_csv_column(tw / "Turkish_twitter_test.csv")
            ),
        ),
        "tr store reviews (sentences)": ("tr", lambda: _sents(read_csv_column(store))),
        "tr store reviews (whole)": ("tr", lambda: read_csv_column(store)),
        "tr SemEval-2016 restaurants": (
            "tr",
            lambda: (
                read_xml_sentences(se16 / "restaurant_train_turkish_st_1.xml")
                + read_xml_sentences(se16 / "restaurants_trial_turkish_st_1.xml")
            ),
        ),
        "en rt-polarity sentences": (
            "en",
            lambda: read_csv_column(
                root / "english-movie-sentences-rt-polarity" / "english_sentiment_data.csv"
            ),
        ),
        "en SST roots (train+dev+test)": (
            "en",
            lambda: [
                s for sp in ("train", "dev", "test") for s in read_sst_roots(sst / f"{sp}.txt")
            ],
        ),
        "en SemEval-2014 (rest+lap)": (
            "en",
            lambda: [
                s
                for p in (
                    "restaurants/Restaurants_Train_v2.xml",
                    "restaurants/Restaurants_Test_Gold.xml",
                    "laptops/Laptop_Train_v2.xml",
                    "laptops/Laptops_Test_Gold.xml",
                )
                for s in read_xml_sentences(se14 / p)
            ],
        ),
    }


# -- error patterns ----------------------------------------------------------------------------
_EN_FUNC = frozenset(
    {
        "the",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "it",
        "this",
        "that",
        "you",
        "i",
        "my",
        "me",
        "of",
        "to",
        "and",
        "what",
        "do",
        "does",
        "did",
        "not",
    }
)
_TR_FUNC = frozenset(
    {
        "ve",
        "bir",
        "bu",
        "çok",
        "cok",
        "da",
        "de",
        "ile",
        "ama",
        "için",
        "icin",
        "mi",
        "ne",
        "gibi",
        "daha",
        "en",
        "o",
        "ben",
        "sen",
    }
)
_ES_PT_FUNC = frozenset(
    {
        "el",
        "la",
        "los",
        "las",
        "del",
        "que",
        "es",
        "una",
        "um",
        "uma",
        "não",
        "em",
        "por",
        "para",
        "com",
        "muy",
        "pero",
        "também",
        "é",
        "sin",
    }
)


def error_pattern(text: str, gold: str) -> str:
    """A coarse tag describing why a text may have been misclassified."""
    words = text_words(text)
    lowered = set(words)
    raw_words = re.findall(r"\w+", text)
    if gold == "tr" and len(lowered & _EN_FUNC) >= 2 and not lowered & _TR_FUNC:
        return "English sentence in the Turkish corpus"
    if gold == "en" and len(lowered & _ES_PT_FUNC) >= 2:
        return "Spanish/Portuguese sentence in the English corpus"
    if len(words) <= 2:
        return "very short (<=2 words)"
    caps = sum(1 for w in raw_words if w[:1].isupper())
    if caps >= 0.6 * len(raw_words) and not text.isupper():
        return "mostly capitalized names/titles"
    if gold == "tr" and not any(c in _TR_LETTERS for c in text):
        return "ASCII-only Turkish / foreign words"
    if gold == "en" and any(c in _TR_LETTERS for c in text):
        return "English with Turkish letters"
    return "other"


# -- main --------------------------------------------------------------------------------------
def evaluate(
    det: LanguageDetector, gold: str, texts: list[str]
) -> tuple[dict[str, Any], list[tuple[str, float]]]:
    """Accuracy of ``det`` on ``texts`` whose language is ``gold``; misclassified examples."""
    preds = det.detect_many(texts)
    decided = [bool(text_words(t)) for t in texts]
    n_dec = sum(decided)
    correct_dec = sum(1 for p, d in zip(preds, decided, strict=True) if d and p == gold)
    correct_all = sum(1 for p in preds if p == gold)
    errors = [
        (t, det.identify(t).proba["tr"])
        for t, p, d in zip(texts, preds, decided, strict=True)
        if d and p != gold
    ]
    stats = {
        "n": len(texts),
        "undecidable": len(texts) - n_dec,
        "acc": correct_dec / n_dec if n_dec else float("nan"),
        "acc_all": correct_all / len(texts) if texts else float("nan"),
        "errors": len(errors),
    }
    return stats, errors


def throughput(texts: list[str], model: Path | None, repeats: int = 3) -> dict[str, float]:
    """Texts per second of ``detect_many``: cold (new detector, empty cache) and warm (best of
    ``repeats``), in wall-clock and in CPU (process) time — the machine may be shared."""
    det = LanguageDetector.load(model) if model else LanguageDetector.load()
    n = len(texts)
    w0, c0 = time.perf_counter(), time.process_time()
    det.detect_many(texts)
    out = {
        "n_texts": n,
        "cold_per_s": n / (time.perf_counter() - w0),
        "cold_per_cpu_s": n / (time.process_time() - c0),
        "warm_per_s": 0.0,
        "warm_per_cpu_s": 0.0,
    }
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        det.detect_many(texts)
        out["warm_per_s"] = max(out["warm_per_s"], n / (time.perf_counter() - w0))
        out["warm_per_cpu_s"] = max(out["warm_per_cpu_s"], n / (time.process_time() - c0))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark sentikit.lang.detect")
    ap.add_argument("--model", type=Path, default=None, help="bundle folder (default: shipped)")
    ap.add_argument("--sample", type=int, default=0, help="at most N texts per corpus (0 = all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--errors", type=int, default=20, help="misclassified examples to list")
    ap.add_argument("--json", type=Path, default=None, help="write the numbers as JSON here")
    args = ap.parse_args(argv)

    root = data_root()
    assert root is not None
    det = LanguageDetector.load(args.model) if args.model else LanguageDetector.load()
    rng = random.Random(args.seed)
    results: dict[str, Any] = {}
    all_errors: list[tuple[str, str, str, float]] = []
    sentence_texts: list[str] = []
    for name, (gold, loader) in corpora(root).items():
        texts = loader()
        if args.sample and len(texts) > args.sample:
            texts = rng.sample(texts, args.sample)
        stats, errors = evaluate(det, gold, texts)
        results[name] = {"lang": gold, **stats}
        all_errors += [(name, gold, t, p) for t, p in errors]
        if "whole" not in name:
            sentence_texts += texts

    tput = throughput(sentence_texts, args.model)
    short = [t for t in sentence_texts if len(t) <= 140]
    tput_short = throughput(short, args.model)

    meta = det.meta
    print(f"# langid benchmark — {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"model: {meta.get('name')} {meta.get('version')} (trained {meta.get('trained')}); "
        f"machine: {platform.node()} {platform.machine()}, python {platform.python_version()}"
    )
    print()
    print("| corpus | gold | n | undecidable | acc (decidable) | acc (all) | errors |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['lang']} | {r['n']} | {r['undecidable']} | {100 * r['acc']:.2f}% "
            f"| {100 * r['acc_all']:.2f}% | {r['errors']} |"
        )
    print()
    for label, tp in (("all sentence texts", tput), ("short texts (<= 140 chars)", tput_short)):
        print(
            f"throughput, detect_many on {tp['n_texts']} {label}: "
            f"cold {tp['cold_per_s']:,.0f}/s wall ({tp['cold_per_cpu_s']:,.0f}/s CPU), "
            f"warm {tp['warm_per_s']:,.0f}/s wall ({tp['warm_per_cpu_s']:,.0f}/s CPU)"
        )
    print()
    patterns = Counter((gold, error_pattern(t, gold)) for _, gold, t, _ in all_errors)
    print("error patterns (gold, pattern): count")
    for (gold, pat), c in patterns.most_common():
        print(f"- {gold} / {pat}: {c}")
    print()
    print(f"first {args.errors} misclassified (sentence corpora first):")
    ordered = [e for e in all_errors if "whole" not in e[0]] + [
        e for e in all_errors if "whole" in e[0]
    ]
    for name, gold, t, p in ordered[: args.errors]:
        short_t = t if len(t) <= 110 else t[:107] + "..."
        print(f"- [{name}] gold={gold} P(tr)={p:.3f} [{error_pattern(t, gold)}] {short_t!r}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "results": results,
                    "throughput": {"all": tput, "short": tput_short},
                    "error_patterns": {f"{g}/{p}": c for (g, p), c in patterns.items()},
                    "errors": [
                        {"corpus": n, "gold": g, "text": t, "p_tr": p} for n, g, t, p in ordered
                    ],
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    floor_ok = all(r["acc"] >= 0.99 for r in results.values())
    print()
    print(f"floor (>= 99% on every corpus, decidable texts): {'PASS' if floor_ok else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
