"""The Analyzer: result shape, one result per input in order, errors, batching, explain."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sentikit.errors import InputError, ResourceMissingError
from sentikit.pipeline.analyzer import Analyzer

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "sentikit/schema/result.schema.json").read_text()
)


@pytest.fixture(scope="module")
def analyzer(tiny_bundle: Path) -> Analyzer:
    return Analyzer("en", model=tiny_bundle, batch_size=3)


def test_result_shape_validates(analyzer: Analyzer) -> None:
    r = analyzer.analyze("What a great film. I loved it!", explain=True)
    jsonschema.validate(r, SCHEMA)
    assert r["label"] == "positive" and r["score"] > 0
    assert len(r["sentences"]) == 2
    assert [t["text"] for t in r["tokens"]][:3] == ["What", "a", "great"]
    assert abs(sum(r["probs"].values()) - 1.0) < 1e-9


def test_one_result_per_input_in_order(analyzer: Analyzer) -> None:
    texts = ["great fun", None, "boring and awful", "", float("nan"), 5, "brilliant"] * 3
    out = analyzer.analyze_many(texts)
    assert [r["id"] for r in out] == [str(i + 1) for i in range(len(texts))]
    for r, t in zip(out, texts, strict=True):
        jsonschema.validate(r, SCHEMA)
        assert ("error" in r) == (not isinstance(t, str))
    assert out[0]["label"] == "positive" and out[2]["label"] == "negative"
    assert out[3]["label"] == "neutral" and out[3]["probs"]["neutral"] == 1.0
    assert "missing text (None)" in out[1]["error"] and "missing text (NaN)" in out[4]["error"]
    assert "int" in out[5]["error"]


def test_ids_are_kept_and_counted(analyzer: Analyzer) -> None:
    out = analyzer.analyze_many(["great", "awful"], ids=["a", "b"])
    assert [r["id"] for r in out] == ["a", "b"]
    with pytest.raises(InputError):
        analyzer.analyze_many(["great", "awful"], ids=["a"])


def test_streaming_consumes_lazily(analyzer: Analyzer) -> None:
    seen: list[int] = []

    def gen():
        for i in range(10):
            seen.append(i)
            yield "great fun"

    it = analyzer.iter_analyze(gen(), batch_size=4)
    next(it)
    assert len(seen) == 4  # only the first batch was read


def test_ids_pair_with_texts_across_growing_batches(analyzer: Analyzer) -> None:
    texts = ["great fun", None, "dull"] * 50
    out = analyzer.analyze_many(texts, ids=[f"r{i}" for i in range(150)])
    assert [r["id"] for r in out] == [f"r{i}" for i in range(150)]
    assert all(("error" in r) == (t is None) for r, t in zip(out, texts, strict=True))
    with pytest.raises(InputError, match="fewer ids"):
        analyzer.analyze_many(["a", "b"], ids=["1"])


def test_sentence_scores_differ_within_a_document(analyzer: Analyzer) -> None:
    r = analyzer.analyze("A great and moving film. A dull and boring story.")
    labels = [s["label"] for s in r["sentences"]]
    assert labels == ["positive", "negative"]


def test_explain_contributions_point_the_right_way(analyzer: Analyzer) -> None:
    r = analyzer.analyze("great acting but boring story", explain=True)
    pol = {t["text"]: t["polarity"] for t in r["tokens"]}
    assert pol["great"] > 0 > pol["boring"]


def test_bad_arguments() -> None:
    with pytest.raises(InputError):
        Analyzer("de")
    with pytest.raises(InputError):
        Analyzer("en", batch_size=0)
    with pytest.raises(ResourceMissingError):
        Analyzer("en", model="/nonexistent/bundle")


def test_analyze_rejects_non_string(analyzer: Analyzer) -> None:
    with pytest.raises(InputError):
        analyzer.analyze(None)  # type: ignore[arg-type]


def test_model_language_mismatch(tiny_bundle: Path) -> None:
    with pytest.raises(InputError):
        Analyzer("tr", model=tiny_bundle)


def test_explain_without_parser_still_gives_contributions(
    tiny_bundle: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from sentikit.lang import get_processor

    proc = get_processor("en")
    real = proc.make_docs

    def no_parser(texts, ids=None, analyze=False):
        if analyze:
            raise ResourceMissingError('spaCy is not installed: pip install "sentikit[en]"')
        return real(texts, ids, analyze)

    monkeypatch.setattr(proc, "make_docs", no_parser)
    monkeypatch.setattr("sentikit.pipeline.explain._WARNED", set())
    r = Analyzer("en", model=tiny_bundle).analyze("great fun", explain=True)
    assert [t["lemma"] for t in r["tokens"]] == [None, None]
    assert r["tokens"][0]["polarity"] > 0
    assert "sentikit[en]" in caplog.text
