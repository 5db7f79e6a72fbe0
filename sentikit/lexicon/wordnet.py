"""A synonym/antonym word graph from WordNet (METHODS.md §4, "dictionary graph").

The XML files ship with ``NlpToolkit-WordNet`` (extra ``sentikit[wordnet]``): Turkish KeNet
and English WordNet 3.1. They are parsed directly (streaming ``iterparse``); nothing is
downloaded. Nodes are the single-word literals (lowercased; Turkish verbs in ``-mek/-mak``
form, as the Turkish inducer's lemma terms). Edges:

* **synonym** (weight 1): literals of one synset; synsets linked by ``SIMILAR_TO``,
  ``ALSO_SEE`` or ``SYNONYM``; ``DERIVATION_RELATED`` links (weight :data:`DERIVATION_WEIGHT`,
  e.g. *happy – happiness*);
* **antonym** (weight 1): ``ANTONYM`` links (literal level in English, synset level in
  Turkish).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from sentikit.errors import InputError, ResourceMissingError

#: Weight of derivational links relative to synonymy.
DERIVATION_WEIGHT = 0.5
#: Synset relations that preserve polarity.
SYNONYM_RELATIONS = {"SIMILAR_TO": 1.0, "ALSO_SEE": 1.0, "SYNONYM": 1.0}
_FILES = {"tr": "turkish_wordnet.xml", "en": "english_wordnet_version_31.xml"}


@dataclass
class WordGraph:
    """A word graph: node terms, synonym and antonym adjacency (symmetric, sparse)."""

    terms: list[str]
    synonyms: sp.csr_matrix
    antonyms: sp.csr_matrix

    @property
    def index(self) -> dict[str, int]:
        """``term → node id``."""
        return {t: i for i, t in enumerate(self.terms)}


def wordnet_file(lang: str) -> Path:
    """The WordNet XML of ``lang`` inside the installed ``NlpToolkit-WordNet`` package."""
    if lang not in _FILES:
        raise InputError(f"no WordNet for language {lang!r}; use 'tr' or 'en'")
    try:
        import WordNet
    except ImportError:
        raise ResourceMissingError(
            "the WordNet graph needs NlpToolkit-WordNet: pip install 'sentikit[wordnet]'"
        ) from None
    path = Path(os.path.dirname(WordNet.__file__)) / "data" / _FILES[lang]
    if not path.is_file():
        raise ResourceMissingError(f"WordNet data file missing: {path}")
    return path


def _literal_key(text: str, lang: str) -> str | None:
    from sentikit.lang.tr.normalize import tr_lower

    w = text.strip()
    if not w or " " in w or not all(c.isalpha() or c in "-'" for c in w):
        return None
    return tr_lower(w) if lang == "tr" else w.lower()


def load_wordnet_graph(lang: str, path: str | os.PathLike[str] | None = None) -> WordGraph:
    """Build the synonym/antonym graph of ``lang``'s WordNet (see the module docstring).

    Parameters
    ----------
    lang : {"tr", "en"}
    path : str or PathLike, optional
        Another WordNet XML file in the same format.
    """
    xml_path = Path(path) if path is not None else wordnet_file(lang)
    if not xml_path.is_file():
        raise ResourceMissingError(f"WordNet file not found: {xml_path}")
    synsets: dict[str, list[str | None]] = {}
    syn_rel: list[tuple[str, str, float]] = []  # synset → synset
    lit_rel: list[tuple[str, int, str, int | None, str]] = []  # (synset, lit idx, target, TO, type)
    for _, el in ET.iterparse(xml_path, events=("end",)):
        if el.tag != "SYNSET":
            continue
        sid = el.findtext("ID")
        if sid is None:
            el.clear()
            continue
        lits: list[str | None] = []
        syn = el.find("SYNONYM")
        for j, lit in enumerate(syn.findall("LITERAL") if syn is not None else []):
            lits.append(_literal_key(lit.text or "", lang))
            for sr in lit.findall("SR"):
                typ = sr.findtext("TYPE") or ""
                to = sr.findtext("TO")
                lit_rel.append((sid, j, (sr.text or "").strip(), int(to) if to else None, typ))
        synsets[sid] = lits
        for sr in el.findall("SR"):
            typ = sr.findtext("TYPE") or ""
            target = (sr.text or "").strip()
            if typ in SYNONYM_RELATIONS:
                syn_rel.append((sid, target, SYNONYM_RELATIONS[typ]))
            elif typ == "DERIVATION_RELATED":
                syn_rel.append((sid, target, DERIVATION_WEIGHT))
            elif typ == "ANTONYM":
                syn_rel.append((sid, target, -1.0))
        el.clear()
    index: dict[str, int] = {}
    for lits in synsets.values():
        for w in lits:
            if w is not None:
                index.setdefault(w, len(index))
    srows: list[int] = []
    scols: list[int] = []
    svals: list[float] = []
    arows: list[int] = []
    acols: list[int] = []

    def ids(lits: list[str | None]) -> list[int]:
        return [index[w] for w in lits if w is not None]

    for lits in synsets.values():
        m = ids(lits)
        for a in m:
            for b in m:
                if a != b:
                    srows.append(a)
                    scols.append(b)
                    svals.append(1.0)
    for src, dst, weight in syn_rel:
        if dst not in synsets:
            continue
        a_ids, b_ids = ids(synsets[src]), ids(synsets[dst])
        for a in a_ids:
            for b in b_ids:
                if a == b:
                    continue
                if weight < 0:
                    arows.append(a)
                    acols.append(b)
                else:
                    srows.append(a)
                    scols.append(b)
                    svals.append(weight)
    for src, j, dst, to, typ in lit_rel:
        if dst not in synsets or j >= len(synsets[src]) or synsets[src][j] is None:
            continue
        a = index[synsets[src][j]]  # type: ignore[index]
        targets = synsets[dst]
        if to is not None and 1 <= to <= len(targets):
            targets = [targets[to - 1]]
        for b in ids(targets):
            if a == b:
                continue
            if typ == "ANTONYM":
                arows.append(a)
                acols.append(b)
            elif typ in SYNONYM_RELATIONS or typ == "DERIVATION_RELATED":
                srows.append(a)
                scols.append(b)
                svals.append(SYNONYM_RELATIONS.get(typ, DERIVATION_WEIGHT))
    n = len(index)

    def sym(r: list[int], c: list[int], v: list[float] | None) -> sp.csr_matrix:
        vals = np.ones(len(r)) if v is None else np.asarray(v, dtype=np.float64)
        M = sp.csr_matrix(
            (vals, (np.asarray(r, dtype=np.int64), np.asarray(c, dtype=np.int64))), shape=(n, n)
        )
        M = M.maximum(M.T).tocsr()  # duplicates summed above; symmetric, max of both directions
        M.data = np.minimum(M.data, 1.0)
        return M

    return WordGraph(list(index), sym(srows, scols, svals), sym(arows, acols, None))


__all__ = [
    "DERIVATION_WEIGHT",
    "SYNONYM_RELATIONS",
    "WordGraph",
    "load_wordnet_graph",
    "wordnet_file",
]
