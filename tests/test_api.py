"""The public API with the shipped models: analyze(), load(), pandas, auto language."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
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


# -- issue 18 ------------------------------------------------------------------------------------
def test_nfd_turkish_scores_as_nfc() -> None:
    # defect 5: decomposed Turkish letters split words (−0.99 in NFC, +0.53 in NFD)
    nfc = "Çok kötü bir film, güzel değil."
    nfd = unicodedata.normalize("NFD", nfc)
    a, b = sentikit.analyze(nfc), sentikit.analyze(nfd)
    assert b["lang"] == a["lang"] == "tr"
    assert (b["label"], b["score"]) == (a["label"], a["score"]) == ("negative", a["score"])
    for s in b["sentences"]:
        assert nfd[slice(*s["span"])] == s["text"]
    jsonschema.validate(b, SCHEMA)


@pytest.mark.parametrize(
    "text",
    ["😍😍😍", "😡", "مرحبا بالعالم", "Привет мир", "\x00", "", "12345", ":)", "这部电影很好"],
)
def test_unreadable_text_is_und_and_neutral_with_a_warning(text: str) -> None:
    # defect 6: all of these were "en", "positive" 0.2995
    r = sentikit.analyze(text)
    jsonschema.validate(r, SCHEMA)
    assert (r["lang"], r["label"], r["score"]) == ("und", "neutral", 0.0)
    assert r["probs"] == {"positive": 0.0, "neutral": 1.0, "negative": 0.0}
    assert r["model"] is None and r["warning"]
    assert sentikit.analyze([text, "great film"])[1]["lang"] == "en"


def test_emoji_are_scored_where_the_model_knows_them() -> None:
    # a fixed language scores an emoji-only text with that model ...
    r = sentikit.analyze("❤", lang="tr")
    assert r["lang"] == "tr" and r["label"] == "positive" and "warning" not in r
    # ... and one it knows nothing of gets the defined result instead of the model's prior
    r = sentikit.analyze("😡😡", lang="en")
    assert (r["label"], r["score"]) == ("neutral", 0.0) and "knows none" in r["warning"]
    jsonschema.validate(r, SCHEMA)


def test_ordinary_texts_carry_no_warning() -> None:
    out = sentikit.analyze(["Harika bir film!", "What a dull film.", "10/10 great"])
    assert all("warning" not in r and r["label"] != "neutral" for r in out)


def test_dict_bytearray_set_and_dataframe_are_refused() -> None:
    # defect 7: a dict analyzed its keys, a bytearray gave one error per byte
    with pytest.raises(InputError, match="dict"):
        sentikit.analyze({"great film": 1, "awful": 2}, lang="en")
    with pytest.raises(InputError, match="bytearray"):
        sentikit.analyze(bytearray(b"great film"), lang="en")
    with pytest.raises(InputError, match="set"):
        sentikit.analyze({"great film"}, lang="en")
    with pytest.raises(InputError, match="DataFrame"):
        sentikit.analyze(pd.DataFrame({"text": ["great film"]}), lang="en")
    with pytest.raises(InputError, match="dict"):
        sentikit.iter_analyze({"great film": 1}, lang="en")
    d = {"a": "great film", "b": "awful film"}  # the documented way: values, keys as ids
    out = sentikit.analyze(list(d.values()), ids=list(d), lang="en")
    assert [(r["id"], r["label"]) for r in out] == [("a", "positive"), ("b", "negative")]


def test_ids_must_match_the_texts() -> None:
    with pytest.raises(InputError, match="more ids than texts"):
        sentikit.analyze(["great", "awful"], ids=[1, 2, 3], lang="en")
    with pytest.raises(InputError, match="fewer ids than texts"):
        sentikit.analyze(["great", "awful"], ids=[1], lang="en")
    assert sentikit.analyze("great", ids=["x"], lang="en")["id"] == "x"


def test_missing_values_are_clear_errors() -> None:
    out = sentikit.analyze(["great", pd.NA, None, float("nan")], lang="en")
    assert [r.get("error") for r in out[1:]] == [
        "record 2: missing text (NA)",
        "record 3: missing text (None)",
        "record 4: missing text (NaN)",
    ]
    s = pd.Series(["great", pd.NA], dtype="object")
    assert sentikit.analyze(s, lang="en")[1]["error"] == "record 1: missing text (NA)"


def test_generators_stream_and_are_not_buffered_by_analyze() -> None:
    read: list[int] = []

    def gen(n: int) -> Iterator[str]:
        for i in range(n):
            read.append(i)
            yield "great fun"

    with pytest.raises(InputError, match="iter_analyze"):
        sentikit.analyze(gen(10), lang="en")
    assert read == []  # refused before reading anything
    it = sentikit.iter_analyze(gen(10_000), lang="en")
    first = next(it)
    assert first["label"] == "positive" and first["id"] == "1"
    assert len(read) < 10_000  # only the first batch was read
    it2 = sentikit.analyze(gen(3), lang="en", stream=True)
    assert not isinstance(it2, list)
    assert [r["id"] for r in it2] == ["1", "2", "3"]
    assert [r["label"] for r in sentikit.iter_analyze("great fun", lang="en")] == ["positive"]


# -- a user's bundle: load(PATH), model=PATH, texts in another language ---------------------


@pytest.fixture(scope="module")
def user_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small English bundle of 'sentikit train' (word n-grams only), in a folder of its
    own name."""
    from sentikit.training.bundle import train_bundle

    texts = ["a great film", "wonderful acting", "i loved it"] * 4
    texts += ["a dull film", "awful acting", "i hated it"] * 4
    labels = ["positive"] * 12 + ["negative"] * 12
    config = {
        "name": "store-model",
        "version": "1.0.0",
        "lang": "en",
        "model": {
            "name": "sentikit.linear_ensemble.v1",
            "families": [{"name": "sentikit.word_ngrams.v1", "classifier": {"C": 10.0}}],
        },
    }
    out = tmp_path_factory.mktemp("user") / "store-model"
    return train_bundle(config, texts, labels, "en", out)


def test_load_takes_a_bundle_folder_in_place_of_the_language(user_bundle: Path) -> None:
    for spec in (user_bundle, str(user_bundle)):
        an = sentikit.load(spec)
        assert an.lang == "en" and list(an.models) == ["en"]
        r = an.analyze("a great film")
        assert r["model"] == {"name": "store-model", "version": "1.0.0"}
        assert r["label"] == "positive" and "warning" not in r
    assert sentikit.load(model=user_bundle).lang == "en"
    one = sentikit.analyze("an awful film", str(user_bundle))  # analyze's lang place too
    assert one["label"] == "negative"


def test_load_by_shipped_language_or_name_and_clear_errors(user_bundle: Path) -> None:
    assert sentikit.load(model="tr").lang == "tr"
    assert sentikit.load("sentikit-en-linear").lang == "en"
    with pytest.raises(InputError, match="unsupported language 'de', and no model bundle"):
        sentikit.load("de")
    with pytest.raises(InputError, match="is for 'en', not 'tr'"):
        sentikit.load("tr", model=user_bundle)
    with pytest.raises(InputError, match="unsupported language 'xx'"):
        sentikit.load("xx", model=user_bundle)
    from sentikit.errors import ResourceMissingError

    with pytest.raises(ResourceMissingError, match="no such folder, nor a shipped model"):
        sentikit.analyze("text", model="no-such-model")


def test_analyze_with_model_reuses_the_loaded_bundle_until_it_changes(
    user_bundle: Path, tmp_path: Path
) -> None:
    import shutil

    from sentikit.api import _analyzer

    a = _analyzer(None, user_bundle, sentikit.api.DEFAULT_BATCH_SIZE)
    assert _analyzer(None, str(user_bundle), sentikit.api.DEFAULT_BATCH_SIZE) is a
    copy = shutil.copytree(user_bundle, tmp_path / "copy")
    b = _analyzer(None, copy, sentikit.api.DEFAULT_BATCH_SIZE)
    assert b is not a
    info = json.loads((copy / "model.json").read_text(encoding="utf-8"))
    (copy / "model.json").write_text(json.dumps(info, indent=1), encoding="utf-8")  # resaved
    assert _analyzer(None, copy, sentikit.api.DEFAULT_BATCH_SIZE) is not b


def test_a_text_in_another_language_is_flagged_not_silently_scored(user_bundle: Path) -> None:
    texts = ["a great film", "Film çok güzeldi, bayıldım.", "😀", ""]
    out = sentikit.analyze(texts, model=user_bundle)
    assert [r["lang"] for r in out] == ["en"] * 4  # the model's language, always
    assert "warning" not in out[0]
    # (this small model knows no Turkish word, so it does not score the text either)
    assert out[1]["warning"].endswith(
        "; the text looks Turkish (tr), but the model is English (en)"
    )
    mixed = sentikit.analyze("Bu film great, çok güzeldi ve harikaydı.", model=user_bundle)
    assert mixed["warning"] == "the text looks Turkish (tr), but the model is English (en)"
    assert mixed["label"] == "positive" and mixed["score"] > 0  # scored all the same
    assert "Turkish" not in out[2].get("warning", "")  # undetermined: not another language
    assert "Turkish" not in out[3].get("warning", "")
    for r in out:
        jsonschema.validate(r, SCHEMA)
    # the shipped default path checks nothing: a fixed language scores as before
    assert "warning" not in sentikit.analyze("Film çok güzeldi.", lang="en")


def test_cli_analyze_model_path_flags_another_language(user_bundle: Path) -> None:
    from typer.testing import CliRunner

    from sentikit.cli.main import app

    args = ["analyze", "--model", str(user_bundle), "-f", "jsonl", "a great film"]
    r = CliRunner().invoke(app, [*args, "Film çok güzeldi, bayıldım."])
    assert r.exit_code == 0, r.stderr
    first, second = (json.loads(line) for line in r.stdout.splitlines())
    assert first["label"] == "positive" and "warning" not in first
    assert second["lang"] == "en" and "looks Turkish (tr), but" in second["warning"]


def test_compose_false_gives_the_plain_linear_decision() -> None:
    """Composition is on by default; ``compose=False`` turns it off for this analyzer only."""
    import sentikit

    text = "Not bad at all."
    composed = sentikit.load("en").analyze(text)
    plain = sentikit.load("en", compose=False).analyze(text)
    assert composed["label"] == "positive" and plain["label"] == "negative"
    assert sentikit.load("en").analyze(text)["probs"] == composed["probs"]
