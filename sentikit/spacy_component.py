"""sentikit as a spaCy pipeline component: ``nlp.add_pipe("sentikit")``.

Importing this module registers the factory ``"sentikit"`` with spaCy
(:meth:`spacy.language.Language.factory`) and the extensions ``Doc._.sentiment`` and
``Span._.sentiment``. The package also declares the factory as a spaCy entry point
(``[project.entry-points.spacy_factories]`` in ``pyproject.toml``), so that an installed
sentikit is found by ``nlp.add_pipe("sentikit")`` and ``spacy.load`` without an import; where
the entry points are stale (an editable install made before the entry point existed),
``import sentikit.spacy_component`` is enough. spaCy is optional (``pip install
"sentikit[en]"``); ``import sentikit`` does not import this module.

Configuration (``nlp.add_pipe("sentikit", config={...})``):

``lang``
    ``"tr"``, ``"en"`` or ``"auto"`` (detect the language of each text); default (``null``):
    the pipeline's language (``nlp.lang``) when it is ``tr`` or ``en``, else ``"auto"``.
``model``
    a model bundle folder (``sentikit train`` output) or a shipped model's name; default
    (``null``): the shipped model of the language. A relative path is read from the working
    directory when the pipeline is created (also by ``spacy.load``); the saved pipeline stores
    the path, not the bundle.
``labels``
    ``"three"`` (positive / neutral / negative) or ``"binary"`` (the more probable of
    positive and negative), as in :func:`sentikit.load`.
``explain``
    ``false``; ``true`` adds ``explanation`` and ``tokens`` of sentikit's result to
    ``doc._.sentiment``.

What is set:

* ``doc._.sentiment`` — a plain :class:`dict` (:class:`Sentiment`; a dict so that
  ``Doc.to_bytes`` / ``DocBin`` serialize it): ``label``, ``score`` (P(positive) −
  P(negative)), ``probabilities`` (``{"positive", "neutral", "negative"}``), ``mixed``, and
  ``lang``; ``warning`` when sentikit did not score the text. These are the values of
  ``sentikit.analyze(doc.text)`` with the same settings.
* ``span._.sentiment`` — the same keys for each sentence of ``doc.sents``, only when the doc
  has sentence boundaries (a parser, ``senter`` or ``sentencizer`` ran before); without
  boundaries only the doc is annotated. The values are *set per span* (spaCy stores them in
  ``doc.user_data`` under the span's character offsets): a span over the same characters as a
  sentence (``doc[sent.start:sent.end]``) reads them, any other span reads ``None``. A spaCy
  sentence with the same characters as one of sentikit's own sentences of the text gets that
  sentence's label, score and ``mixed`` (sentikit reports no sentence probabilities:
  ``probabilities`` is ``None``); a sentence that sentikit split differently is analyzed as a
  text of its own, in the same batch call, and gets that text's full result (probabilities
  included; with ``lang="auto"`` its language is detected on its own).

``nlp.pipe`` runs the component's :meth:`SentikitComponent.pipe`, which analyzes each batch
of docs with one :meth:`~sentikit.pipeline.analyzer.Analyzer.analyze_many` call; the model is
loaded once per component.

Examples
--------
>>> import spacy  # doctest: +SKIP
>>> import sentikit.spacy_component  # doctest: +SKIP
>>> nlp = spacy.blank("tr")  # doctest: +SKIP
>>> _ = nlp.add_pipe("sentencizer")  # doctest: +SKIP
>>> _ = nlp.add_pipe("sentikit")  # doctest: +SKIP
>>> doc = nlp("Filmi hiç beğenmedim. Ama müzikleri güzeldi!")  # doctest: +SKIP
>>> doc._.sentiment["label"]  # doctest: +SKIP
'negative'
>>> [s._.sentiment["label"] for s in doc.sents]  # doctest: +SKIP
['negative', 'positive']
"""

from collections.abc import Iterable, Iterator
from typing import Any, TypedDict

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from spacy.util import minibatch
except ImportError as exc:  # spaCy is optional
    raise ImportError(
        f'sentikit.spacy_component needs spaCy: pip install "sentikit[en]" ({exc})'
    ) from exc

from sentikit.errors import InputError, SentikitError

__all__ = ["FACTORY", "DEFAULT_CONFIG", "Sentiment", "SentikitComponent", "make_sentikit"]

#: The factory name: ``nlp.add_pipe(FACTORY)``.
FACTORY = "sentikit"
#: The component's default configuration (``null`` values are resolved when it is made).
DEFAULT_CONFIG: dict[str, Any] = {"lang": None, "model": None, "labels": "three", "explain": False}
_LANGS = ("tr", "en")
_LABELS = ("three", "binary")
#: The batch size of :meth:`SentikitComponent.pipe` when spaCy gives none.
DEFAULT_PIPE_BATCH = 256


class Sentiment(TypedDict, total=False):
    """The value of ``doc._.sentiment`` and ``span._.sentiment`` (a plain dict).

    ``label``, ``score``, ``probabilities``, ``mixed`` and ``lang`` are always there
    (``probabilities`` is ``None`` for a sentence scored inside its document); ``warning``
    when the text was not scored, ``explanation`` and ``tokens`` with ``explain=True``.

    Examples
    --------
    >>> s: Sentiment = {"label": "positive", "score": 0.9, "probabilities": None,
    ...                 "mixed": False, "lang": "en"}
    >>> s["label"]
    'positive'
    """

    label: str
    score: float
    probabilities: dict[str, float] | None
    mixed: bool
    lang: str
    warning: str
    explanation: dict[str, Any] | None
    tokens: list[dict[str, Any]]


def _register_extensions() -> None:
    """``Doc._.sentiment`` and ``Span._.sentiment`` (default ``None``), once."""
    for cls in (Doc, Span):
        if not cls.has_extension("sentiment"):
            cls.set_extension("sentiment", default=None)


def _resolve_lang(lang: Any, nlp_lang: str) -> str | None:
    """The analyzer's language: ``tr`` / ``en``, or ``None`` to detect per text."""
    if lang is None:
        return nlp_lang if nlp_lang in _LANGS else None
    if lang == "auto":
        return None
    if lang in _LANGS:
        return str(lang)
    raise InputError(
        f"sentikit spaCy component: lang must be 'tr', 'en', 'auto' or null (the pipeline's "
        f"language when it is tr or en), not {lang!r}"
    )


def _check_config(model: Any, labels: Any, explain: Any) -> None:
    """Clear errors for bad ``model``, ``labels`` and ``explain`` values."""
    if model is not None and (not isinstance(model, str) or not model.strip()):
        raise InputError(
            "sentikit spaCy component: model must be a model bundle folder or a shipped "
            f"model's name (a non-empty string), or null for the shipped model, not {model!r}"
        )
    if labels not in _LABELS:
        raise InputError(
            f"sentikit spaCy component: labels must be 'three' or 'binary', not {labels!r}"
        )
    if not isinstance(explain, bool):
        raise InputError(
            f"sentikit spaCy component: explain must be true or false, not {explain!r}"
        )


def _doc_sentiment(r: dict[str, Any], explain: bool) -> Sentiment:
    """A :class:`Sentiment` from a sentikit document result."""
    if "error" in r:
        raise SentikitError(f"sentikit could not analyze the text: {r['error']}")
    out: Sentiment = {
        "label": r["label"],
        "score": r["score"],
        "probabilities": dict(r["probs"]),
        "mixed": bool(r.get("mixed", False)),
        "lang": r["lang"],
    }
    if "warning" in r:
        out["warning"] = r["warning"]
    if explain:
        out["explanation"] = r.get("explanation")
        out["tokens"] = r.get("tokens", [])
    return out


def _sentence_sentiment(s: dict[str, Any], lang: str) -> Sentiment:
    """A :class:`Sentiment` from one of sentikit's sentences (no probabilities reported)."""
    return {
        "label": s["label"],
        "score": s["score"],
        "probabilities": None,
        "mixed": bool(s.get("mixed", False)),
        "lang": lang,
    }


def _stripped(span: Span) -> tuple[int, int]:
    """The character offsets of ``span`` without its surrounding whitespace."""
    text = span.text
    lead = len(text) - len(text.lstrip())
    return span.start_char + lead, span.start_char + len(text.rstrip())


class SentikitComponent:
    """The spaCy pipeline component made by the ``"sentikit"`` factory.

    Parameters
    ----------
    nlp : the pipeline it is added to (its ``lang`` is the default language).
    name : the component's name in the pipeline.
    lang, model, labels, explain : see the module documentation.

    Raises
    ------
    InputError
        For a bad configuration value, or a bundle of another language than ``lang``.
    ResourceMissingError, BundleError
        When the model bundle is missing or damaged.

    Examples
    --------
    >>> import spacy  # doctest: +SKIP
    >>> nlp = spacy.blank("en")  # doctest: +SKIP
    >>> comp = nlp.add_pipe("sentikit", config={"labels": "binary"})  # doctest: +SKIP
    >>> nlp("Not bad at all.")._.sentiment["label"]  # doctest: +SKIP
    'positive'
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        lang: str | None = None,
        model: str | None = None,
        labels: str = "three",
        explain: bool = False,
    ) -> None:
        from sentikit.api import load

        _check_config(model, labels, explain)
        self.name = name
        self.lang = _resolve_lang(lang, str(nlp.lang))
        self.model = model
        self.labels = labels
        self.explain = explain
        _register_extensions()
        # one Analyzer per component: its models are loaded once (eagerly for a fixed
        # language or bundle, on first use of each language with "auto")
        self.analyzer = load(self.lang, model=model, labels=labels)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc (``nlp(text)``)."""
        self._annotate([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = DEFAULT_PIPE_BATCH) -> Iterator[Doc]:
        """Annotate a stream of docs (``nlp.pipe``), one analyzer call per batch of
        ``batch_size`` docs; the docs come back in order."""
        for batch in minibatch(stream, size=batch_size):
            docs = list(batch)
            self._annotate(docs)
            yield from docs

    def _annotate(self, docs: list[Doc]) -> None:
        """Set ``doc._.sentiment`` and the sentences' ``span._.sentiment`` of a batch: one
        analyzer call for the docs, one for the sentences sentikit split differently."""
        results = self.analyzer.analyze_many([d.text for d in docs], explain=self.explain)
        pending: list[Span] = []  # spaCy sentences with no sentikit sentence of their span
        for doc, r in zip(docs, results, strict=True):
            doc._.sentiment = _doc_sentiment(r, self.explain)
            if not doc.has_annotation("SENT_START"):
                continue
            own = {tuple(s["span"]): s for s in r.get("sentences", [])}
            for sent in doc.sents:
                found = own.get(_stripped(sent))
                if found is None:
                    pending.append(sent)
                else:
                    sent._.sentiment = _sentence_sentiment(found, r["lang"])
        if pending:
            texts = [s.text for s in pending]
            for sent, r in zip(pending, self.analyzer.analyze_many(texts), strict=True):
                sent._.sentiment = _doc_sentiment(r, False)


@Language.factory(
    FACTORY,
    default_config=DEFAULT_CONFIG,
    assigns=["doc._.sentiment", "span._.sentiment"],
)
def make_sentikit(
    nlp: Language,
    name: str,
    lang: str | None,
    model: str | None,
    labels: str,
    explain: bool,
) -> SentikitComponent:
    """The ``"sentikit"`` factory (see the module documentation for the configuration).

    Examples
    --------
    >>> import spacy  # doctest: +SKIP
    >>> nlp = spacy.blank("tr")  # doctest: +SKIP
    >>> _ = nlp.add_pipe("sentikit", config={"lang": "tr", "explain": True})  # doctest: +SKIP
    """
    return SentikitComponent(nlp, name, lang=lang, model=model, labels=labels, explain=explain)


_register_extensions()
