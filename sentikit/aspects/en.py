"""The English aspect model: terms (CRF), their polarity, and restaurant-style categories.

:class:`EnglishAspects` bundles a :class:`~sentikit.aspects.crf.CrfTermExtractor`, a
:class:`~sentikit.aspects.polarity.TermPolarity` and, optionally, a
:class:`~sentikit.aspects.categories.CategoryModel`, and satisfies
:class:`~sentikit.aspects.base.AspectModel`. A saved model is one folder: ``aspects.json``
(format, language, name, which parts it has) beside the parts' own files. The shipped default
is ``sentikit/resources/aspects/en/`` (trained on SemEval-2014 restaurants and laptops
together: ``benchmarks/aspects_en.py``).

The documents must be parsed (lemmas, POS, dependencies): :meth:`EnglishAspects.analyze_texts`
parses raw texts with ``EnglishProcessor(parse=True, mask=False)`` (spaCy, extra ``en``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from sentikit.aspects.categories import CategoryModel
from sentikit.aspects.crf import CrfTermExtractor
from sentikit.aspects.polarity import Contributions, TermPolarity
from sentikit.doc import Aspect, Document, Sentence
from sentikit.errors import BundleError, InputError

__all__ = ["FORMAT", "EnglishAspects"]

#: Format name written into ``aspects.json``.
FORMAT = "sentikit.aspects.v1"


def _sentence_index(doc: Document, start: int) -> int:
    for k, s in enumerate(doc.sentences):
        if s.span[0] <= start < s.span[1]:
            return k
    return 0


def _sentence_view(doc: Document, k: int, sent: Sentence) -> Document:
    """A document holding only sentence ``k``'s tokens (offsets still into ``doc.text``)."""
    toks = doc.tokens[sent.token_start : sent.token_end]
    return Document(doc.text, doc.id, doc.lang, toks, [sent])


def _score(classes: Sequence[str], row: np.ndarray) -> tuple[str, float]:
    """The label and ``P(positive) − P(negative)`` of one probability row."""
    probs = dict(zip(classes, (float(p) for p in row), strict=True))
    label = max(probs, key=lambda c: probs[c])
    return label, round(probs.get("positive", 0.0) - probs.get("negative", 0.0), 6)


class EnglishAspects:
    """Aspect terms with their polarity, and aspect categories with theirs, for English.

    Parameters
    ----------
    extractor : CrfTermExtractor
    polarity : TermPolarity
    categories : CategoryModel, optional
    name : str, default "en"
    """

    lang = "en"

    def __init__(
        self,
        extractor: CrfTermExtractor,
        polarity: TermPolarity,
        categories: CategoryModel | None = None,
        name: str = "en",
    ) -> None:
        self.extractor = extractor
        self.polarity = polarity
        self.categories = categories
        self.name = name

    def extract(self, doc: Document, contributions: Contributions | None = None) -> list[Aspect]:
        """The aspects of one parsed document (see :meth:`extract_many`)."""
        return self.extract_many([doc], None if contributions is None else [contributions])[0]

    def extract_many(
        self,
        docs: Sequence[Document],
        contributions: Sequence[Contributions | None] | None = None,
    ) -> list[list[Aspect]]:
        """Aspect terms (with polarity) and categories (with polarity) of parsed documents.

        Parameters
        ----------
        docs : sequence of Document
            Parsed documents.
        contributions : sequence of token contributions, optional
            Per document, the sentiment model's ``(start, end, contribution)`` token shares
            (``explain=True``); a polarity model trained with them needs them.

        Returns
        -------
        list of list of Aspect
            Per document: its terms in text order (``category`` ``None``), then each
            sentence's categories (``term`` ``None``, ``span`` the sentence's) whose
            probability reaches the model's threshold (none for a sentence of another domain).
        """
        needs = self.polarity.uses_contributions_ or (
            self.categories is not None and self.categories.uses_contributions_
        )
        if needs and contributions is None:
            raise InputError("this aspect model needs the sentiment model's token contributions")
        if contributions is not None and len(contributions) != len(docs):
            raise InputError(f"{len(contributions)} contribution lists for {len(docs)} documents")
        spans = self.extractor.predict_spans(docs)
        items = [(k, sp) for k, doc_spans in enumerate(spans) for sp in doc_spans]
        classes, P = self.polarity.predict_proba(docs, items, contributions)
        out: list[list[Aspect]] = [[] for _ in docs]
        for (k, (s, e)), row in zip(items, P, strict=True):
            label, score = _score(classes, row)
            sent = _sentence_index(docs[k], s)
            out[k].append(Aspect(docs[k].text[s:e], (s, e), None, label, score, sent))
        if self.categories is not None:
            self._categories(docs, contributions, out)
        return out

    def _categories(
        self,
        docs: Sequence[Document],
        contributions: Sequence[Contributions | None] | None,
        out: list[list[Aspect]],
    ) -> None:
        assert self.categories is not None
        views, where = [], []
        for k, doc in enumerate(docs):
            toks = doc.tokens
            for j, sent in enumerate(doc.sentences):
                # a sentence without a word ("!!!", emoji only) speaks of no category
                if any(
                    any(ch.isalpha() for ch in t.text)
                    for t in toks[sent.token_start : sent.token_end]
                ):
                    views.append(_sentence_view(doc, j, sent))
                    where.append((k, j))
        found = self.categories.detect(views, at_least_one=False)
        items = [(v, c) for v, cats in enumerate(found) for c, _ in cats]
        contrib = None if contributions is None else [contributions[k] for k, _ in where]
        classes, P = self.categories.polarity(views, items, contrib)
        for (v, cat), row in zip(items, P, strict=True):
            k, j = where[v]
            label, score = _score(classes, row)
            out[k].append(Aspect(None, docs[k].sentences[j].span, cat, label, score, j))

    def analyze_texts(
        self, texts: Sequence[str], contributions: Sequence[Contributions | None] | None = None
    ) -> list[list[Aspect]]:
        """Parse raw texts (spaCy, extra ``en``) and :meth:`extract_many` them."""
        from sentikit.lang.en.processor import EnglishProcessor

        docs = EnglishProcessor(parse=True, mask=False).make_docs(list(texts))
        return self.extract_many(docs, contributions)

    # ------------------------------------------------------------------ persistence
    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write every part into ``folder`` with ``aspects.json``; returns the folder."""
        out = Path(folder)
        self.extractor.save(out)
        self.polarity.save(out)
        if self.categories is not None:
            self.categories.save(out)
        meta = {
            "format": FORMAT,
            "lang": self.lang,
            "name": self.name,
            "categories": self.categories is not None,
        }
        (out / "aspects.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        return out

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> EnglishAspects:
        """Read a folder written by :meth:`save` (raises :class:`BundleError` if damaged)."""
        path = Path(folder)
        try:
            meta = json.loads((path / "aspects.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BundleError(f"{str(path)!r} is not an aspect model folder: {exc}") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT or meta.get("lang") != "en":
            raise BundleError(f"{str(path / 'aspects.json')!r} is not an English {FORMAT} file")
        extractor = CrfTermExtractor.load(path)
        polarity = TermPolarity.load(path)
        categories = CategoryModel.load(path) if meta.get("categories") else None
        return cls(extractor, polarity, categories, name=str(meta.get("name", path.name)))
