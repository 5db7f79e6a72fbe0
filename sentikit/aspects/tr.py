"""Turkish aspect-based sentiment (SemEval-2016 Task 5, restaurants, subtask 1).

Three steps, each trained on SemEval-2016-style sentences (``.text`` and ``.opinions`` with
``category``, ``polarity``, ``target``/``implicit``, ``start``/``end``, as
:func:`sentikit.io.absa.load_absa_semeval2016_tr` reads them):

1. **Opinion targets**: a BIO linear-chain CRF (CRFsuite) over the tokens of the analyzed
   Turkish path (:mod:`sentikit.aspects.tr_features`: word, lowercase and ASCII-folded forms,
   affixes, shape, lemma, POS, case and possessive suffixes, neighbours ±2, lexicon polarity of
   the word and of nearby words). ``NULL`` (implicit) targets are not spans: they are left out of
   the tagger's gold and keep their category and polarity (steps 2 and 3).
2. **Categories** (``ENTITY#ATTRIBUTE``, multi-label): one-vs-rest logistic regression over word
   and character n-grams and lemmas (idf-weighed); one probability threshold, chosen by an inner
   cross-validation on the training sentences only. An extracted target gets the category a
   second classifier (target words + sentence) finds most probable; a detected category that no
   extracted target carries is an implicit opinion (``term`` ``None``).
3. **Polarity per opinion**: multinomial logistic regression over the target's clause (cut at
   punctuation and *ama*/*fakat*…), a ±``window`` token window, the target, the sentence (the
   whole sentence for an implicit target), lexicon scores of those regions and, with
   ``use_prior``, the shipped Turkish sentiment model's probabilities of the sentence and of the
   target's clause and its token shares summed over the regions
   (:class:`~sentikit.aspects.tr_parts.PriorShares`).

A trained model is a folder (``model.json``, ``vocab.json.gz``, ``arrays.npz``, and the tagger
as CRFsuite's own ``targets.crfsuite``); no pickle. The one trained on all 1,232 training
sentences ships in ``sentikit/resources/aspects/tr`` (:func:`load_tr`, :func:`extract_tr`).

Examples
--------
>>> [(a["term"], a["label"]) for a in extract_tr("Pizza çok lezzetliydi ama servis yavaştı.")]
... # doctest: +SKIP
[('Pizza', 'positive'), ('servis', 'negative')]
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from sentikit.aspects.tr_model import TurkishAspectModel
from sentikit.aspects.tr_rows import FORMAT, LABELS, GoldOpinion, gold_opinions, micro_f1
from sentikit.doc import Document
from sentikit.paths import RESOURCES_DIR

__all__ = [
    "FORMAT",
    "LABELS",
    "SHIPPED_DIR",
    "GoldOpinion",
    "TurkishAspectModel",
    "extract_tr",
    "gold_opinions",
    "load_tr",
    "micro_f1",
]

#: Where the shipped model lives.
SHIPPED_DIR = RESOURCES_DIR / "aspects" / "tr"


@cache
def _shipped() -> TurkishAspectModel:
    return TurkishAspectModel.load(SHIPPED_DIR)


def load_tr(path: str | Path | None = None) -> TurkishAspectModel:
    """The shipped Turkish aspect model (loaded once), or the one saved in folder ``path``.

    Raises
    ------
    ResourceMissingError
        When the folder or one of its files is missing.
    InputError
        When a file is damaged or of another format.
    """
    if path is None:
        return _shipped()
    return TurkishAspectModel.load(path)


def extract_tr(
    text: str | Document, model: TurkishAspectModel | None = None
) -> list[dict[str, Any]]:
    """Aspects of a Turkish text or :class:`~sentikit.doc.Document`.

    Parameters
    ----------
    text : str or Document
        A Document's own sentences are used (``sentence`` indexes them); a string is split with
        sentikit's Turkish sentence splitter.
    model : TurkishAspectModel, optional
        Default: the shipped model (:func:`load_tr`).

    Returns
    -------
    list of dict
        One per opinion, sentence by sentence (a sentence's targets in text order, then its
        implicit opinions): ``{"term", "span", "sentence", "category", "label", "score"}``;
        ``term`` and ``span`` (``[start, end)`` into the text) are ``None`` for an implicit
        opinion, ``label`` is positive / neutral / negative and ``score`` is
        ``P(positive) − P(negative)``.

    Raises
    ------
    InputError
        When ``text`` is neither a str nor a Document.

    Examples
    --------
    >>> [a["term"] for a in extract_tr("Pizzası çok güzeldi.")]  # doctest: +SKIP
    ['Pizzası']
    """
    return (model or load_tr()).extract(text)
