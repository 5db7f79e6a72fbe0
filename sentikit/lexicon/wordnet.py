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
from dataclasses import dataclass, field
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


@dataclass
class _ParsedWordNet:
    """The parts of a WordNet XML the graph is built from."""

    #: synset id → its literals' node keys (None: not a single-word literal), in file order.
    synsets: dict[str, list[str | None]] = field(default_factory=dict)
    #: synset → synset relations: (source, target, weight; negative for antonymy).
    synset_relations: list[tuple[str, str, float]] = field(default_factory=list)
    #: literal relations: (synset, literal index, target synset, target literal TO, type).
    literal_relations: list[tuple[str, int, str, int | None, str]] = field(default_factory=list)


@dataclass
class _Edges:
    """Edge lists of the synonym (weighted) and antonym graphs, in the order they are found."""

    srows: list[int] = field(default_factory=list)
    scols: list[int] = field(default_factory=list)
    svals: list[float] = field(default_factory=list)
    arows: list[int] = field(default_factory=list)
    acols: list[int] = field(default_factory=list)

    def synonym(self, a: int, b: int, weight: float) -> None:
        self.srows.append(a)
        self.scols.append(b)
        self.svals.append(weight)

    def antonym(self, a: int, b: int) -> None:
        self.arows.append(a)
        self.acols.append(b)


def _parse_synset(el: ET.Element, sid: str, lang: str, parsed: _ParsedWordNet) -> None:
    """Record one ``SYNSET`` element's literals and relations in ``parsed``."""
    lits: list[str | None] = []
    syn = el.find("SYNONYM")
    for j, lit in enumerate(syn.findall("LITERAL") if syn is not None else []):
        lits.append(_literal_key(lit.text or "", lang))
        for sr in lit.findall("SR"):
            typ = sr.findtext("TYPE") or ""
            to = sr.findtext("TO")
            parsed.literal_relations.append(
                (sid, j, (sr.text or "").strip(), int(to) if to else None, typ)
            )
    parsed.synsets[sid] = lits
    for sr in el.findall("SR"):
        typ = sr.findtext("TYPE") or ""
        target = (sr.text or "").strip()
        if typ in SYNONYM_RELATIONS:
            parsed.synset_relations.append((sid, target, SYNONYM_RELATIONS[typ]))
        elif typ == "DERIVATION_RELATED":
            parsed.synset_relations.append((sid, target, DERIVATION_WEIGHT))
        elif typ == "ANTONYM":
            parsed.synset_relations.append((sid, target, -1.0))


def _parse_wordnet(xml_path: Path, lang: str) -> _ParsedWordNet:
    """Stream the synsets of a WordNet XML file (``iterparse``, elements cleared as read)."""
    parsed = _ParsedWordNet()
    for _, el in ET.iterparse(xml_path, events=("end",)):
        if el.tag != "SYNSET":
            continue
        sid = el.findtext("ID")
        if sid is not None:
            _parse_synset(el, sid, lang, parsed)
        el.clear()
    return parsed


def _term_index(synsets: dict[str, list[str | None]]) -> dict[str, int]:
    """``term → node id``, in order of first appearance."""
    index: dict[str, int] = {}
    for lits in synsets.values():
        for w in lits:
            if w is not None:
                index.setdefault(w, len(index))
    return index


def _graph_edges(parsed: _ParsedWordNet, index: dict[str, int]) -> _Edges:
    """The edges of the word graph: within synsets, then synset links, then literal links."""
    synsets = parsed.synsets
    edges = _Edges()

    def ids(lits: list[str | None]) -> list[int]:
        return [index[w] for w in lits if w is not None]

    for lits in synsets.values():
        m = ids(lits)
        for a in m:
            for b in m:
                if a != b:
                    edges.synonym(a, b, 1.0)
    for src, dst, weight in parsed.synset_relations:
        if dst not in synsets:
            continue
        a_ids, b_ids = ids(synsets[src]), ids(synsets[dst])
        for a in a_ids:
            for b in b_ids:
                if a == b:
                    continue
                if weight < 0:
                    edges.antonym(a, b)
                else:
                    edges.synonym(a, b, weight)
    for src, j, dst, to, typ in parsed.literal_relations:
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
                edges.antonym(a, b)
            elif typ in SYNONYM_RELATIONS or typ == "DERIVATION_RELATED":
                edges.synonym(a, b, SYNONYM_RELATIONS.get(typ, DERIVATION_WEIGHT))
    return edges


def _symmetric(r: list[int], c: list[int], v: list[float] | None, n: int) -> sp.csr_matrix:
    """An ``n × n`` adjacency from edge lists: duplicates summed, then the maximum of both
    directions, capped at 1 (``v`` None: every edge weighs 1)."""
    vals = np.ones(len(r)) if v is None else np.asarray(v, dtype=np.float64)
    M = sp.csr_matrix(
        (vals, (np.asarray(r, dtype=np.int64), np.asarray(c, dtype=np.int64))), shape=(n, n)
    )
    M = M.maximum(M.T).tocsr()  # duplicates summed above; symmetric, max of both directions
    M.data = np.minimum(M.data, 1.0)
    return M


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
    parsed = _parse_wordnet(xml_path, lang)
    index = _term_index(parsed.synsets)
    edges = _graph_edges(parsed, index)
    n = len(index)
    return WordGraph(
        list(index),
        _symmetric(edges.srows, edges.scols, edges.svals, n),
        _symmetric(edges.arows, edges.acols, None, n),
    )


__all__ = [
    "DERIVATION_WEIGHT",
    "SYNONYM_RELATIONS",
    "WordGraph",
    "load_wordnet_graph",
    "wordnet_file",
]
