"""Tests of sentikit.lang.detect (Turkish/English language identification)."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
import zlib
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from sentikit.errors import BundleError, InputError, ResourceMissingError
from sentikit.lang import detect as detect_mod
from sentikit.lang.detect import (
    DEFAULT_LANG,
    MODEL_DIR,
    UND,
    DetectionResult,
    LanguageDetector,
    detect,
    detect_many,
    detect_proba,
    identify,
    identify_many,
    text_words,
    word_buckets,
)
from sentikit.paths import data_root

REPO = Path(__file__).resolve().parents[2]

TURKISH = [
    "cok guzel film",
    "Filmi hiç beğenmedim ama müzikleri güzeldi.",
    "Ankara",
    "bu ne ya",
    "ÇOK GÜZEL BİR FİLM",
    "harika bi urun tavsiye ederim",
    "yarın görüşürüz :)",
    "kargo hizli geldi tesekkurler",
    "RT @ali: Mutluluk haram bize . http://t.co/abc",
    "#turkcell seni Allah'a havale ediyorum.",
    "mükemmelll bi filmmm",
    "hiç begenmedim",
    "Kadıköy'de buluşalım",
]
ENGLISH = [
    "I loved it!!! 😍",
    "@user lol",
    "what a waste of time",
    "The battery life is great",
    "I watched it in İstanbul with my friends",  # Turkish letter, English text
    "Mesut Özil scored again",
    "not bad",
    "so gooood",
    "gonna watch it tonight",
    "Food was ok, service slow.",
]
UNDECIDABLE = [
    "",
    ":)",
    "😍😍😍",
    "12345",
    "10/10",
    "https://t.co/abc",
    "   \n",
    "!!!",
    "\x00",
    "Привет",
    "Привет мир, как дела? ok",  # mostly Cyrillic, one Latin word
    "مرحبا بالعالم",
    "这部电影很好 film",
    "Καλημέρα κόσμε",
]


@pytest.mark.parametrize("text", TURKISH)
def test_turkish_examples(text: str) -> None:
    r = identify(text)
    assert r.lang == "tr", (text, r)
    assert r.decided
    assert detect(text) == "tr"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_examples(text: str) -> None:
    r = identify(text)
    assert r.lang == "en", (text, r)
    assert r.decided
    assert detect(text) == "en"


@pytest.mark.parametrize("text", UNDECIDABLE)
def test_undecidable_texts_are_und(text: str) -> None:
    # issue 18: emoji-only, Arabic, Cyrillic and NUL-only lines were all called "en"
    r = identify(text)
    assert r == DetectionResult(UND, {"tr": 0.5, "en": 0.5}, 0.0, False, 0)
    assert detect(text) == DEFAULT_LANG == UND == "und"
    assert detect_proba(text) == {"tr": 0.5, "en": 0.5}
    assert detect_many([text, "cok guzel film"]) == ["und", "tr"]


def test_a_few_foreign_words_do_not_make_a_text_und() -> None:
    assert detect("I watched Война и мир last night, a great film") == "en"
    assert detect("Dün akşam Война и мир izledim, çok güzeldi") == "tr"
    # decomposed (NFD) Turkish letters are Latin letters plus combining marks
    assert detect(unicodedata.normalize("NFD", "Çok güzel bir gün")) == "tr"


def test_confident_on_clear_sentences() -> None:
    assert identify("Filmi hiç beğenmedim ama müzikleri güzeldi.").confidence > 0.99
    assert identify("This was the worst movie I have ever seen.").confidence > 0.99
    assert identify("ok").confidence < identify("this is ok for me").confidence


def test_turkish_letters_are_not_absolute() -> None:
    # a single Turkish name does not outweigh a clearly English sentence ...
    assert detect("I met Şükrü and Gülşen in the hotel lobby yesterday") == "en"
    # ... but it is evidence: the English probability drops with it
    p_with = detect_proba("we talked to Şükrü about it")["tr"]
    p_without = detect_proba("we talked to John about it")["tr"]
    assert p_with > p_without


def test_proba_is_a_distribution() -> None:
    for text in TURKISH + ENGLISH:
        p = detect_proba(text)
        assert set(p) == {"tr", "en"}
        assert p["tr"] + p["en"] == pytest.approx(1.0)
        assert 0.0 <= p["tr"] <= 1.0
        assert (p["tr"] > 0.5) == (detect(text) == "tr")


def test_result_to_dict_is_json_ready() -> None:
    d = identify("cok guzel film").to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["lang"] == "tr" and d["decided"] is True and d["n_words"] == 3


def test_detect_many_matches_detect_and_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = TURKISH + ENGLISH + UNDECIDABLE
    expected = [detect(t) for t in texts]
    assert detect_many(texts) == expected
    assert detect_many(iter(texts)) == expected  # any iterable
    assert detect_many([]) == []
    # a fresh detector (empty cache), batch sizes that split the input differently
    fresh = LanguageDetector.load()
    monkeypatch.setattr(detect_mod, "_BLOCK", 3)
    assert fresh.detect_many(texts) == expected
    probs = [identify(t).proba for t in texts]
    fresh.clear_cache()
    assert [fresh.identify(t).proba for t in texts] == probs  # bit-identical
    assert [r.lang for r in identify_many(texts)] == expected


def test_same_probabilities_in_other_processes() -> None:
    # no dependence on Python's salted str hash: other hash seeds give bit-identical results
    text = "Filmi hiç beğenmedim but the music was great"
    code = (
        f"from sentikit.lang.detect import detect_proba; print(repr(detect_proba({text!r})['tr']))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        assert out == repr(detect_proba(text)["tr"])


def test_bad_input_gives_clear_errors() -> None:
    with pytest.raises(InputError):
        detect(None)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        detect_proba(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="single string"):
        detect_many("cok guzel film")
    with pytest.raises(InputError, match=r"texts\[1\]"):
        detect_many(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(InputError):
        detect_many(None)  # type: ignore[arg-type]


def test_text_words_normalization() -> None:
    assert text_words("İSTANBUL’DA don’t") == ["istanbul'da", "don't"]
    assert text_words("ATTIM Işık") == ["attim", "işık"]
    assert text_words("mükemmelll sooo") == ["mükemmel", "so"]
    assert text_words("@user http://t.co/x www.site.com a@b.com #turkcell") == ["turkcell"]
    assert text_words(":D :-P xD ;) =)) harika") == ["harika"]
    assert text_words("&gt;:-P &amp; ok") == ["ok"]
    assert text_words('<span class="x">güzel</span><br />film <3') == ["güzel", "film"]
    assert text_words("4'de 10/10 çok") == ["de", "çok"]
    assert text_words("Привет мир") == []


def test_word_buckets_use_a_fixed_hash() -> None:
    # crc32 of the UTF-8 n-gram, masked: stable across processes (unlike the salted hash())
    got = word_buckets("ağ", 1, 2, 1 << 18)
    grams = ["a", "ğ", " a", "ağ", "ğ "]
    assert got == [zlib.crc32(g.encode("utf-8")) & ((1 << 18) - 1) for g in grams]
    assert word_buckets("ok", 1, 3, 1 << 18) == [
        zlib.crc32(g.encode()) & ((1 << 18) - 1) for g in ["o", "k", " o", "ok", "k ", " ok", "ok "]
    ]
    assert word_buckets("ab", 1, 5, 1 << 18)[:2] == [245315, 192505]  # pinned values


def test_shipped_model_loads_and_has_the_documented_shape() -> None:
    det = LanguageDetector.load()
    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    feats = meta["features"]
    assert meta["labels"] == ["tr", "en"]
    assert feats["hash"] == "crc32" and feats["version"] == detect_mod.FEATURES_VERSION
    assert det.n_buckets == feats["n_buckets"] == 1 << 18
    assert (det.ngram_min, det.ngram_max) == (feats["ngram_min"], feats["ngram_max"])
    for key in ("name", "version", "trained", "training_data", "metrics", "model"):
        assert key in meta
    for inp in meta["training_data"]["inputs"].values():
        assert re.fullmatch(r"[0-9a-f]{64}", inp["sha256"])
    assert meta["metrics"]["validation"]["accuracy"] > 0.97
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir() if p.is_file())
    assert size <= 2 * 1024 * 1024
    with np.load(MODEL_DIR / "model.npz", allow_pickle=False) as npz:  # no pickled objects
        assert npz["weights"].shape == (feats["n_buckets"],)
        assert npz["weights"].dtype == np.dtype(meta["model"]["weights_dtype"])
        assert np.isfinite(npz["weights"]).all()


def test_missing_or_malformed_bundle(tmp_path: Path) -> None:
    with pytest.raises(ResourceMissingError, match="detect_train"):
        LanguageDetector.load(tmp_path / "nope")
    bundle = tmp_path / "bundle"
    shutil.copytree(MODEL_DIR, bundle)
    assert LanguageDetector.load(bundle).detect("cok guzel film") == "tr"
    meta = json.loads((bundle / "model.json").read_text(encoding="utf-8"))
    meta["features"]["version"] = 999
    (bundle / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(BundleError, match="feature scheme"):
        LanguageDetector.load(bundle)
    for bad in ("{not json", '{"features": [1], "labels": ["tr", "en"]}', "[]"):
        (bundle / "model.json").write_text(bad, encoding="utf-8")
        with pytest.raises(BundleError):
            LanguageDetector.load(bundle)


def test_detector_from_arrays() -> None:
    # a hand-made model: every n-gram containing "ş" votes Turkish, everything else English
    n = 1 << 10
    w = np.full(n, -0.1)
    for g in ("ş", " ş", "ş "):
        w[zlib.crc32(g.encode()) & (n - 1)] = 5.0
    det = LanguageDetector(w, 0.0, 1, 2)
    assert det.detect("ş") == "tr"
    assert det.detect("abc") == "en"
    with pytest.raises(BundleError):
        LanguageDetector(np.zeros(1000), 0.0)  # not a power of two


def test_training_helpers() -> None:
    from sentikit.lang.detect_train import ascii_fold, featurize, split_sentences

    assert ascii_fold("Çok güzel, İyi şeyler, ağır ödül, ılık") == (
        "Cok guzel, Iyi seyler, agir odul, ilik"
    )
    rng = random.Random(0)
    half = ascii_fold("çççççççççççççççççççç", rng, share=0.5)
    assert 0 < half.count("c") < 20
    assert split_sentences("Bir. İki! Üç?\nDört") == ["Bir.", "İki!", "Üç?", "Dört"]
    X = featurize(["ab ab", "ğ"], 1, 2, 1 << 8)
    assert X.shape == (2, 1 << 8)
    # "ab" → a, b, " a", ab, "b " = 5 n-grams, twice; "ğ" → ğ, " ğ", "ğ " = 3
    assert X[0].sum() == 10 and X[1].sum() == 3


# -- data test -------------------------------------------------------------------------------------
def _benchmark_module() -> ModuleType:
    path = REPO / "benchmarks" / "langid.py"
    spec = importlib.util.spec_from_file_location("_langid_benchmark", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
@pytest.mark.data
def test_accuracy_on_benchmark_sentence_samples() -> None:
    root = data_root(required=False)
    if root is None:
        pytest.skip("../shared/datasets not found")
    bench = _benchmark_module()
    corpora = bench.corpora(root)
    rng = random.Random(7)
    for name in ("tr movie reviews (sentences)", "en rt-polarity sentences"):
        gold, loader = corpora[name]
        texts = rng.sample(loader(), 2000)
        stats, errors = bench.evaluate(LanguageDetector.load(), gold, texts)
        assert stats["acc"] >= 0.99, (name, stats, errors[:10])
