"""A tiny labelled English corpus shared by the feature-family tests."""

from __future__ import annotations

from sentikit.doc import Document
from sentikit.lang.en.processor import EnglishProcessor

TRAIN = [
    "a great and moving film , not boring",
    "I didn't like it . The plot was not good",
    "wonderful acting , great fun !!!",
    "an awful , boring mess ; never again",
    "great great great film",
    "not bad at all , but not great either",
] * 2
LABELS = ["positive", "negative", "positive", "negative", "positive", "negative"] * 2


def docs(texts: list[str]) -> list[Document]:
    """The fast-path English Documents of ``texts``."""
    return EnglishProcessor().make_docs(texts)
