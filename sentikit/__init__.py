"""sentikit: sentiment analysis for Turkish and English.

Examples
--------
>>> import sentikit
>>> r = sentikit.analyze("Filmi hiç beğenmedim ama müzikleri güzeldi.")  # doctest: +SKIP
>>> r["label"], r["lang"]  # doctest: +SKIP
('negative', 'tr')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sentikit._version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sentikit.estimator import SentimentClassifier
    from sentikit.pipeline.analyzer import Analyzer


def analyze(texts: Any, lang: str | None = None, explain: bool = False, **kwargs: Any) -> Any:
    """Analyze one text (→ a result dict) or many (list / pandas Series → a list of dicts).

    A generator is refused: stream it with :func:`iter_analyze` (or ``stream=True``).
    See :func:`sentikit.api.analyze`.
    """
    from sentikit.api import analyze as _analyze

    return _analyze(texts, lang=lang, explain=explain, **kwargs)


def iter_analyze(
    texts: Any, lang: str | None = None, explain: bool = False, **kwargs: Any
) -> Iterator[dict[str, Any]]:
    """Stream results for any iterable of texts (a generator, a file of lines), in batches.

    See :func:`sentikit.api.iter_analyze`.
    """
    from sentikit.api import iter_analyze as _iter_analyze

    return _iter_analyze(texts, lang=lang, explain=explain, **kwargs)


def load(lang: Any = None, model: Any = None, **kwargs: Any) -> Analyzer:
    """A reusable :class:`~sentikit.pipeline.analyzer.Analyzer` for a language (``"tr"``,
    ``"en"``, ``None`` to detect per text) or a model bundle folder (``load("my-model/")``).
    See :func:`sentikit.api.load`."""
    from sentikit.api import load as _load

    return _load(lang, model=model, **kwargs)


def __getattr__(name: str) -> Any:
    """Lazy public names: ``SentimentClassifier`` imports scikit-learn only when asked for."""
    if name == "SentimentClassifier":
        from sentikit.estimator import SentimentClassifier

        return SentimentClassifier
    raise AttributeError(f"module 'sentikit' has no attribute {name!r}")


def analyze_frame(df: Any, text: str = "review", **kwargs: Any) -> Any:
    """Analyze column ``text`` of a pandas DataFrame → a DataFrame with the same index (label,
    score, probabilities, lang, mixed, domain_coverage, error, warning). Imports pandas on
    first use and registers the ``df.sentikit`` accessor. See :func:`sentikit.frame.analyze_frame`.
    """
    from sentikit.frame import analyze_frame as _analyze_frame

    return _analyze_frame(df, text, **kwargs)


def explain_html(results: Any, texts: Any = None, title: str = "sentikit explanations") -> Any:
    """One self-contained HTML page of results (one result dict or an iterable of them),
    each word shaded by its contribution (analyze with ``explain=True``): an
    :class:`~sentikit.io.html.HtmlPage`, a ``str`` that a notebook displays and ``.save(path)``
    writes. A single result shows itself in a notebook too (its ``_repr_html_``). See
    :func:`sentikit.io.html.render_page`."""
    from sentikit.io.html import render_page

    return render_page(results, texts, title=title)


__all__ = [
    "SentimentClassifier",
    "__version__",
    "analyze",
    "analyze_frame",
    "explain_html",
    "iter_analyze",
    "load",
]
