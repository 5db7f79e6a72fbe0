"""Mixed-polarity flags and domain coverage."""

from __future__ import annotations

from sentikit.doc import Document
from sentikit.pipeline.mixed import MIXED_THRESHOLD, domain_coverage, mixed_flags


def test_mixed_needs_strong_opposite_parts() -> None:
    docs = [Document("a"), Document("b"), Document("c")]
    hi, lo = MIXED_THRESHOLD + 0.1, 0.1
    parts = [
        (0, "good part", (0, 9), hi, lo),
        (0, "bad part", (10, 18), lo, hi),
        (1, "good", (0, 4), hi, lo),
        (1, "meh", (5, 8), 0.5, 0.45),  # not strong
        (2, "bad", (0, 3), lo, hi),
    ]
    flags = mixed_flags(docs, parts)
    assert flags[1] is None and flags[2] is None
    assert flags[0] is not None
    assert [p["text"] for p in flags[0]["positive"]] == ["good part"]
    assert [p["text"] for p in flags[0]["negative"]] == ["bad part"]
    assert flags[0]["negative"][0]["score"] < 0 < flags[0]["positive"][0]["score"]


class _Model:
    def known_terms(self) -> frozenset[str]:
        return frozenset({"good", "film"})


def test_domain_coverage_counts_word_tokens() -> None:
    from sentikit.lang import get_processor

    docs = get_processor("en").make_docs(["good film!", "zxq good", "!!!"])
    cov = domain_coverage(_Model(), docs)
    assert cov == [1.0, 0.5, None]
    assert domain_coverage(object(), docs) == [None, None, None]


def test_binary_view_relabels_scored_texts_only() -> None:
    import sentikit

    three = sentikit.load("en")
    two = sentikit.load("en", labels="binary")
    texts = ["Paris is the capital of France.", "", "A dull, boring film but great music."]
    for a, b in zip(three.analyze_many(texts), two.analyze_many(texts), strict=True):
        assert a["probs"] == b["probs"] and a["score"] == b["score"]
        if "warning" in a:  # not scored: stays neutral
            assert b["label"] == "neutral"
            continue
        assert b["label"] == ("positive" if a["score"] >= 0 else "negative")
        for sb in b["sentences"]:
            assert sb["label"] in ("positive", "negative")
            for cb in sb["clauses"]:
                assert cb["label"] in ("positive", "negative")
