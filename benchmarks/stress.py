"""Stress test of the public paths: random Unicode through the API, a large file through the CLI.

Two parts, each run in child processes so that every peak RSS is that run's own:

(a) **Fuzz** — ``--fuzz N`` seeded random texts (empty, whitespace-only, control characters,
    emoji sequences, right-to-left and other scripts, combining-mark piles, very long words,
    random code points, Turkish/English words with noise; lengths from 0 to several thousand
    characters) through ``sentikit.analyze(chunk, lang=..., ids=...)`` for ``lang`` ``"tr"``,
    ``"en"`` and auto (``None``), in chunks of 1,000. Counted: exceptions (a chunk that raises is
    re-run text by text to find the culprits), error records for strings, results that break
    the result contract (id, label, score, probabilities, spans inside the text, valid JSON),
    records in vs out, wall time, peak RSS. ``--explain-fuzz M`` runs the first M texts again
    with ``explain=True``.
(b) **Large file** — a ``--lines N`` line text file of short mixed Turkish/English lines
    (seeded) in a temporary folder through ``sentikit analyze -i FILE -f jsonl -o OUT``
    (``--lang auto`` and ``--lang en``): output lines vs input lines (each parsed as JSON, ids
    1..N in order), wall time, throughput, peak RSS of the child (``os.wait4``) against
    ``--max-rss-mb`` (500).

Results go to ``--json`` (default ``docs/results/stress.json``) and a table to stdout; the
exit status is 1 when a check fails.

Usage::

    python benchmarks/stress.py [--fuzz 100000] [--explain-fuzz 1000] [--lines 1000000]
        [--seed 0] [--json docs/results/stress.json] [--keep DIR]
    python benchmarks/stress.py --fuzz 2000 --explain-fuzz 100 --lines 20000   # quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LABELS = {"positive", "neutral", "negative"}
CHUNK = 1000
#: At most this many failing inputs are kept (repr) in the results, per kind of failure.
KEEP = 5

# ----------------------------------------------------------------------------- fuzz texts

TR_WORDS = [
    "film", "güzel", "kötü", "harika", "berbat", "beğenmedim", "beğendim", "değil", "yok", "hiç",
    "çok", "iyi", "sıkıcı", "bayıldım", "oyunculuk", "müzikleri", "senaryo", "İstanbul'da", "IŞIK",
    "ılık", "şahane", "rezalet", "ama", "fakat", "ve", "bu", "bir",
]  # fmt: skip
EN_WORDS = [
    "film", "movie", "great", "awful", "not", "don't", "can't", "boring", "loved", "witty", "but",
    "the", "plot", "acting", "music", "brilliant", "terrible", "fine", "ok", "never", "really",
    "was", "is", "and", "a",
]  # fmt: skip
NOISE = [
    ":)", ":-(", "<3", "#harika", "@user", "http://x.co/a?b=1", "...", "!!!", "?", "123", "3,5",
    '"', "'", "(", ")", "—", "«", "»",
]  # fmt: skip
EMOJI = [
    "😀", "😡", "👍", "👍🏽", "👎🏿", "❤️", "💔", "🇹🇷", "🇬🇧", "👨‍👩‍👧‍👦", "🏳️‍🌈", "1️⃣", "🙂", "😭",
    "🤮", "🔥", "\U0001fae0",
]  # fmt: skip
SCRIPTS = [
    "שלום עולם", "مرحبا بالعالم", "فيلم رائع", "Привет мир", "日本語のテキスト", "ελληνικά",
    "हिन्दी", "한국어", "ไทย", "ܐܪܡܝܐ", "ދިވެހި",
]  # fmt: skip
WHITESPACE = " \t\n\r\x0b\x0c\u00a0\u1680\u2000\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"
CONTROLS = [chr(c) for c in [*range(0, 32), 127, *range(0x80, 0xA0)]] + [
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2069", "\u061c",
]  # fmt: skip
COMBINING = [chr(c) for c in range(0x300, 0x370)]


def _random_codepoint(rng: random.Random) -> str:
    while True:
        c = rng.choice(
            [rng.randrange(0x20, 0x250), rng.randrange(0, 0x3000), rng.randrange(0, 0x110000)]
        )
        if not 0xD800 <= c <= 0xDFFF:  # no lone surrogates: not text
            return chr(c)


def fuzz_text(rng: random.Random) -> str:
    """One random text; the kinds are mixed in one text as often as they stand alone."""
    kind = rng.random()
    if kind < 0.03:
        return ""
    if kind < 0.08:
        return "".join(rng.choice(WHITESPACE) for _ in range(rng.randint(1, 30)))
    if kind < 0.10:  # a very long word
        return rng.choice(["a", "ş", "ha", "ı", "😀", "x\u0301"]) * rng.randint(200, 6000)
    if kind < 0.14:
        return "".join(_random_codepoint(rng) for _ in range(rng.randint(1, 300)))
    parts: list[str] = []
    for _ in range(rng.randint(1, 40 if rng.random() < 0.9 else 400)):
        r = rng.random()
        if r < 0.30:
            parts.append(rng.choice(TR_WORDS))
        elif r < 0.55:
            parts.append(rng.choice(EN_WORDS))
        elif r < 0.62:
            parts.append(rng.choice(NOISE))
        elif r < 0.70:
            parts.append("".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 4))))
        elif r < 0.76:
            parts.append(rng.choice(SCRIPTS))
        elif r < 0.82:
            parts.append(rng.choice(CONTROLS) * rng.randint(1, 3))
        elif r < 0.86:
            parts.append(rng.choice("aeiouı") + "".join(rng.sample(COMBINING, rng.randint(1, 12))))
        elif r < 0.88:
            parts.append(rng.choice(TR_WORDS + EN_WORDS) * rng.randint(5, 60))
        else:
            parts.append("".join(_random_codepoint(rng) for _ in range(rng.randint(1, 8))))
        parts.append(rng.choice([" ", " ", " ", "", "\n", ". ", "! ", ", ", "\t", "\r\n"]))
    return "".join(parts)


def fuzz_texts(n: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        yield fuzz_text(rng)


# ----------------------------------------------------------------------------- the contract


def contract_violation(text: str, r: Any, rid: str, explain: bool) -> str | None:
    """Why ``r`` breaks the result contract for ``text`` (None when it holds)."""
    try:
        if not isinstance(r, dict):
            return f"not a dict: {type(r).__name__}"
        json.dumps(r, allow_nan=False)
        if r.get("id") != rid:
            return f"id {r.get('id')!r} != {rid!r}"
        if "error" in r:
            return f"error record: {r['error']}"
        if r.get("label") not in LABELS:
            return f"label {r.get('label')!r}"
        score, probs = r["score"], r["probs"]
        if not (isinstance(score, int | float) and -1.0 <= score <= 1.0):
            return f"score {score!r}"
        if set(probs) != LABELS:
            return f"probs keys {sorted(probs)}"
        if not all(isinstance(v, int | float) and -1e-6 <= v <= 1 + 1e-6 for v in probs.values()):
            return f"probs {probs}"
        if abs(sum(probs.values()) - 1.0) > 1e-6:
            return f"probs sum {sum(probs.values())!r}"
        items: list[tuple[str, dict[str, Any], str]] = []
        for s in r["sentences"]:
            items.append(("sentence", s, "text"))
            items += [("clause", c, "text") for c in s.get("clauses") or []]
        items += [("aspect", a, "term") for a in r.get("aspects") or []]
        if explain:
            items += [("token", t, "text") for t in r["tokens"]]
        for what, it, key in items:
            a, b = it["span"]
            if not 0 <= a <= b <= len(text):
                return f"{what} span {[a, b]} outside a text of {len(text)}"
            if key in it and it[key] != text[a:b]:
                return f"{what} {key} {it[key]!r} != text[{a}:{b}]"
    except Exception as exc:  # noqa: BLE001 - a malformed result is a violation
        return f"{type(exc).__name__}: {exc}"
    return None


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def fuzz_child(lang: str | None, n: int, seed: int, explain: bool) -> dict[str, Any]:
    """Part (a) for one language setting, in this process."""
    import sentikit

    t_load = time.perf_counter()
    sentikit.analyze("ok", lang=lang)  # load the model(s) outside the timed loop
    load_s = time.perf_counter() - t_load
    counts = {"records_in": 0, "records_out": 0, "exceptions": 0, "error_records": 0}
    counts["contract_violations"] = 0
    failures: dict[str, list[dict[str, str]]] = {"exceptions": [], "violations": []}
    chars = 0
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    texts = fuzz_texts(n, seed)
    start = 0
    while True:
        chunk = [t for _, t in zip(range(CHUNK), texts, strict=False)]
        if not chunk:
            break
        ids = [f"f{start + i}" for i in range(len(chunk))]
        start += len(chunk)
        counts["records_in"] += len(chunk)
        chars += sum(map(len, chunk))
        try:
            out = sentikit.analyze(chunk, lang=lang, ids=ids, explain=explain)
        except Exception:  # noqa: BLE001 - counted; the chunk is re-run text by text
            out = []
            for t, i in zip(chunk, ids, strict=True):
                try:
                    out.extend(sentikit.analyze([t], lang=lang, ids=[i], explain=explain))
                except Exception:  # noqa: BLE001 - counted and kept
                    counts["exceptions"] += 1
                    if len(failures["exceptions"]) < KEEP:
                        failures["exceptions"].append(
                            {"text": repr(t[:300]), "traceback": traceback.format_exc()[-2000:]}
                        )
                    out.append({"id": i, "error": "exception (see failures)"})
        counts["records_out"] += len(out)
        if len(out) != len(chunk):
            counts["contract_violations"] += abs(len(out) - len(chunk))
            continue
        for t, i, r in zip(chunk, ids, out, strict=True):
            if isinstance(r, dict) and "error" in r:
                counts["error_records"] += r["error"] != "exception (see failures)"
                continue
            why = contract_violation(t, r, i, explain)
            if why is not None:
                counts["contract_violations"] += 1
                if len(failures["violations"]) < KEEP:
                    failures["violations"].append({"text": repr(t[:300]), "why": why})
    wall = time.perf_counter() - t0
    return {
        "lang": lang or "auto",
        "explain": explain,
        **counts,
        "chars": chars,
        "load_s": round(load_s, 2),
        "wall_s": round(wall, 2),
        "cpu_s": round(time.process_time() - cpu0, 2),
        "texts_per_s": round(counts["records_in"] / wall, 1) if wall else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "failures": failures,
        "ok": counts["records_in"] == counts["records_out"]
        and counts["exceptions"] == counts["error_records"] == counts["contract_violations"] == 0,
    }


# ----------------------------------------------------------------------------- large file

TR_LINES = [
    "Filmi hiç beğenmedim ama müzikleri güzeldi.",
    "Harika bir film, herkese tavsiye ederim!",
    "Berbat bir senaryo, çok sıkıcı.",
    "Oyunculuk fena değildi.",
    "Bu ne rezalet ya 😡",
    "Çok güzel 👍",
    "İstanbul'da çekilmiş, ortalama bir yapım.",
    "bence idare eder",
]
EN_LINES = [
    "What a gorgeous, witty film.",
    "The plot was dull and the acting awful.",
    "Not bad at all :)",
    "I didn't like it, but the music was great.",
    "meh",
    "Loved every minute ❤️",
    "The worst movie I have seen this year.",
    "It's fine, I guess.",
]


def write_lines(path: Path, n: int, seed: int) -> int:
    """A text file of ``n`` short mixed Turkish/English lines; returns its size in bytes."""
    rng = random.Random(seed)
    pool = TR_LINES + EN_LINES
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for i in range(n):
            line = rng.choice(pool)
            if rng.random() < 0.3:
                line = f"{line} {rng.choice(pool)}"
            if rng.random() < 0.05:
                line = f"#{i} {line}"
            fh.write(line + "\n")
    return path.stat().st_size


def check_output(path: Path, n: int) -> dict[str, Any]:
    """Lines, JSON validity and ids 1..n in order of a ``jsonl`` output file."""
    lines = bad_json = bad_id = errors = 0
    with open(path, encoding="utf-8", newline="\n") as fh:
        for lines, line in enumerate(fh, start=1):  # noqa: B007 - the count is used
            try:
                r = json.loads(line)
            except ValueError:
                bad_json += 1
                continue
            bad_id += r.get("id") != str(lines)
            errors += "error" in r
    return {"output_lines": lines, "bad_json": bad_json, "bad_ids": bad_id, "errors": errors}


def cli_run(inp: Path, out: Path, n: int, lang: str, max_rss_mb: float) -> dict[str, Any]:
    """Part (b): one ``sentikit analyze -i inp -f jsonl -o out --lang lang`` child process."""
    cmd = [sys.executable, "-m", "sentikit", "analyze", "-i", str(inp), "-f", "jsonl"]
    cmd += ["-o", str(out), "--overwrite", "--lang", lang]  # --keep FOLDER: a rerun rewrites
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    stderr = proc.stderr.read()  # drains the pipe while the child runs
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    res: dict[str, Any] = {
        "command": " ".join(["sentikit", *cmd[3:]]),
        "lang": lang,
        "input_lines": n,
        "exit_status": proc.returncode,
        "wall_s": round(wall, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "lines_per_s": round(n / wall, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "max_rss_mb": max_rss_mb,
        "stderr_tail": stderr.decode("utf-8", "replace")[-1000:],
    }
    res.update(check_output(out, n) if out.exists() else {"output_lines": 0})
    res["ok"] = (
        proc.returncode == 0
        and res["output_lines"] == n
        and res.get("bad_json") == 0
        and res.get("bad_ids") == 0
        and res["peak_rss_mb"] <= max_rss_mb
    )
    return res


# ----------------------------------------------------------------------------- driver


def _machine() -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"],
                cwd=REPO,
                capture_output=True,
                text=True,
            ).stdout.strip()
        )
    except OSError:
        commit, dirty = "", False
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), ""
            )
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus_visible": os.cpu_count(),
        "python": platform.python_version(),
        "git_commit": commit + ("+dirty" if dirty else ""),
        "load_avg_start": [round(x, 2) for x in os.getloadavg()],
    }


def _run_fuzz_child(lang: str, n: int, seed: int, explain: bool) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child-fuzz", lang, "--fuzz", str(n), "--seed", str(seed)]
    if explain:
        cmd.append("--child-explain")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"lang": lang, "explain": explain, "ok": False, "crash": proc.stderr[-3000:]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def report(res: dict[str, Any]) -> str:
    rows = [["fuzz", "explain", "in", "out", "exc", "err", "viol", "wall s", "texts/s", "RSS MB"]]
    for f in res["fuzz"]:
        if "crash" in f:
            rows.append([f["lang"], str(f["explain"]), "CRASH", *[""] * 7])
            continue
        rows.append(
            [
                f["lang"],
                "yes" if f["explain"] else "no",
                str(f["records_in"]),
                str(f["records_out"]),
                str(f["exceptions"]),
                str(f["error_records"]),
                str(f["contract_violations"]),
                f"{f['wall_s']:.1f}",
                f"{f['texts_per_s']:.0f}",
                f"{f['peak_rss_mb']:.0f}",
            ]
        )
    out = [_table(rows)]
    if res["cli"]:
        rows = [
            ["cli --lang", "lines in", "lines out", "exit", "wall s", "lines/s", "RSS MB", "ok"]
        ]
        for c in res["cli"]:
            rows.append(
                [
                    c["lang"],
                    str(c["input_lines"]),
                    str(c["output_lines"]),
                    str(c["exit_status"]),
                    f"{c['wall_s']:.1f}",
                    f"{c['lines_per_s']:.0f}",
                    f"{c['peak_rss_mb']:.0f}",
                    "yes" if c["ok"] else "NO",
                ]
            )
        out.append(_table(rows))
    out.append(f"all checks passed: {res['ok']}")
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--fuzz", type=int, default=100_000, help="fuzz texts per language setting")
    ap.add_argument("--explain-fuzz", type=int, default=1000, help="of them, also with explain")
    ap.add_argument("--lines", type=int, default=1_000_000, help="lines of the CLI input file")
    ap.add_argument("--cli-langs", default="auto,en", help="--lang values of the CLI runs")
    ap.add_argument("--fuzz-langs", default="tr,en,auto", help="language settings to fuzz")
    ap.add_argument("--max-rss-mb", type=float, default=500.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, default=REPO / "docs/results/stress.json")
    ap.add_argument("--keep", type=Path, help="write the CLI input/output files here")
    ap.add_argument("--child-fuzz", help=argparse.SUPPRESS)
    ap.add_argument("--child-explain", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child_fuzz is not None:
        lang = None if args.child_fuzz == "auto" else args.child_fuzz
        print(json.dumps(fuzz_child(lang, args.fuzz, args.seed, args.child_explain)))
        return 0

    started = dt.datetime.now(dt.UTC)
    res: dict[str, Any] = {
        "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": " ".join(["python", "benchmarks/stress.py", *(argv or sys.argv[1:])]),
        "machine": _machine(),
        "params": {
            "fuzz": args.fuzz,
            "explain_fuzz": args.explain_fuzz,
            "lines": args.lines,
            "seed": args.seed,
            "max_rss_mb": args.max_rss_mb,
        },
        "fuzz": [],
        "cli": [],
    }
    langs = [x for x in args.fuzz_langs.split(",") if x]
    for lang in langs if args.fuzz > 0 else []:
        print(f"fuzz {lang}: {args.fuzz} texts ...", file=sys.stderr, flush=True)
        res["fuzz"].append(_run_fuzz_child(lang, args.fuzz, args.seed, False))
    for lang in langs if args.explain_fuzz > 0 else []:
        print(f"fuzz {lang} explain: {args.explain_fuzz} ...", file=sys.stderr, flush=True)
        res["fuzz"].append(_run_fuzz_child(lang, args.explain_fuzz, args.seed, True))
    if args.lines > 0:
        tmp = Path(tempfile.mkdtemp(prefix="sentikit-stress-"))
        folder = args.keep or tmp
        folder.mkdir(parents=True, exist_ok=True)
        try:
            inp = folder / "lines.txt"
            size = write_lines(inp, args.lines, args.seed)
            res["params"]["input_bytes"] = size
            for lang in [x for x in args.cli_langs.split(",") if x]:
                print(f"cli --lang {lang}: {args.lines} lines ...", file=sys.stderr, flush=True)
                out = folder / f"out-{lang}.jsonl"
                res["cli"].append(cli_run(inp, out, args.lines, lang, args.max_rss_mb))
                if args.keep is None:
                    out.unlink(missing_ok=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    res["machine"]["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    res["total_s"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
    res["ok"] = all(f.get("ok") for f in res["fuzz"]) and all(c["ok"] for c in res["cli"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False, allow_nan=False) + "\n")
    print(report(res))
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
