"""The label strings of the corpora and of labelled files, mapped to sentikit's labels.

``P``/``pos``/``1``/``Olumlu``/``Pozitif`` → ``"positive"``,
``N``/``neg``/``0``/``Olumsuz``/``Negatif`` → ``"negative"``, ``Tarafsız``/``Nötr``/``neu`` →
``"neutral"``. Both the corpus loaders
(:mod:`sentikit.io.datasets`) and the reader of labelled files
(:func:`sentikit.io.record_reader.read_labelled_file`) map labels here; it imports no other
``sentikit.io`` module.

Examples
--------
>>> normalize_label("Olumlu"), normalize_label("neg"), normalize_label("TARAFSIZ")
('positive', 'negative', 'neutral')
>>> normalize_label("Nötr"), normalize_label("NÖTR"), normalize_label("Pozitif")
('neutral', 'neutral', 'positive')
"""

from __future__ import annotations

from sentikit.errors import InputError

#: Raw label strings of the corpora → sentikit labels.
LABEL_MAP = {
    "p": "positive",
    "pos": "positive",
    "positive": "positive",
    "1": "positive",
    "olumlu": "positive",
    "pozitif": "positive",
    "n": "negative",
    "neg": "negative",
    "negative": "negative",
    "0": "negative",
    "olumsuz": "negative",
    "negatif": "negative",
    "tarafsız": "neutral",
    "tarafsiz": "neutral",
    "neutral": "neutral",
    "neu": "neutral",
    "nötr": "neutral",
    "notr": "neutral",
}


def normalize_label(raw: str) -> str:
    """Map a corpus label (``P``, ``neg``, ``1``, ``Olumlu``, ``Tarafsız`` …) to sentikit's.

    Raises
    ------
    InputError
        For a label none of the corpora uses.
    """
    key = raw.strip().replace("I", "ı").lower()
    key = key if key in LABEL_MAP else raw.strip().lower()
    try:
        return LABEL_MAP[key]
    except KeyError:
        raise InputError(f"unknown label {raw!r}") from None


__all__ = ["LABEL_MAP", "normalize_label"]
