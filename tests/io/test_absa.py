"""ABSA readers: SemEval-2014 XML, SemEval-2016 Turkish XML, the IARM CSV (README counts)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from sentikit.errors import InputError
from sentikit.io.absa import (
    absa_sentences,
    load_absa_iarm_csv,
    load_absa_semeval2014,
    load_absa_semeval2016_tr,
    parse_iarm_csv,
    parse_semeval2014_xml,
    parse_semeval2016_xml,
    utf16_offset_to_index,
)
from sentikit.io.datasets import load_dataset
from sentikit.io.lexicons import load_lexicon_dataset

# ------------------------------------------------------------------------------- unit tests


def test_parse_semeval2016_bom_and_lowercase_opinion() -> None:
    xml = (
        "\ufeff<?xml version='1.0' encoding='UTF-8'?><Reviews><Review rid='7'><sentences>"
        "<sentence id='7:0' OutOfScope='TRUE'><text>Merhaba.</text></sentence>"
        "<sentence id='7:1'><text>Servis kötü.</text><Opinions>"
        "<Opinion target='Servis' category='SERVICE#GENERAL' polarity='negative' from='0' "
        "to='6'/><Opinion target='NULL' category='FOOD#QUALITY' polarity='positive' from='0' "
        "to='0'/></Opinions></sentence></sentences>"
        "<Opinions><opinion category='RESTAURANT#GENERAL' polarity='negative'/></Opinions>"
        "</Review></Reviews>"
    )
    for source in (xml, xml.encode("utf-8")):
        (rev,) = parse_semeval2016_xml(source)
        assert rev.id == "7" and len(rev.sentences) == 2
        assert rev.sentences[0].out_of_scope and not rev.sentences[1].out_of_scope
        o1, o2 = rev.sentences[1].opinions
        assert (o1.target, o1.start, o1.end, o1.implicit) == ("Servis", 0, 6, False)
        assert o2.target is None and o2.implicit and o2.has_target_attribute
        assert [o.category for o in rev.opinions] == ["RESTAURANT#GENERAL"]
        assert not rev.opinions[0].has_target_attribute


def test_parse_semeval2014_offsets() -> None:
    xml = (
        '<sentences><sentence id="s"><text>The food was bad.</text><aspectTerms>'
        '<aspectTerm term="food" polarity="negative" from="4" to="8"/>'
        '<aspectTerm term="foo" polarity="neutral" from="0" to="3"/></aspectTerms>'
        '<aspectCategories><aspectCategory category="food" polarity="negative"/>'
        "</aspectCategories></sentence></sentences>"
    )
    (s,) = parse_semeval2014_xml(xml)
    assert [a.term for a in s.aspects] == ["food", "foo"]
    assert [a.term for a in s.offset_mismatches()] == ["foo"]
    assert s.categories[0].category == "food"


def test_bad_xml_and_csv(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="malformed XML"):
        parse_semeval2014_xml("<sentences><sentence>")
    bad = tmp_path / "bad.csv"
    bad.write_text('"a","x","[\'t\']","[\'positive\']"\n', encoding="utf-8")
    with pytest.raises(InputError, match="not an integer"):
        parse_iarm_csv(bad)
    bad.write_text('"a","2","[\'t\', \'u\']","[\'positive\']"\n', encoding="utf-8")
    with pytest.raises(InputError, match="polarities"):
        parse_iarm_csv(bad)


def test_iarm_repairs_broken_literal(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text(
        '"ok.","1","[\'a b\']","[\'positive\']"\n'
        '"the waitress.","1","["waitress"]","[\'negative\']"\n',
        encoding="utf-8",
    )
    s1, s2 = parse_iarm_csv(f)
    assert s1.aspects[0].term == "a b" and not s1.meta["repaired"] and s1.meta["consistent"]
    assert s2.aspects[0].term == "waitress" and s2.aspects[0].polarity == "negative"
    assert s2.meta["repaired"] and not s2.meta["consistent"]


def test_utf16_offsets() -> None:
    text = "\U0001f60e Etleri"
    assert utf16_offset_to_index(text, 3) == 2 and utf16_offset_to_index(text, 9) == 8
    assert utf16_offset_to_index("abc", 10) == 3


def test_unknown_domain_or_split() -> None:
    with pytest.raises(InputError, match="domain"):
        load_absa_semeval2014("hotels", "train")
    with pytest.raises(InputError, match="split"):
        load_absa_semeval2014("laptops", "dev")
    with pytest.raises(InputError):
        load_absa_semeval2016_tr("test")


# ------------------------------------------------------------------------- SemEval-2014 XML

SEMEVAL14 = {
    # (domain, split): sentences, with terms, terms, term polarity, categories, cat polarity,
    # offset mismatches
    ("restaurants", "train"): (
        3041,
        2021,
        3693,
        {"conflict": 91, "negative": 805, "neutral": 633, "positive": 2164},
        3713,
        {"conflict": 195, "negative": 839, "neutral": 500, "positive": 2179},
        0,
    ),
    ("restaurants", "test"): (
        800,
        606,
        1134,
        {"conflict": 14, "negative": 196, "neutral": 196, "positive": 728},
        1025,
        {"conflict": 52, "negative": 222, "neutral": 94, "positive": 657},
        0,
    ),
    ("laptops", "train"): (
        3045,
        1488,
        2358,
        {"conflict": 45, "negative": 866, "neutral": 460, "positive": 987},
        0,
        {},
        9,
    ),
    ("laptops", "test"): (
        800,
        422,
        654,
        {"conflict": 16, "negative": 128, "neutral": 169, "positive": 341},
        0,
        {},
        0,
    ),
}


@pytest.mark.parametrize(("domain", "split"), list(SEMEVAL14))
def test_semeval2014_counts(data_dir: Path, domain: str, split: str) -> None:
    n, with_terms, n_terms, pol, n_cats, cat_pol, mismatches = SEMEVAL14[(domain, split)]
    sents = load_absa_semeval2014(domain, split)
    assert len(sents) == n
    assert sum(1 for s in sents if s.aspects) == with_terms
    assert sum(len(s.aspects) for s in sents) == n_terms
    assert Counter(a.polarity for s in sents for a in s.aspects) == pol
    assert sum(len(s.categories) for s in sents) == n_cats
    assert Counter(c.polarity for s in sents for c in s.categories) == cat_pol
    assert sum(len(s.offset_mismatches()) for s in sents) == mismatches


def test_semeval2014_restaurant_categories(data_dir: Path) -> None:
    sents = load_absa_semeval2014("restaurants", "train")
    assert Counter(c.category for s in sents for c in s.categories) == {
        "ambience": 431,
        "anecdotes/miscellaneous": 1132,
        "food": 1232,
        "price": 321,
        "service": 597,
    }


def test_semeval2014_examples(data_dir: Path) -> None:
    ex = load_dataset("semeval2014-absa", "test", domain="laptops")
    assert len(ex) == 654 - 16 and "conflict" not in {e.label for e in ex}
    with_conflict = load_dataset(
        "semeval2014-absa", "test", domain="laptops", include_conflict=True
    )
    assert len(with_conflict) == 654
    e = ex[0]
    assert e.text[e.meta["from"] : e.meta["to"]] == e.meta["term"]


# ------------------------------------------------------------------------------ IARM CSV

IARM = {
    ("laptops", "train"): (1462, 2313, {"negative": 866, "neutral": 460, "positive": 987}, 0),
    ("laptops", "test"): (411, 638, {"negative": 128, "neutral": 169, "positive": 341}, 0),
    ("restaurants", "train"): (
        1978,
        3602,
        {"negative": 805, "neutral": 633, "positive": 2164},
        0,
    ),
    ("restaurants", "test"): (600, 1119, {"negative": 195, "neutral": 196, "positive": 728}, 1),
}


@pytest.mark.parametrize(("domain", "split"), list(IARM))
def test_iarm_counts(data_dir: Path, domain: str, split: str) -> None:
    n, n_terms, pol, failing = IARM[(domain, split)]
    sents = load_absa_iarm_csv(domain, split)
    assert len(sents) == n
    assert all(s.aspects for s in sents)  # only sentences with ≥ 1 aspect
    assert sum(1 for s in sents if not s.meta["consistent"]) == failing
    # README counts are over the rows that pass the consistency check.
    ok = [s for s in sents if s.meta["consistent"]]
    assert sum(len(s.aspects) for s in ok) == n_terms
    assert Counter(a.polarity for s in ok for a in s.aspects) == pol
    # The one broken row is repaired, not dropped.
    assert sum(len(s.aspects) for s in sents) == n_terms + sum(
        len(s.aspects) for s in sents if not s.meta["consistent"]
    )


def test_iarm_examples_and_word_prior(data_dir: Path) -> None:
    ex = load_dataset("semeval2014-absa-csv-iarm", "test", domain="restaurants")
    assert len(ex) == 1120 and {e.label for e in ex} == {"negative", "neutral", "positive"}
    assert "waitress" in {e.meta["term"] for e in ex}
    lex = load_lexicon_dataset("semeval2014-absa-csv-iarm", "twitter_sentiments")
    assert len(lex) == 1277
    assert Counter(e.score for e in lex) == {-1.0: 562, 1.0: 715}
    raw = json.loads(
        (data_dir / "semeval2014-absa-csv-iarm" / "twitter_sentiments.json").read_text("utf-8")
    )
    assert len(raw) == 1277


# ------------------------------------------------------------------------- SemEval-2016 TR

SEMEVAL16 = {
    # (split, subtask): reviews, sentences, opinions, polarity, with target attr, NULL targets
    ("train", 1): (
        300,
        1232,
        1535,
        {"negative": 586, "neutral": 129, "positive": 820},
        1535,
        150,
    ),
    ("trial", 1): (5, 24, 32, {"negative": 12, "neutral": 2, "positive": 18}, 32, 3),
    ("train", 2): (
        300,
        1232,
        972,
        {"conflict": 33, "negative": 361, "neutral": 64, "positive": 514},
        0,
        0,
    ),
    ("trial", 2): (6, 30, 22, {"negative": 13, "neutral": 1, "positive": 8}, 0, 0),
}


@pytest.mark.parametrize(("split", "subtask"), list(SEMEVAL16))
def test_semeval2016_counts(data_dir: Path, split: str, subtask: int) -> None:
    n_rev, n_sent, n_op, pol, with_target, null = SEMEVAL16[(split, subtask)]
    reviews = load_absa_semeval2016_tr(split, subtask)
    sents = absa_sentences(reviews)
    assert len(reviews) == n_rev and len(sents) == n_sent
    ops = [o for s in sents for o in s.opinions] + [o for r in reviews for o in r.opinions]
    assert len(ops) == n_op
    assert Counter(o.polarity for o in ops) == pol
    assert sum(1 for o in ops if o.has_target_attribute) == with_target
    assert sum(1 for o in ops if o.implicit) == null


def test_semeval2016_bom_file_starts_with_bom(data_dir: Path) -> None:
    raw = (
        data_dir / "semeval2016-absa-turkish-restaurants" / "restaurant_trial_turkish_st_2.xml"
    ).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"<opinion " in raw


def test_semeval2016_categories_and_examples(data_dir: Path) -> None:
    sents = absa_sentences(load_absa_semeval2016_tr("train", 1))
    assert Counter(o.category for s in sents for o in s.opinions) == {
        "AMBIENCE#GENERAL": 277,
        "DRINKS#PRICES": 9,
        "DRINKS#QUALITY": 51,
        "DRINKS#STYLE_OPTIONS": 30,
        "FOOD#PRICES": 31,
        "FOOD#QUALITY": 446,
        "FOOD#STYLE_OPTIONS": 123,
        "LOCATION#GENERAL": 39,
        "RESTAURANT#GENERAL": 228,
        "RESTAURANT#MISCELLANEOUS": 1,
        "RESTAURANT#PRICES": 65,
        "SERVICE#GENERAL": 235,
    }
    # Targets sit at their offsets, except 2 that follow an emoji: their offsets count UTF-16
    # code units (as Java does), which utf16_offset_to_index converts.
    mismatched = 0
    for s in sents:
        for o in s.opinions:
            if o.target is None:
                continue
            assert o.start is not None and o.end is not None
            if s.text[o.start : o.end] != o.target:
                mismatched += 1
                i, j = utf16_offset_to_index(s.text, o.start), utf16_offset_to_index(s.text, o.end)
                assert s.text[i:j] == o.target
    assert mismatched == 2
    ex = load_dataset("semeval2016-absa-turkish-restaurants", "train")
    assert len(ex) == 1535
    st2 = load_dataset("semeval2016-absa-turkish-restaurants", "train", subtask=2)
    assert len(st2) == 972 - 33
