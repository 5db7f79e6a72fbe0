"""Aspect term extraction and aspect-level sentiment (English and Turkish)."""
