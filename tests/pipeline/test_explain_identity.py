"""Explanations that add up (issue 23): ``intercept + tokens_total + Σ other = total`` exactly.

With the shipped models, on 1,000 reproducible random texts per language — a seeded sample of
the behavioural suite's generated sentences and seeded word salads (known and unknown words,
negations, punctuation, emoji, numbers) — the decomposition of
:meth:`LinearEnsembleClassifier.explain_decision` holds to 1e-6 and its ``total`` is the fused
decision ``z[positive] − z[negative]`` of :meth:`decision_docs`, the log odds of the
probabilities the model predicts. Through the Analyzer (a part of them, ``explain=True``), the
result's ``explanation`` holds the same identity, its ``total`` is ``log P(positive) /
P(negative)`` of the result's ``probs`` and has the sign of its ``score``, the tokens'
``polarity`` sum to ``tokens_total`` and ``top`` lists the strongest words each way, sorted
and signed.
"""

from __future__ import annotations

import json
import math
import random
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import sentikit
from sentikit.behaviour.suite import build_suite
from sentikit.lang import get_processor
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.pipeline.explain import TOP

N_TEXTS = 1000
#: Texts of the 1,000 that also go through the Analyzer with ``explain=True`` (the full
#: analysis — morphology, the English parser — is the slow part).
N_ANALYZED = 150
TOL = 1e-6
SCHEMA = Path(__file__).resolve().parents[2] / "sentikit" / "schema" / "result.schema.json"

#: Material of the word salads, besides the suite's own words.
EXTRA = {
    "tr": ["değil", "hiç", "yok", "ama", "çok", "xqzjw", "brrrt", "10/10", "%50", "#harika"],
    "en": ["not", "never", "no", "but", "very", "xqzjw", "brrrt", "10/10", "50%", "#awesome"],
}
MARKS = [",", ".", "!", "?", "...", "!!!", ":)", ":(", "😀", "😡", "👍", "(", ")", "-"]


@cache
def random_texts(lang: str, n: int = N_TEXTS, seed: int = 23) -> tuple[str, ...]:
    """``n`` reproducible texts: 70 % sampled from the behavioural suite's sentences, 30 %
    word salads of 1–25 tokens drawn from their words, :data:`EXTRA` and :data:`MARKS`."""
    rng = random.Random(f"{seed}:{lang}")
    sentences = build_suite(lang, "small", seed=0).texts()
    words = sorted({w for s in sentences for w in s.split()})
    pool = words + EXTRA[lang] * 20 + MARKS * 10
    n_sampled = n * 7 // 10
    texts = rng.sample(sentences, n_sampled)
    for _ in range(n - n_sampled):
        k = rng.randint(1, 25)
        texts.append(" ".join(rng.choice(pool) for _ in range(k)))
    rng.shuffle(texts)
    return tuple(texts)


@pytest.fixture(scope="module")
def models() -> dict[str, LinearEnsembleClassifier]:
    """The shipped models (through the API, as users load them)."""
    out = {}
    for lang in ("tr", "en"):
        an = sentikit.load(lang)
        out[lang] = an._models[lang].est
    return out


def test_texts_are_reproducible_and_varied() -> None:
    for lang in ("tr", "en"):
        texts = random_texts(lang)
        assert len(texts) == N_TEXTS and texts == random_texts.__wrapped__(lang)
        assert len(set(texts)) > 0.9 * N_TEXTS
        assert any("xqzjw" in t for t in texts) and any("😀" in t for t in texts)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_identity_on_1000_random_texts(
    models: dict[str, LinearEnsembleClassifier], lang: str
) -> None:
    est = models[lang]
    texts = list(random_texts(lang))
    docs = est.to_docs(texts)
    z = est.decision_docs(docs)
    cls = [str(c) for c in est.classes_]
    fused = z[:, cls.index("positive")] - z[:, cls.index("negative")]
    proba = est.predict_proba_docs(docs)
    sources = set()
    worst = 0.0
    for k, d in enumerate(docs):
        ex = est.explain_decision(d)  # computes its total on its own
        parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
        worst = max(worst, abs(parts - ex["total"]))
        assert abs(ex["total"] - fused[k]) < TOL, texts[k]
        assert len(ex["tokens"]) == len(d.tokens)
        assert math.isclose(sum(ex["tokens"]), ex["tokens_total"], abs_tol=1e-9)
        # the token shares are the tokens' contributions, as explain gives them
        np.testing.assert_allclose(ex["tokens"], est.token_contributions(d), atol=1e-12)
        p, q = proba[k, cls.index("positive")], proba[k, cls.index("negative")]
        if min(p, q) > 1e-12:
            assert abs(ex["total"] - math.log(p / q)) < 1e-6
        sources |= set(ex["other"])
    assert worst < TOL, worst
    assert ex["quantity"] == "log P(positive) / P(negative)"
    assert ex["units"] == "nats (natural-log odds)"
    # the polarity features (both languages since English 3.2.0) leave their standardization
    # constant apart
    assert sources == {"polarity_features:standardization"}


def _check_top(r: dict[str, Any], kinds: list[str]) -> None:
    """``top``: up to TOP words each way, signed, strongest first, each a token of ``r``, and
    no stronger word left out (``kinds``: the tokens' kinds; punctuation is never listed)."""
    tokens = {tuple(t["span"]): t for t in r["tokens"]}
    assert len(kinds) == len(r["tokens"])
    top = r["explanation"]["top"]
    for side, sign in (("positive", 1), ("negative", -1)):
        entries = top[side]
        values = [sign * e["contribution"] for e in entries]
        assert len(entries) <= TOP and all(v > 0 for v in values), (side, values)
        assert values == sorted(values, reverse=True)
        for e in entries:
            tok = tokens[tuple(e["span"])]
            assert e["text"] == tok["text"] and e["contribution"] == tok["polarity"]
        words = [
            sign * t["polarity"]
            for t, kind in zip(r["tokens"], kinds, strict=True)
            if kind != "punct" and sign * t["polarity"] > 0
        ]
        assert values == sorted(words, reverse=True)[:TOP]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_result_explanation_adds_up_to_the_reported_decision(lang: str) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    texts = list(random_texts(lang)[:N_ANALYZED])
    results = sentikit.analyze(texts, lang=lang, explain=True)
    docs = get_processor(lang).make_docs(texts)
    scored = 0
    for text, r, d in zip(texts, results, docs, strict=True):
        jsonschema.validate(r, schema)
        ex = r["explanation"]
        if r.get("warning") and "not scored" in r["warning"] or not text.strip():
            assert ex is None, r
            continue
        scored += 1
        parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
        assert abs(parts - ex["total"]) < TOL, text
        p, q = r["probs"]["positive"], r["probs"]["negative"]
        assert abs(ex["total"] - math.log(p / q)) < TOL, text
        if abs(r["score"]) > 1e-6:
            assert (ex["total"] > 0) == (r["score"] > 0)
        # the tokens' polarities (rounded to 6 decimals) sum to tokens_total
        polarities = [t["polarity"] for t in r["tokens"]]
        assert abs(sum(polarities) - ex["tokens_total"]) <= 5e-7 * len(polarities) + 1e-9
        _check_top(r, d.token_kinds())
    assert scored > 0.9 * N_ANALYZED


def test_unscored_texts_have_no_explanation() -> None:
    for text, lang in (("", "tr"), ("!!! ...", "en"), ("😀", None), ("12 34", "tr")):
        r = sentikit.analyze(text, lang=lang, explain=True)
        assert r["warning"] and r["explanation"] is None, r
        assert "explanation" not in sentikit.analyze(text, lang=lang)


def test_issue_example_adds_up_and_names_its_words() -> None:
    text = "Ürün güzel ama kargo çok geç geldi, hiç memnun kalmadım."
    r = sentikit.analyze(text, lang="tr", explain=True)
    ex = r["explanation"]
    assert r["label"] == "negative" and ex["total"] < 0
    parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
    assert abs(parts - ex["total"]) < TOL
    assert ex["top"]["positive"][0]["text"] == "güzel"
    negative = [e["text"] for e in ex["top"]["negative"]]
    assert "kalmadım" in negative and "," not in negative
    assert all(e["text"] not in {",", "."} for e in ex["top"]["positive"])


def test_spans_of_top_words_point_into_the_text_as_given() -> None:
    # NFC composition and a control character change the analyzed text: spans are mapped back
    text = "Cafe\u0301 was great\u0000 but the service was awful."
    r = sentikit.analyze(text, lang="en", explain=True)
    for side in ("positive", "negative"):
        for e in r["explanation"]["top"][side]:
            a, b = e["span"]
            assert text[a:b] == e["text"]
    assert {"great", "awful"} <= {
        e["text"] for side in ("positive", "negative") for e in r["explanation"]["top"][side]
    }
