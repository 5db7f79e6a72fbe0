"""Looking a word up in lexicons by form, lemma and near spelling (``sentikit lexicon show``).

A word is first looked up as written (and lowercased); only when no lexicon has it are lemma
candidates computed, so an exact hit never loads a morphology or spaCy:

- Turkish: the term sentikit's lexicon induction would give the word
  (:func:`sentikit.lang.tr.lemmas.turkish_term` over zeyrek's readings: ``bozuldu`` →
  ``bozulmak``, ``beğenmedim`` → ``beğenmek``, negated), then the other readings' lemmas;
- English: spaCy's rule lemmatizer (the ``en`` extra) when installed, else :func:`en_suffix_lemmas`.

When nothing matches, :func:`near_matches` suggests close spellings.

Examples
--------
>>> en_suffix_lemmas("stories")[0]
'story'
>>> near_matches("güzl", ["güzel", "kötü", "güzellik", "güzel_NEG"])
['güzel']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sentikit.lexicon.terms import NEG_SUFFIX

__all__ = [
    "LemmaCandidate",
    "en_lemmas",
    "en_suffix_lemmas",
    "lemma_candidates",
    "lexicon_lang",
    "near_matches",
    "tr_lemmas",
]

_LANG_RE = re.compile(r"^(tr|en)(?:[-_.]|$)", re.IGNORECASE)
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class LemmaCandidate:
    """A lemma a word may be an inflected form of.

    Attributes
    ----------
    term : str
        The lemma (as lexicons write it: Turkish verbs in ``-mek/-mak``).
    negated : bool
        Whether the word is the lemma's negated form (Turkish ``-mA``, ``-(y)AmA``).
    lang : str
        ``"tr"`` or ``"en"``.
    """

    term: str
    negated: bool
    lang: str


def lexicon_lang(path: str | Path) -> str | None:
    """The language a lexicon file's name starts with (``tr-movie.tsv`` → ``"tr"``), or None.

    Examples
    --------
    >>> lexicon_lang("lexicons/tr-movie.tsv"), lexicon_lang("en_x.tsv"), lexicon_lang("my.tsv")
    ('tr', 'en', None)
    """
    m = _LANG_RE.match(Path(path).name)
    return m.group(1).lower() if m else None


def en_suffix_lemmas(word: str) -> list[str]:
    """Candidate English lemmas of ``word`` by stripping inflectional suffixes (over-generates:
    the caller keeps the candidates a lexicon holds), most plausible first.

    Examples
    --------
    >>> en_suffix_lemmas("loved"), en_suffix_lemmas("stopped")
    (['lov', 'love'], ['stopp', 'stop', 'stoppe'])
    >>> en_suffix_lemmas("happiest")[0], en_suffix_lemmas("badly")
    ('happy', ['bad'])
    """
    w = word.strip().lower()
    out: list[str] = []

    def add(stem: str, *, e: bool = True) -> None:
        if len(stem) < 2:
            return
        out.append(stem)
        if e:
            out.append(stem + "e")
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS | {"l", "s"}:
            out.append(stem[:-1])  # stopped → stop

    for suf, rep in (("ies", "y"), ("ied", "y"), ("iest", "y"), ("ier", "y"), ("ily", "y")):
        if w.endswith(suf):
            out.append(w[: -len(suf)] + rep)
    if w.endswith("ing"):
        add(w[:-3])
    if w.endswith("ed"):
        add(w[:-2], e=False)
        out.append(w[:-1])  # loved → love
    if w.endswith("est"):
        add(w[:-3], e=False)
        out.append(w[:-2])  # latest → late
    if w.endswith("er"):
        add(w[:-2], e=False)
        out.append(w[:-1])
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if w.endswith("ly"):
        out.append(w[:-2])
    return [c for c in dict.fromkeys(out) if len(c) >= 2 and c != w]


@lru_cache(maxsize=1)
def _en_lemmatizer() -> object | None:
    """spaCy's rule lemmatizer alone (no tagger, parser or NER), or None without the extra."""
    from sentikit.lang.en.parser import is_available, load_nlp

    if not is_available():
        return None
    try:
        nlp = load_nlp(exclude=("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "ner"))
        return nlp if "lemmatizer" in nlp.pipe_names else None
    except Exception:  # noqa: BLE001 - a broken spaCy install falls back to the suffix rule
        return None


def en_lemmas(word: str) -> list[str]:
    """Candidate English lemmas: spaCy's rule lemmatizer over each open-class part of speech
    when the ``en`` extra is installed, else :func:`en_suffix_lemmas`."""
    w = word.strip().lower()
    nlp = _en_lemmatizer()
    if nlp is None:
        return en_suffix_lemmas(w)
    lem = nlp.get_pipe("lemmatizer")  # type: ignore[attr-defined]
    out: list[str] = []
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        doc = nlp.make_doc(w)  # type: ignore[attr-defined]
        if len(doc) != 1:
            break
        doc[0].pos_ = pos
        out.extend(lem.rule_lemmatize(doc[0]))
    return [c for c in dict.fromkeys(out) if c and c != w]


@lru_cache(maxsize=1)
def _tr_analyzer() -> object:
    from sentikit.lang.tr.morphology import get_analyzer

    return get_analyzer("zeyrek")


def tr_lemmas(word: str) -> list[LemmaCandidate]:
    """Turkish lemma candidates: the term lexicon induction gives the word (its negation
    flag included), then the terms of its other readings (none where the word is its own
    term, as ``zevksiz`` is)."""
    from sentikit.lang.tr.lemmas import turkish_term
    from sentikit.lang.tr.normalize import tr_lower

    w = tr_lower(word.strip())
    if not any(c.isalpha() for c in w):
        return []
    readings = _tr_analyzer().analyze(w)  # type: ignore[attr-defined]
    if not readings:
        return []
    # each reading mapped as induction maps a word (a privative -sIz derivation is kept: the
    # lemma of ``zevksiz`` is not ``zevk``, whose polarity it reverses)
    out = [turkish_term(w, readings), *(turkish_term(w, [r]) for r in readings)]
    seen: set[str] = set()
    uniq: list[LemmaCandidate] = []
    for t in out:
        if t.term and t.term != w and not t.negator and t.term not in seen:
            seen.add(t.term)
            uniq.append(LemmaCandidate(t.term, t.negated, "tr"))
    return uniq


def lemma_candidates(word: str, lang: str) -> list[LemmaCandidate]:
    """Lemma candidates of ``word`` in ``lang`` (``"tr"`` or ``"en"``), most plausible first."""
    if lang == "tr":
        return tr_lemmas(word)
    return [LemmaCandidate(t, False, "en") for t in en_lemmas(word)]


def near_matches(word: str, terms: Iterable[str], n: int = 5, cutoff: float = 0.6) -> list[str]:
    """Up to ``n`` terms spelled like ``word``, closest first (``difflib.get_close_matches``
    over the terms within a third of its length; ``_NEG`` terms count as their base term)."""
    pool = {t[: -len(NEG_SUFFIX)] if t.endswith(NEG_SUFFIX) else t for t in terms}
    pool.discard(word)
    # terms much longer or shorter are rarely what was meant, and comparing each is slow
    slack = max(2, len(word) // 3)
    pool_list = sorted(t for t in pool if abs(len(t) - len(word)) <= slack)
    return difflib.get_close_matches(word, pool_list, n=n, cutoff=cutoff)
