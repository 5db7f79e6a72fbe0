"""Negation and contrast composition over the linear ensemble's decision (issue 17)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sentikit.components import DataRef, Lexicon, Resources
from sentikit.features.batch import TokenBatch
from sentikit.io.bundle import load_bundle, save_bundle
from sentikit.lang import get_processor
from sentikit.models.composition import (
    MAX_TOKENS,
    Composer,
    Plan,
    Row,
    composition_data,
    concession_spans,
    polar_map,
)
from sentikit.models.linear import LinearEnsembleClassifier

CLASSES = ["negative", "neutral", "positive"]
LEXICON = {"good": 1.0, "great": 1.0, "bad": -1.0, "awful": -1.0, "boring": -0.8, "nice": 0.5}
POLAR = {w: (1 if v > 0 else -1) for w, v in LEXICON.items()}


def _row(text: str, lang: str = "en") -> Row:
    doc = get_processor(lang).make_docs([text])[0]
    return Row(doc.token_forms(), doc.token_kinds(), doc.token_negated())


def _swapped(plan: Plan) -> list[str]:
    return [f for f, s in zip(plan.row.forms, plan.swapped, strict=True) if s]


# -- scopes ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "swapped"),
    [
        ("Not bad at all.", ["bad"]),
        ("It is not a very good film.", ["good"]),
        ("The food wasn't bad.", ["bad"]),
        ("Never boring.", ["boring"]),
        ("There were no awful moments.", ["awful"]),
        ("I don't think the movie is bad.", ["bad"]),
        ("This is not only good but great.", []),  # "not only" negates nothing
        ("I can't stop laughing, great film.", []),  # the negated head is not polar
        ("I wouldn't call the film good.", ["good"]),  # a verb of report: its complement
        ("I don't feel the cast was great.", ["great"]),
        ("I thought it would be awful, but it wasn't.", ["awful"]),  # an elided negated VP
        ("It was awful. But it wasn't.", []),  # ... only within its sentence
        ("It was good, and it was not.", []),  # ... only after a contrast word
        ("Nothing about the film was bad.", ["bad"]),  # a negative quantifier: its clause
        ("No one there was boring, great cast.", ["boring"]),
    ],
)
def test_english_negation_covers_the_governed_head(text: str, swapped: list[str]) -> None:
    plan = Composer("en", CLASSES, ["negation"], POLAR | {"laughing": 1}).plan(_row(text))
    assert _swapped(plan) == swapped


def test_cue_words_stay_and_are_marked() -> None:
    plan = Composer("en", CLASSES, ["negation"], POLAR).plan(_row("Not bad."))
    assert plan.row.forms == ["not", "bad", "."]
    assert plan.cue == [True, False, False]
    assert plan.sign == [0, -1, 0]
    assert not any(plan.row.negated)  # the affirmative carries no negation marks


@pytest.mark.parametrize(
    ("text", "swapped"),
    [
        ("Kahve kötü değil.", ["kötü"]),
        ("Hiç fena değil.", ["fena"]),
        ("Filmden sıkılmadım.", ["sıkıl"]),  # a negated negative verb: its stem
        ("Filmi beğenmedim.", []),  # a negated positive verb keeps its learnt reading
        ("Kitabın kötü olduğunu sanmıyorum.", ["kitabın", "kötü", "olduğunu"]),
    ],
)
def test_turkish_negation_scopes(text: str, swapped: list[str]) -> None:
    polar = {"kötü": -1, "fena": -1, "sıkıl": -1, "beğen": 1}
    plan = Composer("tr", CLASSES, ["negation"], polar).plan(_row(text, "tr"))
    assert _swapped(plan) == swapped


def test_turkish_polarity_by_prefix() -> None:
    plan = Composer("tr", CLASSES, ["negation"], {"kötü": -1}).plan(_row("Kötüydü değil.", "tr"))
    assert plan.sign[plan.row.forms.index("kötüydü")] == -1


@pytest.mark.parametrize(
    ("forms", "lang", "conceded"),
    [
        (["good", ",", "but", "slow", "."], "en", [0, 1]),
        (["although", "cheap", ",", "it", "broke"], "en", [0, 1, 2]),
        (["it", "broke", "although", "cheap"], "en", [2, 3]),
        (["not", "yet", "good"], "en", []),  # "yet" after a word is no conjunction
        (["güzel", "ama", "pahalı"], "tr", [0]),
        (["good", ".", "But", "slow"], "en", []),  # no clause before it in its sentence
    ],
)
def test_concession_spans(forms: list[str], lang: str, conceded: list[int]) -> None:
    kinds = ["punct" if f in ",." else "word" for f in forms]
    assert concession_spans([f.lower() for f in forms], kinds, lang) == conceded


# -- the arithmetic of the shares ------------------------------------------------------------
def test_signed_shares_reverse_by_lexicon_sign_and_drop_the_cue() -> None:
    c = Composer("en", CLASSES, ["negation", "contrast"])
    plan = Plan(Row(["not", "bad"], ["word"] * 2, [False] * 2), [0, 1], [False, True],
                [True, False], [False, False], [0, -1])  # fmt: skip
    # the model gives "bad" a *positive* share: the lexicon's sign decides the direction
    e = c.signed_shares(plan, np.array([-0.7, 0.4]))
    assert e.tolist() == [0.0, 0.4]  # negated negative: cue removed, "bad" turns positive
    plan.sign = [0, 1]
    e = c.signed_shares(plan, np.array([-0.7, 0.4]))
    assert e.tolist() == [-0.7, -0.4]  # negated positive: the cue keeps its share
    plan.damped = [True, True]
    assert np.allclose(c.signed_shares(plan, np.array([-0.7, 0.4])), [-0.35, -0.2])


def test_unknown_rules_and_settings_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown composition rules"):
        Composer("en", CLASSES, ["sarcasm"])
    with pytest.raises(ValueError, match="unknown composition settings"):
        composition_data({"rules": ["negation"], "lexicon": ["x"]})


def test_polar_map_votes_and_stems_turkish_infinitives() -> None:
    res = Resources(
        {
            DataRef("lexicon", "a"): Lexicon.of("a", {"sevmek": 0.8, "kötü": -0.9, "masa": 0.05}),
            DataRef("lexicon", "b"): Lexicon.of("b", {"kötü": -0.5, "iyi": 0.6, "çok iyi": 1}),
        }
    )
    spec = {"rules": ["negation"], "lexicons": ["a", "b"]}
    assert composition_data(spec) == [DataRef("lexicon", "a"), DataRef("lexicon", "b")]
    assert polar_map(spec, res, "tr") == {"sev": 1, "kötü": -1, "iyi": 1}
    assert polar_map({"rules": ["negation"]}, res, "tr") is None


# -- on a trained model ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def model() -> LinearEnsembleClassifier:
    pos = ["a good film", "great acting", "nice and good", "good story", "a great cast"]
    neg = ["a bad film", "awful acting", "boring and bad", "bad story", "an awful cast"]
    neu = ["the film is at five", "the cast list", "a film about a story", "acting school"]
    texts = (pos + neg + neu) * 6
    labels = (["positive"] * 5 + ["negative"] * 5 + ["neutral"] * 4) * 6
    spec = {"rules": ["negation", "contrast"], "lexicons": ["lex"]}
    est = LinearEnsembleClassifier(lang="en", composition=spec)
    assert est.data_needs() == [DataRef("lexicon", "lex")]
    est.initialize(Resources({DataRef("lexicon", "lex"): Lexicon.of("lex", LEXICON)}))
    return est.fit(texts, labels)


def _polarity(est: LinearEnsembleClassifier, texts: list[str]) -> np.ndarray:
    return np.asarray(est.polarity_decision(est.to_docs(texts)))


def test_negated_negative_turns_positive(model: LinearEnsembleClassifier) -> None:
    plain, negated = _polarity(model, ["a bad film", "not a bad film"])
    assert plain < 0 < negated
    plain, negated = _polarity(model, ["a good film", "not a good film"])
    assert negated < 0 < plain


def test_the_main_clause_decides(model: LinearEnsembleClassifier) -> None:
    a, b = _polarity(model, ["good acting , but a bad story", "bad acting , but a good story"])
    assert a < 0 < b


def test_rows_without_cues_are_untouched(model: LinearEnsembleClassifier) -> None:
    docs = model.to_docs(["a good film", "the cast list", "great acting and a bad story"])
    assert np.array_equal(
        model.decision_batch(TokenBatch(docs)), model.linear_decision_batch(TokenBatch(docs))
    )


def test_long_rows_are_not_composed(model: LinearEnsembleClassifier) -> None:
    long = "not bad " + " ".join(["film"] * MAX_TOKENS)
    docs = model.to_docs([long])
    assert np.array_equal(
        model.decision_batch(TokenBatch(docs)), model.linear_decision_batch(TokenBatch(docs))
    )


def test_sentence_rows_match_their_own_documents(model: LinearEnsembleClassifier) -> None:
    docs = model.to_docs(["Not a bad film. A good story.", "Not a bad film."])
    seg = [(0, docs[0].sentences[0])]
    _, sentences = model.predict_proba_segments(docs[:1], seg)
    assert np.allclose(sentences[0], model.predict_proba_docs(docs[1:])[0])


def test_explanation_adds_up_with_composition(model: LinearEnsembleClassifier) -> None:
    doc = model.to_docs(["not a bad film"])[0]
    ex = model.explain_decision(doc)
    parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
    assert np.isclose(parts, ex["total"], atol=1e-6)
    assert "composition" not in ex["other"]  # along polarity, every part lies on a token
    shares = dict(zip(doc.token_forms(), ex["tokens"], strict=True))
    assert shares["bad"] > 0 and shares["not"] == 0.0  # reversed; the cue's lean dropped
    assert np.allclose(ex["tokens"], model.token_contributions(doc))
    # another read-out (neutral against the rest) keeps what composition moved apart
    u = np.array([-0.5, 1.0, -0.5])
    ex = model.explain_decision(doc, direction=u)
    parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
    assert np.isclose(parts, ex["total"], atol=1e-6)


def test_round_trip_keeps_rules_and_polar_words(
    model: LinearEnsembleClassifier, tmp_path: Path
) -> None:
    meta, arrays = model.to_state()
    save_bundle(tmp_path / "m", {"name": "t", "version": "1", "lang": "en"}, meta, arrays)
    info, arr = load_bundle(tmp_path / "m")
    back = LinearEnsembleClassifier.from_state(info["model"], arr)
    assert back.composition == model.composition
    assert back.polar_ == model.polar_
    texts = ["not a bad film", "good acting , but a bad story"]
    assert np.allclose(_polarity(back, texts), _polarity(model, texts))


def test_without_composition_the_decision_is_linear(model: LinearEnsembleClassifier) -> None:
    docs = model.to_docs(["not a bad film"])
    composed = model.decision_docs(docs)
    model.composition = None
    try:
        assert np.allclose(model.decision_docs(docs), model.linear_decision_batch(TokenBatch(docs)))
        assert not np.allclose(model.decision_docs(docs), composed)
    finally:
        model.composition = {"rules": ["negation", "contrast"], "lexicons": ["lex"]}


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_batched_token_shares_equal_one_document_at_a_time(lang: str) -> None:
    """The batched attributions composition uses (word and character n-grams, polarity
    features) give each document's own ``token_contributions``."""
    from sentikit.features.base import BatchContributions
    from sentikit.models.registry import load_model, shipped_model_dir

    _, est = load_model(shipped_model_dir(lang))
    texts = {
        "tr": ["Hiç fena değil.", "", "Yemekler güzeldi ama garson kaba. Bir daha gelmem!"],
        "en": ["Not bad at all.", "", "Great food, but the service was slow. Never again!"],
    }[lang] * 3 + ["xqzjw 😀", "good good good"]
    docs = est.to_docs(texts)
    seen = 0
    for k, fam in enumerate(est.families_):
        if not isinstance(fam, BatchContributions):
            continue
        seen += 1
        w = est.polarity_weights(k)
        for doc, got in zip(docs, fam.token_contributions_batch(docs, w), strict=True):
            assert np.allclose(got, fam.token_contributions(doc, w), atol=1e-12)
    assert seen >= 2
    # the n-gram families' one pass: logits equal their transform's, shares the same
    from sentikit.features.char_ngrams import CharNgrams
    from sentikit.features.word_ngrams import WordNgrams

    for k, fam in enumerate(est.families_):
        if not isinstance(fam, (WordNgrams, CharNgrams)):
            continue
        w = est.polarity_weights(k)
        coef, b = est.coef_[k], est.intercept_[k]
        z, parts = fam.logits_and_contributions(docs, coef, b, w)
        assert np.allclose(z, np.asarray(fam.transform(docs) @ coef.T) + b, atol=1e-10)
        for doc, got in zip(docs, parts, strict=True):
            assert np.allclose(got, fam.token_contributions(doc, w), atol=1e-12)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_composed_decision_does_not_depend_on_the_batch(lang: str) -> None:
    """A row's composed logits are the same to the last bit whatever else its batch holds
    (parallel runs cut the input into other batches and must give identical output)."""
    from sentikit.models.registry import load_model, shipped_model_dir

    _, est = load_model(shipped_model_dir(lang))
    texts = {
        "tr": [
            "Kargo geç geldi ama ürün güzel.",
            "Hiç fena değil.",
            "Filmi beğenmedim ama müzik iyi.",
        ],
        "en": [
            "I don't think it is bad.",
            "Not bad at all.",
            "Great food, but the service was slow.",
        ],
    }[lang]
    together = est.decision_docs(est.to_docs(texts))
    for k, t in enumerate(texts):
        alone = est.decision_docs(est.to_docs([t, "Bir şey." if lang == "tr" else "A thing."]))
        assert np.array_equal(alone[0], together[k])


# -- answered questions ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Was the film bad? No.", "en", "deny"),
        ("Was the film bad? Not at all.", "en", "deny"),
        ("Was the film good? Yes, absolutely.", "en", "affirm"),
        ("Was the film good? I think the cast was great.", "en", None),
        ("Film kötü müydü? Hayır, hiç.", "tr", "deny"),
        ("Film güzel miydi? Evet.", "tr", "affirm"),
    ],
)
def test_answer_kinds(text: str, lang: str, kind: str | None) -> None:
    from sentikit.models.answers import answer_kind

    row = _row(text, lang)
    q = row.forms.index("?")
    words = [f for f, k in zip(row.forms[q + 1 :], row.kinds[q + 1 :], strict=True) if k == "word"]
    assert answer_kind(words, lang) == kind


def test_a_denied_question_reverses_its_polar_words_and_mutes_the_answer() -> None:
    c = Composer("en", CLASSES, ["negation", "contrast", "answer"], POLAR)
    plan = c.plan(_row("It rained. Was the film bad? No."))
    assert _swapped(plan) == ["bad"]  # the question's sentence only, its polar words only
    assert [f for f, m in zip(plan.row.forms, plan.muted, strict=True) if m] == ["no", "."]
    assert plan.row.forms[6] == "bad" and plan.row.forms[8] == "no"
    shares = np.array([0.1, 0.0, 0.0, 0.0, 0.0, 0.0, -0.5, 0.0, -0.6, 0.0])
    e = c.signed_shares(plan, shares)
    assert e[6] == 0.5 and e[8] == 0.0 and e[0] == 0.1
    # an affirmation, an unanswered question and a negated question are the model's
    for text in ["Was the film bad? Yes.", "Was the film bad?", "Wasn't the film bad? No."]:
        p = c.plan(_row(text))
        assert not any(p.swapped) and not any(p.muted), text
    # without the rule, the row is not composed
    assert not any(Composer("en", CLASSES, ["negation"], POLAR).plan(_row("Bad? No.")).muted)


def test_a_denied_negative_question_turns_positive(model: LinearEnsembleClassifier) -> None:
    spec = {"rules": ["negation", "contrast", "answer"], "lexicons": ["lex"]}
    est = LinearEnsembleClassifier(lang="en", composition=spec)
    est.initialize(Resources({DataRef("lexicon", "lex"): Lexicon.of("lex", LEXICON)}))
    pos = ["a good film", "great acting", "nice and good", "good story", "a great cast"]
    neg = ["a bad film", "awful acting", "boring and bad", "bad story", "no , an awful cast"]
    est.fit((pos + neg) * 6, (["positive"] * 5 + ["negative"] * 5) * 6)
    plain, denied, affirmed = _polarity(
        est, ["was the film bad ?", "was the film bad ? no .", "was the film bad ? yes ."]
    )
    assert affirmed < 0 < denied


# -- intensifiers ------------------------------------------------------------------------------
def test_an_intensifier_leans_the_way_of_the_word_it_modifies() -> None:
    c = Composer("en", CLASSES, ["negation", "intensity"], POLAR)
    plan = c.plan(_row("The film was really very boring."))
    forms = plan.row.forms
    assert plan.aligned[forms.index("really")] == -1 and plan.aligned[forms.index("very")] == -1
    shares = np.zeros(len(forms))
    shares[forms.index("really")] = 0.3  # the corpora's positive lean of "really"
    e = c.signed_shares(plan, shares)
    assert e[forms.index("really")] == -0.3
    # negated, the modified word turns, and its intensifier with it
    plan = c.plan(_row("The film was not very good."))
    assert plan.aligned[plan.row.forms.index("very")] == -1
    # no polar word within reach, or the rule off: nothing aligned
    assert not any(c.plan(_row("It was very much a film.")).aligned)
    assert not Composer("en", CLASSES, ["negation"], POLAR).plan(_row("Very bad.")).aligned


def test_turkish_intensifiers_follow_the_lexicon_prefix() -> None:
    c = Composer("tr", CLASSES, ["negation", "intensity"], {"kötü": -1, "güzel": 1})
    plan = c.plan(_row("Yemek çok kötüydü.", "tr"))
    assert plan.aligned[plan.row.forms.index("çok")] == -1
