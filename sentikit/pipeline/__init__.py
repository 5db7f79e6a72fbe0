"""The pipeline layer: :class:`Analyzer` runs the language and model layers over texts; an input
that cannot be analyzed yields an :class:`ErrorRecord`."""

from sentikit.pipeline.analyzer import Analyzer
from sentikit.pipeline.failures import ErrorRecord

__all__ = ["Analyzer", "ErrorRecord"]
