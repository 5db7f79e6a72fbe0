"""Language layer: language identification and text → Document for Turkish and English."""

from __future__ import annotations

from functools import cache

from sentikit.errors import InputError
from sentikit.lang.base import LanguageProcessor

SUPPORTED_LANGS = ("tr", "en")


@cache
def get_processor(lang: str) -> LanguageProcessor:
    """The shared default processor for ``lang`` (``"tr"`` or ``"en"``)."""
    if lang == "tr":
        from sentikit.lang.tr.processor import TurkishProcessor

        return TurkishProcessor()
    if lang == "en":
        from sentikit.lang.en.processor import EnglishProcessor

        return EnglishProcessor()
    raise InputError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")


__all__ = ["SUPPORTED_LANGS", "LanguageProcessor", "get_processor"]
