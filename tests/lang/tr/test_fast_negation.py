"""Turkish negation on the fast path (sentikit.lang.tr.fast_negation), against the slow path."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from sentikit.io.datasets import load_dataset
from sentikit.lang.tr import fast_negation
from sentikit.lang.tr.fast_negation import (
    fallback_negated,
    is_negated_verb,
    load_table,
    negation_flags,
    word_cue,
)
from sentikit.lang.tr.processor import TurkishProcessor
from sentikit.paths import data_root


def negated(text: str) -> list[str]:
    doc = TurkishProcessor().make_doc(text)
    return [t.text for t in doc.tokens if t.negated]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule 2: değil / yok negate the preceding constituent (cues themselves unmarked)
        ("Hiç fena değil.", ["fena"]),
        ("Fiyatı hiç kötü değil.", ["kötü"]),
        ("Film kötü değildi.", ["kötü"]),
        ("Çok güzel değil.", ["Çok", "güzel"]),
        ("İyi bir film değil.", ["İyi", "bir", "film"]),
        ("Ankara'da sorun yok.", ["sorun"]),
        # rule 4: hiç/hiçbir + negated predicate
        ("hiçbir sorun yok", ["sorun"]),
        ("Hiç de güzel bir film olmamış.", ["güzel", "bir", "film", "olmamış"]),
        # rule 1: negated verbs (table and -mA- endings)
        ("Filmi beğenmedim.", ["beğenmedim"]),
        ("Hiç sıkılmadım.", ["sıkılmadım"]),
        ("Onu sevmiyorum.", ["sevmiyorum"]),
        ("Bir daha gidemem.", ["gidemem"]),
        ("Kimse sevmez bunu.", ["sevmez"]),
        # rule 3: negated light verb negates its complement
        ("Yemekler iyi olmamış.", ["iyi", "olmamış"]),
        # nothing negated
        ("güzel değil mi?", []),
        ("Yoksa çok mu güzel?", []),
        ("Film güzeldi, müzikler harika.", []),
        ("Ama değil.", []),
    ],
)
def test_rules_on_examples(text: str, expected: list[str]) -> None:
    assert negated(text) == expected


def test_yoksa_is_not_a_negator() -> None:
    assert word_cue("yoksa") is None
    assert word_cue("yoksul") is None
    assert word_cue("yoktu") == "yok"
    assert negated("Güzel yoksa kötü mü?") == []


def test_cue_words_are_not_negated_verbs() -> None:
    for w in ("değil", "değildi", "yok", "hiç", "asla"):
        assert not is_negated_verb(w)


def test_no_negation_gives_none() -> None:
    assert negation_flags(["güzel", "film"], ["word", "word"], [(0, 2)]) is None
    assert negation_flags(["hiç", "güzel"], ["word", "word"], [(0, 2)]) is None


def test_scope_stops_at_punctuation_and_conjunctions() -> None:
    assert negated("Oyunculuk iyi, senaryo kötü değil.") == ["kötü"]
    assert negated("Hiç güzel ama beğenmedim.") == ["beğenmedim"]


def test_fallback_rule() -> None:
    for w in ("izlemeyeceğim", "anlamadık", "bakmayın", "gelmesin", "yapamadım", "okumuyor"):
        assert fallback_negated(w), w
    for w in ("sinema", "sinemaya", "yemek", "güzeldi", "dondurma", "gelmek", "film"):
        assert not fallback_negated(w), w


def _resource_lines(name: str) -> list[str]:
    ref = resources.files("sentikit").joinpath("resources", *name.split("/"))
    with ref.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as text:
        return text.read().splitlines()


def test_table_loads_and_is_sorted() -> None:
    lines = _resource_lines(fast_negation.TABLE_RESOURCE)
    assert len(lines) > 1000
    assert lines == sorted(set(lines))
    assert all(line and line == line.strip() and " " not in line for line in lines)
    for w in ("beğenmedim", "sevmiyorum", "olmamış"):
        assert w in lines
    exceptions = _resource_lines(fast_negation.EXCEPTIONS_RESOURCE)
    assert exceptions == sorted(set(exceptions))
    neg, exc = load_table()
    assert neg == frozenset(lines) and neg.isdisjoint(exc)
    assert all(fallback_negated(w) for w in exc)


def test_slow_path_replaces_fast_flags(processor: TurkishProcessor) -> None:
    # the fast path's guess is not kept where morphology disagrees
    doc = processor.make_doc("Hiç fena değil.", analyze=True)
    assert [t.text for t in doc.tokens if t.negated] == ["fena"]


@pytest.mark.slow
def test_agreement_with_slow_path(processor: TurkishProcessor) -> None:
    """Token-level agreement of the fast flags with the analyzed path on real reviews."""
    if data_root(required=False) is None:
        pytest.skip("benchmark data not available")
    texts = [e.text for e in load_dataset("turkish-movie-reviews", split="all")][::50][:200]
    fast = TurkishProcessor().make_docs(texts)
    slow = processor.make_docs(texts, analyze=True)
    both = fast_only = slow_only = same = total = 0
    for f, s in zip(fast, slow, strict=True):
        for a, b in zip(f.token_negated(), [t.negated for t in s.tokens], strict=True):
            total += 1
            same += a == b
            both += a and b
            fast_only += a and not b
            slow_only += b and not a
    assert total > 5000
    assert same / total >= 0.97
    assert both / max(both + slow_only, 1) >= 0.7  # recall of the slow path's flags
    assert both / max(both + fast_only, 1) >= 0.7  # precision
