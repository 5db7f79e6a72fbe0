"""The public API with the shipped models: analyze(), load(), pandas, auto language."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

import sentikit
from sentikit.errors import InputError
from sentikit.models.registry import shipped_models

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "sentikit/schema/result.schema.json").read_text()
)


def test_both_languages_ship_a_model() -> None:
    langs = {m["lang"] for m in shipped_models()}
    assert langs == {"tr", "en"}
    for m in shipped_models():
        assert m["training_data"]["n"] > 1000 and len(m["training_data"]["sha256"]) == 64


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("What a gorgeous, witty and moving film.", "en", "positive"),
        ("A dull, lifeless and boring mess.", "en", "negative"),
        ("Harika bir film, herkese tavsiye ederim.", "tr", "positive"),
        ("Berbat bir film, çok sıkıcıydı, hiç beğenmedim.", "tr", "negative"),
    ],
)
def test_clear_cases_with_auto_language(text: str, lang: str, label: str) -> None:
    r = sentikit.analyze(text)
    jsonschema.validate(r, SCHEMA)
    assert (r["lang"], r["label"]) == (lang, label)
    assert (r["score"] > 0) == (label == "positive")


def test_issue_example_sentences_and_explain() -> None:
    r = sentikit.analyze("Filmi hiç beğenmedim ama müzikleri güzeldi.", explain=True)
    jsonschema.validate(r, SCHEMA)
    assert r["lang"] == "tr"
    toks = {t["text"]: t for t in r["tokens"]}
    assert toks["beğenmedim"]["negated"] is True
    assert toks["beğenmedim"]["lemma"] == "beğenmek"
    assert [m["tag"] for m in toks["beğenmedim"]["morphemes"]][:2] == ["Verb", "Neg"]
    assert toks["güzeldi"]["polarity"] > 0
    morphs = {m["tag"]: m["polarity"] for m in toks["beğenmedim"]["morphemes"]}
    assert all(v is not None for v in morphs.values())
    assert morphs["Neg"] < 0  # the negation morpheme pulls towards negative


def test_pandas_series_keeps_index_as_ids() -> None:
    s = pd.Series(["great film", None, "awful film"], index=[10, 11, 12])
    out = sentikit.analyze(s, lang="en")
    assert [r["id"] for r in out] == ["10", "11", "12"]
    assert out[0]["label"] == "positive" and "error" in out[1] and out[2]["label"] == "negative"


def test_mixed_language_list_routes_each_text() -> None:
    out = sentikit.analyze(["Çok güzel bir gün!", "A truly wonderful day!", ""])
    assert [r["lang"] for r in out[:2]] == ["tr", "en"]
    assert out[2]["label"] == "neutral"


def test_load_returns_reusable_analyzer() -> None:
    an = sentikit.load("en")
    assert an.analyze("good")["model"]["name"] == "sentikit-en-linear"
    assert "en" in an.models


def test_bytes_are_rejected_clearly() -> None:
    with pytest.raises(InputError):
        sentikit.analyze(b"bytes")
