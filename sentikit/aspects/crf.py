"""Aspect term extraction as BIO sequence labelling with a linear-chain CRF (CRFsuite).

:class:`CrfTermExtractor` trains python-crfsuite (L-BFGS with elastic-net regularization
``c1``/``c2``) over the token features of :mod:`sentikit.aspects.features`, one sequence per
sentence of a parsed document. A saved extractor is a folder: ``model.crfsuite`` (CRFsuite's own
binary model file), ``extractor.json`` (settings, the opinion lexicon it read) and
``clusters.json.gz`` (its word clusters). No pickle. python-crfsuite is the optional extra
``aspects``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sentikit.aspects.base import TAGS, bio_spans, bio_tags
from sentikit.aspects.clusters import WordClusters
from sentikit.aspects.features import sentence_features
from sentikit.doc import Document
from sentikit.errors import BundleError, InputError, ResourceMissingError
from sentikit.paths import resolve_resource

__all__ = [
    "DEFAULT_LEXICON",
    "FORMAT",
    "CrfTermExtractor",
    "load_opinion_lexicon",
    "require_crfsuite",
]

#: Format name written into ``extractor.json``.
FORMAT = "sentikit.aspect_crf.v1"
#: The opinion lexicon read by default (shipped, induced by sentikit from WordNet).
DEFAULT_LEXICON = "lexicons/en-wordnet.tsv"
MODEL_FILE = "model.crfsuite"
META_FILE = "extractor.json"
CLUSTERS_FILE = "clusters.json.gz"
#: Folds of the out-of-fold gazetteer used while training.
GAZETTEER_FOLDS = 5


def require_crfsuite() -> Any:
    """Import python-crfsuite or raise :class:`ResourceMissingError` naming the extra."""
    try:
        import pycrfsuite
    except ImportError:
        raise ResourceMissingError(
            "aspect term extraction needs python-crfsuite: pip install 'sentikit[aspects]'"
        ) from None
    return pycrfsuite


@lru_cache(maxsize=4)
def load_opinion_lexicon(name: str = DEFAULT_LEXICON) -> dict[str, float]:
    """A shipped (or given) lexicon TSV as ``{word: score}`` (cached)."""
    from sentikit.lexicon.tsv import load_lexicon

    return {t: r.score for t, r in load_lexicon(resolve_resource(name)).items()}


def _terms(doc: Document, tags: Sequence[str]) -> set[tuple[str, ...]]:
    """The lowercase word tuples of the terms a BIO sequence marks."""
    toks = doc.tokens
    return {tuple(t.text.lower() for t in toks[a:b]) for a, b in bio_spans(tags)}


def _sequences(doc: Document) -> list[tuple[int, int]]:
    """Token ranges of the document's sentences (the whole document when it has none)."""
    spans = [(s.token_start, s.token_end) for s in doc.sentences if s.token_end > s.token_start]
    return spans or ([(0, len(doc.tokens))] if doc.tokens else [])


class CrfTermExtractor:
    """BIO aspect term extractor: a linear-chain CRF over token features.

    Parameters
    ----------
    c1, c2 : float
        L1 and L2 regularization of CRFsuite's L-BFGS training.
    max_iterations : int, default 150
        L-BFGS iterations.
    lexicon : str, default DEFAULT_LEXICON
        The opinion lexicon (a shipped lexicon's resource path or a TSV file).
    clusters : WordClusters, optional
        Word clusters; ``None`` leaves the cluster features out.
    recall_bias : float, default 1.0
        ``1``: Viterbi decoding. Above 1: each token takes the tag of highest marginal
        probability with ``B`` and ``I`` weighed ``recall_bias`` times ``O`` (more terms found,
        fewer of them right); tuned by cross-validation on the training data
        (``benchmarks/aspects_en.py``).
    gazetteer : bool, default False
        Mark matches of the training terms (``gaz`` features). While training, a sentence
        sees only the terms of the other folds (:data:`GAZETTEER_FOLDS`), so the CRF learns how
        far a match can be trusted on unseen text; prediction uses every training term.

    Examples
    --------
    >>> ext = CrfTermExtractor(c1=0.1, c2=0.01)  # doctest: +SKIP
    >>> ext.fit(docs, spans).predict_spans(docs[:1])  # doctest: +SKIP
    [[(4, 9)]]
    """

    def __init__(
        self,
        c1: float = 0.1,
        c2: float = 0.01,
        max_iterations: int = 150,
        lexicon: str = DEFAULT_LEXICON,
        clusters: WordClusters | None = None,
        gazetteer: bool = False,
        recall_bias: float = 1.0,
    ) -> None:
        self.c1 = c1
        self.gazetteer = gazetteer
        self.recall_bias = recall_bias
        self.c2 = c2
        self.max_iterations = max_iterations
        self.lexicon = lexicon
        self.clusters = clusters

    def _doc_sequences(
        self, doc: Document, gazetteer: Collection[tuple[str, ...]] | None = None
    ) -> list[tuple[int, int, list[dict[str, Any]]]]:
        lex = load_opinion_lexicon(self.lexicon)
        toks = doc.tokens
        if gazetteer is None:
            gazetteer = getattr(self, "gazetteer_", None)
        return [
            (a, b, sentence_features(toks[a:b], a, lex, self.clusters, gazetteer))
            for a, b in _sequences(doc)
        ]

    def fit(
        self, docs: Sequence[Document], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> CrfTermExtractor:
        """Train on parsed documents and the character spans of their aspect terms.

        Parameters
        ----------
        docs : sequence of Document
            Parsed documents (``EnglishProcessor(parse=True)``).
        spans : sequence of sequences of (start, end)
            Each document's term spans (offsets into its text).

        Returns
        -------
        CrfTermExtractor
            self, with ``model_`` (the CRFsuite model file's bytes).
        """
        crf = require_crfsuite()
        if len(docs) != len(spans):
            raise InputError(f"{len(docs)} documents but {len(spans)} span lists")
        trainer = crf.Trainer(verbose=False)
        trainer.set_params(
            {
                "c1": float(self.c1),
                "c2": float(self.c2),
                "max_iterations": int(self.max_iterations),
                "feature.possible_transitions": True,
            }
        )
        tag_lists = [
            bio_tags([(t.start, t.end) for t in doc.tokens], list(doc_spans))
            for doc, doc_spans in zip(docs, spans, strict=True)
        ]
        terms = [_terms(doc, tags) for doc, tags in zip(docs, tag_lists, strict=True)]
        folds = [
            {t for k, ts in enumerate(terms) if k % GAZETTEER_FOLDS != f for t in ts}
            for f in range(GAZETTEER_FOLDS)
        ]
        n = 0
        for k, (doc, tags) in enumerate(zip(docs, tag_lists, strict=True)):
            gaz = folds[k % GAZETTEER_FOLDS] if self.gazetteer else set()
            for a, b, feats in self._doc_sequences(doc, gaz):
                trainer.append(feats, tags[a:b])
                n += 1
        if n == 0:
            raise InputError("no training sentence with tokens")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / MODEL_FILE
            trainer.train(str(path))
            self.model_ = path.read_bytes()
        self.gazetteer_ = {t for ts in terms for t in ts} if self.gazetteer else set()
        self._tagger: Any = None
        return self

    def _get_tagger(self) -> Any:
        if not hasattr(self, "model_"):
            raise InputError("the extractor is not trained: call fit() or load() first")
        if getattr(self, "_tagger", None) is None:
            tagger = require_crfsuite().Tagger()
            tagger.open_inmemory(self.model_)
            self._tagger = tagger
        return self._tagger

    def predict_tags(
        self, docs: Sequence[Document], recall_bias: float | None = None
    ) -> list[list[str]]:
        """One BIO tag per token of each document (``recall_bias``: see the class)."""
        tagger = self._get_tagger()
        bias = self.recall_bias if recall_bias is None else recall_bias
        out = []
        for doc in docs:
            tags = ["O"] * len(doc.tokens)
            for a, b, feats in self._doc_sequences(doc):
                viterbi = tagger.tag(feats)
                if bias == 1.0:
                    tags[a:b] = viterbi
                    continue
                labels = [t for t in TAGS if t in set(tagger.labels())]
                for i in range(b - a):
                    scores = {
                        t: tagger.marginal(t, i) * (bias if t != "O" else 1.0) for t in labels
                    }
                    tags[a + i] = max(labels, key=lambda t: scores[t])
            out.append(tags)
        return out

    def predict_spans(
        self, docs: Sequence[Document], recall_bias: float | None = None
    ) -> list[list[tuple[int, int]]]:
        """The character spans of the terms found in each document, in text order."""
        out = []
        for doc, tags in zip(docs, self.predict_tags(docs, recall_bias), strict=True):
            toks = doc.tokens
            out.append([(toks[a].start, toks[b - 1].end) for a, b in bio_spans(tags)])
        return out

    # ------------------------------------------------------------------ persistence
    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the extractor folder (created if missing); returns it."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        self._get_tagger()
        (out / MODEL_FILE).write_bytes(self.model_)
        meta = {
            "format": FORMAT,
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "recall_bias": self.recall_bias,
            "lexicon": self.lexicon,
            "clusters": CLUSTERS_FILE if self.clusters is not None else None,
            "gazetteer": sorted(" ".join(t) for t in self.gazetteer_),
        }
        if self.clusters is not None:
            self.clusters.save(out / CLUSTERS_FILE)
        (out / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        return out

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> CrfTermExtractor:
        """Read an extractor folder written by :meth:`save`.

        Raises
        ------
        BundleError
            A file is missing or not of this format.
        """
        path = Path(folder)
        try:
            meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
            model = (path / MODEL_FILE).read_bytes()
        except (OSError, ValueError) as exc:
            raise BundleError(f"cannot read the aspect extractor in {str(path)!r}: {exc}") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise BundleError(f"{str(path / META_FILE)!r} is not a {FORMAT} file")
        clusters = WordClusters.load(path / meta["clusters"]) if meta.get("clusters") else None
        ext = cls(
            c1=meta["c1"],
            c2=meta["c2"],
            max_iterations=meta["max_iterations"],
            lexicon=meta["lexicon"],
            clusters=clusters,
            gazetteer=bool(meta.get("gazetteer")),
            recall_bias=float(meta.get("recall_bias", 1.0)),
        )
        ext.gazetteer_ = {tuple(t.split(" ")) for t in meta.get("gazetteer", [])}
        ext.model_ = model
        ext._tagger = None
        try:
            ext._get_tagger()
        except Exception as exc:  # CRFsuite's own error for a damaged file
            raise BundleError(
                f"{str(path / MODEL_FILE)!r} is not a CRFsuite model: {exc}"
            ) from None
        return ext
