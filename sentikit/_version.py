"""The package version (one home; ``sentikit.__version__`` re-exports it)."""

__version__ = "0.1.0"
