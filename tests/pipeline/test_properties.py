"""Property-based tests of the analysis result contract (hypothesis), on the shipped models.

For random short texts — Turkish and English words, emoji, emoticons, control characters,
combining marks, right-to-left and other scripts, very long words, empty and whitespace-only
texts — through :func:`sentikit.analyze`, :meth:`Analyzer.analyze_many` and
:meth:`Analyzer.iter_analyze`, with ``lang`` ``"tr"``, ``"en"`` and auto (``None``), with and
without ``explain``:

- one result per input, in input order, with the ids given (or the 1-based positions);
- a string gets a result (never an error record); a missing or non-string entry gets an error
  record that names its id;
- ``label`` is positive / neutral / negative, ``score`` is in [-1, 1] and equals
  P(positive) - P(negative), the three probabilities are each in [0, 1] and sum to 1;
- every sentence, clause, token and aspect span lies inside the text as given, and its text
  is that slice of it; sentences come in order without overlapping;
- the result is valid JSON (``json.dumps(..., allow_nan=False)``).

About 770 cases (the explain ones, slower, fewer; about 230 more in
tests/io/test_records_properties.py), a few seconds once the models are loaded; each analyzer
is loaded once per session. ``SENTIKIT_PROPERTY_SCALE=20`` multiplies the cases for a deeper
search by hand.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import sentikit
from sentikit.pipeline.analyzer import Analyzer

LANGS = ["tr", "en", None]
LABELS = {"positive", "neutral", "negative"}
TOL = 1e-6

#: Multiplies every max_examples, for a deeper search by hand (SENTIKIT_PROPERTY_SCALE=20).
SCALE = float(os.environ.get("SENTIKIT_PROPERTY_SCALE", "1"))


def n(examples: int) -> int:
    return max(1, round(examples * SCALE))


# No example database: CI runs from a fresh checkout, and the folder would litter the tree.
FAST = settings(
    max_examples=n(80),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
EXPLAIN = settings(FAST, max_examples=n(25))

# ----------------------------------------------------------------------------- strategies

WORDS = [
    "film", "güzel", "kötü", "harika", "berbat", "beğenmedim", "değil", "yok", "hiç",
    "İstanbul'da", "IŞIK", "ılık", "Çok", "iyi", "sıkıcı", "bayıldım", "great", "awful",
    "movie", "not", "don't", "can't", "boring", "loved", "witty", "but", "#harika", "@user",
    "http://x.co/a?b=1", ":)", ":-(", "<3", "😀", "👍🏽", "❤️", "🇹🇷", "👨‍👩‍👧", "123", "3,5",
    "...", "!!!", "?", '"', "'", "(", ")",
]  # fmt: skip
ODD = [
    "\x00", "\x7f", "\x1b", "\x0b", "\x0c", "\x85", "\u00a0", "\u200b", "\u200d", "\u200f",
    "\u202e", "\u2028", "\u2029", "\ufeff", "\u0301", "e\u0301", "i\u0307", "\ufb01",
    "\U0001d400", "\ue000", "\ufffd",
]  # fmt: skip
SCRIPTS = ["שלום", "مرحبا بالعالم", "Привет", "日本語のテキスト", "ελληνικά", "हिन्दी", "한국어"]
SEPARATORS = [" ", "  ", "", "\n", "\n\n", "\t", "\r\n", "\r", ". ", "! ", "? ", ", ", "... "]

long_words = st.builds(
    lambda c, n: c * n,
    st.sampled_from(["a", "ı", "ş", "ha", "!", "😀", "\u0301"]),
    st.integers(1, 60),
)
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.sampled_from(SCRIPTS),
    long_words,
    st.text(max_size=6),  # anything but surrogates: controls, marks, other scripts ...
)
composed = st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=8).map(
    lambda xs: "".join(p + s for p, s in xs)
)
#: Short texts of every kind, mostly built from pieces, some wholly random or blank.
texts = st.one_of(
    composed,
    composed,
    composed,
    st.text(max_size=40),
    st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2028\u3000", max_size=5),
)
ids = st.one_of(st.text(max_size=6), st.integers(-5, 10**6).map(str))
missing = st.sampled_from([None, math.nan, 7, 2.5, b"bytes", ["list"]])


@st.composite
def texts_and_ids(draw: st.DrawFn, max_size: int = 10) -> tuple[list[str], list[str] | None]:
    xs = draw(st.lists(texts, min_size=1, max_size=max_size))
    if draw(st.booleans()):
        return xs, None
    return xs, draw(st.lists(ids, min_size=len(xs), max_size=len(xs)))


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def analyzers() -> dict[str | None, Analyzer]:
    """One shipped-model analyzer per language setting, loaded once per session."""
    return {lang: sentikit.load(lang) for lang in LANGS}


@pytest.fixture(scope="session")
def api_warm() -> None:
    """Load the models :func:`sentikit.analyze` caches, once per session."""
    for lang in LANGS:
        sentikit.analyze("ok", lang=lang)


# ----------------------------------------------------------------------------- the contract


def _prob(x: Any, what: str) -> float:
    assert isinstance(x, int | float) and not isinstance(x, bool), f"{what}: {x!r}"
    assert math.isfinite(x), f"{what}: {x!r}"
    return float(x)


def _check_span(text: str, item: dict[str, Any], key: str, what: str) -> tuple[int, int]:
    span = item["span"]
    assert isinstance(span, list) and len(span) == 2, f"{what} span {span!r}"
    a, b = span
    assert isinstance(a, int) and isinstance(b, int), f"{what} span {span!r}"
    assert 0 <= a <= b <= len(text), f"{what} span {span!r} outside a text of {len(text)}"
    if key in item:
        assert item[key] == text[a:b], f"{what} {key} {item[key]!r} != text[{a}:{b}]"
    return a, b


def check_result(text: Any, r: dict[str, Any], rid: str, lang: str | None, explain: bool) -> None:
    """Assert the result contract for one input (a text or a non-string entry)."""
    assert isinstance(r, dict)
    json.dumps(r, allow_nan=False)  # valid JSON: no NaN, no infinity, serializable types
    assert r["id"] == rid
    if not isinstance(text, str):
        assert set(r) == {"id", "error"}, r
        assert isinstance(r["error"], str) and rid in r["error"], r
        return
    assert "error" not in r, f"a text got an error record: {r}"
    if lang is None:
        assert r["lang"] in ("tr", "en", "und"), r["lang"]
    else:
        assert r["lang"] == lang
    assert r["label"] in LABELS
    score = _prob(r["score"], "score")
    assert -1.0 <= score <= 1.0
    probs = r["probs"]
    assert set(probs) == LABELS, probs
    p = {k: _prob(v, f"P({k})") for k, v in probs.items()}
    assert all(-TOL <= v <= 1.0 + TOL for v in p.values()), p
    assert abs(sum(p.values()) - 1.0) <= TOL, p
    assert abs(score - (p["positive"] - p["negative"])) <= 1e-5, (score, p)
    if "mixed" in r:
        assert isinstance(r["mixed"], bool)
    if r.get("domain_coverage") is not None:
        assert 0.0 <= _prob(r["domain_coverage"], "domain_coverage") <= 1.0
    if "warning" in r:
        assert isinstance(r["warning"], str) and r["warning"]
    if r["lang"] == "und":
        assert r["model"] is None and r["label"] == "neutral" and score == 0.0
        assert r.get("warning")
    else:
        assert isinstance(r["model"], dict) and {"name", "version"} <= set(r["model"])
    end = 0
    for s in r["sentences"]:
        a, b = _check_span(text, s, "text", "sentence")
        assert a >= end, f"sentence spans overlap or go backwards: {r['sentences']}"
        end = b
        assert s["label"] in LABELS
        assert -1.0 <= _prob(s["score"], "sentence score") <= 1.0
        for c in s.get("clauses") or []:
            _check_span(text, c, "text", "clause")
    for asp in r["aspects"]:
        _check_span(text, asp, "term", "aspect")
    if explain:
        assert isinstance(r["tokens"], list)
        start = 0
        for tok in r["tokens"]:
            a, b = _check_span(text, tok, "text", "token")
            assert a >= start, f"token spans go backwards: {r['tokens']}"
            start = a
            assert isinstance(tok["negated"], bool)
            # a polarity is a finite number, or None where no model part scores it
            if tok["polarity"] is not None:
                _prob(tok["polarity"], "token polarity")
            for m in tok.get("morphemes") or []:
                if m["polarity"] is not None:
                    _prob(m["polarity"], "morpheme polarity")
    else:
        assert "tokens" not in r


def check_clauses_in_sentences(r: dict[str, Any]) -> None:
    """Each clause lies inside its sentence (the explain path once paired the parser's
    sentences with the fast path's by position, not span: 'film. <3 | film' vs
    'film. | <3 film' put a clause outside its sentence)."""
    for s in r.get("sentences", []):
        a, b = s["span"]
        for c in s.get("clauses") or []:
            ca, cb = c["span"]
            assert a <= ca <= cb <= b, f"clause {c} outside its sentence {s}"


def check_results(
    inputs: list[Any],
    out: list[dict[str, Any]],
    given_ids: list[str] | None,
    lang: str | None,
    explain: bool,
) -> None:
    assert len(out) == len(inputs), f"{len(inputs)} inputs, {len(out)} results"
    want = given_ids if given_ids is not None else [str(i) for i in range(1, len(inputs) + 1)]
    assert [r.get("id") for r in out] == want
    for t, r, rid in zip(inputs, out, want, strict=True):
        check_result(t, r, rid, lang, explain)


# ----------------------------------------------------------------------------- properties


@pytest.mark.parametrize("lang", LANGS, ids=["tr", "en", "auto"])
@FAST
@given(data=texts_and_ids())
def test_analyze_many(
    analyzers: dict[str | None, Analyzer],
    lang: str | None,
    data: tuple[list[str], list[str] | None],
) -> None:
    xs, given_ids = data
    out = analyzers[lang].analyze_many(xs, ids=given_ids)
    check_results(xs, out, given_ids, lang, explain=False)


def _generator(xs: list[Any]) -> Iterator[Any]:
    yield from xs


@pytest.mark.parametrize("lang", LANGS, ids=["tr", "en", "auto"])
@settings(FAST, max_examples=n(60))
@given(
    xs=st.lists(st.one_of(texts, texts, texts, missing), min_size=1, max_size=14),
    batch_size=st.integers(1, 5),
)
def test_iter_analyze_stream(
    analyzers: dict[str | None, Analyzer], lang: str | None, xs: list[Any], batch_size: int
) -> None:
    """A generator, small batches (many batch edges), non-string entries among the texts."""
    given_ids = [f"r{i}" for i in range(len(xs))]
    out = list(
        analyzers[lang].iter_analyze(
            _generator(xs), ids=_generator(given_ids), batch_size=batch_size
        )
    )
    check_results(xs, out, given_ids, lang, explain=False)


@pytest.mark.parametrize("lang", LANGS, ids=["tr", "en", "auto"])
@settings(FAST, max_examples=n(60))
@given(text=texts, rid=st.one_of(st.none(), ids))
def test_api_analyze_one(api_warm: None, lang: str | None, text: str, rid: str | None) -> None:
    r = sentikit.analyze(text, lang=lang, ids=None if rid is None else [rid])
    check_result(text, r, "1" if rid is None else rid, lang, explain=False)


@pytest.mark.parametrize("lang", LANGS, ids=["tr", "en", "auto"])
@EXPLAIN
@given(data=texts_and_ids(max_size=4))
def test_analyze_many_explain(
    analyzers: dict[str | None, Analyzer],
    lang: str | None,
    data: tuple[list[str], list[str] | None],
) -> None:
    xs, given_ids = data
    out = analyzers[lang].analyze_many(xs, ids=given_ids, explain=True)
    check_results(xs, out, given_ids, lang, explain=True)


@pytest.mark.parametrize("lang", LANGS, ids=["tr", "en", "auto"])
@settings(EXPLAIN, max_examples=n(15))
@given(xs=st.lists(st.one_of(texts, missing), min_size=1, max_size=4))
def test_api_iter_analyze_explain(api_warm: None, lang: str | None, xs: list[Any]) -> None:
    out = list(sentikit.iter_analyze(_generator(xs), lang=lang, explain=True))
    check_results(xs, out, None, lang, explain=True)


@pytest.mark.parametrize("lang", ["en", None], ids=["en", "auto"])
@EXPLAIN
@example(xs=["film. <3 film "])
@given(xs=st.lists(texts, min_size=1, max_size=4))
def test_explain_clauses_inside_their_sentence(
    analyzers: dict[str | None, Analyzer], lang: str | None, xs: list[str]
) -> None:
    for r in analyzers[lang].analyze_many(xs, explain=True):
        check_clauses_in_sentences(r)
