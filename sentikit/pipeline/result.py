"""The type of an analysis result: :class:`Result`, a ``dict`` that a notebook shows as a page.

Kept apart from :mod:`sentikit.pipeline.results` (which builds results and needs NumPy) so that
:mod:`sentikit.pipeline.failures`, which the command line imports, stays light.
"""

from __future__ import annotations

from typing import Any

from sentikit.io.html import render_fragment

__all__ = ["Result"]


class Result(dict[str, Any]):
    """A result: a plain ``dict`` to every reader (equal to the same dict, JSON as a dict,
    the same ``repr``) that a notebook shows as its explained text, shaded word by word
    (``_repr_html_``: :func:`sentikit.io.html.render_fragment`; ``sentikit.explain_html``
    gives one page for many results).

    Examples
    --------
    >>> r = Result({"id": "1", "error": "record 1: missing text (NA)"})
    >>> r == {"id": "1", "error": "record 1: missing text (NA)"}, "record 1" in r._repr_html_()
    (True, True)
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        return render_fragment(self)
