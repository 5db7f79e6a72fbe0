"""The ``sentikit`` command line (typer app in :mod:`sentikit.cli.main`)."""

from __future__ import annotations

from sentikit.cli.main import app, main

__all__ = ["app", "main"]
