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

Usage::

    python benchmarks/tokenize_ab.py [--repeat 7]
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
from sentikit.lang.chunks import splice_chunks
from sentikit.lang.en import tokenize as tok

tok_tr = importlib.import_module("sentikit.lang.tr.tokenize")


def old(text: str) -> tuple[list[str], list[int], list[int], list[str], list[str]]:
    """``token_columns`` as it was before the change (fast path for regular spacing only)."""
    chunks = text.split()
    if not chunks:
        return [], [], [], [], []
    starts = tok.chunk_starts(text, chunks) if ". ." not in text else None
    if starts is not None:
        norms: list[Any] = list(map(tok._SINGLE_NORM.get, chunks))
        kinds: list[Any] = list(map(tok._SINGLE_KIND.get, chunks))
        ends = list(map(int.__add__, starts, map(len, chunks)))
        if None not in norms or splice_chunks(tok._COLS, chunks, starts, ends, norms, kinds):
            if "n't" in norms:
                tok._fix_hosts(norms)
            return chunks, starts, ends, norms, kinds
    else:
        starts = [m.start() for m in tok._CHUNK_RE.finditer(text)]
        if len(starts) != len(chunks):
            chunks = tok._CHUNK_RE.findall(text)
    found = list(map(tok._COLS.get, chunks))
    if None in found:
        found = [
            c if c is not None else tok._chunk_columns(text, k, s)
            for k, c, s in zip(chunks, found, starts, strict=True)
        ]
    c_texts, c_starts, c_ends, c_norms, c_kinds, c_counts = zip(*found, strict=True)
    flat = itertools.chain.from_iterable
    base = list(flat(map(itertools.repeat, starts, flat(c_counts))))
    norms = list(flat(c_norms))
    if "n't" in norms:
        tok._fix_hosts(norms)
    return (
        list(flat(c_texts)),
        list(map(int.__add__, base, flat(c_starts))),
        list(map(int.__add__, base, flat(c_ends))),
        norms,
        list(flat(c_kinds)),
    )


def old_tr(text: str) -> tuple[list[str], list[int], list[int], list[str], list[str]]:
    """The Turkish ``token_columns`` as it was before the change."""
    chunks = text.split()
    if not chunks:
        return [], [], [], [], []
    starts = tok.chunk_starts(text, chunks)  # the same offsets rule as the Turkish one
    if starts is not None:
        norms: list[Any] = list(map(tok_tr._SINGLE_NORM.get, chunks))
        kinds: list[Any] = list(map(tok_tr._SINGLE_KIND.get, chunks))
        ends = list(map(int.__add__, starts, map(len, chunks)))
        if None not in norms or splice_chunks(tok_tr._COLS, chunks, starts, ends, norms, kinds):
            return chunks, starts, ends, norms, kinds
    else:
        starts = [m.start() for m in tok_tr._CHUNK_RE.finditer(text)]
        if len(starts) != len(chunks):
            chunks = tok_tr._CHUNK_RE.findall(text)
    found = list(map(tok_tr._COLS.get, chunks))
    if None in found:
        found = [
            c if c is not None else tok_tr._chunk_columns(k)
            for k, c in zip(chunks, found, strict=True)
        ]
    c_texts, c_starts, c_ends, c_norms, c_kinds, c_counts = zip(*found, strict=True)
    flat = itertools.chain.from_iterable
    base = list(flat(map(itertools.repeat, starts, flat(c_counts))))
    return (
        list(flat(c_texts)),
        list(map(int.__add__, base, flat(c_starts))),
        list(map(int.__add__, base, flat(c_ends))),
        list(flat(c_norms)),
        list(flat(c_kinds)),
    )


def _run(f: Callable[[str], object], texts: list[str]) -> list[object]:
    return [f(t) for t in texts]


def irregular(text: str) -> bool:
    """Whether the old fast path refused ``text`` (ellipsis or irregular whitespace)."""
    chunks = text.split()
    return bool(chunks) and (". ." in text or tok.chunk_starts(text, chunks) is None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
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
