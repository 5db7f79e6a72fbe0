"""Fast contrast clause cuts."""

from __future__ import annotations

import pytest

from sentikit.lang import get_processor
from sentikit.lang.contrast import contrast_clauses


@pytest.mark.parametrize(
    ("lang", "text", "parts"),
    [
        ("en", "The food was great, but the waiter was rude.", 2),
        ("en", "Cheap, fast and tasty.", 1),
        ("en", "I liked it although the ending was weak.", 2),
        ("en", "But it was fine.", 1),
        ("tr", "Yemekler çok lezzetliydi ama garson kaba davrandı.", 2),
        ("tr", "Ürün güzel ama kargo çok geç geldi, hiç memnun kalmadım.", 3),
        ("tr", "Harika bir film.", 1),
    ],
)
def test_cuts(lang: str, text: str, parts: int) -> None:
    doc = get_processor(lang).make_docs([text])[0]
    clauses = contrast_clauses(doc, doc.sentences[0], lang)
    assert len(clauses) == parts
    # contiguous, covering the sentence's tokens, spans inside the text
    assert clauses[0].token_start == doc.sentences[0].token_start
    assert clauses[-1].token_end == doc.sentences[0].token_end
    for a, b in zip(clauses, clauses[1:], strict=False):
        assert a.token_end == b.token_start
    for c in clauses:
        assert doc.text[c.span[0] : c.span[1]] == c.text
