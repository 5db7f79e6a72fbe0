"""Restore Turkish letters in words typed without them (``guzel → güzel``, ``cok → çok``).

A writer without a Turkish keyboard types ``c g i o s u`` for ``ç ğ ı ö ş ü``. For a word that
could be such a folding, the candidates are the spellings whose ASCII folding equals the word's:

1. words of the ``wordfreq`` Turkish list with that folding (an index built once; ``wordfreq``
   is optional: without it the frequency evidence is simply absent);
2. the morphological analyzer's diacritic-insensitive readings
   (:meth:`~sentikit.lang.tr.morphology.BaseAnalyzer.analyze_ascii`: one search of the
   morphotactics instead of one analysis per candidate); for an analyzer without that ability,
   the candidates are enumerated over the ambiguous letters, fewest changes first, bounded by
   ``max_candidates`` and checked with ``analyze`` at most ``max_checks`` times.

A candidate is accepted only where the morphology confirms it (it has an analysis) and

* the word as written has no analysis, or
* the word has one but is rarer: the candidate's Zipf frequency exceeds the word's by
  ``min_gain`` (``sikici`` 3.3 → ``sıkıcı`` 4.6). Words missing from the list count as Zipf
  ``ABSENT_ZIPF``. In *strict* mode (used for texts that contain Turkish letters elsewhere, so
  the writer can type them) the margin is ``min_gain_strict`` (2.0).

Candidates are ranked by frequency, then by fewer derivations, then non-proper-noun readings.
Words that already contain ``ç ğ ö ş ü`` are left alone. Results are cached per word.

Examples
--------
>>> d = Deasciifier()  # doctest: +SKIP
>>> [d.restore_word(w) for w in ["guzel", "begenmedim", "sikici", "kitap"]]  # doctest: +SKIP
['güzel', 'beğenmedim', 'sıkıcı', 'kitap']
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import combinations

from sentikit.lang.tr.morphology import (
    Analysis,
    BaseAnalyzer,
    MorphAnalyzer,
    get_analyzer,
    word_key,
)
from sentikit.lang.tr.normalize import (
    ASCII_FOLD,
    fold_diacritics,
    has_turkish_letters,
    tr_upper,
)

__all__ = ["ABSENT_ZIPF", "Deasciifier", "FrequencySource", "strip_diacritics"]

ABSENT_ZIPF = 2.5
"""Zipf frequency assumed for a word missing from wordfreq's Turkish list (its floor is 3.0)."""

_SWAP = {"c": "ç", "g": "ğ", "i": "ı", "o": "ö", "s": "ş", "u": "ü", "ı": "i"}
_HARD_TR = frozenset("çğöşü")


def strip_diacritics(text: str) -> str:
    """Fold Turkish letters to ASCII (alias of :func:`~sentikit.lang.tr.normalize.fold_diacritics`).

    Examples
    --------
    >>> strip_diacritics("Çok güzel")
    'Cok guzel'
    """
    return fold_diacritics(text)


class FrequencySource:
    """Turkish word frequencies from ``wordfreq`` (optional) with an index by ASCII folding.

    ``available`` is False when ``wordfreq`` is not importable; every word then has
    frequency ``None``.
    """

    def __init__(self, use_wordfreq: bool = True):
        self._freq: dict[str, float] = {}
        self._by_fold: dict[str, list[str]] = {}
        self.available = False
        if use_wordfreq:
            try:
                import wordfreq

                freqs = wordfreq.get_frequency_dict("tr", wordlist="best")
            except Exception:  # noqa: BLE001 - any failure means "no frequency source"
                freqs = {}
            if freqs:
                self.available = True
                for w, f in freqs.items():
                    if f <= 0 or not w.isalpha():
                        continue
                    self._freq[w] = math.log10(f) + 9.0
                    self._by_fold.setdefault(w.translate(ASCII_FOLD), []).append(w)

    def zipf(self, word: str) -> float | None:
        """Zipf frequency (log10 per billion words) or ``None`` when unknown."""
        return self._freq.get(word)

    def same_folding(self, folded: str) -> list[str]:
        """Listed words whose ASCII folding is ``folded``."""
        return self._by_fold.get(folded, [])


class Deasciifier:
    """Restore Turkish letters where the morphology confirms the reading.

    Parameters
    ----------
    morph : str or MorphAnalyzer, optional
        The analyzer that confirms candidates (default ``"zeyrek"``, loaded lazily). ``None``
        gives a frequency-only restorer (a candidate then needs ``wordfreq`` evidence).
    use_wordfreq : bool
        Use ``wordfreq``'s Turkish frequencies when importable.
    min_gain : float
        Zipf margin by which a candidate must beat an analyzable original (0.5: best of
        0.5–2.0 on reviews 1000–1199 of the movie corpus, see
        ``docs/notes/morphology-benchmark.md``).
    min_gain_strict : float
        The margin in strict mode.
    max_candidates, max_checks : int
        Bounds of the enumeration used for analyzers without diacritic-insensitive analysis.
    frequencies : FrequencySource, optional
        A frequency source to share (built from ``wordfreq`` when omitted).
    """

    def __init__(
        self,
        morph: str | MorphAnalyzer | None = "zeyrek",
        use_wordfreq: bool = True,
        min_gain: float = 0.5,
        min_gain_strict: float = 2.0,
        max_candidates: int = 256,
        max_checks: int = 24,
        frequencies: FrequencySource | None = None,
    ):
        self.morph: MorphAnalyzer | None = get_analyzer(morph) if morph is not None else None
        self.freq = frequencies if frequencies is not None else FrequencySource(use_wordfreq)
        self.min_gain = float(min_gain)
        self.min_gain_strict = float(min_gain_strict)
        self.max_candidates = int(max_candidates)
        self.max_checks = int(max_checks)
        self._cache: dict[tuple[str, bool], str] = {}

    # -- helpers --------------------------------------------------------------------------------
    def _analyses(self, word: str) -> list[Analysis]:
        return self.morph.analyze(word) if self.morph is not None else []

    def _z(self, word: str) -> float:
        z = self.freq.zipf(word)
        return ABSENT_ZIPF if z is None else z

    def _enumerate(self, low: str) -> Iterator[str]:
        pos = [i for i, c in enumerate(low) if c in _SWAP]
        n = 0
        for r in range(1, len(pos) + 1):
            for combo in combinations(pos, r):
                chars = list(low)
                for i in combo:
                    chars[i] = _SWAP[chars[i]]
                yield "".join(chars)
                n += 1
                if n >= self.max_candidates:
                    return

    def candidates(self, word: str) -> list[str]:
        """Morphologically confirmed respellings of ``word`` (lowercase), best first.

        The original spelling is not included.
        """
        low = word_key(word)
        folded = low.translate(ASCII_FOLD)
        cands: dict[str, list[Analysis]] = {}
        for w in self.freq.same_folding(folded):
            if w != low:
                an = self._analyses(w) if self.morph is not None else []
                if an or self.morph is None:
                    cands[w] = list(an)  # a copy: the analyzer's lists are its cache
        if self.morph is not None:
            if isinstance(self.morph, BaseAnalyzer) and self.morph.supports_ascii:
                for a in self.morph.analyze_ascii(low):
                    s = a.surface
                    if s != low.replace("'", "") and s.translate(ASCII_FOLD) == folded.replace(
                        "'", ""
                    ):
                        cands.setdefault(s, []).append(a)
            elif not cands:
                for checks, c in enumerate(self._enumerate(low), start=1):
                    an = self._analyses(c)
                    if an:
                        cands[c] = list(an)
                        break
                    if checks >= self.max_checks:
                        break

        def rank(item: tuple[str, list[Analysis]]) -> tuple[float, int, int]:
            w, an = item
            der = min((a.derivations for a in an), default=0)
            prop = int(bool(an) and all(a.subpos == "Prop" for a in an))
            return (-self._z(w), der, prop)

        return [w for w, _ in sorted(cands.items(), key=rank)]

    # -- public ---------------------------------------------------------------------------------
    def restore_word(self, word: str, strict: bool = False) -> str:
        """The word with its Turkish letters restored, or unchanged.

        Parameters
        ----------
        word : str
            One word; its letter case pattern is kept.
        strict : bool
            Use ``min_gain_strict`` (for texts whose writer types Turkish letters).

        Examples
        --------
        >>> Deasciifier().restore_word("Cok")  # doctest: +SKIP
        'Çok'
        """
        if not word or not isinstance(word, str):
            return word
        low = word_key(word)
        if not _HARD_TR.isdisjoint(low) or not any(c in _SWAP for c in low):
            return word
        ck = (low, strict)
        res = self._cache.get(ck)
        if res is None:
            res = self._restore_lower(low, strict)
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[ck] = res
        return word if res == low else _apply_case(word, res)

    def _restore_lower(self, low: str, strict: bool) -> str:
        has_orig = bool(self._analyses(low)) if self.morph is not None else False
        if self.morph is None and self.freq.zipf(low) is not None:
            has_orig = True
        if has_orig:
            # Only a listed, much more frequent spelling can win: no diacritic-insensitive search
            # is needed, and only those few candidates are analyzed.
            if not self.freq.available:
                return low
            margin = self.min_gain_strict if strict else self.min_gain
            floor = self._z(low) + margin
            folded = low.translate(ASCII_FOLD)
            better = [
                w
                for w in self.freq.same_folding(folded)
                if w != low and (self.freq.zipf(w) or 0.0) >= floor
            ]
            better.sort(key=lambda w: -self._z(w))
            for w in better:
                if self.morph is None or self._analyses(w):
                    return w
            return low
        cands = self.candidates(low)
        if not cands:
            return low
        best = cands[0]
        if self.morph is None and self.freq.zipf(best) is None:
            return low
        return best

    def restore_words(self, words: Sequence[str], strict: bool = False) -> list[str]:
        """:meth:`restore_word` for each word (analyses are batched when possible)."""
        if self.morph is not None:
            self.morph.analyze_many(w for w in words if w)
        return [self.restore_word(w, strict) for w in words]

    def restore(self, text: str, strict: bool | None = None) -> str:
        """Restore the Turkish letters of every word of ``text``; everything else is kept.

        ``strict=None`` chooses strict mode when the text already contains Turkish letters.

        Examples
        --------
        >>> Deasciifier().restore("Film cok guzeldi ama sonu kotu.")  # doctest: +SKIP
        'Film çok güzeldi ama sonu kötü.'
        """
        from sentikit.lang.tr.tokenize import tokenize

        if strict is None:
            strict = has_turkish_letters(text)
        toks = tokenize(text, normalize=False)
        words = [t.text for t in toks if t.kind == "word"]
        fixed = dict(zip(words, self.restore_words(words, strict), strict=True))
        out: list[str] = []
        last = 0
        for t in toks:
            out.append(text[last : t.start])
            out.append(fixed.get(t.text, t.text) if t.kind == "word" else t.text)
            last = t.end
        out.append(text[last:])
        return "".join(out)


def _apply_case(orig: str, res: str) -> str:
    """Copy the letter case of ``orig`` onto the lowercase ``res`` (Turkish rules)."""
    if len(orig) != len(res):
        return res
    if orig.isupper():
        return tr_upper(res)
    return "".join(tr_upper(r) if o.isupper() else r for o, r in zip(orig, res, strict=True))
