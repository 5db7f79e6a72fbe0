"""Low-level file helpers: compression, encodings, CSV parsing that loses no row, and the
atomic output writer every file-writing command and function uses.

Compressed input has one home here: :data:`COMPRESSED` maps the suffixes ``.gz``, ``.bz2`` and
``.xz`` to their openers, and :func:`compressed_opener` picks the opener of a path; both the
corpus readers (:func:`open_text`) and the record reader of the command line
(:mod:`sentikit.io.record_reader`) open files through it.
"""

from __future__ import annotations

import bz2
import contextlib
import csv
import gzip
import lzma
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, Any, NamedTuple, Self

from sentikit.errors import InputError, ResourceMissingError
from sentikit.paths import dataset_dir


def data_file(dataset: str, relpath: str) -> Path:
    """The path of ``relpath`` inside the folder of ``dataset`` (raises if it is missing).

    Parameters
    ----------
    dataset : str
        A folder name of ``MANIFEST.md``.
    relpath : str
        A file path relative to that folder.

    Raises
    ------
    ResourceMissingError
        When the data root, the dataset folder or the file does not exist.
    """
    path = dataset_dir(dataset) / relpath
    if not path.is_file():
        raise ResourceMissingError(f"file {relpath!r} of dataset {dataset!r} not found at {path}")
    return path


#: Compression suffixes (compared case-blind) and the function opening such a file.
COMPRESSED: dict[str, Callable[..., Any]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def is_compressed(path: str | Path) -> bool:
    """Whether the suffix of ``path`` is one of :data:`COMPRESSED` (any case)."""
    return Path(path).suffix.lower() in COMPRESSED


def compressed_opener(path: str | Path) -> Callable[..., Any]:
    """The function that opens ``path``: ``gzip.open``, ``bz2.open`` or ``lzma.open`` by its
    suffix (:data:`COMPRESSED`), else the builtin :func:`open`. Called as ``opener(path, mode,
    ...)`` with the arguments of :func:`open`."""
    return COMPRESSED.get(Path(path).suffix.lower(), open)


def open_text(path: str | Path, encoding: str = "utf-8", newline: str | None = None) -> IO[str]:
    """Open a (possibly ``.gz`` / ``.bz2`` / ``.xz`` compressed) text file for reading.

    A UTF-8 byte-order mark is removed when ``encoding`` is ``"utf-8"`` (``utf-8-sig`` decodes
    files with and without one identically).
    """
    p = Path(path)
    if not p.is_file():
        raise ResourceMissingError(f"file not found: {p}")
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    stream: IO[str] = compressed_opener(p)(p, "rt", encoding=enc, newline=newline)
    return stream


def iter_lines(path: str | Path, encoding: str = "utf-8") -> Iterator[str]:
    """Yield the lines of a text file without their line ending (``\\n`` or ``\\r\\n``)."""
    with open_text(path, encoding=encoding) as fh:
        for line in fh:
            yield line.rstrip("\r\n")


class Closing:
    """Mixin making an object with a ``close()`` method a context manager: ``with obj as x``
    gives ``obj`` itself and calls ``obj.close()`` at the end of the block."""

    def close(self) -> None:
        """Release what the object holds (a no-op here; subclasses override it)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --------------------------------------------------------------------------- CSV

# Fed to the CSV parser after the last line: a lone surrogate, which no text decoded from
# UTF-8 holds, so it cannot be confused with data. At a clean end it is a row of its own; after
# an unclosed quote it lands at the end of the last field (csv.reader, not in strict mode,
# would otherwise end that field silently at the end of the input).
_END_MARK = "\udc80"


class CsvRow(NamedTuple):
    """One row of :func:`iter_csv_rows`."""

    line: int
    """1-based line where the row starts."""
    fields: list[str]
    """The fields (``[]`` for a blank line; ``[]`` too when ``error`` is set)."""
    error: str | None
    """Why the row could not be parsed (the parser went on at the next line), else None."""


class UnterminatedQuoteError(InputError):
    """A quoted CSV/TSV field is never closed: the rest of the input would be one field.

    Attributes ``name`` (the file), ``line`` (where the quote opened), ``row_line`` (where the
    row holding it starts) and ``end_line`` (the last line of the input).
    """

    def __init__(self, name: str, kind: str, line: int, row_line: int, end_line: int) -> None:
        self.name, self.kind = name, kind
        self.line, self.row_line, self.end_line = line, row_line, end_line
        super().__init__(self.describe(f"row starting on line {row_line}"))

    def describe(self, where: str) -> str:
        """The message, with ``where`` naming the row (``"record 3"``, ``"the header"``)."""
        return (
            f"{self.name}: unterminated quoted field in {where}: the '\"' opened on line "
            f"{self.line} is never closed, so lines {self.line}-{self.end_line} (the rest of "
            f"the file) would be read as one field; a {self.kind} field that starts with '\"' "
            f"must end with '\"' (a '\"' inside it is written \"\")"
        )


def _line_breaks(s: str) -> int:
    return s.count("\n") + s.count("\r") - s.count("\r\n")


def iter_csv_rows(
    lines: Iterable[str], name: str, delimiter: str = ",", kind: str = "CSV"
) -> Iterator[CsvRow]:
    """Parse CSV (RFC 4180 quoting) from ``lines`` (line endings kept), losing no row.

    Every row comes out as a :class:`CsvRow` with the line it starts on. A row the ``csv``
    module rejects (a bare carriage return in an unquoted field, an oversized field) comes
    out with ``error`` set and parsing goes on at the next line. Input that ends inside a
    quoted field raises :class:`UnterminatedQuoteError` instead of ending that field quietly.

    Parameters
    ----------
    lines : iterable of str
        The text, line by line, endings kept (a binary ``readline`` or a file opened with
        ``newline=""``).
    name : str
        The file name for messages.
    delimiter : str
        ``","`` or ``"\\t"``.
    kind : str
        ``"CSV"`` or ``"TSV"``, for messages.

    Raises
    ------
    UnterminatedQuoteError
        When a quoted field is still open at the end of the input.

    Examples
    --------
    >>> [tuple(r) for r in iter_csv_rows(['a,"b\\n', 'c"\\n', "d,e\\n"], "x.csv")]
    [(1, ['a', 'b\\nc'], None), (3, ['d', 'e'], None)]
    """
    count = 0  # lines handed to the parser
    last_break = True  # whether the last line ended with a line break

    def feed() -> Iterator[str]:
        nonlocal count, last_break
        for line in lines:
            count += 1
            last_break = line.endswith(("\n", "\r"))
            yield line
        yield _END_MARK

    reader = csv.reader(feed(), delimiter=delimiter)
    while True:
        start = count + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # the parser starts afresh at the next line
            why = str(exc)
            if why.startswith("new-line character seen in unquoted field"):
                why = "a carriage return inside an unquoted field; quote the field"
            yield CsvRow(start, [], f"malformed {kind} ({why})")
            continue
        if fields and fields[-1].endswith(_END_MARK):
            if fields == [_END_MARK]:
                return
            opened = count - _line_breaks(fields[-1]) + last_break
            raise UnterminatedQuoteError(name, kind, max(start, opened), start, count)
        yield CsvRow(start, fields, None)


def read_csv_rows(path: str | Path, encoding: str = "utf-8") -> list[list[str]]:
    """All rows of an RFC-4180 CSV file (quoted fields may hold commas and line breaks).

    The file is opened with ``newline=""`` so that line breaks inside quoted fields survive and
    CRLF record endings are handled by the CSV parser itself.

    Raises
    ------
    InputError
        On a malformed row or an unterminated quoted field (naming the file and line).
    """
    rows: list[list[str]] = []
    with open_text(path, encoding=encoding, newline="") as fh:
        for row in iter_csv_rows(fh, str(path)):
            if row.error is not None:
                raise InputError(f"{path}: line {row.line}: {row.error}")
            rows.append(row.fields)
    return rows


def read_labelled_csv(
    path: str | Path, expected_header: tuple[str, str] | None = None
) -> list[tuple[str, str]]:
    """Rows ``(text, raw_label)`` of a two-column CSV with a header row.

    Raises
    ------
    InputError
        When a row does not have exactly two fields or the header differs from
        ``expected_header`` (compared case-insensitively).
    """
    rows = read_csv_rows(path)
    if not rows:
        raise InputError(f"{path}: empty CSV file")
    header, body = rows[0], rows[1:]
    if expected_header is not None and [h.strip().lower() for h in header] != [
        h.lower() for h in expected_header
    ]:
        raise InputError(f"{path}: unexpected header {header!r}, expected {expected_header!r}")
    out: list[tuple[str, str]] = []
    for i, row in enumerate(body, start=2):
        if len(row) != 2:
            raise InputError(f"{path}: record {i} has {len(row)} fields, expected 2")
        out.append((row[0], row[1]))
    return out


# --------------------------------------------------------------------------- atomic output


class Terminated(SystemExit):
    """Raised in the main thread by SIGTERM/SIGHUP while :func:`atomic_output` is open.

    A :class:`SystemExit` (status 128 + signal number, as a shell reports a process killed by
    that signal), so that ``finally`` blocks run and the temporary file is removed, which
    the default action of those signals (an immediate exit) would not allow.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum

    def __str__(self) -> str:
        return f"terminated by {signal.Signals(self.signum).name}"


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


_EXIT_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


@contextlib.contextmanager
def _exit_signals_raise() -> Iterator[None]:
    """While open, SIGTERM/SIGHUP raise :class:`Terminated` instead of killing the process.

    Only where they have their default action and in the main thread (where Python runs
    signal handlers); handlers set by the program are left alone.
    """
    installed = []
    if threading.current_thread() is threading.main_thread():
        for sig in _EXIT_SIGNALS:
            with contextlib.suppress(ValueError, OSError):
                if signal.getsignal(sig) is signal.SIG_DFL:
                    signal.signal(sig, _raise_terminated)
                    installed.append(sig)
    try:
        yield
    finally:
        for sig in installed:
            with contextlib.suppress(ValueError, OSError):
                if signal.getsignal(sig) is _raise_terminated:
                    signal.signal(sig, signal.SIG_DFL)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no other way to read it; set back at once
    os.umask(mask)
    return mask


def is_regular_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` exists and is a regular file (a symlink counts as what it points to).

    Devices, pipes and folders are not regular files; a path that cannot be examined (a name
    too long, a NUL byte, no permission to search a folder) is not one either.
    """
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _cannot_write(name: str, why: str) -> InputError:
    return InputError(f"cannot write {name!r}: {why}")


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str], encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[IO[str]]:
    """A text stream whose content replaces ``path`` only when the block ends without error.

    The text goes to a temporary file created exclusively (:func:`tempfile.mkstemp`, so a
    symlink planted in the folder is never followed) beside ``path`` and is moved into place
    with :func:`os.replace`; on any exception, including ``KeyboardInterrupt`` and SIGTERM /
    SIGHUP (see :class:`Terminated`), the temporary file is removed and ``path`` is left as
    it was. The new file gets the mode of the file it replaces, else ``0666`` less the umask.
    A path that is a device or a pipe (``/dev/null``, ``/dev/stdout``) is written in place.

    Parameters
    ----------
    path : str or PathLike
        The file to write.
    encoding, newline
        As for :func:`open` (default UTF-8, and ``"\\n"`` written as is).

    Raises
    ------
    InputError
        When the path is a folder, its folder is missing, or the file cannot be created or
        replaced there; the message names ``path``, never the temporary file.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "out.txt")
    >>> with atomic_output(path) as fh:
    ...     _ = fh.write("done\\n")
    >>> open(path).read(), os.listdir(os.path.dirname(path))
    ('done\\n', ['out.txt'])
    """
    name = os.fspath(path)
    target = Path(name)
    if target.is_dir():
        raise _cannot_write(name, "it is a directory")
    folder = target.parent
    if not folder.is_dir():
        raise _cannot_write(name, f"folder {str(folder)!r} does not exist")
    try:
        st: os.stat_result | None = target.stat()
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            special = open(target, "w", encoding=encoding, newline=newline)  # noqa: SIM115
        except OSError as exc:
            raise _cannot_write(name, exc.strerror or str(exc)) from None
        with special:
            yield special
        return
    with _exit_signals_raise():
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        except OSError as exc:
            raise _cannot_write(
                name, f"cannot create a file in folder {str(folder)!r} ({exc.strerror or exc})"
            ) from None
        try:
            mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
            with contextlib.suppress(OSError):
                os.fchmod(fd, mode)
            try:
                fh = open(fd, "w", encoding=encoding, newline=newline)  # noqa: SIM115
            except BaseException:
                os.close(fd)
                raise
            with fh:
                yield fh
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _cannot_write(name, exc.strerror or str(exc)) from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def write_text_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` through :func:`atomic_output` (all or nothing)."""
    with atomic_output(path, encoding=encoding) as fh:
        fh.write(text)
