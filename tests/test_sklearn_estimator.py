"""``sentikit.SentimentClassifier``: a scikit-learn estimator over raw texts.

Its API (``fit``/``predict``/``predict_proba``/``decision_function``, ``classes_``, parameters),
its work inside ``Pipeline``, ``GridSearchCV`` and ``cross_val_score``, and
``sklearn.utils.estimator_checks``: every check scikit-learn has for a classifier is either run
(:data:`APPLICABLE`) or listed in :data:`NOT_APPLICABLE` with the reason; a check that a new
scikit-learn adds fails :func:`test_every_check_is_accounted_for` until it is sorted.

Most checks feed numeric 2-D arrays, which a model of raw texts refuses by design; their
text-input analogues (pickling, idempotent fits, order and subset invariance, input and
sample-weight types, …) are tested here on texts.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import warnings
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError, SkipTestWarning
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import check_estimator, estimator_checks_generator

import sentikit
from sentikit import estimator as sksk
from sentikit.errors import InputError
from sentikit.estimator import SentimentClassifier

#: A configuration small enough for the many fits of the checks: word n-grams only.
TINY: dict[str, Any] = {
    "lang": "en",
    "model": {
        "name": "sentikit.linear_ensemble.v1",
        "fusion": "fixed",
        "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2]}],
    },
}
POSITIVE = [
    "a great and moving film",
    "wonderful acting , great fun",
    "i loved it , brilliant",
    "a charming , funny and warm story",
    "beautiful and smart",
    "great music and great cast",
]
NEGATIVE = [
    "a dull and boring film",
    "awful acting , terrible fun",
    "i hated it , stupid",
    "a boring , lifeless and cold story",
    "ugly and dumb",
    "bad music and bad cast",
]
NEUTRAL = ["the film is two hours long", "it opens on friday", "the cast has six actors"]
TEXTS = POSITIVE * 3 + NEGATIVE * 3 + NEUTRAL * 4
LABELS = ["positive"] * 18 + ["negative"] * 18 + ["neutral"] * 12

#: Checks that run on the estimator as it is, and pass.
APPLICABLE = {
    "check_estimator_cloneable",
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_estimator_repr",
    "check_no_attributes_set_in_init",
    "check_estimators_unfitted",  # NotFittedError before the input is read
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_n_features_in_after_fitting",
    "check_mixin_order",
    "check_all_zero_sample_weights_error",  # weights are checked before the texts
    "check_complex_data",  # complex labels are refused
    "check_estimator_sparse_tag",  # sparse input: a TypeError saying so
    "check_estimator_sparse_matrix",
    "check_classifiers_one_label",  # labels are checked before the texts
    "check_estimators_partial_fit_n_features",
    "check_classifiers_regression_target",
    "check_supervised_y_no_nan",
    "check_non_transformer_estimators_n_iter",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_fit1d",  # 1-D numeric input is refused with a ValueError
    "check_requires_y_none",
}

_NUMERIC = "feeds a numeric 2-D array X; the estimator reads texts (input_tags.two_d_array=False)"
_TEXT_ANALOGUE = _NUMERIC + "; tested on texts here: "
#: Checks that do not apply to an estimator of texts, with the reason.
NOT_APPLICABLE = {
    "check_fit_score_takes_y": _NUMERIC,
    "check_estimators_overwrite_params": _TEXT_ANALOGUE + "test_fit_leaves_params_and_dict",
    "check_dont_overwrite_parameters": _TEXT_ANALOGUE + "test_fit_leaves_params_and_dict",
    "check_estimators_fit_returns_self": _TEXT_ANALOGUE + "test_fit_predict_shapes",
    "check_readonly_memmap_input": _NUMERIC + " (a memmap of numbers)",
    "check_positive_only_tag_during_fit": _NUMERIC + " (negative numbers)",
    "check_estimators_dtypes": _NUMERIC + " (float32/int dtypes of features)",
    "check_sample_weights_pandas_series": _TEXT_ANALOGUE + "test_sample_weight_forms",
    "check_sample_weights_not_an_array": _TEXT_ANALOGUE + "test_sample_weight_forms",
    "check_sample_weights_list": _TEXT_ANALOGUE + "test_sample_weight_forms",
    "check_sample_weights_shape": _TEXT_ANALOGUE + "test_sample_weight_forms",
    "check_sample_weights_not_overwritten": _TEXT_ANALOGUE + "test_sample_weight_forms",
    "check_sample_weight_equivalence_on_dense_data": _TEXT_ANALOGUE + "test_sample_weight_forms",
    "check_dtype_object": _NUMERIC + " (an object array of numbers; texts are objects here)",
    "check_estimators_empty_data_messages": _TEXT_ANALOGUE + "test_bad_input (no texts)",
    "check_pipeline_consistency": _TEXT_ANALOGUE + "test_pipeline",
    "check_estimators_nan_inf": _TEXT_ANALOGUE + "test_bad_input (a missing text)",
    "check_estimator_sparse_array": _NUMERIC + " (a sparse array of numbers)",
    "check_estimators_pickle": _TEXT_ANALOGUE + "test_pickle_and_idempotent_fit",
    "check_array_api_input": "array API namespaces carry numeric arrays, not texts",
    "check_f_contiguous_array_estimator": _NUMERIC + " (memory layout of a numeric array)",
    "check_classifier_data_not_an_array": _TEXT_ANALOGUE + "test_input_forms",
    "check_classifiers_one_label_sample_weights": _NUMERIC,
    "check_classifiers_classes": _TEXT_ANALOGUE + "test_label_types",
    "check_classifiers_train": _TEXT_ANALOGUE + "test_fit_predict_shapes",
    "check_supervised_y_2d": _NUMERIC,
    "check_decision_proba_consistency": _TEXT_ANALOGUE + "test_fit_predict_shapes",
    "check_methods_sample_order_invariance": _TEXT_ANALOGUE + "test_order_and_subset_invariance",
    "check_methods_subset_invariance": _TEXT_ANALOGUE + "test_order_and_subset_invariance",
    "check_fit2d_1sample": _NUMERIC,
    "check_fit2d_1feature": _NUMERIC + " (one numeric feature)",
    "check_dict_unchanged": _TEXT_ANALOGUE + "test_fit_leaves_params_and_dict",
    "check_fit_idempotent": _TEXT_ANALOGUE + "test_pickle_and_idempotent_fit",
    "check_fit_check_is_fitted": _TEXT_ANALOGUE + "test_fit_predict_shapes",
    "check_n_features_in": _NUMERIC + " (n_features_in_ counts numeric columns)",
    "check_fit2d_predict1d": _NUMERIC,
}


class _AllChecks(SentimentClassifier):
    """The estimator claiming 2-D input, only to list every check scikit-learn has for a
    classifier (with its true tags ``check_estimator`` has nothing to run)."""

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = True
        return tags


def _check_name(check: Any) -> str:
    return str(check.func.__name__ if isinstance(check, partial) else check.__name__)


def _all_checks() -> list[tuple[str, Any]]:
    return [(_check_name(c), c) for _, c in estimator_checks_generator(_AllChecks(config=TINY))]


@pytest.fixture(scope="module")
def fitted() -> SentimentClassifier:
    return SentimentClassifier(config=TINY).fit(TEXTS, LABELS)


def test_every_check_is_accounted_for() -> None:
    names = {name for name, _ in _all_checks()}
    assert not APPLICABLE & NOT_APPLICABLE.keys()
    assert names == APPLICABLE | NOT_APPLICABLE.keys(), "sort the new checks into a list"


@pytest.mark.parametrize("name", sorted(APPLICABLE))
def test_estimator_check(name: str) -> None:
    checks = [c for n, c in _all_checks() if n == name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for check in checks:
            check(SentimentClassifier(config=TINY))


def test_check_estimator_sees_a_text_estimator() -> None:
    """With its true tags (texts, no 2-D arrays) scikit-learn skips its array checks and says
    so; the estimator declares what it reads."""
    est = SentimentClassifier(config=TINY)
    tags = est.__sklearn_tags__()
    assert tags.input_tags.string and not tags.input_tags.two_d_array
    with pytest.warns(SkipTestWarning, match="Can't test estimator"):
        check_estimator(est)
    assert hasattr(estimator_checks, "parametrize_with_checks")


def test_fit_predict_shapes(fitted: SentimentClassifier) -> None:
    est = SentimentClassifier(config=TINY)
    assert est.fit(TEXTS, LABELS) is est
    assert est.classes_.tolist() == ["negative", "neutral", "positive"]
    new = ["a great film", "a boring film", "it opens on monday"]
    proba = fitted.predict_proba(new)
    z = fitted.decision_function(new)
    assert proba.shape == z.shape == (3, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert (np.argmax(proba, axis=1) == np.argmax(z, axis=1)).all()
    assert fitted.predict(new).tolist() == ["positive", "negative", "neutral"]
    assert fitted.score(TEXTS, LABELS) > 0.9
    with pytest.raises(NotFittedError):
        SentimentClassifier(config=TINY).predict(new)


def test_label_types() -> None:
    """Integer labels come back as integers, the binary decision's sign follows ``classes_``
    (10 sorts after 2 as a number, before it as text)."""
    y = [10 if lab == "positive" else 2 for lab in LABELS[:36]]
    est = SentimentClassifier(config=TINY).fit(TEXTS[:36], y)
    assert est.classes_.tolist() == [2, 10]
    pred = est.predict(["a great film", "a boring film"])
    assert pred.tolist() == [10, 2] and pred.dtype.kind == "i"
    z = est.decision_function(["a great film", "a boring film"])
    assert z.shape == (2,) and z[0] > 0 > z[1]
    assert est.predict_proba(["a great film"])[0, 1] > 0.5


def test_fit_leaves_params_and_dict(fitted: SentimentClassifier) -> None:
    config = {"lang": "en", "model": dict(TINY["model"])}
    est = SentimentClassifier(config=config, C=3.0)
    before = est.get_params()
    est.fit(TEXTS, LABELS)
    assert est.get_params() == before and est.config is config
    assert config == {"lang": "en", "model": TINY["model"]}
    assert all(f["classifier"]["C"] == 3.0 for f in est.config_["model"]["families"])
    state = dict(vars(fitted))
    fitted.predict(TEXTS[:5])
    assert vars(fitted) == state


def test_params_and_clone() -> None:
    est = SentimentClassifier(config="en-user", lang="en")
    assert est.get_params() == {"config": "en-user", "lang": "en", "C": None, "fusion": None}
    assert est.set_params(C=2.0, fusion="fixed") is est and est.C == 2.0
    copy = clone(est)
    assert copy.get_params() == est.get_params() and not hasattr(copy, "model_")


def test_input_forms(fitted: SentimentClassifier) -> None:
    new = ["a great film", "a boring film"]
    want = fitted.predict(new).tolist()
    forms = [tuple(new), np.array(new), pd.Series(new, index=[7, 3]), pd.DataFrame({"t": new})]
    for form in forms:
        assert fitted.predict(form).tolist() == want
    est = SentimentClassifier(config=TINY).fit(pd.Series(TEXTS), pd.Series(LABELS))
    assert est.predict(new).tolist() == want


def test_bad_input(fitted: SentimentClassifier) -> None:
    with pytest.raises(ValueError, match="1-D sequence of texts"):
        fitted.predict(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="not one str"):
        fitted.predict("a great film")
    with pytest.raises(ValueError, match="text 1 is missing"):
        fitted.predict(["fine", None])
    with pytest.raises(ValueError, match="0 sample"):
        SentimentClassifier(config=TINY).fit([], [])
    with pytest.raises(ValueError, match="two classes"):
        SentimentClassifier(config=TINY).fit(TEXTS[:5], ["positive"] * 5)
    with pytest.raises(ValueError, match="36 texts but 35 labels"):
        SentimentClassifier(config=TINY).fit(TEXTS[:36], LABELS[:35])
    with pytest.raises(InputError, match="no such file nor shipped name"):
        SentimentClassifier(config="no-such-config").fit(TEXTS, LABELS)


def test_sample_weight_forms() -> None:
    weights = [1.0] * 36 + [2.0] * 12
    want = SentimentClassifier(config=TINY).fit(TEXTS, LABELS, weights).predict_proba(TEXTS)
    for form in (np.array(weights), pd.Series(weights), tuple(weights)):
        kept = np.array(form, copy=True)
        est = SentimentClassifier(config=TINY).fit(TEXTS, LABELS, sample_weight=form)
        np.testing.assert_allclose(est.predict_proba(TEXTS), want)
        np.testing.assert_array_equal(np.asarray(form), kept)
    doubled = SentimentClassifier(config=TINY).fit(TEXTS + TEXTS[36:], LABELS + LABELS[36:])
    assert (
        doubled.predict(TEXTS)
        == SentimentClassifier(config=TINY).fit(TEXTS, LABELS, weights).predict(TEXTS)
    ).all()
    with pytest.raises(ValueError, match="sample_weight.shape"):
        SentimentClassifier(config=TINY).fit(TEXTS, LABELS, [1.0, 2.0])


def test_pickle_and_idempotent_fit(fitted: SentimentClassifier) -> None:
    again = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_allclose(again.predict_proba(TEXTS), fitted.predict_proba(TEXTS))
    refit = clone(fitted).fit(TEXTS, LABELS).fit(TEXTS, LABELS)
    np.testing.assert_allclose(refit.decision_function(TEXTS), fitted.decision_function(TEXTS))


def test_order_and_subset_invariance(fitted: SentimentClassifier) -> None:
    z = fitted.decision_function(TEXTS)
    order = np.random.default_rng(0).permutation(len(TEXTS))
    np.testing.assert_allclose(fitted.decision_function([TEXTS[i] for i in order]), z[order])
    for i in range(0, len(TEXTS), 7):
        np.testing.assert_allclose(fitted.decision_function(TEXTS[i : i + 7]), z[i : i + 7])


def test_pipeline() -> None:
    pipe = Pipeline(
        [
            ("lower", FunctionTransformer(lambda xs: [x.lower() for x in xs])),
            ("clf", SentimentClassifier(config=TINY)),
        ]
    )
    pipe.fit(TEXTS, LABELS)
    assert pipe.predict(["A GREAT FILM"]).tolist() == ["positive"]
    assert pipe.predict_proba(["A GREAT FILM"]).shape == (1, 3)
    assert pickle.loads(pickle.dumps(pipe[-1])).predict(["a great film"])[0] == "positive"


def test_grid_search_resolves_the_configuration_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import sentikit.training.resources as resources

    calls: list[str] = []
    real = resources.model_factory

    def counting(config: dict[str, Any], lang: str | None = None, exclude: Any = ()) -> Any:
        calls.append(str(config.get("name")))
        return real(config, lang, exclude)

    monkeypatch.setattr(resources, "model_factory", counting)
    sksk._FACTORIES.clear()
    grid = GridSearchCV(
        SentimentClassifier(config=TINY), {"C": [0.1, 10.0], "fusion": ["fixed", "stacked"]}, cv=3
    )
    grid.fit(TEXTS, LABELS)
    assert len(calls) == 1  # 13 fits, one resolution
    assert set(grid.best_params_) == {"C", "fusion"} and grid.best_score_ > 0.8
    assert grid.predict(["a great film"])[0] == "positive"


def test_cross_val_score() -> None:
    scores = cross_val_score(SentimentClassifier(config=TINY), TEXTS, LABELS, cv=3)
    assert scores.shape == (3,) and scores.mean() > 0.8


@pytest.mark.parametrize("form", ["none", "name", "path", "dict"])
def test_config_forms(form: str) -> None:
    """The user configuration by default (n-grams + the shipped model as a prior), a shipped
    name, a file or a dict: the same model."""
    from sentikit.models.registry import CONFIG_DIR, load_config

    config: Any = {
        "none": None,
        "name": "en-user",
        "path": CONFIG_DIR / "en-user.json",
        "dict": load_config(CONFIG_DIR / "en-user.json"),
    }[form]
    est = SentimentClassifier(config=config).fit(TEXTS, LABELS)
    assert est.lang_ == "en" and est.config_["name"] == "sentikit-en-user"
    names = [f["name"] for f in est.config_["model"]["families"]]
    assert "sentikit.model_prior.v1" in names
    assert est.predict(["a great film"])[0] == "positive"


def test_lang_follows_the_configuration() -> None:
    cfg, lang = sksk.resolve_config("tr-user", None)
    assert lang == "tr" and cfg["lang"] == "tr"
    assert sksk.resolve_config(None, "tr")[0]["name"] == "sentikit-tr-user"
    assert sksk.resolve_config(TINY, "tr")[1] == "tr"


def test_lazy_export() -> None:
    """``import sentikit`` does not import scikit-learn; the attribute does."""
    code = (
        "import sys, sentikit; assert 'sklearn' not in sys.modules, 'eager'; "
        "c = sentikit.SentimentClassifier; assert 'sklearn' in sys.modules; print(c.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "SentimentClassifier"
    assert sentikit.SentimentClassifier is SentimentClassifier
    assert "SentimentClassifier" in sentikit.__all__
    with pytest.raises(AttributeError):
        _ = sentikit.NoSuchThing
