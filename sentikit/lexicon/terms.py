"""From raw documents to the term sequences lexicon induction counts.

English terms are the normalized (lowercased) tokens; with ``negation`` the words in a
negation scope (up to :data:`EN_NEG_SCOPE` words after *not, n't, no, never, cannot*, stopping
at punctuation) become separate ``word_NEG`` terms.

Turkish terms are in **lemma form**: each distinct word type with frequency ≥ ``analyze_min_count``
is analysed morphologically once (never per token; results cached by the analyzer, optionally in
an SQLite file), its reading is chosen by sentikit's heuristic disambiguator, and the term is the
lemma (``güzeldi``, ``güzelliği`` → ``güzel``; ``beğendim`` → ``beğenmek``), except that a
privative ``-sIz`` derivation is kept (``zevksiz`` stays ``zevksiz``: it reverses the root's
polarity). A word carrying the ``Neg`` or ``Unable`` morpheme, or followed by a form of *değil* /
*yok*, becomes ``lemma_NEG`` (both together cancel); the negator itself is dropped. Rarer types
keep their normalized surface form.

The encoder tokenizes each document once and keeps the corpus as int32 arrays of type ids, so the
term mapping (which needs the type frequencies) is applied afterwards without re-tokenizing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sentikit.doc import NEG_SUFFIX
from sentikit.errors import InputError
from sentikit.lang.tr.lemmas import TR_NEGATORS, TurkishTerm, turkish_term

#: English negation cues (after sentikit's tokenizer: ``can't`` → ``can`` ``n't``).
EN_NEG_CUES = frozenset({"not", "n't", "no", "never", "cannot"})
#: Words after an English cue that are negated (the scope stops at punctuation).
EN_NEG_SCOPE = 3


def _check_lang(lang: str) -> str:
    if lang not in ("tr", "en"):
        raise InputError(f"unsupported language {lang!r}; use 'tr' or 'en'")
    return lang


def tokenize_en(text: str, negation: bool = True) -> list[str]:
    """English terms of ``text`` (see the module docstring).

    Examples
    --------
    >>> tokenize_en("Not a good movie, but fun!")
    ['not', 'a_NEG', 'good_NEG', 'movie_NEG', 'but', 'fun']
    """
    from sentikit.lang.en.tokenize import terms

    toks = terms(text, punct=True)
    out: list[str] = []
    scope = 0
    for t in toks:
        if not t or not any(c.isalnum() for c in t):  # punctuation ends a negation scope
            scope = 0
            continue
        if negation and t in EN_NEG_CUES:
            out.append(t)
            scope = EN_NEG_SCOPE
            continue
        if scope > 0:
            out.append(t + NEG_SUFFIX)
            scope -= 1
        else:
            out.append(t)
    return out


def tokenize_tr(text: str) -> list[str]:
    """Normalized Turkish word tokens of ``text`` (apostrophe suffix tokens dropped).

    Examples
    --------
    >>> tokenize_tr("Ankara'da çoook güzeldi :)")
    ['ankara', 'çok', 'güzeldi', ':)']
    """
    from sentikit.lang.tr.processor import TurkishProcessor

    proc = _TR_PROC[0]
    if proc is None:
        # a lexicon is of words: identity and entity terms are not masked here
        proc = _TR_PROC[0] = TurkishProcessor(morph=None, mask=False)
    return [t for t in proc.terms(text) if t and not t.startswith("'")]


_TR_PROC: list[Any] = [None]


@dataclass
class EncodedCorpus:
    """A corpus as term-id arrays plus the term strings and counts.

    Attributes
    ----------
    terms : list of str
        Every distinct term (any frequency).
    counts : ndarray of int64
        Frequency of each term.
    units : list of ndarray of int32
        One array of term ids per document (negators already dropped).
    n_tokens : int
        Total number of term tokens.
    n_docs : int
        Number of documents read.
    analyzed_types : int
        Turkish word types sent to the morphological analyzer (0 for English).
    """

    terms: list[str]
    counts: NDArray[np.int64]
    units: list[NDArray[np.int32]]
    n_tokens: int
    n_docs: int
    analyzed_types: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def vocabulary(
        self, min_count: int, max_size: int | None = None
    ) -> tuple[list[str], NDArray[np.int64], NDArray[np.int32]]:
        """Terms with count ≥ ``min_count`` (most frequent first, ties by term), their counts,
        and the map from this corpus's term ids to vocabulary ids (``-1`` = out of vocabulary)."""
        keep = np.flatnonzero(self.counts >= min_count)
        order = sorted(keep.tolist(), key=lambda i: (-int(self.counts[i]), self.terms[i]))
        if max_size is not None:
            order = order[:max_size]
        remap = np.full(len(self.terms), -1, dtype=np.int32)
        remap[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int32)
        return [self.terms[i] for i in order], self.counts[order].astype(np.int64), remap

    def iter_units(self, remap: NDArray[np.int32]) -> Iterable[NDArray[np.int32]]:
        """The documents as vocabulary-id arrays (``-1`` keeps the position of other terms)."""
        for u in self.units:
            yield remap[u]


def _tokenize_batch(args: tuple[list[str], str, bool]) -> list[list[str]]:
    """Tokenize a batch of documents (the unit of work of the tokenizing processes)."""
    docs, lang, negation = args
    if lang == "en":
        return [tokenize_en(d, negation) for d in docs]
    return [tokenize_tr(d) for d in docs]


def _batches(docs: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for d in docs:
        if not isinstance(d, str):
            raise InputError(f"documents must be str, got {type(d).__name__}")
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _token_lists(
    docs: Iterable[str], lang: str, negation: bool, n_jobs: int
) -> Iterator[list[str]]:
    """Token lists of ``docs`` in order, tokenized in ``n_jobs`` processes when > 1."""
    if n_jobs <= 1:
        for d in docs:
            if not isinstance(d, str):
                raise InputError(f"documents must be str, got {type(d).__name__}")
            yield tokenize_en(d, negation) if lang == "en" else tokenize_tr(d)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(n_jobs) as pool:
        work = ((b, lang, negation) for b in _batches(docs, BATCH_DOCS))
        for toks in pool.imap(_tokenize_batch, work, chunksize=1):
            yield from toks


#: Documents per tokenizing task when ``n_jobs > 1``.
BATCH_DOCS = 500


def encode_corpus(
    docs: Iterable[str],
    lang: str,
    negation: bool = True,
    analyzer: Any = None,
    analyze_min_count: int = 5,
    progress: Callable[[int], None] | None = None,
    n_jobs: int = 1,
) -> EncodedCorpus:
    """Tokenize ``docs`` once and map the tokens to terms (see the module docstring).

    Parameters
    ----------
    docs : iterable of str
        The documents (non-strings raise :class:`InputError`).
    lang : {"tr", "en"}
    negation : bool
        Mark negated words as separate ``_NEG`` terms.
    analyzer : MorphAnalyzer, optional
        Turkish morphology (``None``: Turkish terms stay surface forms).
    analyze_min_count : int
        Turkish word types at least this frequent are analysed.
    progress : callable, optional
        Called with the number of documents read so far, every 1000 documents.
    n_jobs : int
        Tokenizing processes (``1``: in this process). The documents are read here and sent
        to the workers in batches of :data:`BATCH_DOCS`. Turkish word types missing from the
        analyzer's caches are also analysed in ``n_jobs`` processes
        (:meth:`~sentikit.lang.tr.morphology.MorphAnalyzer.analyze_many`).
    """
    import time

    _check_lang(lang)
    t0 = time.perf_counter()
    index: dict[str, int] = {}
    setdefault = index.setdefault
    raw: list[NDArray[np.int32]] = []
    n_docs = 0
    for toks in _token_lists(docs, lang, negation, int(n_jobs)):
        raw.append(np.fromiter((setdefault(t, len(index)) for t in toks), np.int32, len(toks)))
        n_docs += 1
        if progress is not None and n_docs % 1000 == 0:
            progress(n_docs)
    if progress is not None:
        progress(n_docs)
    types = list(index)
    del index
    flat = np.concatenate(raw) if raw else np.zeros(0, dtype=np.int32)
    type_counts = np.bincount(flat, minlength=len(types)).astype(np.int64)
    timings = {"tokenize": time.perf_counter() - t0}
    if lang == "en" or analyzer is None:
        return EncodedCorpus(types, type_counts, raw, int(flat.size), n_docs, 0, timings)

    # Turkish: type → term through morphology, each frequent type analysed once
    t1 = time.perf_counter()
    frequent = [types[i] for i in np.flatnonzero(type_counts >= analyze_min_count)]
    frequent = [w for w in frequent if any(c.isalpha() for c in w)]
    readings = analyzer.analyze_many(frequent, n_jobs=int(n_jobs)) if frequent else {}
    term_index: dict[str, int] = {}
    n = len(types)
    base = np.empty(n, dtype=np.int64)
    neg_term = np.empty(n, dtype=np.int64)
    morph_neg = np.zeros(n, dtype=bool)
    negator = np.zeros(n, dtype=bool)
    for i, w in enumerate(types):
        tt = turkish_term(w, readings[w]) if w in readings else TurkishTerm(w)
        base[i] = term_index.setdefault(tt.term, len(term_index))
        neg_term[i] = term_index.setdefault(tt.term + NEG_SUFFIX, len(term_index))
        morph_neg[i] = tt.negated
        negator[i] = tt.negator
    if not negation:
        morph_neg[:] = False
    units: list[NDArray[np.int32]] = []
    for u in raw:
        if len(u) == 0:
            units.append(u)
            continue
        is_neg = negator[u]
        if negation:
            before = np.zeros(len(u), dtype=bool)
            before[:-1] = is_neg[1:]
            negated = morph_neg[u] ^ before
        else:
            negated = morph_neg[u]
        t = np.where(negated, neg_term[u], base[u])
        units.append(t[~is_neg].astype(np.int32))
    terms = list(term_index)
    flat = np.concatenate(units) if units else np.zeros(0, dtype=np.int32)
    counts = np.bincount(flat, minlength=len(terms)).astype(np.int64)
    timings["morphology"] = time.perf_counter() - t1
    return EncodedCorpus(terms, counts, units, int(flat.size), n_docs, len(frequent), timings)


def term_of_word(word: str, lang: str, analyzer: Any = None) -> str:
    """The term a single (seed) word maps to: lowercase for English, lemma form for Turkish.

    A Turkish word whose chosen reading is negated maps to ``lemma_NEG``.
    """
    _check_lang(lang)
    if lang == "en":
        return word.strip().lower()
    from sentikit.lang.tr.normalize import tr_lower

    w = tr_lower(word.strip())
    if analyzer is None or not any(c.isalpha() for c in w):
        return w
    tt = turkish_term(w, analyzer.analyze(w))
    return tt.term + NEG_SUFFIX if tt.negated else tt.term


__all__ = [
    "EN_NEG_CUES",
    "EN_NEG_SCOPE",
    "NEG_SUFFIX",
    "TR_NEGATORS",
    "EncodedCorpus",
    "TurkishTerm",
    "encode_corpus",
    "term_of_word",
    "tokenize_en",
    "tokenize_tr",
    "turkish_term",
]
