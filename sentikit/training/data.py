"""The training data a configuration names: texts, labels, and per-corpus weights.

``training.datasets`` of a configuration lists sources (a corpus of the catalogue, a split, and
options: ``limit``, ``labels``, ``exclude``, ``as_label``, ``sentences``, ``weight``);
:func:`training_data` reads them, :func:`corpus_weights` balances the corpora's shares of the
loss (``training.balance``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sentikit.errors import InputError
from sentikit.training.resources import OVERLAPPING, canonical

_ALNUM = re.compile(r"[^0-9a-zçğıöşü]+")


def _match_key(text: str) -> str:
    t = text.lower().replace("-lrb-", " ").replace("-rrb-", " ")
    return _ALNUM.sub("", t)


def _contains_any(key: str, banned: set[str]) -> bool:
    """True when ``key`` equals or contains one of ``banned`` (keys of ≥ 15 characters)."""
    if key in banned:
        return True
    return any(b in key for b in banned if 15 <= len(b) <= len(key))


def _limited(examples: list[Any], limit: int) -> list[Any]:
    """At most ``limit`` examples, a seeded sample stratified by label, in corpus order."""
    import numpy as np

    if len(examples) <= limit:
        return examples
    rng = np.random.default_rng(0)
    by_label: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        by_label.setdefault(str(e.label), []).append(i)
    keep: list[int] = []
    for idx in by_label.values():
        k = round(limit * len(idx) / len(examples))
        keep += rng.choice(idx, size=min(k, len(idx)), replace=False).tolist()
    return [examples[i] for i in sorted(keep)]


def source_key(src: dict[str, Any]) -> str:
    """The corpus a training source stands for: its dataset or alias name (the cross-corpus
    protocol leaves corpora out by this key)."""
    return str(src["name"]).partition(":")[0]


def source_group(src: dict[str, Any]) -> str:
    """The group a training source's texts are balanced (and weighted) as: its ``"group"``,
    else its corpus (:func:`source_key`). SST's phrases and its sentence roots are one corpus
    (left out together) but two groups."""
    return str(src.get("group") or source_key(src))


def training_data(
    config: dict[str, Any], leave_out: Sequence[str] = ()
) -> tuple[list[str], list[str], list[dict[str, Any]], list[str]]:
    """Texts and labels of ``config["training"]["datasets"]``, a per-source summary, and
    each text's source group (:func:`source_group`, for :func:`corpus_weights`).

    A source may name ``"exclude": "DATASET:SPLIT"``: its texts that contain a text of that
    split (compared on lower-cased letters and digits) are dropped — used to keep SST's test
    sentences out of the English model: the movie snippets come from the same source, and SST
    split some snippets into several sentences, so containment, not equality, is tested.
    ``"limit": N`` keeps a seeded, label-stratified sample of N examples of a large source;
    ``"labels": [...]`` keeps only those labels. ``"as_label": L`` labels every text of an
    unlabelled corpus ``L`` (distant supervision: news text as the neutral class, after Pak
    and Paroubek 2010), and ``"sentences": K`` keeps only the first K sentences of each text
    (split by the language's processor). ``"weight": w`` scales the source's per-text weights
    (:func:`source_weights`); ``"group": G`` balances the source as its own group ``G``
    while it stays part of its corpus. Only sentikit's three classes (and the
    labels of fine-grained corpora) train: ``"mixed"`` ABSA sentences are left out.
    ``leave_out`` names source keys (or corpora) whose sources are skipped, with those that
    share texts with them (the cross-corpus protocol).
    """
    from sentikit.io.datasets import load_dataset

    banned: set[str] = set()
    for name in leave_out:
        banned |= {name, canonical(name)} | OVERLAPPING.get(canonical(name), set())
    texts: list[str] = []
    labels: list[str] = []
    groups: list[str] = []
    summary: list[dict[str, Any]] = []
    for src in config.get("training", {}).get("datasets", []):
        key = source_key(src)
        if key in banned or canonical(key) in banned:
            continue
        opts = {k: v for k, v in src.items() if k not in _SOURCE_KEYS}
        examples = load_dataset(src["name"], split=src.get("split"), **opts)
        if "as_label" in src:
            if "limit" in src:  # sample before cutting sentences: the corpus may be large
                examples = _limited(examples, int(src["limit"]))
            examples = _distant(examples, str(src["as_label"]), src.get("sentences"), config)
        dropped = 0
        if "exclude" in src:
            ename, _, esplit = str(src["exclude"]).partition(":")
            banned_texts = {_match_key(e.text) for e in load_dataset(ename, split=esplit or None)}
            kept = [e for e in examples if not _contains_any(_match_key(e.text), banned_texts)]
            dropped = len(examples) - len(kept)
            examples = kept
        allowed = set(src.get("labels") or []) or None
        examples = [
            e
            for e in examples
            if e.label is not None
            and e.label != "mixed"
            and (allowed is None or e.label in allowed)
        ]
        if "limit" in src:
            examples = _limited(examples, int(src["limit"]))
        texts += [e.text for e in examples]
        labels += [str(e.label) for e in examples]
        groups += [source_group(src)] * len(examples)
        summary.append({**src, "n": len(examples), "excluded": dropped})
    if not texts:
        raise InputError("the configuration names no training data")
    return texts, labels, summary, groups


#: Keys of a training source that are not options of its dataset loader.
_SOURCE_KEYS = (
    "name",
    "split",
    "exclude",
    "limit",
    "labels",
    "as_label",
    "sentences",
    "weight",
    "group",
)


def _distant(
    examples: list[Any], label: str, sentences: int | None, config: dict[str, Any]
) -> list[Any]:
    """Examples of an unlabelled corpus, labelled ``label``; with ``sentences``, each text
    cut to its first ``sentences`` sentences (empty ones dropped)."""
    from dataclasses import replace

    if sentences is not None:
        from sentikit.lang import get_processor

        proc = get_processor(str(config.get("lang", "en")))
        cut = []
        for e in examples:
            (doc,) = proc.make_docs([e.text])
            sents = doc.sentences[: int(sentences)]
            text = doc.text[sents[0].span[0] : sents[-1].span[1]] if sents else ""
            cut.append(replace(e, text=text))
        examples = [e for e in cut if e.text.strip()]
    return [replace(e, label=label) for e in examples]


def source_weights(config: dict[str, Any]) -> dict[str, float]:
    """The ``"weight"`` of each training source group (:func:`source_group`) that sets one."""
    out: dict[str, float] = {}
    for src in config.get("training", {}).get("datasets", []):
        if "weight" in src:
            out[source_group(src)] = float(src["weight"])
    return out


def corpus_weights(
    groups: Sequence[str], scheme: str | None, scale: dict[str, float] | None = None
) -> list[float] | None:
    """Per-text weights that set each corpus's share of the training loss: ``"sqrt"`` gives a
    corpus of n texts a total weight ∝ √n (large corpora count more, but do not drown the
    small ones), ``"equal"`` the same total to every corpus; ``None``/``"none"``: no weights.
    ``scale`` multiplies the weights of some corpora (:func:`source_weights`). Weights have
    mean 1."""
    if (scheme in (None, "none") and not scale) or not groups:
        return None
    from collections import Counter

    counts = Counter(groups)
    if scheme in (None, "none"):
        total = {g: float(n) for g, n in counts.items()}
    elif scheme == "sqrt":
        total = {g: n**0.5 for g, n in counts.items()}
    elif scheme == "equal":
        total = dict.fromkeys(counts, 1.0)
    else:
        raise InputError(f"unknown corpus balance {scheme!r}; use none, sqrt or equal")
    scale = scale or {}
    w = [total[g] / counts[g] * scale.get(g, 1.0) for g in groups]
    mean = sum(w) / len(w)
    return [x / mean for x in w]


def fit_options(
    config: dict[str, Any], labels: Sequence[str], groups: Sequence[str]
) -> dict[str, Any]:
    """The per-text arguments of ``fit`` that the configuration's ``training`` section sets
    for texts of :func:`training_data`: ``sample_weight`` (``balance`` and the sources'
    ``weight``) and, with ``"binary_corpora": "polarity"``, ``polar_only`` — the texts of
    corpora without a neutral class, which then train the polarity decision only
    (:mod:`sentikit.models.classifiers`)."""
    from sentikit.models.classifiers import polar_only_rows

    training = config.get("training", {})
    opts: dict[str, Any] = {
        "sample_weight": corpus_weights(groups, training.get("balance"), source_weights(config))
    }
    polar = polar_only_rows(list(groups), list(labels), training.get("binary_corpora"))
    if polar is not None:
        opts["polar_only"] = polar
    return opts
