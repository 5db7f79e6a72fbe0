"""The fast result path equals results computed the straightforward way, one call per part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sentikit.doc import Document
from sentikit.lang import get_processor
from sentikit.pipeline.analyzer import Analyzer

TEXTS = [
    "What a great film. I loved it!",
    "A dull and boring story . Not good at all .",
    "",
    "great fun",
    "awful acting... But the music? Wonderful! Really wonderful.",
    "   ",
    "It isn't bad. It isn't good.\n\nIt is boring.",
]


def _reference(an: Analyzer, text: str) -> dict[str, Any]:
    """Label, score and probabilities of the document and of each sentence, each computed by
    its own model call on Documents built from Token objects."""
    lm = an._model("en")
    doc = get_processor("en").make_doc(text)
    toks = doc.tokens  # Token objects: the non-column path

    def one(tokens: list[Any], t: str) -> tuple[str, float, dict[str, float]]:
        p = lm.est.predict_proba_docs([Document(text=t, lang="en", tokens=tokens)])[0]
        probs = {"positive": 0.0, "neutral": 0.0, "negative": 0.0}
        for c, v in zip(lm.classes, p, strict=True):
            probs[c] = float(v)
        return lm.classes[int(np.argmax(p))], round(probs["positive"] - probs["negative"], 6), probs

    if not toks:
        return {"label": "neutral", "score": 0.0, "sentences": []}
    label, score, probs = one(toks, text)
    sents = []
    for s in doc.sentences:
        if len(doc.sentences) == 1:
            sents.append((label, score))
        else:
            sl, ss, _ = one(toks[s.token_start : s.token_end], s.text)
            sents.append((sl, ss))
    return {"label": label, "score": score, "probs": probs, "sentences": sents}


@pytest.mark.parametrize("batch_size", [1, 3, 256])
def test_results_equal_separate_calls(tiny_bundle: Path, batch_size: int) -> None:
    an = Analyzer("en", model=tiny_bundle, batch_size=batch_size)
    got = an.analyze_many(TEXTS)
    assert [r["id"] for r in got] == [str(i + 1) for i in range(len(TEXTS))]
    for text, r in zip(TEXTS, got, strict=True):
        ref = _reference(an, text)
        assert r["label"] == ref["label"]
        assert r["score"] == pytest.approx(ref["score"], abs=1e-9)
        if "probs" in ref:
            for k, v in ref["probs"].items():
                assert r["probs"][k] == pytest.approx(v, abs=1e-9)
        assert [s["label"] for s in r["sentences"]] == [lab for lab, _ in ref["sentences"]]
        assert [s["score"] for s in r["sentences"]] == pytest.approx(
            [sc for _, sc in ref["sentences"]], abs=1e-9
        )
        keys = ["id", "lang", "label", "score", "probs", "mixed", "domain_coverage"]
        keys += ["sentences", "aspects", "model"]
        # an empty text is not scored, and says so (issue 18)
        got_keys = [k for k in r if k != "mixed_evidence"]  # only where mixed
        assert got_keys == keys + ([] if text.strip() else ["warning"])


def test_mixed_invalid_inputs_keep_order(tiny_bundle: Path) -> None:
    an = Analyzer("en", model=tiny_bundle, batch_size=4)
    got = an.analyze_many(["great fun", None, "boring", 3, ""], ids=list("abcde"))
    assert [r["id"] for r in got] == list("abcde")
    assert "error" in got[1] and "error" in got[3]
    assert got[4]["label"] == "neutral" and got[4]["probs"]["neutral"] == 1.0
