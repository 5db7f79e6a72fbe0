"""The on-disk word-type cache of Turkish morphological analyses (SQLite, JSON rows)."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from sentikit.lang.tr.morph_analysis import Analysis

__all__ = ["CACHE_ENV", "MorphCache", "resolve_cache_path"]

CACHE_ENV = "SENTIKIT_CACHE_DIR"
"""Environment variable naming a folder for the on-disk analysis cache."""


class MorphCache:
    """On-disk word-type cache of analyses (SQLite; rows are JSON, never pickle).

    Parameters
    ----------
    path : str or PathLike
        The database file (created with its folder when missing).

    Examples
    --------
    >>> import tempfile, os
    >>> c = MorphCache(os.path.join(tempfile.mkdtemp(), "m.sqlite3"))
    >>> c.put_many("x@1", {"ev": []}); c.get_many("x@1", ["ev", "su"])
    {'ev': []}
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), timeout=60, check_same_thread=False)
        with self._lock, self._conn:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS analyses (backend TEXT NOT NULL, word TEXT NOT NULL, "
                "data TEXT NOT NULL, PRIMARY KEY (backend, word)) WITHOUT ROWID"
            )

    def get_many(self, backend: str, words: Sequence[str]) -> dict[str, list[Analysis]]:
        """Cached analyses of those ``words`` that are in the cache."""
        out: dict[str, list[Analysis]] = {}
        words = list(words)
        with self._lock:
            for i in range(0, len(words), 500):
                chunk = words[i : i + 500]
                q = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT word, data FROM analyses WHERE backend = ? AND word IN ({q})",
                    [backend, *chunk],
                ).fetchall()
                for w, data in rows:
                    out[w] = [Analysis.from_dict(d) for d in json.loads(data)]
        return out

    def put_many(self, backend: str, items: dict[str, list[Analysis]]) -> None:
        """Store analyses (one transaction)."""
        if not items:
            return
        rows = [
            (backend, w, json.dumps([a.to_dict() for a in al], ensure_ascii=False))
            for w, al in items.items()
        ]
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO analyses (backend, word, data) VALUES (?, ?, ?)", rows
            )

    def count(self, backend: str | None = None) -> int:
        """Number of cached words (of one backend key, or all)."""
        with self._lock:
            if backend is None:
                row = self._conn.execute("SELECT COUNT(*) FROM analyses").fetchone()
            else:
                row = self._conn.execute(
                    "SELECT COUNT(*) FROM analyses WHERE backend = ?", (backend,)
                ).fetchone()
        return int(row[0])

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()


def resolve_cache_path(cache_path: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file of the disk cache: ``cache_path`` (``morphology.sqlite3`` inside it when
    it is a folder), else ``morphology.sqlite3`` in ``$SENTIKIT_CACHE_DIR``, else ``None``."""
    if cache_path is not None:
        p = Path(cache_path)
        return p / "morphology.sqlite3" if p.is_dir() else p
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env) / "morphology.sqlite3"
    return None
