"""Benchmark the Turkish morphology backends (zeyrek, zemberek) and the deasciifier.

Measures, on a fixed sample (the first N movie reviews and the first M training tweets):

* load time of each backend;
* analysis speed in distinct word types per second: cold (nothing cached), warm (in-memory
  cache) and from the on-disk SQLite cache (a fresh analyzer reading it);
* disambiguation speed (sentences per second, analyses cached);
* coverage: % of word tokens with at least one analysis;
* agreement between the backends' disambiguated readings: % of word tokens with the same lemma,
  the same lemma+POS, the same full reading; and % of word types whose complete reading lists
  are identical (the "same normalized representation" check);
* against gold: lemma accuracy and negation (``Polarity=Neg``) precision/recall on the UD
  Turkish IMST test treebank;
* deasciification: sentences of the movie corpus written with Turkish letters (and whose words
  the morphology mostly accepts) are folded to ASCII and restored; word accuracy before and
  after, for a sweep of ``min_gain`` on a development slice and the chosen value on the test
  slice, with and without ``wordfreq``.

Writes a markdown report (default ``docs/notes/morphology-benchmark.md``) and prints it.

Usage::

    python benchmarks/morph_backends.py                       # the reported run
    python benchmarks/morph_backends.py --reviews 100 --tweets 50 --deasciify 50 --out /tmp/m.md
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sentikit.lang.tr.deasciify import Deasciifier, FrequencySource  # noqa: E402
from sentikit.lang.tr.morphology import (  # noqa: E402
    BaseAnalyzer,
    ZemberekAnalyzer,
    ZeyrekAnalyzer,
    zemberek_available,
)
from sentikit.lang.tr.normalize import (  # noqa: E402
    fold_diacritics,
    has_turkish_letters,
    tr_lower,
)
from sentikit.lang.tr.processor import TurkishProcessor  # noqa: E402
from sentikit.paths import dataset_dir  # noqa: E402


def read_texts(path: Path, n: int) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return [r[0] for r in rows[1:] if r][:n]


def sentence_words(texts: list[str]) -> list[list[str]]:
    """Word units per sentence, as the processor analyzes them (word + apostrophe suffix)."""
    proc = TurkishProcessor(morph=None)
    out = []
    for doc in proc.make_docs(texts):
        toks = doc.tokens
        for s in doc.sentences:
            words = []
            for i in range(s.token_start, s.token_end):
                t = toks[i]
                if t.kind != "word":
                    continue
                w = t.form
                if i + 1 < len(toks) and toks[i + 1].kind == "suffix":
                    w += toks[i + 1].form
                if t.text[:1].isupper():
                    w = t.text[:1] + w[1:]
                words.append(w)
            if words:
                out.append(words)
    return out


def bench_backend(cls: type[BaseAnalyzer], sents: list[list[str]]) -> dict[str, Any]:
    types = sorted({w for s in sents for w in s})
    tokens = [w for s in sents for w in s]
    res: dict[str, Any] = {"types": len(types), "tokens": len(tokens)}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "m.sqlite3")
        an = cls(cache_path=db)
        t0 = time.perf_counter()
        an.load()
        res["load_s"] = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        got = an.analyze_many(types)
        res["cold_tps"] = len(types) / (time.perf_counter() - t0)
        res["cold_tps_cpu"] = len(types) / (time.process_time() - c0)
        t0 = time.perf_counter()
        an.analyze_many(types)
        res["warm_tps"] = len(types) / (time.perf_counter() - t0)
        an2 = cls(cache_path=db)
        t0 = time.perf_counter()
        an2.analyze_many(types)
        res["disk_tps"] = len(types) / (time.perf_counter() - t0)
        res["disk_loaded_backend"] = an2.loaded
        res["coverage"] = sum(1 for w in tokens if got[w]) / max(1, len(tokens))
        res["type_coverage"] = sum(1 for w in types if got[w]) / max(1, len(types))
        t0 = time.perf_counter()
        res["best"] = [an.disambiguate(s) for s in sents]
        res["disamb_sps"] = len(sents) / (time.perf_counter() - t0)
        res["readings"] = got
    return res


def agreement(a: dict[str, Any], b: dict[str, Any]) -> dict[str, float]:
    n = lemma = lemma_pos = full = 0
    for sa, sb in zip(a["best"], b["best"], strict=True):
        for x, y in zip(sa, sb, strict=True):
            if x is None and y is None:
                continue
            n += 1
            if x is not None and y is not None:
                lemma += x.lemma == y.lemma
                lemma_pos += x.lemma == y.lemma and x.pos == y.pos
                full += x.key() == y.key()
    types = a["readings"].keys()
    same_lists = sum(
        1
        for w in types
        if [r.key() for r in a["readings"][w]] == [r.key() for r in b["readings"][w]]
    )
    both = sum(1 for w in types if a["readings"][w] and b["readings"][w])
    same_both = sum(
        1
        for w in types
        if a["readings"][w]
        and b["readings"][w]
        and [r.key() for r in a["readings"][w]] == [r.key() for r in b["readings"][w]]
    )
    return {
        "tokens": n,
        "lemma": lemma / max(1, n),
        "lemma_pos": lemma_pos / max(1, n),
        "full": full / max(1, n),
        "same_lists": same_lists / max(1, len(types)),
        "same_lists_analyzed": same_both / max(1, both),
    }


def read_ud(path: Path, n: int) -> list[list[tuple[str, str, str, bool]]]:
    """First ``n`` sentences of a CoNLL-U file as (form, lemma, upos, negative) per surface word.

    A multiword token keeps its surface form, the lemma and UPOS of its first part, and is
    negative when any part has ``Polarity=Neg``.
    """
    sents: list[list[tuple[str, str, str, bool]]] = []
    cur: list[tuple[str, str, str, bool]] = []
    span_end = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                    if len(sents) >= n:
                        break
                cur, span_end = [], 0
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            neg = "Polarity=Neg" in cols[5]
            if "-" in cols[0]:
                a, b = (int(x) for x in cols[0].split("-"))
                span_end = b
                cur.append((cols[1], "", "", False))
                continue
            idx = int(cols[0])
            if idx <= span_end:  # a part of the preceding multiword token
                form, lemma, upos, nneg = cur[-1]
                cur[-1] = (form, lemma or cols[2], upos or cols[3], nneg or neg)
                continue
            cur.append((cols[1], cols[2], cols[3], neg))
    if cur and len(sents) < n:
        sents.append(cur)
    return sents


def _stem(a: Any) -> str:
    lemma = tr_lower(a.lemma).translate(_CIRC)
    if a.root_pos == "Verb" and lemma.endswith(("mek", "mak")) and len(lemma) > 3:
        lemma = lemma[:-3]
    return lemma


_CIRC = str.maketrans("âîû", "aiu")


def ud_eval(an: BaseAnalyzer, sents: list[list[tuple[str, str, str, bool]]]) -> dict[str, float]:
    """Lemma accuracy and negation P/R/F1 of the disambiguated readings against UD gold."""
    n = ok = tp = fp = fn = 0
    for sent in sents:
        words = [w for w, _, upos, _ in sent if upos != "PUNCT"]
        gold = [(lem, neg) for _, lem, upos, neg in sent if upos != "PUNCT"]
        if not words:
            continue
        best = an.disambiguate(words)
        for b, (lem, neg) in zip(best, gold, strict=True):
            n += 1
            pred_neg = b is not None and (b.negative or b.unable)
            if b is not None and _stem(b) == tr_lower(lem).translate(_CIRC):
                ok += 1
            tp += pred_neg and neg
            fp += pred_neg and not neg
            fn += neg and not pred_neg
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return {
        "words": n,
        "lemma": ok / max(1, n),
        "neg_p": p,
        "neg_r": r,
        "neg_f1": 2 * p * r / max(1e-9, p + r),
        "neg_gold": tp + fn,
    }


def pick_sentences(texts: list[str], morph: BaseAnalyzer, n: int) -> list[str]:
    """Sentences written with Turkish letters whose words the morphology mostly accepts."""
    proc = TurkishProcessor(morph=None)
    out = []
    for doc in proc.make_docs(texts):
        for s in doc.sentences:
            if not has_turkish_letters(s.text):
                continue
            words = [t.form for t in doc.sentence_tokens(s) if t.kind == "word"]
            if len(words) < 4:
                continue
            got = morph.analyze_many(words)
            if sum(1 for w in words if got[w]) / len(words) >= 0.9:
                out.append(s.text)
            if len(out) >= n:
                return out
    return out


def deasciify_accuracy(dea: Deasciifier, sentences: list[str]) -> dict[str, float]:
    proc = TurkishProcessor(morph=None)
    n = ok = base = changed = changed_ok = false_fix = 0
    for s in sentences:
        gold = [t.text.lower() for t in proc.tokenize(s) if t.kind == "word"]
        folded = fold_diacritics(s)
        restored = dea.restore(folded, strict=False)
        pred = [t.text.lower() for t in proc.tokenize(restored) if t.kind == "word"]
        src = [t.text.lower() for t in proc.tokenize(folded) if t.kind == "word"]
        if len(pred) != len(gold):
            continue
        for g, p, f in zip(gold, pred, src, strict=True):
            g, p, f = (x.replace("i̇", "i") for x in (g, p, f))
            n += 1
            ok += g == p
            base += g == f
            if g != f:
                changed += 1
                changed_ok += g == p
            elif p != g:
                false_fix += 1
    return {
        "words": n,
        "acc": ok / max(1, n),
        "baseline": base / max(1, n),
        "folded_words": changed,
        "folded_acc": changed_ok / max(1, changed),
        "false_fix": false_fix / max(1, n - changed),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=int, default=1000, help="first N movie reviews")
    ap.add_argument("--tweets", type=int, default=500, help="first M training tweets")
    ap.add_argument("--deasciify", type=int, default=200, help="sentences for the hand check")
    ap.add_argument("--ud", type=int, default=500, help="UD IMST test sentences (0: skip)")
    ap.add_argument("--backends", nargs="+", default=["zeyrek", "zemberek"])
    ap.add_argument("--out", default="docs/notes/morphology-benchmark.md")
    args = ap.parse_args(argv)

    movie = dataset_dir("turkish-movie-reviews") / "turkish_sentiment_data.csv"
    tweets_path = dataset_dir("turkish-twitter-sentiment") / "Turkish_twitter_train.csv"
    corpora = {
        f"movie reviews (first {args.reviews})": read_texts(movie, args.reviews),
        f"tweets (first {args.tweets} of train)": read_texts(tweets_path, args.tweets),
    }
    classes: dict[str, type[BaseAnalyzer]] = {"zeyrek": ZeyrekAnalyzer}
    if "zemberek" in args.backends:
        if zemberek_available():
            classes["zemberek"] = ZemberekAnalyzer
        else:
            print("zemberek not importable: skipped", file=sys.stderr)
    backends = [b for b in args.backends if b in classes]

    lines: list[str] = []
    shown = argv if argv is not None else sys.argv[1:]
    cmd = "python benchmarks/morph_backends.py " + " ".join(shown)
    load = os.getloadavg()
    lines += [
        "# Turkish morphology backends and deasciification — benchmark",
        "",
        f"- command: `{cmd.strip()}`",
        f"- date: {_dt.datetime.now().isoformat(timespec='seconds')}",
        f"- machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; load average at start {load[0]:.1f} (the machine is "
        "shared: wall-clock speeds vary run to run, CPU-time speeds less)",
        "- speeds are distinct word types per second unless noted; `cold` = nothing cached, "
        "`warm` = in-memory cache, `disk` = a fresh analyzer reading the SQLite cache",
        "",
    ]
    for cname, texts in corpora.items():
        sents = sentence_words(texts)
        results = {b: bench_backend(classes[b], sents) for b in backends}
        first = results[backends[0]]
        lines += [
            f"## {cname}: {len(texts)} texts, {len(sents)} sentences, "
            f"{first['tokens']} word tokens, {first['types']} word types",
            "",
            "| backend | load s | cold types/s (wall) | cold types/s (CPU) | warm types/s | "
            "disk types/s | disambiguation sent/s | token coverage | type coverage |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for b in backends:
            r = results[b]
            lines.append(
                f"| {b} | {r['load_s']:.1f} | {r['cold_tps']:.0f} | {r['cold_tps_cpu']:.0f} | "
                f"{r['warm_tps']:.0f} | {r['disk_tps']:.0f} | {r['disamb_sps']:.0f} | "
                f"{100 * r['coverage']:.1f}% | {100 * r['type_coverage']:.1f}% |"
            )
        lines.append("")
        if len(backends) == 2:
            ag = agreement(results[backends[0]], results[backends[1]])
            lines += [
                f"Agreement of the disambiguated readings ({ag['tokens']} word tokens with a "
                "reading from at least one backend; zeyrek: sentikit's heuristic, zemberek: "
                "its perceptron):",
                "",
                "| same lemma | same lemma+POS | same full reading | types with identical "
                "reading lists (all / analyzed by both) |",
                "|---|---|---|---|",
                f"| {100 * ag['lemma']:.1f}% | {100 * ag['lemma_pos']:.1f}% | "
                f"{100 * ag['full']:.1f}% | {100 * ag['same_lists']:.1f}% / "
                f"{100 * ag['same_lists_analyzed']:.1f}% |",
                "",
            ]
        for r in results.values():
            r.pop("readings", None)
            r.pop("best", None)

    # processor throughput
    all_movie = read_texts(movie, 10**9)
    proc = TurkishProcessor()
    proc.make_docs(all_movie[:500])
    rows = []
    for name, fn in [
        ("make_docs(analyze=False)", lambda: proc.make_docs(all_movie)),
        ("terms()", lambda: [proc.terms(t) for t in all_movie]),
    ]:
        best_cpu = best_wall = float("inf")
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            best_wall = min(best_wall, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        rows.append((name, len(all_movie), len(all_movie) / best_cpu, len(all_movie) / best_wall))
    sample = all_movie[:500]
    aproc = TurkishProcessor(morph=ZeyrekAnalyzer())
    aproc.morph.load()  # type: ignore[union-attr]
    for label in ("make_docs(analyze=True), zeyrek, cold", "make_docs(analyze=True), warm"):
        t0, c0 = time.perf_counter(), time.process_time()
        aproc.make_docs(sample, analyze=True)
        rows.append(
            (
                label,
                len(sample),
                len(sample) / (time.process_time() - c0),
                len(sample) / (time.perf_counter() - t0),
            )
        )
    lines += [
        "## Processor throughput (all movie reviews; best of 3 for the fast path)",
        "",
        "| call | reviews | reviews/s (CPU) | reviews/s (wall) |",
        "|---|---|---|---|",
    ]
    lines += [f"| {n} | {k} | {c:.0f} | {w:.0f} |" for n, k, c, w in rows]
    lines += [
        "",
        "`cold` = backend loaded, caches empty (deasciification included); `warm` = the same "
        "500 reviews again.",
        "",
    ]

    # gold lemmas and negation from the UD Turkish IMST test treebank
    if args.ud > 0:
        ud = read_ud(dataset_dir("ud-turkish-imst") / "tr_imst-ud-test.conllu", args.ud)
        lines += [
            f"## UD Turkish IMST test: first {len(ud)} sentences (gold lemmas, Polarity=Neg)",
            "",
            "Disambiguated reading per surface word (punctuation excluded; a verb lemma's "
            "`-mek/-mak` is stripped to match UD's stems). Negation: the reading carries `Neg` "
            "or `Unable` vs the gold word has `Polarity=Neg`.",
            "",
            "| backend | words | lemma accuracy | Neg precision | Neg recall | Neg F1 | gold Neg |",
            "|---|---|---|---|---|---|---|",
        ]
        for b in backends:
            r = ud_eval(classes[b](), ud)
            lines.append(
                f"| {b} | {r['words']} | {100 * r['lemma']:.1f}% | {100 * r['neg_p']:.1f}% | "
                f"{100 * r['neg_r']:.1f}% | {100 * r['neg_f1']:.1f}% | {r['neg_gold']} |"
            )
        lines.append("")

    # deasciification
    all_reviews = read_texts(movie, 3000)
    zey = ZeyrekAnalyzer()
    dev = pick_sentences(all_reviews[1000:1200], zey, args.deasciify)
    test = pick_sentences(all_reviews[: args.deasciify * 2], zey, args.deasciify)
    freq = FrequencySource()
    lines += [
        "## Deasciification",
        "",
        "Sentences of the movie corpus written with Turkish letters and with ≥ 90% of their "
        "words analyzable were folded to ASCII (`ç→c ğ→g ı→i ö→o ş→s ü→u`) and restored "
        "(non-strict mode, zeyrek). Word accuracy is case-insensitive over all words; "
        "`folded words` are those the folding changed, `false fixes` the share of words "
        "without Turkish letters that restoration wrongly changed.",
        "",
        f"`min_gain` sweep on the development slice (reviews 1000–1199, {len(dev)} sentences):",
        "",
        "| min_gain | word acc | folded-word acc | false fixes |",
        "|---|---|---|---|",
    ]
    best_gain, best_acc = 1.0, -1.0
    for g in (0.5, 0.75, 1.0, 1.5, 2.0):
        d = Deasciifier(morph=zey, min_gain=g, frequencies=freq)
        r = deasciify_accuracy(d, dev)
        lines.append(
            f"| {g} | {100 * r['acc']:.2f}% | {100 * r['folded_acc']:.2f}% | "
            f"{100 * r['false_fix']:.2f}% |"
        )
        if r["acc"] > best_acc:
            best_gain, best_acc = g, r["acc"]
    lines += [
        "",
        f"Test slice (reviews 0–{args.deasciify * 2 - 1}, {len(test)} sentences), "
        f"min_gain = {best_gain} (best on dev):",
        "",
        "| setting | words | ASCII (no restoration) | restored | folded-word acc | false fixes |",
        "|---|---|---|---|---|---|",
    ]
    settings = [
        ("zeyrek + wordfreq", Deasciifier(morph=zey, min_gain=best_gain, frequencies=freq)),
        ("zeyrek, no wordfreq", Deasciifier(morph=zey, use_wordfreq=False)),
    ]
    if "zemberek" in classes:
        settings.append(
            (
                "zemberek + wordfreq",
                Deasciifier(morph=ZemberekAnalyzer(), min_gain=best_gain, frequencies=freq),
            )
        )
    for name, d in settings:
        t0 = time.perf_counter()
        r = deasciify_accuracy(d, test)
        dt = time.perf_counter() - t0
        lines.append(
            f"| {name} | {r['words']} | {100 * r['baseline']:.2f}% | {100 * r['acc']:.2f}% | "
            f"{100 * r['folded_acc']:.2f}% | {100 * r['false_fix']:.2f}% |"
        )
        print(f"{name}: {dt:.1f}s", file=sys.stderr)
    lines += [
        "",
        "## Notes",
        "",
        "- zeyrek's disambiguation is sentikit's heuristic (`heuristic_disambiguate`: fewest "
        "derivations and overt suffixes, proper nouns only when capitalized, preferred POS/lemmas "
        "of frequent ambiguous words, a few context rules); zemberek's is its averaged "
        "perceptron (its weight lookups memoized by sentikit), far slower in pure Python.",
        "- Reading lists differ for ~3% of word types: zemberek's unidentified-token "
        "analyzer gives proper-noun readings to unknown apostrophe words (`Bartertown'a`), and "
        "the two ports' lexicons and morphotactics differ slightly (e.g. the `A3sg+P3pl` "
        "reading of `-lArI`, compound nouns such as `zeytinyağı`, a few abbreviation entries).",
        "- Tags and POS are the same strings in both backends (see the module docstring of "
        "`sentikit/lang/tr/morphology.py` for the normalized tag set).",
        "- `min_gain` is chosen on the development slice only; the test slice is disjoint.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
