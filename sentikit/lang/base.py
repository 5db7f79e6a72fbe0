"""The contract every language processor fulfils.

A processor turns raw text into a :class:`~sentikit.doc.Document` with tokens (each with a
normalized ``norm``) and sentences. ``analyze=True`` adds the expensive annotation: lemmas,
morphemes and negation from morphology (Turkish) or lemmas, POS, dependencies, negation scope and
subclauses from the parser (English). The fast path (``analyze=False``) must not load a parser.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
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


class _GCPaused:
    """The context manager of :func:`gc_paused`.

    A class rather than a generator: leaving it allocates nothing (a generator's exit raises
    ``StopIteration``), so the collection that the re-enabled collector owes the batch's
    objects runs at the caller's next allocation, as with hand-written ``gc.disable()`` /
    ``gc.enable()``, not inside the ``with`` statement.
    """

    __slots__ = ("was_enabled",)

    def __init__(self) -> None:
        self.was_enabled = False

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        if self.was_enabled:
            gc.disable()

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.was_enabled:
            gc.enable()


def gc_paused() -> AbstractContextManager[None]:
    """Pause the cyclic garbage collector while a batch builds many small acyclic objects.

    Tokens, sentences, documents and result dicts hold no reference cycles, so reference
    counting frees them; with the collector running, their allocation triggers repeated
    generational collections that traverse the batch and every long-lived object (caches,
    models): 10-50 % of the fast path's CPU time in measurements on a shared machine. The
    previous state is restored on exit.

    Examples
    --------
    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    return _GCPaused()
