"""Issue 18: text normalization at the door, texts with nothing to score, input edges."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import jsonschema
import pytest

from sentikit.errors import InputError
from sentikit.pipeline.analyzer import Analyzer

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "sentikit/schema/result.schema.json").read_text()
)


@pytest.fixture(scope="module")
def analyzer(tiny_bundle: Path) -> Analyzer:
    return Analyzer("en", model=tiny_bundle, batch_size=3)


def _spans_point_into(r: dict, text: str) -> None:
    for s in r["sentences"]:
        a, b = s["span"]
        assert text[a:b] == s["text"]
    for t in r.get("tokens", []):
        a, b = t["span"]
        assert text[a:b] == t["text"]


# -- defect 5: NFC and control characters ------------------------------------------------------
def test_nfd_text_scores_as_nfc_with_spans_into_the_original(analyzer: Analyzer) -> None:
    nfc = "A naïve, clichéd mess. Boring and awful!"
    nfd = unicodedata.normalize("NFD", nfc)
    a, b = analyzer.analyze(nfc, explain=True), analyzer.analyze(nfd, explain=True)
    assert (b["score"], b["probs"], b["label"]) == (a["score"], a["probs"], a["label"])
    assert [s["score"] for s in b["sentences"]] == [s["score"] for s in a["sentences"]]
    assert [t["norm"] for t in b["tokens"]] == [t["norm"] for t in a["tokens"]]
    _spans_point_into(b, nfd)
    assert b["sentences"][-1]["span"][1] == len(nfd)
    assert "warning" not in b
    jsonschema.validate(b, SCHEMA)


def test_control_characters_are_not_scored(analyzer: Analyzer) -> None:
    text = "great\x00fun\x07"
    r = analyzer.analyze(text, explain=True)
    plain = analyzer.analyze("great fun ", explain=True)
    assert (r["score"], r["label"]) == (plain["score"], plain["label"])
    assert [t["text"] for t in r["tokens"]] == ["great", "fun"]
    _spans_point_into(r, text)
    assert "2 control characters" in r["warning"]
    jsonschema.validate(r, SCHEMA)


def test_nul_only_text_is_neutral(analyzer: Analyzer) -> None:
    # issue 18: a NUL-only line came out "positive"
    for text in ("\x00", "\x00\x00\x00", "\x7f\n\x00"):
        r = analyzer.analyze(text)
        assert (r["label"], r["score"]) == ("neutral", 0.0)
        assert r["probs"]["neutral"] == 1.0 and "control character" in r["warning"]
        jsonschema.validate(r, SCHEMA)


def test_ordinary_text_results_are_unchanged(analyzer: Analyzer) -> None:
    texts = ["great fun", "boring and awful. A dull story!", "Brilliant film :)"]
    for r in analyzer.analyze_many(texts):
        assert "warning" not in r and r["label"] != "neutral"


# -- defect 6: nothing to score --------------------------------------------------------------
@pytest.mark.parametrize("text", ["12345", "!!! ...", "@someone http://example.com/x"])
def test_text_without_words_gets_the_defined_result(analyzer: Analyzer, text: str) -> None:
    r = analyzer.analyze(text)
    assert (r["lang"], r["label"], r["score"]) == ("en", "neutral", 0.0)
    assert r["probs"] == {"positive": 0.0, "neutral": 1.0, "negative": 0.0}
    assert all(s["label"] == "neutral" for s in r["sentences"])
    assert "no words" in r["warning"]
    jsonschema.validate(r, SCHEMA)


@pytest.mark.parametrize("text", ["Привет мир", "مرحبا بالعالم", "😍😍😍"])
def test_text_the_model_knows_nothing_of_gets_the_defined_result(
    analyzer: Analyzer, text: str
) -> None:
    # the tiny model has no feature for these: its output would be its prior, the same
    # constant for every such text (issue 18: "positive 0.2995" for every unknown script)
    r = analyzer.analyze(text)
    assert (r["label"], r["score"]) == ("neutral", 0.0)
    assert "knows none" in r["warning"]
    jsonschema.validate(r, SCHEMA)


def test_empty_text_says_so(analyzer: Analyzer) -> None:
    r = analyzer.analyze("   ")
    assert r["label"] == "neutral" and r["warning"].startswith("empty text")


# -- defect 7: input edges -------------------------------------------------------------------
def test_missing_values_are_named(analyzer: Analyzer) -> None:
    pd = pytest.importorskip("pandas")
    out = analyzer.analyze_many(["great", pd.NA, None, float("nan"), pd.NaT, 3])
    errors = [r.get("error", "") for r in out]
    assert errors[1] == "record 2: missing text (NA)"
    assert errors[2] == "record 3: missing text (None)"
    assert errors[3] == "record 4: missing text (NaN)"
    assert errors[4] == "record 5: missing text (NaT)"
    assert errors[5] == "record 6: text must be a string, not int"


def test_ids_beyond_the_texts_are_an_error(analyzer: Analyzer) -> None:
    with pytest.raises(InputError, match=r"more ids than texts \(3 ids for 2 texts\)"):
        analyzer.analyze_many(["great", "awful"], ids=["a", "b", "c"])
    # streamed: every text's result comes, then the error (the ids are not dropped silently)
    got = []
    with pytest.raises(InputError, match="more ids than texts"):
        for r in analyzer.iter_analyze(iter(["great", "awful"]), ids=iter("abc")):
            got.append(r["id"])
    assert got == ["a", "b"]
    with pytest.raises(InputError, match="ids must be a list"):
        analyzer.analyze_many(["great"], ids="a")
