"""The pipeline layer: :class:`Analyzer` runs the language and model layers over texts."""

from sentikit.pipeline.analyzer import Analyzer

__all__ = ["Analyzer"]
