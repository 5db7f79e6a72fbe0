"""Turkish text → :class:`~sentikit.doc.Document` (the ``LanguageProcessor`` for ``"tr"``).

Fast path (``analyze=False``): tokens with ``norm`` (:mod:`~sentikit.lang.tr.tokenize`,
:mod:`~sentikit.lang.tr.normalize`), sentences (:mod:`~sentikit.lang.tr.sentences`) and
``negated`` flags from word forms (:mod:`~sentikit.lang.tr.fast_negation`: a shipped table of
negated verb forms and lexical rules); no morphology is loaded.

``analyze=True`` adds, per batch:

1. repair of letter-repeat squeezing where morphology prefers a double (``saaaat → saat``);
2. deasciification of word norms (:class:`~sentikit.lang.tr.deasciify.Deasciifier`; strict mode
   for texts that already contain Turkish letters);
3. morphology of every distinct word type of the batch once (a word and its apostrophe suffix
   are analyzed together: ``Ankara'da``), disambiguated per sentence; the word token gets
   ``lemma``, ``pos`` and ``morphemes`` of the whole word; its suffix token keeps only ``norm``.
   Words without a reading get ``lemma = norm`` and ``pos = "Unk"``; numbers ``pos = "Num"``,
   punctuation ``pos = "Punc"``;
4. negation (:mod:`~sentikit.lang.tr.negation`), replacing the fast path's morphology-free
   flags (:mod:`~sentikit.lang.tr.fast_negation`).

Examples
--------
>>> p = TurkishProcessor()
>>> doc = p.make_doc("Filmi hiç beğenmedim ama müzikleri güzeldi.")
>>> [t.norm for t in doc.tokens], len(doc.sentences)
(['filmi', 'hiç', 'beğenmedim', 'ama', 'müzikleri', 'güzeldi', '.'], 1)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from contextlib import nullcontext

from sentikit.doc import Document, Morpheme, Token, TokenColumns
from sentikit.errors import InputError
from sentikit.lang.base import gc_paused
from sentikit.lang.masking import get_masker
from sentikit.lang.phrases import mask_document, merge_columns
from sentikit.lang.tr import fast_negation
from sentikit.lang.tr.deasciify import Deasciifier, FrequencySource
from sentikit.lang.tr.lexer import TOKEN_RE
from sentikit.lang.tr.morphology import (
    Analysis,
    MorphAnalyzer,
    get_analyzer,
    number_analysis,
)
from sentikit.lang.tr.negation import mark_negation
from sentikit.lang.tr.normalize import (
    has_turkish_letters,
    squeeze_candidates,
    tr_lower,
    tr_upper,
)
from sentikit.lang.tr.sentences import split_column_sentences
from sentikit.lang.tr.tokenize import _norm, token_columns, tokenize

__all__ = ["TurkishProcessor"]

_TERM_SKIP = frozenset({"punct", "other"})
_CIRC = str.maketrans("âîûÂÎÛ", "aiuAIU")


class TurkishProcessor:
    """Turkish tokenization, normalization, sentences and (optionally) morphology and negation.

    Parameters
    ----------
    morph : str, MorphAnalyzer or None
        Morphology backend: ``"zeyrek"`` (default), ``"zemberek"`` (needs
        ``sentikit[zemberek]``), an analyzer object, or ``None`` (``analyze=True`` then only
        marks lexical negators; no lemmas).
    deasciify : bool
        Restore Turkish letters in ASCII-typed words when analyzing.
    cache_path : str or PathLike, optional
        On-disk morphology cache (default ``$SENTIKIT_CACHE_DIR`` if set).
    mask : bool, default True
        Neutralize identity and entity terms in ``norm`` (:mod:`sentikit.lang.masking`:
        ``<identity>``, ``<person>``, ``<place>``, ``<num>``); an identity phrase (``trans
        kadın``, ``Suriyeli biri``) becomes one token with the norm ``<identity>`` (its text
        and span those of the whole phrase); ``Token.text`` is kept.

    Notes
    -----
    The backend is created on first use of ``analyze=True`` and loads lazily.
    """

    lang = "tr"

    def __init__(
        self,
        morph: str | MorphAnalyzer | None = "zeyrek",
        deasciify: bool = True,
        cache_path: str | os.PathLike[str] | None = None,
        mask: bool = True,
    ):
        if morph is not None and not isinstance(morph, str | MorphAnalyzer):
            raise InputError(f"morph must be a backend name, an analyzer or None, not {morph!r}")
        if isinstance(morph, str) and morph not in ("zeyrek", "zemberek"):
            raise InputError(f"unknown morphology backend {morph!r}; use 'zeyrek' or 'zemberek'")
        self._morph_spec = morph
        self._morph: MorphAnalyzer | None = None if isinstance(morph, str) else morph
        self.use_deasciify = bool(deasciify)
        self.cache_path = cache_path
        self.mask = bool(mask)
        self._deasciifier: Deasciifier | None = None
        self._freq: FrequencySource | None = None
        self._lock = threading.Lock()

    # -- lazily created components ----------------------------------------------------------------
    @property
    def morph(self) -> MorphAnalyzer | None:
        """The morphological analyzer (created on first access; ``None`` when disabled)."""
        if self._morph is None and isinstance(self._morph_spec, str):
            with self._lock:
                if self._morph is None:
                    self._morph = get_analyzer(self._morph_spec, cache_path=self.cache_path)
        return self._morph

    @property
    def deasciifier(self) -> Deasciifier | None:
        """The deasciifier (``None`` when disabled or without morphology)."""
        if not self.use_deasciify or self.morph is None:
            return None
        if self._deasciifier is None:
            self._deasciifier = Deasciifier(morph=self.morph, frequencies=self._freq)
        return self._deasciifier

    # -- fast path ---------------------------------------------------------------------------------
    def tokenize(self, text: str) -> list[Token]:
        """Tokens of ``text`` with ``norm`` (see :func:`sentikit.lang.tr.tokenize.tokenize`)."""
        return tokenize(text)

    def terms(self, text: str) -> list[str]:
        """Normalized forms of the non-punctuation tokens of ``text``, without building a Document.

        Equal to ``[t.norm for t in make_doc(text).tokens if t.kind not in ("punct", "other")]``.

        Examples
        --------
        >>> TurkishProcessor().terms("Çoook güzel, Ankara'da izledim :)")
        ['çok', 'güzel', '<place>', "'de", 'izledim', ':)']
        >>> TurkishProcessor(mask=False).terms("Çoook güzel, Ankara'da izledim :)")
        ['çok', 'güzel', 'ankara', "'da", 'izledim', ':)']
        """
        if not isinstance(text, str):
            raise InputError(f"terms() expects a str, got {type(text).__name__}")
        if self.mask:  # the masked norms of make_doc (sentikit.lang.masking)
            texts, starts, ends, norms, kinds = token_columns(text)
            masker = get_masker("tr")
            masked, runs = masker.mask_phrases(norms, kinds, texts, starts, ends)
            if runs:  # each identity phrase is one token; no phrase crosses a sentence start
                sents = split_column_sentences(text, texts, starts, ends, kinds)
                masked, runs = masker.mask_phrases(norms, kinds, texts, starts, ends, sents)
            norms = masked
            if runs:
                _, _, _, norms, kinds, _ = merge_columns(
                    text, runs, texts, starts, ends, norms, kinds, None
                )
            return [n for n, k in zip(norms, kinds, strict=True) if k not in _TERM_SKIP]
        out = []
        for m in TOKEN_RE.finditer(text):
            kind = m.lastgroup or "other"
            if kind not in _TERM_SKIP:
                out.append(_norm(m.group(), kind))
        return out

    def _fast_doc(self, text: str, id: str | None, mask: bool = True) -> Document:
        """Tokens (kept as columns until read) and sentences of one text."""
        if not isinstance(text, str):
            raise InputError(f"text must be a str, got {type(text).__name__}")
        texts, starts, ends, norms, kinds = token_columns(text)
        if not texts:
            return Document(text, id, "tr", [], [])
        sents = split_column_sentences(text, texts, starts, ends, kinds)
        spans = [(s.token_start, s.token_end) for s in sents] if sents else [(0, len(texts))]
        neg = fast_negation.negation_flags(norms, kinds, spans)  # morphology-free negation
        if mask:  # identity and entity terms (sentikit.lang.masking)
            norms, runs = get_masker("tr").mask_phrases(norms, kinds, texts, starts, ends, sents)
            if runs:  # each identity phrase becomes one token
                texts, starts, ends, norms, kinds, neg = merge_columns(
                    text, runs, texts, starts, ends, norms, kinds, neg, sents
                )
        return Document.from_columns(
            text, TokenColumns(texts, starts, ends, norms, kinds, neg), sents, id, "tr"
        )

    def make_doc(self, text: str, id: str | None = None, analyze: bool = False) -> Document:
        """Tokenize, normalize and sentence-split ``text``; annotate it when ``analyze``.

        Raises
        ------
        InputError
            When ``text`` is not a string.
        """
        return self.make_docs([text], [id], analyze=analyze)[0]

    def make_docs(
        self,
        texts: Iterable[str],
        ids: Sequence[str | None] | None = None,
        analyze: bool = False,
    ) -> list[Document]:
        """Batched :meth:`make_doc`; with ``analyze`` each distinct word type is analyzed once."""
        texts = list(texts)
        if ids is None:
            id_list: list[str | None] = [None] * len(texts)
        else:
            id_list = list(ids)
            if len(id_list) != len(texts):
                raise InputError(f"got {len(texts)} texts but {len(id_list)} ids")
        # Building many small objects triggers the cyclic GC over and over (≈3× slower); they
        # hold no reference cycles, so collection is paused while a batch is built.
        with gc_paused() if len(texts) > 32 else nullcontext():
            # the analyzed path masks after morphology and deasciification (mask_document below)
            fast_mask = self.mask and not analyze
            docs = [self._fast_doc(t, i, fast_mask) for t, i in zip(texts, id_list, strict=True)]
        if analyze:
            self.annotate(docs)
            if self.mask:
                for doc in docs:
                    mask_document(doc, "tr")
        return docs

    # -- analysis ----------------------------------------------------------------------------
    def annotate(self, docs: Sequence[Document]) -> None:
        """Add morphology, deasciified norms and negation to fast-path documents, in place."""
        morph = self.morph
        units_per_doc: list[list[tuple[int, int]]] = []
        for doc in docs:
            toks = doc.tokens
            units = []
            for i, t in enumerate(toks):
                if t.kind == "word":
                    j = i + 1
                    has_sfx = j < len(toks) and toks[j].kind == "suffix" and toks[j].start == t.end
                    units.append((i, j if has_sfx else -1))
            units_per_doc.append(units)

        if morph is not None:
            self._repair_squeezes(docs, units_per_doc, morph)
            dea = self.deasciifier
            if dea is not None:
                for doc, units in zip(docs, units_per_doc, strict=True):
                    strict = has_turkish_letters(doc.text)
                    for i, _ in units:
                        t = doc.tokens[i]
                        new = dea.restore_word(t.form, strict)
                        if new != t.form:
                            t.norm = new

        unit_words: list[list[str]] = []
        for doc, units in zip(docs, units_per_doc, strict=True):
            toks = doc.tokens
            words = []
            for i, j in units:
                w = toks[i].form + (toks[j].form if j >= 0 else "")
                if toks[i].text[:1].isupper():
                    w = tr_upper(w[:1]) + w[1:]
                words.append(w)
            unit_words.append(words)
        if morph is not None:
            morph.analyze_many(w for ws in unit_words for w in ws)

        for doc, units, words in zip(docs, units_per_doc, unit_words, strict=True):
            self._annotate_doc(doc, units, words, morph)

    def _repair_squeezes(
        self,
        docs: Sequence[Document],
        units_per_doc: list[list[tuple[int, int]]],
        morph: MorphAnalyzer,
    ) -> None:
        todo: list[Token] = []
        for doc, units in zip(docs, units_per_doc, strict=True):
            for i, _ in units:
                t = doc.tokens[i]
                if len(t.form) < len(t.text) and any(
                    t.text[k] == t.text[k + 1] == t.text[k + 2] for k in range(len(t.text) - 2)
                ):
                    todo.append(t)
        if not todo:
            return
        cands = {t.text: squeeze_candidates(tr_lower(t.text).translate(_CIRC)) for t in todo}
        got = morph.analyze_many(c for cs in cands.values() for c in cs)
        freq = self._frequencies()
        for t in todo:
            valid = [c for c in cands[t.text] if got[c]]
            if valid:
                # the most frequent analyzable spelling ("saaaat" -> "saat", not "sat")
                t.norm = max(valid, key=lambda c: (freq.zipf(c) or 0.0, -len(c)))

    def _frequencies(self) -> FrequencySource:
        if self._freq is None:
            dea = self._deasciifier
            self._freq = dea.freq if dea is not None else FrequencySource()
        return self._freq

    def _annotate_doc(
        self,
        doc: Document,
        units: list[tuple[int, int]],
        words: list[str],
        morph: MorphAnalyzer | None,
    ) -> None:
        toks = doc.tokens
        analyses: list[Analysis | None] = [None] * len(toks)
        if morph is not None and units:
            unit_at = {i: k for k, (i, _) in enumerate(units)}
            for sent in doc.sentences:
                idx = [unit_at[i] for i in range(sent.token_start, sent.token_end) if i in unit_at]
                if not idx:
                    continue
                best = morph.disambiguate([words[k] for k in idx])
                for k, a in zip(idx, best, strict=True):
                    analyses[units[k][0]] = a
        for i, t in enumerate(toks):
            t.negated = False  # the fast path's guess; mark_negation below decides
            kind = t.kind
            if kind == "word":
                a = analyses[i]
                if a is None:
                    t.lemma, t.pos, t.morphemes = t.form, "Unk", []
                else:
                    t.lemma, t.pos = a.lemma, a.pos
                    t.morphemes = [Morpheme(form=m.form, tag=m.tag) for m in a.morphemes]
            elif kind == "number":
                nums = number_analysis(t.text)
                if nums:
                    analyses[i] = nums[0]
                t.lemma, t.pos = t.text, "Num"
                t.morphemes = [Morpheme(form=t.text, tag="Num")]
            elif kind == "punct":
                t.pos = "Punc"
        mark_negation(toks, doc.sentences, analyses)
