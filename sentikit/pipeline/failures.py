"""Inputs that cannot be analyzed: the error record, and the isolation of failing records.

Every input yields exactly one result; an input that cannot be analyzed yields an
:class:`ErrorRecord`, ``{"id": ..., "error": "record <id>: <reason>"}``. It is a plain ``dict``
to every reader (JSON, CSV, equality with a dict), and keeps its ``reason`` apart, so that a
caller that numbers the inputs differently (the command line names record numbers, not ids)
rewords the message from the reason, never by parsing the message.

:func:`isolate` is the one way a batch failure is narrowed down to the records that cause it:
the Analyzer uses it within a batch of one language, the command line around each chunk of
records it hands to the Analyzer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from sentikit.pipeline.result import Result

__all__ = ["ErrorRecord", "isolate"]

T = TypeVar("T")
R = TypeVar("R")


class ErrorRecord(Result):
    """The result of an input that could not be analyzed: ``{"id", "error"}``.

    ``error`` reads ``record <name>: <reason>``, where ``name`` is ``record`` when given (the
    command line gives the record number) and else ``id``.

    Attributes
    ----------
    reason : str
        Why the input could not be analyzed, without the ``record <name>:`` prefix.
    """

    def __init__(self, id: str, reason: str, record: object = None) -> None:
        name = id if record is None else record
        super().__init__(id=id, error=f"record {name}: {reason}")
        self.reason = reason


def isolate(
    run: Callable[[Sequence[T]], Sequence[R]],
    items: Sequence[T],
    failed: Callable[[T, Exception], R],
    fatal: Callable[[Exception], bool] | None = None,
    fatal_alone: bool = True,
    on_retry: Callable[[Exception], None] | None = None,
) -> list[R]:
    """``run(items)``; when it raises, ``run`` on each item alone, so that one bad input costs
    one result, not its batch.

    Parameters
    ----------
    run : items → one result per item, in order.
    items : the batch.
    failed : ``(item, exception) → result`` of an item that fails on its own.
    fatal : which exceptions concern the whole run (a missing model): they are raised, not
        isolated (default: none).
    fatal_alone : whether ``fatal`` also applies to an item run alone (else every exception of
        an item run alone gives ``failed``).
    on_retry : called with the batch's exception before the items are run one by one.
    """
    try:
        return list(run(items))
    except Exception as exc:
        if fatal is not None and fatal(exc):
            raise
        if on_retry is not None:
            on_retry(exc)
    out: list[R] = []
    for item in items:
        try:
            out.extend(run([item]))
        except Exception as exc:
            if fatal_alone and fatal is not None and fatal(exc):
                raise
            out.append(failed(item, exc))
    return out
