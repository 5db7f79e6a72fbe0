"""The contract every language processor fulfils.

A processor turns raw text into a :class:`~sentikit.doc.Document` with tokens (each with a
normalized ``norm``) and sentences. ``analyze=True`` adds the expensive annotation: lemmas,
morphemes and negation from morphology (Turkish) or lemmas, POS, dependencies, negation scope and
subclauses from the parser (English). The fast path (``analyze=False``) must not load a parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from sentikit.doc import Document


@runtime_checkable
class LanguageProcessor(Protocol):
    """Text → Document for one language."""

    lang: str

    def make_doc(self, text: str, id: str | None = None, analyze: bool = False) -> Document:
        """Tokenize, normalize and sentence-split one text (and annotate it if ``analyze``)."""
        ...

    def make_docs(
        self,
        texts: Iterable[str],
        ids: Sequence[str | None] | None = None,
        analyze: bool = False,
    ) -> list[Document]:
        """Batched :meth:`make_doc`; the same result, in order, for each text."""
        ...
