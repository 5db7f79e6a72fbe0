"""Text normalization at the door (issue 18, defect 5): NFC, control characters, offsets."""

from __future__ import annotations

import unicodedata

import pytest

from sentikit.lang.textnorm import normalize_text


@pytest.mark.parametrize(
    "text", ["Filmi hiç beğenmedim.", "plain ascii", "tab\tand\nnewline\r\n", "", "😍 ❤️ 👨‍👩‍👧"]
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    n = normalize_text(text)
    assert n.text == text and not n.changed and n.offsets is None and n.controls == 0


def test_nfd_becomes_nfc_and_offsets_map_back() -> None:
    nfc = "Çok güzel, ama kötü bitti."
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    n = normalize_text(nfd)
    assert n.text == nfc and n.original == nfd
    assert n.offsets is not None and len(n.offsets) == len(nfc) + 1
    assert list(n.offsets) == sorted(n.offsets) and n.offsets[-1] == len(nfd)
    # every word of the normalized text maps to the same word, decomposed, in the original
    pos = 0
    for word in nfc.split():
        start = nfc.index(word, pos)
        pos = start + len(word)
        a, b = n.span(start, pos)
        assert nfd[a:b] == unicodedata.normalize("NFD", word)


def test_compositions_across_starters_keep_valid_offsets() -> None:
    # Hangul jamo compose although each is a starter: the fallback cuts at whitespace
    text = unicodedata.normalize("NFD", "한국어 좋아 good")
    n = normalize_text(text)
    assert n.text == "한국어 좋아 good"
    assert n.offsets is not None
    assert list(n.offsets) == sorted(n.offsets)
    start = n.text.index("good")
    a, b = n.span(start, start + 4)
    assert text[a:b] == "good"


def test_control_characters_become_spaces_and_keep_offsets() -> None:
    text = "\ufeffgood\x00film\x7f\x01 \t ok\x85end\n"
    n = normalize_text(text)
    assert n.text == " good film   \t ok\x85end\n"  # tab, NEL and newline keep their meaning
    assert n.controls == 4 and n.offsets is None and len(n.text) == len(text)
    assert n.span(1, 5) == (1, 5)


def test_controls_and_nfd_together() -> None:
    text = "gu\u0308zel\x00film"
    n = normalize_text(text)
    assert n.text == "güzel film" and n.controls == 1
    assert n.span(0, 5) == (0, 6) and n.span(6, 10) == (7, 11)
