from __future__ import annotations

import pytest

from sentikit.lang.tr.deasciify import Deasciifier, FrequencySource, strip_diacritics
from sentikit.lang.tr.morphology import Analysis, ZeyrekAnalyzer, make_analysis


@pytest.fixture(scope="module")
def dea(zeyrek: ZeyrekAnalyzer) -> Deasciifier:
    return Deasciifier(morph=zeyrek)


@pytest.mark.parametrize(
    ("ascii_word", "restored"),
    [
        ("guzel", "güzel"),
        ("begenmedim", "beğenmedim"),
        ("cok", "çok"),
        ("sikici", "sıkıcı"),
        ("ozledim", "özledim"),
        ("kotu", "kötü"),
        ("degil", "değil"),
        ("izlemistim", "izlemiştim"),
        ("muzikleri", "müzikleri"),
        # correct words stay
        ("kitap", "kitap"),
        ("film", "film"),
        ("sinir", "sinir"),
        ("sevdim", "sevdim"),
        ("güzel", "güzel"),
    ],
)
def test_restore_word(dea: Deasciifier, ascii_word: str, restored: str) -> None:
    assert dea.restore_word(ascii_word) == restored


def test_case_is_kept(dea: Deasciifier) -> None:
    assert dea.restore_word("Cok") == "Çok"
    assert dea.restore_word("GUZEL") == "GÜZEL"
    assert dea.restore_word("BIR") == "BİR"  # ASCII capital I lowercases to ı, restored to i


def test_strict_mode_needs_stronger_evidence(dea: Deasciifier) -> None:
    # "sikici" has a (vulgar) analysis: strict mode keeps it, the default restores it
    assert dea.restore_word("sikici", strict=True) == "sikici"
    # words without any analysis are restored in strict mode too
    assert dea.restore_word("begenmedim", strict=True) == "beğenmedim"


def test_restore_text(dea: Deasciifier) -> None:
    text = "Film cok guzeldi ama sonu kotu. Hic begenmedim :("
    assert dea.restore(text) == "Film çok güzeldi ama sonu kötü. Hiç beğenmedim :("
    assert strip_diacritics(dea.restore(text)) == text
    assert dea.restore("") == ""


def test_results_are_cached(dea: Deasciifier) -> None:
    dea.restore_word("yonetmen")
    assert dea._cache[("yonetmen", False)] == "yönetmen"


def test_without_wordfreq(zeyrek: ZeyrekAnalyzer) -> None:
    d = Deasciifier(morph=zeyrek, use_wordfreq=False)
    assert not d.freq.available
    assert d.restore_word("begenmedim") == "beğenmedim"  # no analysis -> morphology decides
    assert d.restore_word("sikici") == "sikici"  # analyzable and no frequencies: unchanged


def test_frequency_source() -> None:
    f = FrequencySource()
    if not f.available:
        pytest.skip("wordfreq not installed")
    assert f.zipf("çok") is not None and f.zipf("çok") > f.zipf("cok")  # type: ignore[operator]
    assert "çok" in f.same_folding("cok")


class DictAnalyzer:
    """An analyzer without diacritic-insensitive search (exercises the enumeration path)."""

    name = "dict"
    version = "1"
    words = {"güzel", "çok", "kitap"}

    def __init__(self) -> None:
        self.calls = 0

    def analyze(self, word: str) -> list[Analysis]:
        self.calls += 1
        return [make_analysis(word, word, [(word, "Adj")])] if word in self.words else []

    def analyze_many(self, words: object, n_jobs: int = 1) -> dict[str, list[Analysis]]:
        return {w: self.analyze(w) for w in words}  # type: ignore[attr-defined]

    def disambiguate(self, words: list[str]) -> list[Analysis | None]:
        return [a[0] if (a := self.analyze(w)) else None for w in words]


def test_enumeration_for_other_analyzers() -> None:
    an = DictAnalyzer()
    d = Deasciifier(morph=an, use_wordfreq=False, max_checks=8)
    assert d.restore_word("guzel") == "güzel"
    assert d.restore_word("cok") == "çok"
    assert d.restore_word("kitap") == "kitap"
    an.calls = 0
    assert d.restore_word("sisisisisisi") == "sisisisisisi"  # nothing confirmed
    assert an.calls <= 1 + 8  # bounded by max_checks
