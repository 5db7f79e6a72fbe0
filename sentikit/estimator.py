"""A scikit-learn classifier over raw texts: :class:`SentimentClassifier`.

It trains the model of a sentikit configuration (the user configuration of the language by
default: word and character n-grams plus the shipped model as a prior) on ``fit(texts, y)``
and follows the scikit-learn estimator contract — the constructor only stores
hyper-parameters, learnt state ends in ``_`` — so it works inside ``Pipeline``,
``GridSearchCV`` and ``cross_val_score``. Its input is a 1-D sequence of texts (list, tuple,
NumPy array, pandas Series), declared by its estimator tags (``input_tags.string``, no 2-D
numeric input).

The data a configuration learns from besides the training texts (the shipped model as a prior,
auxiliary corpora, lexicons) is resolved once per (configuration, language) through
:func:`sentikit.training.resources.model_factory` and kept in a small module cache, so the many
fits of a grid search or a cross-validation do not reload it.

The module is not named ``sklearn.py``: run as a script, or with ``sentikit/`` on ``sys.path``
(``python -m doctest sentikit/….py``), such a file would shadow scikit-learn for the whole
package.

Examples
--------
>>> from sentikit.estimator import SentimentClassifier
>>> tiny = {"lang": "en", "model": {"name": "sentikit.linear_ensemble.v1", "fusion": "fixed",
...         "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2]}]}}
>>> clf = SentimentClassifier(config=tiny).fit(["good fun", "bad boring"] * 5, [1, 0] * 5)
>>> clf.predict(["a good film"]).tolist()
[1]
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted

from sentikit.components import ContentCache
from sentikit.errors import InputError

#: Estimator factories by (configuration, language): each resolved its auxiliary data once.
_FACTORIES: ContentCache[Callable[[], Any]] = ContentCache(size=4)


def shipped_configs() -> list[str]:
    """Names of the shipped configurations (``"en"``, ``"en-user"``, ``"tr"``, …)."""
    from sentikit.models.registry import CONFIG_DIR

    return sorted(p.stem for p in CONFIG_DIR.glob("*.json"))


def resolve_config(config: Any, lang: str | None) -> tuple[dict[str, Any], str]:
    """The configuration dict and the language an estimator of ``config`` is trained for.

    ``config``: ``None`` (the user configuration of ``lang``, English without one), a dict,
    a path to a ``.json``/``.toml`` file, or a shipped configuration's name (``"tr-user"``).
    ``lang`` overrides the configuration's own ``"lang"``.

    >>> resolve_config(None, "tr")[0]["name"]
    'sentikit-tr-user'
    """
    from sentikit.models.registry import CONFIG_DIR, load_config

    if config is None:
        cfg = load_config(CONFIG_DIR / f"{lang or 'en'}-user.json")
    elif isinstance(config, dict):
        if "model" not in config:
            raise InputError("a configuration needs a 'model' section")
        cfg = copy.deepcopy(config)
    elif isinstance(config, str | Path):
        path = Path(config)
        if not path.is_file() and (CONFIG_DIR / f"{config}.json").is_file():
            path = CONFIG_DIR / f"{config}.json"
        elif not path.is_file():
            known = ", ".join(shipped_configs())
            raise InputError(f"configuration {config!r}: no such file nor shipped name ({known})")
        cfg = load_config(path)
    else:
        raise InputError(f"config must be None, a dict, a path or a name, not {config!r}")
    return cfg, str(lang or cfg.get("lang") or "en")


def _factory(cfg: dict[str, Any], lang: str) -> Callable[[], Any]:
    """The cached estimator factory of a configuration (auxiliary data resolved once)."""
    from sentikit.training.resources import model_factory

    key = (json.dumps(cfg, sort_keys=True, default=str), lang)
    return _FACTORIES.get(key, lambda: model_factory(cfg, lang))


def as_texts(X: Any) -> list[str]:
    """A 1-D sequence of texts as a list; a clear error for anything else.

    Accepts a list, tuple, 1-D array, pandas Series or a one-column 2-D array / DataFrame.

    >>> as_texts(("good", "bad"))
    ['good', 'bad']
    """
    if hasattr(X, "tocsr") or type(X).__module__.startswith("scipy.sparse"):
        raise TypeError("sparse input is not supported: SentimentClassifier reads raw texts")
    if isinstance(X, str | bytes | dict):
        raise ValueError(f"expected a sequence of texts, not one {type(X).__name__}")
    values = getattr(X, "values", X)  # pandas Series / DataFrame
    arr = np.asarray(values, dtype=object) if not isinstance(values, list) else None
    if arr is not None:
        if arr.ndim == 2 and arr.shape[1] == 1:
            arr = arr[:, 0]
        if arr.ndim != 1:
            raise ValueError(
                f"expected a 1-D sequence of texts, got an array of shape {arr.shape} "
                "(SentimentClassifier reads raw texts, not numeric features)"
            )
        values = arr.tolist()
    texts = list(values)
    if not texts:
        raise ValueError("Found array with 0 sample(s) (no texts); at least 1 is required")
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            missing = t is None or (isinstance(t, float) and math.isnan(t))
            what = "missing" if missing else f"a {type(t).__name__}, not a string"
            raise ValueError(f"text {i} is {what}: SentimentClassifier reads raw texts")
    return texts


def _targets(y: Any) -> tuple[NDArray[Any], NDArray[Any]]:
    """Labels as a 1-D array and their sorted classes; errors in scikit-learn's words."""
    if y is None:
        raise ValueError("requires y to be passed, but the target y is None")
    yarr = np.asarray(getattr(y, "values", y))
    if yarr.ndim == 2 and yarr.shape[1] == 1:
        yarr = yarr[:, 0]
    if yarr.ndim != 1:
        raise ValueError(f"y needs one label per text (1-D), got shape {yarr.shape}")
    if len(yarr) == 0:
        raise ValueError("Found array with 0 sample(s) (no labels); at least 2 are required")
    check_classification_targets(yarr)
    classes = np.unique(yarr)
    names = [str(c) for c in classes]
    if len(set(names)) != len(names):
        raise ValueError(f"labels that read the same as text are ambiguous: {names}")
    if len(classes) < 2:
        raise ValueError(f"the training data needs at least two classes, got {names}")
    return yarr, classes


def _weights(sample_weight: Any, n: int) -> NDArray[np.float64] | None:
    """Per-text weights (finite, non-negative, not all zero) or ``None``."""
    if sample_weight is None:
        return None
    w = np.asarray(getattr(sample_weight, "values", sample_weight), dtype=np.float64)
    if w.ndim == 0:
        w = np.full(n, float(w))
    if w.shape != (n,):
        raise ValueError(f"sample_weight.shape == {w.shape}, expected ({n},)")
    if not np.all(np.isfinite(w)) or (w < 0).any():
        raise ValueError("sample_weight needs finite, non-negative weights")
    if not w.any():
        raise ValueError("sample weights are all zero: no text to learn from")
    return w


class SentimentClassifier(ClassifierMixin, BaseEstimator):
    """A sentikit sentiment model as a scikit-learn classifier over raw texts.

    Parameters
    ----------
    config : ``None`` (the user configuration ``resources/configs/{lang}-user.json``: word and
        character n-grams plus the shipped model of the language as a prior), a configuration
        dict, a path to a configuration file, or a shipped configuration's name (``"en"``,
        ``"tr-user"``, …; :func:`shipped_configs`).
    lang : ``"en"`` or ``"tr"``: the language processor and the shipped prior's language;
        ``None`` takes the configuration's ``"lang"`` (English when ``config`` is ``None``).
    C : if given, the inverse regularization of every family's classifier (overrides the
        configuration's), a natural axis for ``GridSearchCV``.
    fusion : if given, ``"stacked"`` (family weights learnt on out-of-fold logits) or
        ``"fixed"`` (the configuration's weights), overriding the configuration's.

    Attributes
    ----------
    classes_ : the labels seen in ``fit``, sorted (any hashable labels: strings, integers).
    model_ : the fitted :class:`~sentikit.models.linear.LinearEnsembleClassifier`.
    config_ : the configuration trained (a dict, overrides applied).
    lang_ : the language trained for.

    Examples
    --------
    >>> from sklearn.model_selection import cross_val_score
    >>> tiny = {"lang": "en", "model": {"name": "sentikit.linear_ensemble.v1",
    ...         "families": [{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 2]}]}}
    >>> texts = ["good fun film", "bad boring film", "great cast", "awful plot"] * 5
    >>> labels = ["positive", "negative"] * 10
    >>> clf = SentimentClassifier(config=tiny, fusion="fixed").fit(texts, labels)
    >>> clf.predict(["a good film"]).tolist(), clf.classes_.tolist()
    (['positive'], ['negative', 'positive'])
    >>> bool(cross_val_score(SentimentClassifier(config=tiny), texts, labels, cv=2).mean() > 0.5)
    True
    """

    def __init__(
        self,
        config: Any = None,
        lang: str | None = None,
        C: float | None = None,
        fusion: str | None = None,
    ) -> None:
        self.config = config
        self.lang = lang
        self.C = C
        self.fusion = fusion

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.input_tags.sparse = False
        tags.input_tags.allow_nan = False
        return tags

    def _build(self) -> tuple[Any, dict[str, Any], str]:
        """A fresh, initialized ensemble of the configuration, with the overrides applied."""
        cfg, lang = resolve_config(self.config, self.lang)
        est = _factory(cfg, lang)()
        cfg = copy.deepcopy(cfg)
        if self.C is not None:
            if not float(self.C) > 0:
                raise ValueError(f"C must be positive, not {self.C!r}")
            families = []
            for spec in est.get_params()["families"] or est._family_specs():
                spec = dict(spec)
                block = spec.get("classifier")
                block = dict(block) if isinstance(block, dict) else {}
                spec.pop("C", None)
                spec["classifier"] = {**block, "C": float(self.C)}
                families.append(spec)
            est.set_params(families=families)
            cfg["model"]["families"] = families
        if self.fusion is not None:
            est.set_params(fusion=self.fusion)
            cfg["model"]["fusion"] = self.fusion
        return est, cfg, lang

    def fit(self, X: Any, y: Any, sample_weight: Any | None = None) -> SentimentClassifier:
        """Train on raw texts ``X`` with labels ``y`` (optionally weighted per text).

        The labels are checked before the texts (a continuous or single-class ``y`` is refused
        whatever ``X`` is). Returns self.
        """
        yarr, classes = _targets(y)
        weights = _weights(sample_weight, len(yarr))
        texts = as_texts(X)
        if len(texts) != len(yarr):
            raise ValueError(f"{len(texts)} texts but {len(yarr)} labels: give one per text")
        model, cfg, lang = self._build()
        model.fit(texts, [str(v) for v in yarr], weights)
        self.model_, self.config_, self.lang_ = model, cfg, lang
        self.classes_ = classes
        index = {str(c): i for i, c in enumerate(model.classes_)}
        self._order_ = np.array([index[str(c)] for c in classes])
        return self

    def decision_function(self, X: Any) -> NDArray[np.float64]:
        """The fused logits: shape ``(n,)`` for two classes (positive = ``classes_[1]``),
        ``(n, n_classes)`` otherwise, columns in the order of ``classes_``."""
        check_is_fitted(self)
        z = np.asarray(self.model_.decision_docs(self.model_.to_docs(as_texts(X))))
        if z.ndim == 1:
            return z if self._order_[1] == 1 else -z
        return np.asarray(z[:, self._order_])

    def predict_proba(self, X: Any) -> NDArray[np.float64]:
        """Class probabilities, columns in the order of ``classes_``."""
        check_is_fitted(self)
        p = self.model_.predict_proba_docs(self.model_.to_docs(as_texts(X)))
        return np.asarray(p[:, self._order_])

    def predict(self, X: Any) -> NDArray[Any]:
        """The most probable label of each text (values of ``classes_``)."""
        check_is_fitted(self)
        return np.asarray(self.classes_[np.argmax(self.predict_proba(X), axis=1)])
