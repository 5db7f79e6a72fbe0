"""Shared plumbing of the command line: messages, logging, progress and output files.

Data goes to stdout; everything else (log lines, warnings, progress, error messages) goes to
stderr, looked up at write time so that test runners that swap ``sys.stderr`` see it.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer

from sentikit.errors import InputError
from sentikit.io._files import Terminated, atomic_output, is_regular_file

PROG = "sentikit"
LOGGER = logging.getLogger("sentikit")
#: Log level of progress notes: shown by default, hidden by ``--quiet``.
NOTE = 25
logging.addLevelName(NOTE, "NOTE")


def one_line(text: object) -> str:
    """``text`` as a single line (line breaks and runs of blanks become one space)."""
    return " ".join(str(text).split())


def err(message: str) -> None:
    """Write ``message`` and a line break to stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def error_line(message: object) -> str:
    """The one-line error message printed before a non-zero exit."""
    return f"{PROG}: error: {one_line(message)}"


class _Formatter(logging.Formatter):
    """``sentikit: message`` for notes and info, ``sentikit: warning: message`` above."""

    def format(self, record: logging.LogRecord) -> str:
        msg = one_line(record.getMessage())
        if record.levelno >= logging.WARNING:
            return f"{PROG}: {record.levelname.lower()}: {msg}"
        return f"{PROG}: {msg}"


def note(message: str, *args: object) -> None:
    """Log a progress note (shown unless ``--quiet``)."""
    LOGGER.log(NOTE, message, *args)


class _StderrHandler(logging.Handler):
    """Writes log records to the *current* ``sys.stderr``."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            err(self.format(record))
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


def setup_logging(verbosity: int) -> Callable[[], None]:
    """Send the ``sentikit`` logger to stderr: notes and warnings by default, ``-v`` info,
    ``-vv`` debug, ``-q`` (``verbosity < 0``) errors only.

    Returns a function that restores the logger as it was (the CLI calls it when the command
    ends, so that running the CLI in-process, e.g. in tests, leaves logging untouched).
    """
    level = {-1: logging.ERROR, 0: NOTE, 1: logging.INFO}.get(
        max(-1, min(verbosity, 2)), logging.DEBUG
    )
    old_level, old_propagate = LOGGER.level, LOGGER.propagate
    handler = _StderrHandler()
    handler.setFormatter(_Formatter())
    LOGGER.addHandler(handler)
    LOGGER.propagate = False
    LOGGER.setLevel(level)

    def restore() -> None:
        LOGGER.removeHandler(handler)
        LOGGER.setLevel(old_level)
        LOGGER.propagate = old_propagate

    return restore


class Progress:
    """A light progress line on stderr.

    On a terminal it redraws one line (``\\r``) at most every ``interval`` seconds; otherwise it
    prints a line every ``log_every`` seconds, so logs of batch jobs stay short. Disabled
    instances do nothing.

    Parameters
    ----------
    enabled : bool
        Whether to show anything.
    total : int, optional
        Expected count, for a percentage.
    unit : str
        What is counted (``"records"``).
    """

    def __init__(
        self,
        enabled: bool,
        total: int | None = None,
        unit: str = "records",
        interval: float = 0.2,
        log_every: float = 5.0,
    ) -> None:
        self.enabled = enabled
        self.total = total
        self.unit = unit
        self.done = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._interval = interval
        self._log_every = log_every
        self._drawn = False

    @staticmethod
    def _tty() -> bool:
        return bool(getattr(sys.stderr, "isatty", lambda: False)())

    def _line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            pct = min(100.0, 100.0 * self.done / self.total)
            count = f"{self.done:,}/{self.total:,} {self.unit} ({pct:.0f}%)"
        else:
            count = f"{self.done:,} {self.unit}"
        return f"{PROG}: {count}, {rate:,.0f}/s, {elapsed:.1f} s"

    def update(self, n: int = 1) -> None:
        """Count ``n`` more items and redraw if it is time."""
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        tty = self._tty()
        if now - self._last < (self._interval if tty else self._log_every):
            return
        self._last = now
        if tty:
            sys.stderr.write("\r" + self._line() + "\x1b[K")
            sys.stderr.flush()
            self._drawn = True
        else:
            err(self._line())

    def message(self, text: str) -> None:
        """Print one message line (used as the evaluation harness's progress callback)."""
        if not self.enabled:
            return
        if self._drawn:
            sys.stderr.write("\r\x1b[K")
            self._drawn = False
        err(f"{PROG}: {one_line(text)}")

    __call__ = message

    def close(self) -> None:
        """Print the final count (when enabled)."""
        if not self.enabled:
            return
        if self._drawn:
            sys.stderr.write("\r" + self._line() + "\x1b[K\n")
            sys.stderr.flush()
        else:
            err(self._line())
        self._drawn = False


def ensure_utf8_stdout() -> None:
    """Make ``sys.stdout`` write UTF-8 (results are UTF-8 whatever the locale says)."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8") and hasattr(sys.stdout, "reconfigure"):
        with suppress(Exception):
            sys.stdout.reconfigure(encoding="utf-8")


@contextmanager
def open_output(path: str | Path | None) -> Iterator[IO[str]]:
    """A text stream for ``path`` (``None`` or ``"-"``: stdout).

    A file is written through :func:`sentikit.io._files.atomic_output`: to a temporary file
    created exclusively beside it and moved into place only when the block ends without an
    error, so a failed or interrupted run (an error, Ctrl-C, SIGTERM) never leaves a
    half-written or clobbered output nor a temporary file (which also makes ``--output``
    equal to ``--input`` safe). Errors name ``path``.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        with atomic_output(path) as fh:
            yield fh
    except Terminated as exc:
        err(error_line(exc))
        raise


def refuse_overwrite(path: str | Path | None, overwrite: bool) -> None:
    """Raise :class:`InputError` when ``path`` is an existing regular file and ``overwrite`` is
    false. ``None``, ``-`` (stdout), devices and pipes (``/dev/null``, a FIFO) and paths that
    do not exist pass; call it before any costly work (reading input, loading a model).
    """
    if overwrite or path is None or str(path) == "-":
        return
    if is_regular_file(path):
        raise InputError(f"output file {str(path)!r} exists; pass --overwrite to replace it")


def write_text_file(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through :func:`open_output` (atomic replace; ``-`` is
    stdout)."""
    with open_output(path) as fh:
        fh.write(text)


class CorpusLang(StrEnum):
    """``--lang`` values of the commands that read a corpus (train, lexicon, embed)."""

    tr = "tr"
    en = "en"


#: Options of the commands that read a labelled file (``train``, ``evaluate``).
TextColOption = Annotated[
    str, typer.Option("--text-col", help="Text column of the labelled --data file.")
]
LabelColOption = Annotated[
    str, typer.Option("--label-col", help="Label column of the labelled --data file.")
]
RawLabelsOption = Annotated[
    bool, typer.Option("--raw-labels", help="Keep file labels as they are (no mapping).")
]
