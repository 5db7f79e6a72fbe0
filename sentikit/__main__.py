"""``python -m sentikit``: the ``sentikit`` command line."""

from __future__ import annotations

from sentikit.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
