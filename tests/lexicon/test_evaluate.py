from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from sentikit.errors import InputError, ResourceMissingError
from sentikit.lexicon.evaluate import (
    GoldLexicon,
    auc_score,
    evaluate_lexicon_file,
    evaluate_scores,
    load_gold,
    mass_preserving_labels,
)
from sentikit.lexicon.tsv import write_lexicon
from sentikit.paths import data_root


def test_auc_matches_sklearn() -> None:
    rng = np.random.default_rng(0)
    p, n = rng.normal(1, 1, 40), rng.normal(0, 1, 60)
    p[:5] = n[:5]  # ties
    y = np.r_[np.ones(40), np.zeros(60)]
    assert auc_score(p, n) == pytest.approx(roc_auc_score(y, np.r_[p, n]))
    assert np.isnan(auc_score(p, np.array([])))


def test_mass_preserving_labels() -> None:
    s = np.array([3.0, -2.0, 0.1, 1.0, -1.0])
    lab = mass_preserving_labels(s, {"positive": 0.4, "negative": 0.2, "neutral": 0.4})
    assert lab.tolist() == ["positive", "negative", "neutral", "positive", "neutral"]


def test_evaluate_scores_excludes_seeds() -> None:
    gold = GoldLexicon(
        "g",
        "en",
        {
            "good": "positive",
            "nice": "positive",
            "bad": "negative",
            "poor": "negative",
            "film": "neutral",
            "rare": "positive",
        },
    )
    scores = {"good": 5.0, "nice": -0.5, "bad": -1.0, "poor": 0.0, "film": 0.1}
    r = evaluate_scores(scores, gold, exclude=["good"])
    assert r["coverage"] == 3 and r["n_neutral"] == 1 and r["gold_polar"] == 5
    assert r["auc"] == pytest.approx(0.5)  # nice (-0.5) vs bad (-1), poor (0)
    assert 0.0 <= r["ternary_f1"] <= 1.0


def test_gold_file_and_lexicon_file(tmp_path: Path) -> None:
    g = tmp_path / "gold.tsv"
    g.write_text(
        "Good\tpositive\nnice\tpos\nbad\tnegative\nfilm\tneutral\nx y\tpositive\n"
        "both\tpositive\nboth\tnegative\n",
        encoding="utf-8",
    )
    gold = load_gold(g)
    assert gold.labels == {
        "good": "positive",
        "nice": "positive",
        "bad": "negative",
        "film": "neutral",
    }
    lex = tmp_path / "lex.tsv"
    write_lexicon(
        lex,
        ["good", "nice", "bad", "film"],
        [2.0, 1.0, -1.0, 0.0],
        [0] * 4,
        [5] * 4,
        ["seed", "corpus", "corpus", "corpus"],
    )
    r = evaluate_lexicon_file(lex, gold)
    assert r["auc"] == 1.0 and r["coverage"] == 2 and r["seeds"] == 1
    assert r["min_count"] == 0


def test_evaluate_lexicon_file_min_count(tmp_path: Path) -> None:
    """``min_count`` leaves out terms below a corpus count (a union lexicon's WordNet-only
    words have count 0), and the figures change accordingly."""
    g = tmp_path / "gold.tsv"
    g.write_text("good\tpositive\nnice\tpositive\nbad\tnegative\nvile\tnegative\n")
    gold = load_gold(g)
    lex = tmp_path / "lex.tsv"
    # "vile" has no corpus evidence and is mis-ranked (above "nice")
    write_lexicon(
        lex,
        ["good", "nice", "bad", "vile"],
        [2.0, 0.5, -1.0, 1.0],
        [0.0] * 4,
        [7, 3, 9, 0],
        ["corpus", "both", "corpus", "wordnet"],
    )
    all_words = evaluate_lexicon_file(lex, gold)
    assert all_words["coverage"] == 4 and all_words["auc"] == 0.75
    attested = evaluate_lexicon_file(lex, gold, min_count=1)
    assert attested["coverage"] == 3 and attested["auc"] == 1.0 and attested["min_count"] == 1
    frequent = evaluate_lexicon_file(lex, gold, min_count=5)
    assert frequent["coverage"] == 2 and frequent["n_positive"] == 1
    with pytest.raises(InputError):
        evaluate_lexicon_file(lex, gold, min_count=-1)
    with pytest.raises(ResourceMissingError):
        load_gold("no-such-gold")


@pytest.mark.data
@pytest.mark.skipif(data_root(required=False) is None, reason="no shared datasets")
def test_real_gold_lexicons() -> None:
    hl = load_gold("hu-liu")
    assert len(hl.words("positive")) > 1900 and len(hl.words("negative")) > 4500
    stn = load_gold("sentiturknet")
    assert stn.lang == "tr" and stn.labels.get("güzel") == "positive"
    assert len(stn.words("negative")) > 500
