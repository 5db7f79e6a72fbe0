"""Turkish aspects (``sentikit.aspects.tr``): spans, a tiny CRF trained on 50 sentences, save
and load, and the shipped model on plain sentences."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from sentikit.aspects.tr import (
    SHIPPED_DIR,
    GoldOpinion,
    TurkishAspectModel,
    extract_tr,
    gold_opinions,
    load_tr,
)
from sentikit.aspects.tr_features import analyze_texts, crf_features
from sentikit.aspects.tr_parts import bio_spans
from sentikit.aspects.tr_rows import bio_labels, micro_f1
from sentikit.errors import InputError, ResourceMissingError
from sentikit.paths import data_root


def _opinion(target: str | None, start: int, end: int, cat: str, pol: str) -> SimpleNamespace:
    return SimpleNamespace(
        target=target, implicit=target is None, start=start, end=end, category=cat, polarity=pol
    )


def test_bio_spans_and_labels() -> None:
    assert bio_spans(["O", "B", "I", "O", "I", "B"]) == [(1, 3), (4, 5), (5, 6)]
    toks = analyze_texts(["Sushi ustası çok becerikli."])[0]
    assert bio_labels(toks, [(0, 12)]) == ["B", "I", "O", "O", "O"]
    assert bio_labels(toks, [(0, 12), (6, 12)]) == ["B", "I", "O", "O", "O"]  # overlap skipped


def test_gold_opinions_recounts_utf16_offsets_and_keeps_null() -> None:
    text = "😀 Servis iyi."
    s = SimpleNamespace(
        id="x",
        text=text,
        opinions=[
            _opinion("Servis", 3, 9, "SERVICE#GENERAL", "positive"),  # UTF-16 units
            _opinion(None, 0, 0, "RESTAURANT#GENERAL", "positive"),
        ],
    )
    gold = gold_opinions(s)
    assert gold[0].span is not None and gold[1].span is None
    assert text[gold[0].span[0] : gold[0].span[1]] == "Servis"
    s.opinions = [_opinion("pizza", 0, 5, "FOOD#QUALITY", "positive")]
    with pytest.raises(InputError, match="pizza"):
        gold_opinions(s)


def test_crf_features_carry_morphology_and_lexicon() -> None:
    toks = analyze_texts(["Yemeklerin tadı harikaydı."])[0]
    f = crf_features(toks)
    assert f[0]["lemma"] == "yemek" and f[0]["case"] == "Gen" and f[0]["fold"] == "yemeklerin"
    assert float(f[0]["lex_near_pos"]) > 0 and f[0]["lex_near_neg"] == 0.0
    g = crf_features(analyze_texts(["Pizzası güzel."])[0])
    assert g[0]["poss"] == "P3sg" and g[0]["lemma"] == "pizza" and g[0]["1:lex"] == "pos"
    assert f[0]["1:fold"] == "tadi" and "-1:edge" in f[0]


def test_unknown_polarity_is_an_error() -> None:
    toks = analyze_texts(["Servis iyi."])
    gold = [[GoldOpinion((0, 6), "SERVICE#GENERAL", "conflict")]]
    with pytest.raises(InputError, match="conflict"):
        TurkishAspectModel(use_prior=False).fit_polarity(toks, gold)


def test_micro_f1() -> None:
    r = micro_f1([{1, 2}, set()], [{1}, {3}])
    assert r["precision"] == 50.0 and r["recall"] == 50.0 and r["f1"] == 50.0


@pytest.fixture(scope="module")
def train50() -> list[Any]:
    root = data_root(required=False)
    if root is None:
        pytest.skip("benchmark data not available (set SENTIKIT_DATA or ../shared/datasets)")
    from sentikit.io.absa import absa_sentences, load_absa_semeval2016_tr

    return absa_sentences(load_absa_semeval2016_tr("train", 1))[:50]


@pytest.fixture(scope="module")
def tiny(train50: list[Any]) -> TurkishAspectModel:
    return TurkishAspectModel(max_iterations=30, use_prior=False, threshold_folds=2).fit(train50)


def test_tiny_model_learns_its_training_targets(tiny: TurkishAspectModel, train50: list) -> None:
    toks = analyze_texts([s.text for s in train50])
    gold = [{o.span for o in gold_opinions(s) if o.span} for s in train50]
    pred = tiny.predict_targets(toks)
    assert micro_f1(gold, [set(p) for p in pred])["f1"] > 50.0
    assert 0.1 <= tiny.threshold_ <= 0.7


def test_save_load_round_trip(tiny: TurkishAspectModel, tmp_path: Path) -> None:
    text = "Manzara sahane ama servis rezalet. Fiyatlar da çok yüksek."
    tiny.save(tmp_path / "m", training={"sentences": 50})
    back = TurkishAspectModel.load(tmp_path / "m")
    assert back.extract(text) == tiny.extract(text)
    assert back.get_params() == tiny.get_params()
    info = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))
    assert info["training"] == {"sentences": 50} and info["format"] == "sentikit.aspects.tr.v1"


def test_damaged_or_missing_folder_is_a_clear_error(
    tiny: TurkishAspectModel, tmp_path: Path
) -> None:
    with pytest.raises(ResourceMissingError):
        load_tr(tmp_path / "nothing")
    folder = tiny.save(tmp_path / "m")
    (folder / "targets.crfsuite").write_bytes(b"not a model")
    with pytest.raises(InputError, match="CRFsuite"):
        load_tr(folder)
    tiny.save(folder)
    (folder / "arrays.npz").write_bytes(b"garbage")
    with pytest.raises(InputError, match="arrays"):
        load_tr(folder)


def test_shipped_model_finds_targets_and_their_polarity() -> None:
    assert (SHIPPED_DIR / "targets.crfsuite").is_file()
    text = "Pizzalar çok lezzetliydi, ama servis rezaletti."
    got = extract_tr(text)
    by_term = {a["term"].lower(): a for a in got if a["term"]}
    assert {"pizzalar", "servis"} <= set(by_term)
    assert by_term["pizzalar"]["label"] == "positive" and by_term["servis"]["label"] == "negative"
    assert by_term["servis"]["category"] == "SERVICE#GENERAL"
    for a in got:
        assert set(a) == {"term", "span", "sentence", "category", "label", "score"}
        if a["span"] is not None:
            assert text[a["span"][0] : a["span"][1]] == a["term"]
        assert -1.0 <= a["score"] <= 1.0


def test_extract_sentences_documents_and_bad_input() -> None:
    from sentikit.lang import get_processor

    text = "Ortam çok güzeldi. Garson ilgisizdi ve yemekler soğuktu."
    doc = get_processor("tr").make_doc(text)
    got = extract_tr(doc)
    assert got == extract_tr(text)
    assert {a["sentence"] for a in got} <= {0, 1}
    assert any(a["term"] == "Garson" and a["sentence"] == 1 for a in got)
    assert extract_tr("") == [] and extract_tr("   ") == []
    assert load_tr().extract_many([text, "", doc]) == [got, [], got]
    with pytest.raises(InputError, match="str or a Document"):
        extract_tr(42)  # type: ignore[arg-type]


def test_analyze_fills_turkish_aspects() -> None:
    """``analyze(..., aspects=True)`` gives a Turkish text the shipped model's opinions, their
    sentence indices those of the result's own sentences."""
    import sentikit

    text = "Pizza çok lezzetliydi. Garson çok kabaydı."
    r = sentikit.analyze(text, lang="tr", aspects=True)
    terms = {a["term"]: a for a in r["aspects"] if a["term"]}
    assert "Garson" in terms and terms["Garson"]["label"] == "negative"
    g = terms["Garson"]
    assert text[g["span"][0] : g["span"][1]] == "Garson"
    assert r["sentences"][g["sentence"]]["span"][0] <= g["span"][0]
    assert g["sentence"] == 1
    assert "explanation" not in r  # asked for aspects, not the explanation
