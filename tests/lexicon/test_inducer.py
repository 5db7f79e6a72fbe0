from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sklearn.base import clone

import sentikit.lexicon.wordnet as wn_mod
from sentikit.errors import InputError
from sentikit.lexicon import LexiconInducer, SeedSet, load_lexicon

from .conftest import NEG, POS
from .test_wordnet import TOY_XML

SEEDS = SeedSet(["good", "great", "nice"], ["bad", "awful", "poor"])
FAST: dict[str, Any] = {"min_count": 2, "dim": 8, "k": 4, "seed_subset": 2}


def test_polarity_separates_clusters(toy_corpus: list[str]) -> None:
    ind = LexiconInducer("en", seeds=SEEDS, bootstrap=10, **FAST).fit(toy_corpus)
    for w in POS[3:]:
        assert ind.scores_[w] > 0, w
    for w in NEG[3:]:
        assert ind.scores_[w] < 0, w
    # bootstrap over seed subsets gives a spread; seeds are marked
    assert ind.std_.max() > 0
    assert {ind.sources_[ind.terms_.index(w)] for w in SEEDS.positive} == {"seed"}
    assert ind.vectors_ is not None and ind.vectors_.shape == (len(ind.vocab_), 8)
    assert set(ind.timings_) == {"tokenize_count", "ppmi_svd", "knn_graph", "propagation"}
    assert all(v > 0 for v in ind.peak_rss_mb_.values())
    assert ind.n_tokens_ == 12 * len(toy_corpus)


def test_deterministic_and_clonable(toy_corpus: list[str]) -> None:
    a = LexiconInducer("en", seeds=SEEDS, bootstrap=5, **FAST).fit(toy_corpus)
    b = clone(a).fit(toy_corpus)
    assert np.allclose(a.score_, b.score_) and np.allclose(a.std_, b.std_)
    assert clone(a).get_params()["k"] == 4
    assert not hasattr(clone(a), "scores_")


def test_bootstrap_zero_uses_all_seeds(toy_corpus: list[str]) -> None:
    ind = LexiconInducer("en", seeds=SEEDS, bootstrap=0, **FAST).fit(toy_corpus)
    assert np.all(ind.std_ == 0)
    assert ind.seeds_.positive == SEEDS.positive


def test_save_and_lexicon(tmp_path: Path, toy_corpus: list[str]) -> None:
    ind = LexiconInducer("en", seeds=SEEDS, bootstrap=3, **FAST).fit(toy_corpus)
    p = ind.save(tmp_path / "lex.tsv")
    lex = load_lexicon(p)
    assert set(lex) == set(ind.terms_)
    assert lex["lovely"].score == pytest.approx(ind.scores_["lovely"], abs=1e-4)
    assert ind.lexicon()["lovely"][2] == lex["lovely"].count


def test_seed_file_and_errors(tmp_path: Path, toy_corpus: list[str]) -> None:
    p = tmp_path / "seeds.tsv"
    p.write_text("lovely\tpositive\nnasty\tnegative\n", encoding="utf-8")
    ind = LexiconInducer("en", seeds=str(p), bootstrap=0, **FAST).fit(toy_corpus)
    assert ind.scores_["superb"] > 0 > ind.scores_["dreadful"]
    with pytest.raises(InputError, match="seed"):
        LexiconInducer("en", seeds=SeedSet(["zzz"], ["bad"]), **FAST).fit(toy_corpus)
    with pytest.raises(InputError, match="too small"):
        LexiconInducer("en", seeds=SEEDS, min_count=10_000).fit(toy_corpus)
    with pytest.raises(InputError):
        LexiconInducer("en", graph="web").fit(toy_corpus)
    with pytest.raises(InputError):
        LexiconInducer("xx").fit(toy_corpus)
    with pytest.raises(InputError):
        LexiconInducer("en", beta=1.5).fit(toy_corpus)
    with pytest.raises(InputError):
        LexiconInducer("en", graph="corpus").fit(None)
    with pytest.raises(InputError, match="svd_iter"):
        LexiconInducer("en", seeds=SEEDS, svd_iter=0, **FAST).fit(toy_corpus)
    with pytest.raises(InputError, match="expand"):
        LexiconInducer("en", seeds=SEEDS, expand=0.5, **FAST).fit(toy_corpus)
    with pytest.raises(InputError, match="svd_solver"):
        LexiconInducer("en", seeds=SEEDS, svd_solver="lanczos", **FAST).fit(toy_corpus)


def test_svd_solvers(toy_corpus: list[str]) -> None:
    """Both solvers give a working lexicon; ARPACK's vectors do not depend on the random
    state (the bootstrap subsets still do: none here)."""
    runs = {
        (solver, state): LexiconInducer(
            "en", seeds=SEEDS, bootstrap=0, svd_solver=solver, random_state=state, **FAST
        ).fit(toy_corpus)
        for solver in ("arpack", "randomized")
        for state in (0, 1)
    }
    for ind in runs.values():
        assert ind.scores_["superb"] > 0 > ind.scores_["dreadful"]
    a0, a1 = runs["arpack", 0], runs["arpack", 1]
    assert a0.vectors_ is not None and a1.vectors_ is not None
    np.testing.assert_allclose(a0.vectors_, a1.vectors_, atol=1e-4)
    np.testing.assert_allclose(a0.score_, a1.score_, atol=1e-6)


def test_seed_expansion(toy_corpus: list[str]) -> None:
    # 29 terms: expand 0.25 adds 7 words per pole to every run's restart vector
    plain = LexiconInducer("en", seeds=SEEDS, bootstrap=5, expand=0.0, **FAST).fit(toy_corpus)
    wide = LexiconInducer("en", seeds=SEEDS, bootstrap=5, expand=0.25, **FAST).fit(toy_corpus)
    assert len(wide.vocab_) == 29
    assert not np.allclose(plain.score_, wide.score_)
    for w in POS[3:] + NEG[3:]:
        assert np.sign(wide.scores_[w]) == (1 if w in POS else -1), w
    # a share that rounds to no word is the plain walk
    tiny = LexiconInducer("en", seeds=SEEDS, bootstrap=5, expand=0.01, **FAST).fit(toy_corpus)
    assert np.allclose(tiny.score_, plain.score_)
    assert LexiconInducer("en").expand == 0.04


def test_wordnet_and_union_graphs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toy_corpus: list[str]
) -> None:
    xml = tmp_path / "wn.xml"
    xml.write_text(TOY_XML, encoding="utf-8")
    monkeypatch.setattr(wn_mod, "wordnet_file", lambda lang: xml)
    seeds = SeedSet(["good"], ["bad"])
    ind = LexiconInducer("en", seeds=seeds, graph="wordnet", bootstrap=0).fit(None)
    assert ind.scores_["superb"] > 0 and ind.scores_["fine"] > 0
    assert set(ind.sources_) == {"wordnet", "seed"}
    both = LexiconInducer("en", seeds=SEEDS, graph="both", bootstrap=0, **FAST).fit(toy_corpus)
    src = dict(zip(both.terms_, both.sources_, strict=True))
    assert src["quality"] == "wordnet" and src["fine"] == "both" and src["film"] == "corpus"
    assert both.scores_["fine"] > 0 and both.counts_[both.terms_.index("quality")] == 0
