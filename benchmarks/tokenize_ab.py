"""A/B of the fast tokenizers: texts whose chunks str.split() cannot place, long texts.

``token_columns`` (English; the Turkish one is built the same way) has a fast path: cached
columns per whitespace-delimited chunk, offsets by C-level accumulation. It used to serve only
texts whose chunks are separated by exactly one whitespace character, without a PTB spaced
ellipsis (``. . .``), and whose chunks were all cached; every other text (7.5 % of the rt
sentences; most IMDB reviews: double spaces, ``<br /><br />`` runs, chunks such as ``too.``
that depend on the next chunk) took the general path, which concatenates each chunk's
columns. Now those texts take the fast path too, with the chunks and offsets of the chunk
regex, and a chunk missing from the cache is tokenized in context and spliced in. The general
path remains for texts where (multi-token chunks × chunks) exceeds 10⁶, because each splice
shifts the rest of the lists. This script keeps the replaced functions (``old``, ``old_tr``)
and times both on the same texts, interleaved, best of ``--repeat`` rounds by process CPU
time, after checking that they return identical columns.

``--e2e N`` also times ``Analyzer.analyze_many`` on the first 3,000 rt sentences with the old
and the new English function patched into the processor, in N paired rounds (alternating
which goes first), and reports the best and median rates and how many rounds the new one won.

Usage::

    python benchmarks/tokenize_ab.py [--repeat 7] [--e2e 30]
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from sentikit.io.datasets import iter_texts, load_dataset
from sentikit.lang.chunks import Columns, chunk_starts, concat_columns, splice_chunks
from sentikit.lang.en import tokenize as tok

tok_tr = importlib.import_module("sentikit.lang.tr.tokenize")


def _old(text: str, mod: Any) -> Columns:
    """``token_columns`` of module ``mod`` as it was before the change: the fast path only for
    regular spacing with every chunk cached, else the general path (``concat_columns``)."""
    chunks = text.split()
    if not chunks:
        return [], [], [], [], []
    english = mod is tok
    starts = chunk_starts(text, chunks) if ". ." not in text or not english else None
    if starts is not None:
        norms: list[Any] = list(map(mod._SINGLE_NORM.get, chunks))
        kinds: list[Any] = list(map(mod._SINGLE_KIND.get, chunks))
        ends = list(map(int.__add__, starts, map(len, chunks)))
        if None not in norms or splice_chunks(mod._COLS, chunks, starts, ends, norms, kinds):
            if english and "n't" in norms:
                tok._fix_hosts(norms)
            return chunks, starts, ends, norms, kinds
    else:
        starts = [m.start() for m in mod._CHUNK_RE.finditer(text)]
        if len(starts) != len(chunks):
            chunks = mod._CHUNK_RE.findall(text)
    if english:
        out = concat_columns(
            chunks, starts, mod._COLS, lambda i: tok._chunk_columns(text, chunks[i], starts[i])
        )
        if "n't" in out[3]:
            tok._fix_hosts(out[3])
        return out
    return concat_columns(chunks, starts, mod._COLS, lambda i: tok_tr._chunk_columns(chunks[i]))


def old(text: str) -> Columns:
    """The English ``token_columns`` before the change."""
    return _old(text, tok)


def old_tr(text: str) -> Columns:
    """The Turkish ``token_columns`` before the change."""
    return _old(text, tok_tr)


def _run(f: Callable[[str], object], texts: list[str]) -> list[object]:
    return [f(t) for t in texts]


def irregular(text: str) -> bool:
    """Whether the old fast path refused ``text`` (ellipsis or irregular whitespace)."""
    chunks = text.split()
    return bool(chunks) and (". ." in text or chunk_starts(text, chunks) is None)


def end_to_end(rounds: int) -> None:
    """Paired rounds of ``analyze_many`` with the old and the new English tokenizer."""
    import statistics

    import sentikit
    import sentikit.lang.en.processor as proc_mod

    new = proc_mod.token_columns
    texts = [e.text for e in load_dataset("english-movie-sentences-rt-polarity", split="all")]
    texts = texts[:3000]
    an = sentikit.load("en")
    an.analyze_many(texts)
    times: dict[str, list[float]] = {"old": [], "new": []}
    try:
        for r in range(rounds):
            order = (("new", new), ("old", old)) if r % 2 else (("old", old), ("new", new))
            for k, f in order:
                proc_mod.token_columns = f
                c = time.process_time()
                an.analyze_many(texts)
                times[k].append(time.process_time() - c)
    finally:
        proc_mod.token_columns = new
    for k, v in times.items():
        best, median = 3000 / min(v), 3000 / statistics.median(v)
        print(f"analyze_many, {k}: best {best:,.0f}/s, median {median:,.0f}/s")
    wins = sum(a < b for a, b in zip(times["new"], times["old"], strict=True))
    print(f"new faster in {wins} of {rounds} paired rounds")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--e2e", type=int, default=0, help="paired end-to-end rounds (0: none)")
    args = ap.parse_args()
    if args.e2e:
        end_to_end(args.e2e)
    corpora: dict[str, tuple[Callable[[str], object], Callable[[str], object], list[str]]] = {
        "English movie sentences (rt, all)": (
            old,
            tok.token_columns,
            [e.text for e in load_dataset("english-movie-sentences-rt-polarity", split="all")],
        ),
        "IMDB test reviews (first 2,000)": (
            old,
            tok.token_columns,
            list(itertools.islice(iter_texts("english-imdb-reviews", "test"), 2000)),
        ),
        "Turkish movie reviews (all)": (
            old_tr,
            tok_tr.token_columns,
            [e.text for e in load_dataset("turkish-movie-reviews", split="all")],
        ),
        "Turkish news (first 2,000)": (
            old_tr,
            tok_tr.token_columns,
            list(itertools.islice(iter_texts("turkish-unlabelled-text", None), 2000)),
        ),
    }
    for name, (f_old, f_new, texts) in corpora.items():
        for t in texts:  # warm both paths' caches, and check equality
            if f_old(t) != f_new(t):
                raise SystemExit(f"outputs differ on {t[:60]!r}")
        fns: dict[str, Callable[[], object]] = {
            "old": partial(_run, f_old, texts),
            "new": partial(_run, f_new, texts),
        }
        best = dict.fromkeys(fns, float("inf"))
        for _ in range(args.repeat):
            for k, fn in fns.items():
                c = time.process_time()
                fn()
                best[k] = min(best[k], time.process_time() - c)
        n_irr = sum(map(irregular, texts))
        print(
            f"{name}: {len(texts):,} texts, {n_irr:,} irregular; "
            f"old {len(texts) / best['old']:,.0f}/s, new {len(texts) / best['new']:,.0f}/s "
            f"({best['old'] / best['new'] - 1:+.1%}); outputs identical"
        )


if __name__ == "__main__":
    main()
