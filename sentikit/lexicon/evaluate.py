"""Lexicon quality against a gold lexicon (METHODS.md §4, the standard measures).

* **AUC**: ranking AUC of the positive vs the negative gold words that the lexicon covers.
* **ternary macro-F1**: gold positive / neutral / negative words the lexicon covers are labelled
  by *class-mass-preserving* thresholds — the top share of scores equal to the gold share of
  positive words is called positive, the bottom share of negative words negative, the rest
  neutral — and scored by macro-F1 over the gold classes present (a gold lexicon without
  neutral words gives the two-class F1 at its class balance).
* **coverage**: gold polar words found in the lexicon (count and share).

Seed words and ``_NEG`` terms are left out of every measure (they are inputs, not findings).

Gold lexicons: a dataset of ``MANIFEST.md`` (``lexicon-hu-liu-opinion-lexicon``,
``lexicon-mpqa-subjectivity``, ``lexicon-sentiturknet``, ``lexicon-turkish-sentinet-starlang``;
short names ``hu-liu``, ``mpqa``, ``sentiturknet``, ``starlang``), a sentikit lexicon TSV, or a
two-column TSV ``word<TAB>label`` (``positive``/``negative``/``neutral``). Multiword entries are
skipped; a word's gold label is the majority label of its entries (synsets), ties between
positive and negative dropped, ties between polar and neutral counted as polar. Words are
lowercased (Turkish rules for Turkish gold lexicons).

Examples
--------
>>> gold = GoldLexicon("toy", "en", {"good": "positive", "nice": "positive",
...                                   "bad": "negative", "film": "neutral"})
>>> r = evaluate_scores({"good": 2.0, "nice": 0.5, "bad": -1.0, "film": 0.1}, gold)
>>> r["auc"], r["coverage"], r["ternary_f1"]
(1.0, 3, 1.0)
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.errors import InputError, ResourceMissingError

#: Short names of the gold lexicons.
GOLD_ALIASES = {
    "hu-liu": "lexicon-hu-liu-opinion-lexicon",
    "mpqa": "lexicon-mpqa-subjectivity",
    "sentiturknet": "lexicon-sentiturknet",
    "starlang": "lexicon-turkish-sentinet-starlang",
}
_LABELS = ("negative", "neutral", "positive")
_LABEL_ALIASES = {
    "positive": "positive",
    "pos": "positive",
    "p": "positive",
    "+": "positive",
    "1": "positive",
    "negative": "negative",
    "neg": "negative",
    "n": "negative",
    "-": "negative",
    "-1": "negative",
    "neutral": "neutral",
    "neu": "neutral",
    "o": "neutral",
    "0": "neutral",
    "obj": "neutral",
}


@dataclass
class GoldLexicon:
    """Gold word labels (``positive``/``negative``/``neutral``) of one language."""

    name: str
    lang: str
    labels: dict[str, str]

    def words(self, label: str) -> list[str]:
        """The gold words with ``label``."""
        return [w for w, lab in self.labels.items() if lab == label]


def _lower(word: str, lang: str) -> str:
    from sentikit.lang.tr.normalize import tr_lower

    return tr_lower(word) if lang == "tr" else word.lower()


def _vote(entries: Iterable[tuple[str, str]], lang: str) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for term, label in entries:
        t = _lower(term.strip(), lang)
        if not t or " " in t or label not in _LABELS:
            continue
        votes[t][label] += 1
    out = {}
    for t, c in votes.items():
        p, n, o = c["positive"], c["negative"], c["neutral"]
        if p == n and p > 0:
            continue
        if max(p, n) >= o and max(p, n) > 0:
            out[t] = "positive" if p > n else "negative"
        else:
            out[t] = "neutral"
    return out


def load_gold(spec: str | os.PathLike[str], lang: str | None = None) -> GoldLexicon:
    """A gold lexicon by dataset name, short name, or file (see the module docstring).

    Raises
    ------
    InputError
        For an unknown name or a malformed file.
    ResourceMissingError
        When the dataset or the file is missing.
    """
    from sentikit.io.lexicons import load_lexicon_dataset

    name = str(spec)
    name = GOLD_ALIASES.get(name, name)
    if name in GOLD_ALIASES.values():
        lex = load_lexicon_dataset(name)
        entries = [(e.term, e.label) for e in lex]
        return GoldLexicon(name, lex.lang, _vote(entries, lex.lang))
    path = Path(spec)
    if not path.is_file():
        known = ", ".join([*GOLD_ALIASES, *GOLD_ALIASES.values()])
        raise ResourceMissingError(f"gold lexicon {name!r} is neither a file nor one of: {known}")
    glang = lang or "en"
    from sentikit.lexicon.tsv import is_lexicon_file, load_lexicon

    if is_lexicon_file(path):
        lexd = load_lexicon(path)
        entries = [
            (t, "positive" if r.score > 0 else "negative" if r.score < 0 else "neutral")
            for t, r in lexd.items()
        ]
        return GoldLexicon(path.name, glang, _vote(entries, glang))
    entries = []
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, start=1):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            parts = s.split("\t")
            if len(parts) < 2:
                raise InputError(f"{path}:{lineno}: expected 'word<TAB>label'")
            raw = parts[1].strip().lower()
            if raw not in _LABEL_ALIASES:
                try:
                    v = float(raw)
                except ValueError:
                    raise InputError(f"{path}:{lineno}: unknown label {parts[1]!r}") from None
                label = "positive" if v > 0 else "negative" if v < 0 else "neutral"
            else:
                label = _LABEL_ALIASES[raw]
            entries.append((parts[0], label))
    return GoldLexicon(path.name, glang, _vote(entries, glang))


def auc_score(pos_scores: np.ndarray, neg_scores: np.ndarray) -> float:
    """P(score of a random positive > score of a random negative), ties counting half."""
    from scipy.stats import rankdata

    n_p, n_n = len(pos_scores), len(neg_scores)
    if n_p == 0 or n_n == 0:
        return float("nan")
    ranks = rankdata(np.concatenate([pos_scores, neg_scores]))
    return float((ranks[:n_p].sum() - n_p * (n_p + 1) / 2) / (n_p * n_n))


def mass_preserving_labels(scores: np.ndarray, shares: Mapping[str, float]) -> np.ndarray:
    """Labels by rank so that each class keeps its share (positive = top, negative = bottom)."""
    n = len(scores)
    order = np.argsort(-scores, kind="stable")
    n_pos = int(round(shares.get("positive", 0.0) * n))
    n_neg = int(round(shares.get("negative", 0.0) * n))
    n_neg = min(n_neg, n - n_pos)
    out = np.full(n, "neutral", dtype=object)
    out[order[:n_pos]] = "positive"
    if n_neg:
        out[order[n - n_neg :]] = "negative"
    return out


def evaluate_scores(
    scores: Mapping[str, float],
    gold: GoldLexicon,
    exclude: Iterable[str] = (),
) -> dict[str, Any]:
    """AUC, ternary macro-F1 and coverage of ``scores`` against ``gold``.

    Parameters
    ----------
    scores : mapping
        ``term → score`` (> 0 positive).
    gold : GoldLexicon
    exclude : iterable of str
        Terms to leave out (the seeds).

    Returns
    -------
    dict
        ``auc``, ``ternary_f1``, ``coverage`` (covered polar gold words), ``coverage_share``
        (of the gold polar words), ``n_positive``, ``n_negative``, ``n_neutral`` (covered),
        ``gold_polar``.
    """
    from sklearn.metrics import f1_score

    skip = set(exclude)
    covered = [(w, lab) for w, lab in gold.labels.items() if w in scores and w not in skip]
    lab = np.array([x[1] for x in covered], dtype=object)
    sc = np.array([float(scores[x[0]]) for x in covered], dtype=np.float64)
    pos, neg = sc[lab == "positive"], sc[lab == "negative"]
    gold_polar = sum(1 for v in gold.labels.values() if v != "neutral")
    res: dict[str, Any] = {
        "auc": auc_score(pos, neg),
        "coverage": int(len(pos) + len(neg)),
        "coverage_share": (len(pos) + len(neg)) / gold_polar if gold_polar else float("nan"),
        "n_positive": int(len(pos)),
        "n_negative": int(len(neg)),
        "n_neutral": int((lab == "neutral").sum()),
        "gold_polar": int(gold_polar),
    }
    if len(sc):
        shares = {c: float((lab == c).mean()) for c in _LABELS}
        pred = mass_preserving_labels(sc, shares)
        present = [c for c in _LABELS if shares[c] > 0]
        res["ternary_f1"] = float(
            f1_score(lab.astype(str), pred.astype(str), labels=present, average="macro")
        )
    else:
        res["ternary_f1"] = float("nan")
    return res


def evaluate_lexicon_file(
    path: str | os.PathLike[str], gold: GoldLexicon | str, min_count: int = 0
) -> dict[str, Any]:
    """:func:`evaluate_scores` of a lexicon TSV (its ``seed`` rows and ``_NEG`` terms excluded).

    Parameters
    ----------
    path : path-like
        A lexicon TSV (``term score std count source``).
    gold : GoldLexicon or str
        The gold lexicon or its name (see :func:`load_gold`).
    min_count : int, default 0
        Score only the terms seen at least this many times in the induction corpus (the
        TSV's ``count``). ``1`` keeps the corpus vocabulary of a union lexicon and leaves out
        its WordNet-only words, which have no corpus evidence (count 0).

    Returns
    -------
    dict
        The :func:`evaluate_scores` figures plus ``lexicon``, ``gold``, ``terms`` (rows in
        the file), ``seeds`` (seed rows) and ``min_count``.
    """
    from sentikit.lexicon.terms import NEG_SUFFIX
    from sentikit.lexicon.tsv import load_lexicon

    if min_count < 0:
        raise InputError(f"min_count must be ≥ 0, not {min_count}")
    lex = load_lexicon(path)
    g = gold if isinstance(gold, GoldLexicon) else load_gold(gold)
    scores = {
        t: r.score for t, r in lex.items() if not t.endswith(NEG_SUFFIX) and r.count >= min_count
    }
    seeds = [t for t, r in lex.items() if r.source == "seed"]
    res = evaluate_scores(scores, g, exclude=seeds)
    res.update(
        {
            "lexicon": str(path),
            "gold": g.name,
            "terms": len(lex),
            "seeds": len(seeds),
            "min_count": int(min_count),
        }
    )
    return res


__all__ = [
    "GOLD_ALIASES",
    "GoldLexicon",
    "auc_score",
    "evaluate_lexicon_file",
    "evaluate_scores",
    "load_gold",
    "mass_preserving_labels",
]
