"""Train the Turkish/English language identifier shipped in ``sentikit/resources/langid``.

Usage::

    python -m sentikit.lang.detect_train --output sentikit/resources/langid

(the defaults reproduce the shipped model; about 6–8 minutes and 2 GB of memory on 2 cores).

Training text (none of it is an evaluation corpus of ``benchmarks/langid.py``):

* Turkish: Kemik 42bin news (``turkish-unlabelled-text``; 40 % of the sampled sentences from the
  culture and magazine sections, where film talk and foreign names occur), the UD Turkish-IMST
  train split, the Turkish idioms/proverbs and stop-word lists (``turkish-lexical-resources-aydin``)
  and a sample of Turkish SentiNet literals (single words and short phrases);
* English: IMDB unlabelled reviews (``english-imdb-reviews/unsup``, ``<br />`` stripped), the UD
  English-EWT train split (web text: blogs, e-mails, reviews, answers) and the words of the Hu & Liu
  and MPQA lexicons.

Documents are split into sentences; each sampled sentence gives a training chunk (capped at
:data:`MAX_WORDS` words) and, with some probability, a short random span of 1–4 words, so that the
model sees very short inputs. Augmentations, all drawn with a seeded RNG (a run is reproducible):

* 35 % of the Turkish chunks are ASCII-folded (``çok güzel`` → ``cok guzel``) and 10 % have half
  of their Turkish letters folded, as informal Turkish is often typed that way;
* 15 % get informal spellings (``bi``, ``bişey``, ``-yo`` for ``-yor``, ``diil``);
* :data:`P_NAME` of the chunks of each language get a proper noun of the other language inserted
  (English names and titles from IMDB into Turkish; Turkish names such as ``Erdoğan``, ``İzmir``
  into English), so that names, and Turkish-only letters, are strong but not absolute evidence.

The classifier is a scikit-learn logistic regression (L-BFGS) on the hashed n-gram counts of
:mod:`sentikit.lang.detect`; 5 % of the chunks are held out for the metrics stored in
``model.json``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import hashlib
import json
import lzma
import math
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from sentikit.errors import ResourceMissingError
from sentikit.lang.detect import (
    FEATURES_VERSION,
    LANGS,
    LanguageDetector,
    text_words,
    word_buckets,
)
from sentikit.paths import data_root

MODEL_NAME = "sentikit-langid-tr-en"
MODEL_VERSION = "1.0.0"
MAX_WORDS = 30
#: Share of chunks that get a proper noun of the other language inserted.
P_NAME = 0.06

_SENT_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+|\n+")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TR_FOLD = str.maketrans("çğıöşüÇĞİÖŞÜâîûÂÎÛ", "cgiosuCGIOSUaiuAIU")
_TR_SPECIFIC = set("çğıöşüÇĞİÖŞÜ")
_EN_FUNCTION_WORDS = frozenset(
    {
        "the", "a", "an", "and", "but", "or", "this", "that", "these", "those", "it", "its", "is",
        "was", "are", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "he", "she",
        "they", "we", "you", "his", "her", "their", "our", "my", "your", "not", "no", "so", "if",
        "then", "when", "what", "who", "why", "how", "i", "me", "him", "them", "us", "there",
        "here", "all", "some", "any",
    }
)  # fmt: skip
_WORD_TOKEN_RE = re.compile(r"\w+")
# compound heads of institution names: Bakanlığı, Bankası, Üniversitesi (but not -oğlu surnames)
_COMPOUND_HEAD_RE = re.compile(r"(?<!oğl)[ıiuü]$")
_APOS_NAME_RE = re.compile(r"\b([A-ZÇĞİÖŞÜ][a-zçğıöşü]{2,})['’]\w")
_CULTURE = {"kultur-sanat", "magazin"}
_EN_NAME_RE = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)(?=[ ,.'])")
_NAME_RE = re.compile(r"(?<=[a-zçğıöşü,] )([A-ZÇĞİÖŞÜ][a-zçğıöşü]{2,})(?=['’ ,.])")


# -- readers -----------------------------------------------------------------------------------
def _jsonl_xz_texts(path: Path) -> Iterator[str]:
    for rec in _jsonl_xz_records(path):
        yield rec["text"]


def _conllu_texts(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                yield line[len("# text = ") :].strip()


def _jsonl_xz_records(path: Path) -> Iterator[dict[str, Any]]:
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _lines(path: Path, column: int | None = None, skip_header: bool = False) -> list[str]:
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            line = line.strip()
            if not line or line.startswith(";") or (skip_header and i == 0):
                continue
            out.append(line.split("\t")[column] if column is not None else line)
    return out


def _mpqa_words(path: Path) -> list[str]:
    with open(path, encoding="utf-8", errors="replace") as f:
        return [m.group(1) for m in re.finditer(r"word1=(\S+)", f.read())]


def split_sentences(text: str) -> list[str]:
    """A simple sentence splitter: after ``. ! ? …`` + whitespace, and at line breaks."""
    return [s.strip() for s in _SENT_SPLIT_RE.split(text) if s and s.strip()]


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# -- chunking and augmentation ----------------------------------------------------------------
def ascii_fold(text: str, rng: random.Random | None = None, share: float = 1.0) -> str:
    """Replace Turkish letters by their ASCII look-alikes (all, or each with prob. ``share``)."""
    if rng is None or share >= 1.0:
        return text.translate(_TR_FOLD)
    return "".join(
        c.translate(_TR_FOLD) if c in _TR_SPECIFIC and rng.random() < share else c for c in text
    )


def colloquial(text: str, rng: random.Random) -> str:
    """Informal Turkish spellings: ``bir`` → ``bi``, ``bir şey`` → ``bişey``, final ``-yor`` →
    ``-yo``, ``-yorum`` → ``-yom``, ``değil`` → ``di``/``diil`` (each with some probability)."""
    text = re.sub(r"\b([Bb])ir şey", r"\1işey", text) if rng.random() < 0.5 else text
    text = re.sub(r"\b([Bb])ir\b", r"\1i", text) if rng.random() < 0.7 else text
    text = re.sub(r"yor\b", "yo", text) if rng.random() < 0.6 else text
    text = re.sub(r"yorum\b", "yom", text) if rng.random() < 0.5 else text
    text = re.sub(r"\bdeğil\b", rng.choice(("di", "diil", "deil")), text)
    return text


def _chunks(sentence: str, rng: random.Random, p_span: float) -> list[str]:
    words = sentence.split()
    if not words:
        return []
    if len(words) > MAX_WORDS:
        start = rng.randrange(len(words) - MAX_WORDS + 1)
        words = words[start : start + MAX_WORDS]
    out = [" ".join(words)]
    if rng.random() < p_span:
        n = rng.choice((1, 1, 2, 2, 3, 4))
        if len(words) > n:
            start = rng.randrange(len(words) - n + 1)
            out.append(" ".join(words[start : start + n]))
    return out


def _sample_sentences(
    docs: Iterator[str], rng: random.Random, n_target: int, p_keep: float
) -> list[str]:
    sents: list[str] = []
    for doc in docs:
        for s in split_sentences(doc):
            if rng.random() < p_keep:
                sents.append(s)
    rng.shuffle(sents)
    return sents[:n_target]


def build_corpus(
    root: Path, n_per_lang: int, seed: int = 13, p_span: float = 0.5
) -> tuple[list[str], list[int], dict[str, Any]]:
    """Sample training chunks of both languages.

    Returns
    -------
    texts, labels, info
        ``labels`` are 1 for ``"tr"`` and 0 for ``"en"``; ``info`` describes the inputs.
    """
    rng = random.Random(seed)
    paths = _input_paths(root)
    tr_news, n_culture, tr_ud, tr_lex = _turkish_sentences(paths, n_per_lang, rng)
    tr_sents = [s for s in tr_news + tr_ud + tr_lex if text_words(s)]
    names, name_w = _turkish_names(tr_news, limit=3000)
    en_imdb, en_ud, en_lex = _english_sentences(paths, n_per_lang, rng)
    en_sents = [s for s in en_imdb + en_ud + en_lex if text_words(s)]
    en_names, en_name_w = _english_names(en_imdb, limit=3000)

    tr_chunks = _turkish_chunks(tr_sents, rng, p_span, en_names, en_name_w)
    en_chunks = _english_chunks(en_sents, rng, p_span, names, name_w)
    info = {
        "inputs": {
            k: {"path": str(p.relative_to(root)), "sha256": sha256_file(p)}
            for k, p in paths.items()
        },
        "sentences": {
            "tr_news": len(tr_news),
            "tr_news_culture_magazine": n_culture,
            "tr_imst_train": len(tr_ud),
            "tr_lexicon_entries": len(tr_lex),
            "en_imdb_unsup": len(en_imdb),
            "en_ewt_train": len(en_ud),
            "en_lexicon_words": len(en_lex),
        },
        "chunks": {"tr": len(tr_chunks), "en": len(en_chunks)},
        "augmentation": {
            "tr_ascii_folded_full": 0.35,
            "tr_ascii_folded_half_of_letters": 0.10,
            "short_span_prob": p_span,
            "tr_colloquial_spelling": 0.15,
            "tr_english_name_inserted": P_NAME,
            "n_english_names": len(en_names),
            "en_turkish_name_inserted": P_NAME,
            "name_sampling": "proportional to sqrt(frequency in the source corpus)",
            "n_turkish_names": len(names),
        },
        "seed": seed,
    }
    return tr_chunks + en_chunks, [1] * len(tr_chunks) + [0] * len(en_chunks), info


def _input_paths(root: Path) -> dict[str, Path]:
    """The files :func:`build_corpus` reads, by key (raises when one is missing)."""
    aydin = root / "turkish-lexical-resources-aydin"
    paths = {
        "tr_news": root / "turkish-unlabelled-text" / "kemik42bin_news.jsonl.xz",
        "tr_imst": root / "ud-turkish-imst" / "tr_imst-ud-train.conllu",
        "tr_idioms": aydin / "Turkish-Idioms-and-Proverbs-Full.txt",
        "tr_stopwords": aydin / "Turkish-Stop-Words.txt",
        "tr_sentinet": root / "lexicon-turkish-sentinet-starlang" / "turkish_sentiliteralnet.tsv",
        "en_imdb": root / "english-imdb-reviews" / "unsup.jsonl.xz",
        "en_ewt": root / "ud-english-ewt" / "en_ewt-ud-train.conllu.gz",
        "en_huliu_pos": root / "lexicon-hu-liu-opinion-lexicon" / "positive-words.txt",
        "en_huliu_neg": root / "lexicon-hu-liu-opinion-lexicon" / "negative-words.txt",
        "en_mpqa": root / "lexicon-mpqa-subjectivity" / "subjclueslen1-HLTEMNLP05.tff",
    }
    for p in paths.values():
        if not p.is_file():
            raise ResourceMissingError(f"training input {p} not found")
    return paths


def _turkish_sentences(
    paths: dict[str, Path], n_per_lang: int, rng: random.Random
) -> tuple[list[str], int, list[str], list[str]]:
    """Turkish sentences: sampled news sentences (of ≈ 600k in the corpus; 40 % from culture and
    magazine), every UD sentence and the lexicon entries; with the number of culture ones."""
    tr_ud = list(_conllu_texts(paths["tr_imst"]))
    n_news = max(n_per_lang * 2 // 3 - len(tr_ud), 0)
    seen: set[str] = set()

    def dedup(docs: Iterator[str]) -> Iterator[str]:
        for d in docs:
            if d not in seen:
                seen.add(d)
                yield d

    news = list(_jsonl_xz_records(paths["tr_news"]))
    culture = [d["text"] for d in news if d["category"] in _CULTURE]
    other = [d["text"] for d in news if d["category"] not in _CULTURE]
    del news
    n_culture = int(n_news * 0.4)
    tr_news = _sample_sentences(dedup(iter(culture)), rng, n_culture, p_keep=1.0)
    tr_news += _sample_sentences(
        dedup(iter(other)), rng, n_news - len(tr_news), p_keep=min(1.0, 1.6 * n_news / 5e5)
    )
    tr_lex = _lines(paths["tr_idioms"]) + _lines(paths["tr_stopwords"])
    literals = _lines(paths["tr_sentinet"], column=0, skip_header=True)
    tr_lex += rng.sample(literals, min(len(literals), n_per_lang // 10))
    return tr_news, n_culture, tr_ud, tr_lex


def _english_sentences(
    paths: dict[str, Path], n_per_lang: int, rng: random.Random
) -> tuple[list[str], list[str], list[str]]:
    """English sentences: sampled IMDB reviews, every UD sentence, the lexicon words."""
    en_ud = list(_conllu_texts(paths["en_ewt"]))
    n_imdb = max(n_per_lang * 2 // 3 - len(en_ud), 0)
    imdb_docs = (_BR_RE.sub(" ", t) for t in _jsonl_xz_texts(paths["en_imdb"]))
    en_imdb = _sample_sentences(imdb_docs, rng, n_imdb, p_keep=min(1.0, 1.6 * n_imdb / 5.2e5))
    en_lex = sorted(
        set(_lines(paths["en_huliu_pos"]) + _lines(paths["en_huliu_neg"]))
        | set(_mpqa_words(paths["en_mpqa"]))
    )
    return en_imdb, en_ud, en_lex


def _insert_name(chunk: str, rng: random.Random, names: list[str], weights: list[float]) -> str:
    """``chunk`` with one of ``names`` (drawn by ``weights``) inserted at a random word gap."""
    words = chunk.split()
    name = rng.choices(names, weights=weights)[0]
    words.insert(rng.randrange(len(words) + 1), name)
    return " ".join(words)


def _turkish_chunks(
    sentences: list[str],
    rng: random.Random,
    p_span: float,
    en_names: list[str],
    en_weights: list[float],
) -> list[str]:
    """Training chunks of Turkish sentences, with the augmentations of the module docstring."""
    out: list[str] = []
    for s in sentences:
        for c in _chunks(s, rng, p_span):
            if rng.random() < 0.15:
                c = colloquial(c, rng)
            r = rng.random()
            if r < 0.35:
                c = ascii_fold(c)
            elif r < 0.45:
                c = ascii_fold(c, rng, share=0.5)
            if en_names and rng.random() < P_NAME:
                c = _insert_name(c, rng, en_names, en_weights)
            out.append(c)
    return out


def _english_chunks(
    sentences: list[str],
    rng: random.Random,
    p_span: float,
    tr_names: list[str],
    tr_weights: list[float],
) -> list[str]:
    """Training chunks of English sentences (a Turkish name inserted into :data:`P_NAME`)."""
    out: list[str] = []
    for s in sentences:
        for c in _chunks(s, rng, p_span):
            if tr_names and rng.random() < P_NAME:
                c = _insert_name(c, rng, tr_names, tr_weights)
            out.append(c)
    return out


def _tr_lower(text: str) -> str:
    return text.replace("İ", "i").replace("I", "ı").lower()


def _drop_common_words(
    counts: dict[str, int], sentences: list[str], lower: Callable[[str], str]
) -> dict[str, int]:
    """Keep the candidate names whose words are seldom written in lower case (not common nouns:
    ``Süper Lig``, ``Black``), i.e. lower-case uses ≤ 10 % of the capitalized ones."""
    wanted = {lower(w) for name in counts for w in name.split()}
    lower_counts: dict[str, int] = {}
    for s in sentences:
        for w in _WORD_TOKEN_RE.findall(s):
            if w in wanted:
                lower_counts[w] = lower_counts.get(w, 0) + 1
    cap_counts: dict[str, int] = {}
    for name, c in counts.items():
        for w in name.split():
            cap_counts[w] = cap_counts.get(w, 0) + c
    return {
        name: c
        for name, c in counts.items()
        if all(lower_counts.get(lower(w), 0) <= 0.1 * cap_counts[w] for w in name.split())
    }


def _english_names(sentences: list[str], limit: int) -> tuple[list[str], list[float]]:
    """Frequent capitalized mid-sentence word pairs and words (names, titles) of English text."""
    counts: dict[str, int] = {}
    for s in sentences:
        for m in _EN_NAME_RE.finditer(s):
            name = m.group(1)
            if not _EN_FUNCTION_WORDS.intersection(name.lower().split()):
                counts[name] = counts.get(name, 0) + 1
    counts = _drop_common_words(counts, sentences, str.lower)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [w for w, _ in ranked], [math.sqrt(c) for _, c in ranked]


def _turkish_names(sentences: list[str], limit: int) -> tuple[list[str], list[float]]:
    """Proper nouns with a Turkish-only letter: capitalized mid-sentence words, seldom written in
    lower case, that take suffixes after an apostrophe and do not end like a compound head."""
    counts: dict[str, int] = {}
    for s in sentences:
        for m in _NAME_RE.finditer(s):
            w = m.group(1)
            if any(c in _TR_SPECIFIC for c in w):
                counts[w] = counts.get(w, 0) + 1
    counts = _drop_common_words(counts, sentences, _tr_lower)
    # Turkish proper nouns take their suffixes after an apostrophe (Erdoğan'ın, İzmir'de);
    # capitalized common nouns of institution names (Bakanlığı, Üniversitesi) never do.
    apos: dict[str, int] = {}
    for s in sentences:
        for m in _APOS_NAME_RE.finditer(s):
            apos[m.group(1)] = apos.get(m.group(1), 0) + 1
    counts = {
        w: c
        for w, c in counts.items()
        if apos.get(w, 0) >= max(2, 0.05 * c) and not _COMPOUND_HEAD_RE.search(w)
    }
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [w for w, _ in ranked], [math.sqrt(c) for _, c in ranked]


# -- features ----------------------------------------------------------------------------------
def featurize(texts: list[str], ngram_min: int, ngram_max: int, n_buckets: int) -> sp.csr_matrix:
    """Hashed n-gram count matrix (texts × buckets), built as (texts × words) @ (words × buckets).

    Every distinct word is expanded into n-grams once, which keeps featurizing fast.
    """
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, t in enumerate(texts):
        for w in text_words(t):
            j = vocab.get(w)
            if j is None:
                j = vocab[w] = len(vocab)
            rows.append(i)
            cols.append(j)
    C = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), len(vocab))
    )
    w_idx: list[int] = []
    w_ptr = [0]
    for w in vocab:  # insertion order = column index
        w_idx.extend(word_buckets(w, ngram_min, ngram_max, n_buckets))
        w_ptr.append(len(w_idx))
    W = sp.csr_matrix(
        (np.ones(len(w_idx), dtype=np.float32), np.asarray(w_idx), np.asarray(w_ptr)),
        shape=(len(vocab), n_buckets),
    )
    W.sum_duplicates()
    X = (C @ W).tocsr()
    X.sum_duplicates()
    return X


# -- training ----------------------------------------------------------------------------------
def train(
    output: Path,
    n_per_lang: int = 250_000,
    n_buckets: int = 1 << 18,
    ngram_min: int = 1,
    ngram_max: int = 5,
    C: float = 2.0,
    seed: int = 13,
    dtype: str = "float16",
    log: bool = True,
) -> dict[str, Any]:
    """Train and write ``model.json`` + ``model.npz`` to ``output``; return the metadata."""
    from sklearn.linear_model import LogisticRegression

    def say(msg: str) -> None:
        if log:
            print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    root = data_root()
    assert root is not None
    t0 = time.time()
    texts, labels, info = build_corpus(root, n_per_lang, seed=seed)
    say(f"corpus: {info['chunks']} chunks in {time.time() - t0:.0f}s")

    rng = np.random.default_rng(seed)
    order = rng.permutation(len(texts))
    n_val = len(texts) // 20
    val_idx, train_idx = order[:n_val], order[n_val:]
    y = np.asarray(labels, dtype=np.int8)
    t1 = time.time()
    X = featurize(texts, ngram_min, ngram_max, n_buckets)
    say(f"features: {X.shape}, nnz={X.nnz} in {time.time() - t1:.0f}s")

    t2 = time.time()
    clf = LogisticRegression(C=C, solver="lbfgs", max_iter=400, tol=1e-5)
    clf.fit(X[train_idx], y[train_idx])
    say(f"fit: {clf.n_iter_[0]} iterations in {time.time() - t2:.0f}s")

    weights = clf.coef_.ravel().astype(dtype)
    bias = np.asarray([clf.intercept_[0]], dtype=np.float64)
    output.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(output / "model.npz", weights=weights, bias=bias)

    det = LanguageDetector(weights, float(bias[0]), ngram_min, ngram_max)
    metrics = _validation_metrics(det, [texts[i] for i in val_idx], y[val_idx])
    say(f"validation: {metrics}")
    meta: dict[str, Any] = {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "kind": "langid",
        "labels": list(LANGS),
        "default_lang": "en",
        "model": {
            "type": "binary logistic regression (positive class: tr)",
            "trainer": "sklearn.linear_model.LogisticRegression(solver='lbfgs')",
            "C": C,
            "iterations": int(clf.n_iter_[0]),
            "weights_dtype": dtype,
        },
        "features": {
            "version": FEATURES_VERSION,
            "type": "hashed character n-gram counts per word, word padded with one space",
            "ngram_min": ngram_min,
            "ngram_max": ngram_max,
            "n_buckets": n_buckets,
            "hash": "crc32",
            "hash_input": "utf-8 bytes of the n-gram, bucket = crc32 & (n_buckets - 1)",
            "normalization": "sentikit.lang.detect.text_words",
        },
        "training_data": {
            "description": (
                "Turkish: Kemik 42bin news sentences (40% culture/magazine) + UD Turkish-IMST "
                "train + Turkish idioms/proverbs, stop words and SentiNet literals (partly "
                "ASCII-folded, partly informal spellings); English: IMDB unsup review sentences "
                "(<br /> stripped) + UD English-EWT train + Hu&Liu and MPQA lexicon words. "
                "Sentence chunks (<= 30 words) plus random 1-4 word spans; proper nouns of the "
                "other language inserted into some chunks; 5% held out for validation."
            ),
            **info,
        },
        "metrics": {"validation": metrics},
        "trained": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "train_seconds": round(time.time() - t0, 1),
    }
    (output / "model.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    say(f"wrote {output} in {time.time() - t0:.0f}s")
    return meta


def _validation_metrics(det: LanguageDetector, texts: list[str], y: np.ndarray) -> dict[str, Any]:
    pred = np.asarray([1 if p == "tr" else 0 for p in det.detect_many(texts)], dtype=np.int8)
    n_words = np.asarray([len(text_words(t)) for t in texts])
    out: dict[str, Any] = {"n": len(texts), "accuracy": round(float((pred == y).mean()), 5)}
    for lang, val in (("tr", 1), ("en", 0)):
        m = y == val
        out[f"accuracy_{lang}"] = round(float((pred[m] == y[m]).mean()), 5)
    for name, lo, hi in (("1_word", 1, 1), ("2_3_words", 2, 3), ("4plus_words", 4, 10**9)):
        m = (n_words >= lo) & (n_words <= hi)
        if m.any():
            out[f"accuracy_{name}"] = round(float((pred[m] == y[m]).mean()), 5)
            out[f"n_{name}"] = int(m.sum())
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1] if __doc__ else None)
    ap.add_argument("--output", type=Path, required=True, help="bundle folder to write")
    ap.add_argument(
        "--per-lang",
        type=int,
        default=250_000,
        help="approximate number of training chunks per language",
    )
    ap.add_argument("--buckets-log2", type=int, default=18)
    ap.add_argument("--ngram-max", type=int, default=5)
    ap.add_argument("--C", type=float, default=2.0, help="inverse L2 regularization strength")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dtype", choices=("float16", "float32"), default="float16")
    args = ap.parse_args(argv)
    train(
        args.output,
        n_per_lang=args.per_lang,
        n_buckets=1 << args.buckets_log2,
        ngram_max=args.ngram_max,
        C=args.C,
        seed=args.seed,
        dtype=args.dtype,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
