"""The classical classifier: one logistic regression per feature family, fused in logit space.

``LinearEnsembleClassifier`` (registry name ``sentikit.linear_ensemble.v1``) follows the
scikit-learn estimator contract (hyper-parameters in the constructor, learnt state ends in
``_``, ``fit`` returns self, ``get_params``/``set_params``). It takes raw texts: a language
processor (fast path, no parser) turns them into Documents, each feature family
(:mod:`sentikit.features.base`) turns Documents into a sparse matrix, one logistic regression
is trained per family, and the decision is the weighted sum of the family logits. Because every
family is linear, each token's contribution to the decision is exact and additive, which is what
``explain`` reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.base import BaseEstimator, ClassifierMixin

from sentikit.components import (
    ContentCache,
    DataRef,
    Resources,
    data_refs,
    registry,
)
from sentikit.doc import NEG_SUFFIX, Document, Sentence
from sentikit.errors import BundleError, InputError
from sentikit.features.base import (
    Augmentable,
    BatchLogits,
    BatchTransform,
    CharContributions,
    FeatureFamily,
    KnownUnits,
    MorphemeContributions,
    NeedsData,
)
from sentikit.features.batch import TokenBatch, row_products
from sentikit.lang import get_processor
from sentikit.models import builtin  # noqa: F401 - registers the built-in feature families
from sentikit.models.classifiers import NEUTRAL, fit_linear
from sentikit.models.composition import (
    compose_batch,
    composed_shares,
    composition_data,
    decision_and_shares,
    polar_arrays,
    polar_from_arrays,
    polar_map,
)
from sentikit.models.decomposition import (
    WeightsCache,
    decompose,
    polarity_direction,
    quantity_name,
)
from sentikit.models.fusion import fit_fusion
from sentikit.models.specs import make_family, split_spec
from sentikit.progress import Step

#: Processed auxiliary documents by (language, content digests): cross-validation folds reuse
#: them; bounded, and keyed by content so that an edited corpus is never served stale.
_AUX_DOCS: ContentCache[tuple[list[Document], NDArray[Any]]] = ContentCache(size=2)
#: Family weights along the explained direction (:meth:`LinearEnsembleClassifier.family_weights`).
_WEIGHTS = WeightsCache()


def _softmax(z: NDArray[np.float64]) -> NDArray[np.float64]:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


@registry.models.register("sentikit.linear_ensemble.v1")
class LinearEnsembleClassifier(ClassifierMixin, BaseEstimator):
    """Feature-family ensemble of logistic regressions over raw texts.

    Parameters
    ----------
    lang : language of the texts (``"tr"`` or ``"en"``), selects the processor.
    families : list of family specs, e.g.
        ``[{"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 3], "C": 10, "weight": 1}]``;
        ``C`` is the inverse regularization of that family's logistic regression and
        ``weight`` its weight in the fused logit. An n-gram family may add ``"augment"``
        (labelled dataset names, ``name`` or ``name:split``) and ``"augment_weight"`` (the
        weight of their rows, default 1): its classifier then also learns from those corpora,
        by feature augmentation (see :meth:`_fit_family`); their examples of classes the
        training data lacks are left out.
    fusion : ``"stacked"`` (default) learns the family weights and class biases from
        out-of-fold family logits (internal ``stack_folds``-fold CV on the training data, with
        every supervised statistic recomputed inside each fold), so that a family that does not
        help on a corpus gets a small weight; ``"fixed"`` uses the ``weight`` of each spec.
    stack_folds : internal folds of the stacked fusion.
    max_iter : iteration cap of each logistic regression.
    composition : the rules of :mod:`sentikit.models.composition` applied to the fused
        logits at prediction, ``{"rules": ["negation", "contrast"], "lexicons": [...],
        "models": [...]}``: negation reverses the polarity of the words it covers (those of
        the polarity lexicons, whose map :meth:`fit` keeps in the model; ``models``: take
        the map of trained models, e.g. ``"shipped"``), a conceded clause's polarity counts
        half. ``None``: the plain linear decision. The families' training is unaffected.

    Examples
    --------
    >>> clf = LinearEnsembleClassifier(lang="en")
    >>> _ = clf.fit(["good fun film", "bad boring film"] * 5, ["positive", "negative"] * 5)
    >>> clf.predict(["a good film"])[0]
    'positive'
    """

    name = "sentikit.linear_ensemble.v1"

    def __init__(
        self,
        lang: str = "en",
        families: list[dict[str, Any]] | None = None,
        fusion: str = "stacked",
        stack_folds: int = 3,
        max_iter: int = 3000,
        composition: dict[str, Any] | None = None,
    ) -> None:
        self.lang = lang
        self.families = families
        self.fusion = fusion
        self.stack_folds = stack_folds
        self.max_iter = max_iter
        self.composition = composition

    # -- configuration -------------------------------------------------------------------
    def _family_specs(self) -> list[dict[str, Any]]:
        if self.families is not None:
            return [dict(f) for f in self.families]
        return [
            {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 3], "C": 10.0, "weight": 1.0},
            {"name": "sentikit.char_ngrams.v1", "ngram_range": [1, 5], "C": 10.0, "weight": 1.0},
        ]

    def data_needs(self) -> list[DataRef]:
        """The auxiliary data this configuration learns from: each family's data settings
        (:class:`~sentikit.features.base.NeedsData`) and the ``augment`` corpora of the
        classifier blocks. The training entry points resolve them
        (:func:`sentikit.training.resources.resolve`) and hand them to :meth:`initialize`."""
        refs: list[DataRef] = []
        for spec in self._family_specs():
            name, params, clf, _ = split_spec(spec)
            cls = registry.families.get(name)
            if issubclass(cls, NeedsData):
                refs += data_refs(params, cls.data_settings())
            refs += [DataRef("labelled", d) for d in clf.get("augment") or []]
        refs += composition_data(self.composition)
        return list(dict.fromkeys(refs))

    def initialize(self, resources: Resources) -> LinearEnsembleClassifier:
        """Take the auxiliary data of :meth:`data_needs` (spaCy's ``initialize`` step): kept
        for every later :meth:`fit`. Returns self."""
        self.resources_ = resources
        return self

    def _resources(self) -> Resources:
        return getattr(self, "resources_", None) or Resources()

    # -- fitting -------------------------------------------------------------------------
    def to_docs(self, texts: Sequence[str]) -> list[Document]:
        """Texts → Documents with the fast path of this model's language processor."""
        return get_processor(self.lang).make_docs(list(texts))

    def fit(
        self,
        X: Sequence[str],
        y: Sequence[str],
        sample_weight: Sequence[float] | None = None,
        progress: Callable[[str], None] | None = None,
        polar_only: Sequence[bool] | None = None,
    ) -> LinearEnsembleClassifier:
        """Train on raw texts ``X`` with string labels ``y`` (optionally weighted per text:
        the training entry points weigh whole corpora, see
        :func:`sentikit.training.data.corpus_weights`). ``progress`` receives one line per
        stage (texts processed; each family fitted and the stacking as a ``progress.Step``).
        ``polar_only`` marks the texts of corpora without a neutral class: they train the
        polarity decision only (:mod:`sentikit.models.classifiers`)."""
        if progress is not None:
            progress(f"processing {len(X)} texts")
        return self.fit_docs(self.to_docs(X), y, sample_weight, progress, polar_only)

    def fit_docs(
        self,
        docs: Sequence[Document],
        y: Sequence[str],
        sample_weight: Sequence[float] | None = None,
        progress: Callable[[str], None] | None = None,
        polar_only: Sequence[bool] | None = None,
    ) -> LinearEnsembleClassifier:
        """Train on already-processed Documents (``progress``, ``polar_only`` as in
        :meth:`fit`)."""
        say = progress or (lambda message: None)
        yarr = np.asarray(list(y), dtype=object).astype(str)
        sw: NDArray[np.float64] | None = None
        if sample_weight is not None:
            sw = np.asarray(list(sample_weight), dtype=np.float64)
            if sw.shape != yarr.shape or not np.all(np.isfinite(sw)) or (sw < 0).any():
                raise InputError("sample_weight needs one finite, non-negative weight per text")
            sw = sw / max(float(sw.mean()), 1e-12)
        po = None if polar_only is None else np.asarray(list(polar_only), dtype=bool)
        if po is not None and po.shape != yarr.shape:
            raise InputError("polar_only needs one flag per text")
        self.classes_ = np.unique(yarr)
        if len(self.classes_) < 2:
            raise ValueError("training data needs at least two classes")
        specs = self._family_specs()
        if self.fusion not in ("stacked", "fixed"):
            raise ValueError(f"fusion must be 'stacked' or 'fixed', not {self.fusion!r}")
        self.families_: list[FeatureFamily] = []
        self.coef_: list[NDArray[np.float64]] = []
        self.intercept_: list[NDArray[np.float64]] = []
        counts = []
        auxes: list[tuple[sp.csr_matrix, NDArray[Any]] | None] = []
        clfs = [split_spec(spec)[2] for spec in specs]
        stages = len(specs) + (self.fusion == "stacked")
        for k, (spec, clf) in enumerate(zip(specs, clfs, strict=True)):
            say(Step(f"family {k + 1}/{len(specs)} {spec['name']}: fitting", k, stages, "stages"))
            fam = make_family(spec, self.lang)
            if isinstance(fam, NeedsData):
                fam.initialize(self._resources())
            aux_docs, aux_y = self._augment_corpus(clf, fam)
            aux: tuple[sp.csr_matrix, NDArray[Any]] | None = None
            if aux_docs:
                Xall = fam.fit_counts(list(docs) + aux_docs)  # the vocabulary covers both
                Xc, aux = Xall[: len(docs)], (sp.csr_matrix(Xall[len(docs) :]), aux_y)
            else:
                Xc = fam.fit_counts(docs)
            scale, coef, intercept = self._fit_family(clf, fam, Xc, yarr, aux, sw, po)
            fam.set_scale(scale)
            self.families_.append(fam)
            self.coef_.append(coef)
            self.intercept_.append(intercept)
            counts.append(Xc)
            auxes.append(aux)
        fixed = np.array([split_spec(s)[3] for s in specs])
        if self.fusion == "stacked":
            msg = f"stacking: out-of-fold logits of {len(specs)} families, {self.stack_folds} folds"
            say(Step(msg, len(specs), stages, "stages"))
            oof = self._out_of_fold_logits(clfs, counts, yarr, auxes, sw, po)
            self.weights_, self.bias_ = fit_fusion(oof, yarr, self.classes_, sw, po)
        else:
            self.weights_ = fixed / max(float(fixed.sum()), 1e-12)
            self.bias_ = np.zeros(1 if len(self.classes_) == 2 else len(self.classes_))
        self.polar_ = polar_map(self.composition, self._resources(), self.lang)
        return self

    def _augment_corpus(
        self, clf: dict[str, Any], fam: FeatureFamily
    ) -> tuple[list[Document], Any]:
        """The auxiliary documents and labels of a family whose classifier block has
        ``"augment"`` (only the labels of ``classes_``), or ``([], None)``."""
        datasets = list(clf.get("augment") or [])
        if not datasets:
            return [], None
        if not isinstance(fam, Augmentable):
            raise BundleError(
                f"family {fam.name!r} cannot take 'augment' (the n-gram families can)"
            )
        corpora = [self._resources().corpus(d) for d in datasets]

        def make() -> tuple[list[Document], NDArray[Any]]:
            texts = [t for c in corpora for t in c.texts]
            labels = [y for c in corpora for y in c.labels or ()]
            docs = get_processor(self.lang).make_docs(texts)
            return docs, np.asarray(labels, dtype=object).astype(str)

        docs, labels = _AUX_DOCS.get((self.lang, *(c.digest for c in corpora)), make)
        keep = np.isin(labels, self.classes_)
        if not keep.any():
            raise InputError(
                f"augment corpora {datasets} have no example of the classes {list(self.classes_)}"
            )
        return [d for d, k in zip(docs, keep, strict=True) if k], labels[keep]

    def _fit_family(
        self,
        clf: dict[str, Any],
        fam: FeatureFamily,
        Xc: sp.csr_matrix,
        y: NDArray[Any],
        aux: tuple[sp.csr_matrix, NDArray[Any]] | None,
        sample_weight: NDArray[np.float64] | None = None,
        polar_only: NDArray[np.bool_] | None = None,
    ) -> tuple[Any, NDArray[np.float64], NDArray[np.float64]]:
        """Column scaling, coefficients and intercepts of one family's classifier.

        With an auxiliary corpus (``"augment"``), the classifier is trained on the training
        rows and the auxiliary rows together with the feature augmentation of Daumé III
        ("Frustratingly easy domain adaptation", 2007): a training row is ``[x, x] / √2`` (a
        shared copy and a copy of its own), an auxiliary row ``[x, 0]``, weighted by
        ``augment_weight``; ``x`` is the family's weighed row, its column scaling learnt on
        both corpora. A text of the modelled corpus then scores ``x · (w_shared + w_own) / √2``,
        so the two halves fold into one coefficient vector over the family's own features:
        prediction, explanation and the bundle are those of a plain family. An auxiliary corpus
        without a neutral class is ``polar_only`` when the training rows have such flags.
        """
        fit = partial(fit_linear, clf, classes=self.classes_, max_iter=self.max_iter)
        if aux is None:
            scale = fam.column_scale(Xc, y)
            coef, intercept = fit(
                fam.weigh(Xc, scale), y, sample_weight=sample_weight, polar_only=polar_only
            )
            return scale, coef, intercept
        Xa, ya = aux
        scale = fam.column_scale(sp.vstack([Xc, Xa]).tocsr(), np.concatenate([y, ya]))
        Wc, Wa = fam.weigh(Xc, scale), fam.weigh(Xa, scale)
        r = 1.0 / np.sqrt(2.0)
        X = sp.vstack([sp.hstack([Wc * r, Wc * r]), sp.hstack([Wa, sp.csr_matrix(Wa.shape)])])
        weight = float(clf.get("augment_weight", 1.0))
        own = np.ones(len(y)) if sample_weight is None else sample_weight
        sw = np.concatenate([own, np.full(len(ya), weight)])
        # the auxiliary labels are a subset of ``classes_`` (_augment_corpus), so the
        # classifier's classes, and the rows of its coefficients, are those of the model
        po = None
        if polar_only is not None:
            po = np.concatenate([polar_only, np.full(len(ya), NEUTRAL not in set(ya))])
        coef, intercept = fit(X.tocsr(), np.concatenate([y, ya]), sample_weight=sw, polar_only=po)
        m = Wc.shape[1]
        return scale, (coef[:, :m] + coef[:, m:]) * r, intercept

    def _out_of_fold_logits(
        self,
        clfs: list[dict[str, Any]],
        counts: list[sp.csr_matrix],
        y: NDArray[Any],
        auxes: Sequence[tuple[sp.csr_matrix, NDArray[Any]] | None] | None = None,
        sample_weight: NDArray[np.float64] | None = None,
        polar_only: NDArray[np.bool_] | None = None,
    ) -> list[NDArray[np.float64]]:
        """Per family, logits of each training document from a model that never saw it (the
        auxiliary rows of an ``"augment"`` family are in every fold's training part)."""
        from sklearn.model_selection import StratifiedKFold

        n_splits = max(2, min(self.stack_folds, int(np.unique(y, return_counts=True)[1].min())))
        folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=0).split(y, y)
        width = 1 if len(self.classes_) == 2 else len(self.classes_)
        oof = [np.zeros((len(y), width)) for _ in clfs]
        aux_of = list(auxes) if auxes is not None else [None] * len(clfs)
        for tr, te in folds:
            for k, (clf, fam, Xc) in enumerate(zip(clfs, self.families_, counts, strict=True)):
                sw = None if sample_weight is None else sample_weight[tr]
                po = None if polar_only is None else polar_only[tr]
                scale, coef, intercept = self._fit_family(
                    clf, fam, Xc[tr], y[tr], aux_of[k], sw, po
                )
                z = fam.weigh(Xc[te], scale) @ coef.T + intercept
                oof[k][te] = np.asarray(z).reshape(len(te), width)
        return oof

    # -- inference -----------------------------------------------------------------------
    def _family_logits(self, Xf: sp.csr_matrix, k: int) -> NDArray[np.float64]:
        z = row_products(Xf, self.coef_[k].T) + self.intercept_[k]
        return np.asarray(z, dtype=np.float64)

    def decision_batch(self, batch: TokenBatch) -> NDArray[np.float64]:
        """Fused logits of every row of ``batch`` (documents, then segments): those of
        :meth:`linear_decision_batch`, with the rows that negate or contrast recomposed by
        the model's ``composition`` rules (:mod:`sentikit.models.composition`)."""
        return compose_batch(self, batch, self.linear_decision_batch(batch))

    def linear_decision_batch(self, batch: TokenBatch) -> NDArray[np.float64]:
        """Fused logits of every row of ``batch`` (documents, then segments) without
        composition: those that the families' ``transform`` of ``batch.documents()`` give
        (up to rounding). Families with ``logits_batch`` or ``transform_batch`` share the
        batch's token ids; the others transform the row documents."""
        total: NDArray[np.float64] | None = None
        for k, fam in enumerate(self.families_):
            if isinstance(fam, BatchLogits):
                z = self.weights_[k] * fam.logits_batch(batch, self.coef_[k], self.intercept_[k])
            else:
                if isinstance(fam, BatchTransform):
                    Xf = fam.transform_batch(batch)
                else:
                    Xf = fam.transform(batch.documents())
                z = self.weights_[k] * self._family_logits(Xf, k)
            total = z if total is None else total + z
        assert total is not None
        total = total + self.bias_
        if total.shape[1] == 1:
            return np.asarray(total[:, 0])
        return total

    def decision_docs(self, docs: Sequence[Document]) -> NDArray[np.float64]:
        """Fused logits: shape ``(n,)`` for binary models (positive class = ``classes_[1]``),
        ``(n, n_classes)`` otherwise."""
        return self.decision_batch(TokenBatch(docs))

    @staticmethod
    def _proba(z: NDArray[np.float64]) -> NDArray[np.float64]:
        if z.ndim == 1:
            p = 1.0 / (1.0 + np.exp(-z))
            return np.column_stack([1.0 - p, p])
        return _softmax(z)

    def predict_proba_docs(self, docs: Sequence[Document]) -> NDArray[np.float64]:
        """Class probabilities in the order of ``classes_``."""
        return self._proba(self.decision_docs(docs))

    def predict_proba_segments(
        self, docs: Sequence[Document], segments: Sequence[tuple[int, Sentence]]
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Class probabilities of ``docs`` and of sentences of them, from one feature pass.

        ``segments`` are ``(i, s)`` pairs, a sentence ``s`` of ``docs[i]`` (non-overlapping
        within a document). The sentence rows equal :meth:`predict_proba_docs` of
        ``docs[i].sentence_document(s)``, but n-gram occurrences are found once per batch.
        """
        p = self._proba(self.decision_batch(TokenBatch(docs, segments)))
        return p[: len(docs)], p[len(docs) :]

    def predict_docs(self, docs: Sequence[Document]) -> NDArray[Any]:
        return np.asarray(self.classes_[np.argmax(self.predict_proba_docs(docs), axis=1)])

    def predict_proba(self, X: Sequence[str]) -> NDArray[np.float64]:
        return self.predict_proba_docs(self.to_docs(X))

    def predict(self, X: Sequence[str]) -> NDArray[Any]:
        return self.predict_docs(self.to_docs(X))

    def known_terms(self) -> frozenset[str]:
        """The token forms the model saw in training: the word units of its word n-gram
        families without a prefix stemmer (negation marks removed). Cached."""
        cached: frozenset[str] | None = self.__dict__.get("_known_terms")
        if cached is None:
            terms: set[str] = set()
            for fam in self.families_:
                if isinstance(fam, KnownUnits):
                    terms.update(t.removesuffix(NEG_SUFFIX) for t in fam.known_units())
            cached = self.__dict__["_known_terms"] = frozenset(terms)
        return cached

    # -- explanation ---------------------------------------------------------------------
    def polarity_direction(self) -> NDArray[np.float64]:
        """The direction over the fused logits that explanations read out: the mean logit of
        the positive-side classes minus that of the negative-side ones
        (:func:`~sentikit.stats.weights.polarity_sides`); ``log P(positive) / P(negative)``
        with ``negative / neutral / positive`` and for binary models."""
        width = 1 if len(self.classes_) == 2 else len(self.classes_)
        return polarity_direction([str(c) for c in self.classes_], width)

    def family_weights(self, k: int, direction: NDArray[np.float64]) -> NDArray[np.float64]:
        """``direction · coef_[k]``: family ``k``'s column weights along a direction over the
        fused logits (a few are kept: computing one reads the whole coefficient matrix)."""
        return _WEIGHTS.get(self.__dict__, self.coef_, k, direction)

    def polarity_weights(self, k: int) -> NDArray[np.float64]:
        """Family ``k``'s weight vector towards positive: the mean of its positive-side class
        rows minus the mean of its negative-side rows (:meth:`polarity_direction`)."""
        return self.family_weights(k, self.polarity_direction())

    def polarity_decision(self, docs: Sequence[Document]) -> NDArray[np.float64]:
        """Per document, the quantity explanations decompose: :meth:`polarity_direction` ·
        the fused logits (``log P(positive) / P(negative)``), from :meth:`decision_docs`."""
        z = np.asarray(self.decision_docs(docs), dtype=np.float64)
        return np.asarray(z.reshape(len(docs), -1) @ self.polarity_direction())

    def explain_decision(
        self, doc: Document, total: float | None = None, direction: Any = None
    ) -> dict[str, Any]:
        """The exact decomposition of ``doc``'s decision (:mod:`sentikit.models.decomposition`):
        ``intercept + tokens_total + Σ other = total``, where ``total`` is
        :meth:`polarity_decision` (``log P(positive) / P(negative)``, in nats; pass it when
        already computed), ``tokens`` holds each token's share (:meth:`token_contributions`)
        and ``other`` the evidence tied to no token, by ``family:part``. ``direction`` (over
        the fused logits) decomposes another read-out of them instead."""
        if direction is None:
            u, name = self.polarity_direction(), quantity_name(list(map(str, self.classes_)))
        else:
            u, name = np.asarray(direction, dtype=np.float64), "direction · fused logits"
        return decompose(self, doc, u, name, total).to_dict()

    def token_contributions(self, doc: Document) -> list[float]:
        """Each token's additive contribution to the positive-vs-negative logit of ``doc``
        (:meth:`polarity_direction`): with the intercept and the evidence tied to no token
        they add up to the decision (:meth:`explain_decision`). A decision that composition
        recomposes gives each token its share as composition turns it.
        """
        return [float(v) for v in composed_shares(self, doc)]

    def decision_and_shares(
        self, docs: Sequence[Document], tokens: Sequence[NDArray[np.bool_]]
    ) -> tuple[NDArray[np.float64], list[NDArray[np.float64]]]:
        """The fused logits of ``docs`` (2-D, before composition) and, per document, the
        :meth:`token_contributions` of the tokens ``tokens`` selects (others 0), from one
        feature pass per family (:func:`sentikit.models.composition.decision_and_shares`)."""
        return decision_and_shares(self, docs, tokens)

    def char_contributions(self, doc: Document) -> list[NDArray[np.float64]] | None:
        """Per token, each character's share of the positive-vs-negative logit carried by the
        character n-gram family (``None`` when the model has no such family)."""
        total: list[NDArray[np.float64]] | None = None
        for k, fam in enumerate(self.families_):
            if isinstance(fam, CharContributions):
                part = fam.char_contributions(doc, self.polarity_weights(k))
                part = [self.weights_[k] * p for p in part]
                total = part if total is None else [a + b for a, b in zip(total, part, strict=True)]
        return total

    def morpheme_contributions(self, doc: Document) -> list[dict[str, float]] | None:
        """Per token, the share of the positive-vs-negative logit carried by each morpheme tag
        (``"Neg"``, ``"Past"``…) and by the word form (``"@form"``) in the morpheme families
        (``None`` when the model has none)."""
        total: list[dict[str, float]] | None = None
        for k, fam in enumerate(self.families_):
            if not isinstance(fam, MorphemeContributions):
                continue
            part = fam.morpheme_contributions(doc, self.polarity_weights(k))
            w = float(self.weights_[k])
            if total is None:
                total = [{} for _ in part]
            for acc, d in zip(total, part, strict=True):
                for tag, v in d.items():
                    acc[tag] = acc.get(tag, 0.0) + w * v
        return total

    # -- persistence ---------------------------------------------------------------------
    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """Settings and vocabularies (JSON-able) and arrays (for ``.npz``); no pickle."""
        meta: dict[str, Any] = {
            "name": self.name,
            "lang": self.lang,
            "classes": [str(c) for c in self.classes_],
            "weights": [float(w) for w in self.weights_],
            "bias": [float(b) for b in self.bias_],
            "fusion": self.fusion,
            "composition": self.composition,
            "families": [],
        }
        arrays = polar_arrays(getattr(self, "polar_", None))
        for k, fam in enumerate(self.families_):
            fmeta, farr = fam.to_state()
            meta["families"].append(fmeta)
            for key, arr in farr.items():
                arrays[f"family{k}_{key}"] = arr
            arrays[f"family{k}_coef"] = self.coef_[k].astype(np.float32)
            arrays[f"family{k}_intercept"] = self.intercept_[k]
        return meta, arrays

    @classmethod
    def from_state(
        cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]
    ) -> LinearEnsembleClassifier:
        obj = cls(lang=meta["lang"])
        obj.classes_ = np.asarray(meta["classes"])
        obj.weights_ = np.asarray(meta["weights"], dtype=np.float64)
        obj.bias_ = np.asarray(meta.get("bias", [0.0]), dtype=np.float64)
        obj.fusion = meta.get("fusion", "fixed")
        obj.composition = meta.get("composition") or None
        polar = polar_from_arrays(arrays)
        if polar is not None:
            obj.polar_ = polar
        obj.families_, obj.coef_, obj.intercept_ = [], [], []
        for k, fmeta in enumerate(meta["families"]):
            fcls = registry.families.get(fmeta["name"])
            prefix = f"family{k}_"
            farr = {key[len(prefix) :]: v for key, v in arrays.items() if key.startswith(prefix)}
            obj.families_.append(fcls.from_state(fmeta, farr))
            obj.coef_.append(np.asarray(farr["coef"], dtype=np.float64))
            obj.intercept_.append(np.asarray(farr["intercept"], dtype=np.float64))
        obj.families = [{k: v for k, v in f.items() if k != "vocabulary"} for f in meta["families"]]
        return obj
