"""Sentiment composition over a linear model's decision: negation and contrast (issue 17).

A bag-of-n-grams model learns what *not*, *değil* or *but* did in its training texts, not what
they do: "not bad" reads as *not* (negative in most reviews) plus *bad*. Composition reads the
model's own token shares (``LinearEnsembleClassifier.token_contributions``: exact, additive
parts of ``log P(positive) / P(negative)``) and moves the decision by two rules
of compositional sentiment (Polanyi & Zaenen 2006; Taboada et al. 2011):

**Negation reverses the polar words it covers.** For a row (a document, sentence or clause):

- its *scope*: English — the head a negator governs, the first word after it that is not a
  determiner, degree adverb, auxiliary or linking verb ("not a very *good* film", "never
  *disappoints*", "no *problems*"), and the rest of the clause after a negated verb of opinion
  ("I don't think it is *bad*"); Turkish — the scopes of :mod:`sentikit.lang.tr.fast_negation`
  (the constituent before *değil* / *yok*, the stretch after *hiç*, the complement of a negated
  light verb), and the clause before a negated verb of opinion ("kötü olduğunu
  *düşünmüyorum*");
- the *affirmative*: the row with nothing marked negated, and a Turkish verb negated by its
  suffix whose stem a lexicon calls negative replaced by that stem (``sıkılmadım`` → ``sıkıl``;
  a negated positive verb such as ``beğenmedim`` keeps its own learnt reading, which the
  corpora teach well);
- the decision is the model's logits of the affirmative, with the share of each *polar* word
  of the scope (a word of the polarity lexicons the model was trained with, :func:`polar_map`)
  replaced by ``−sign · |share|``: the opposite of its lexicon polarity, at the strength the
  model gives it — so a word the corpora mostly saw negated ("fena" of "fena değil") still
  turns the right way. When what is negated is negative, the cue word's own share is removed
  too: a cue's learnt lean is that of negating mostly positive words. Words of the scope that
  no lexicon calls polar keep their share ("can't *stop* laughing" is left to the model).

**Contrast: the main clause decides.** The clause that a contrast conjunction concedes — the part
of the sentence before *but* / *however* / *ama* / *fakat* / *ancak* / *oysa* / *rağmen*, or the
clause that *although* / *though* / *whereas* opens — keeps only :data:`CONCESSION_WEIGHT` of
its tokens' shares.

The change of the shares moves the positive and negative logits by half each (the neutral
logit stays). Only rows of at most :data:`MAX_TOKENS` tokens with a polar word negated or a
clause conceded are recomposed, in one extra feature pass over those rows. The rules and the
lexicon choice were set on the behaviour suite's capabilities and checked against the
benchmarks' unseen test splits (``docs/notes/behaviour.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from sentikit.components import DataRef, Resources
from sentikit.doc import Document, TokenColumns
from sentikit.features.base import BatchContributions, BatchTransform
from sentikit.features.batch import TokenBatch, row_products
from sentikit.features.char_ngrams import CharNgrams
from sentikit.features.word_ngrams import WordNgrams
from sentikit.models.answers import answer_plan
from sentikit.models.intensity import INTENSIFIERS, intensify
from sentikit.models.negation_cues import Plan, Row, negation_cues
from sentikit.stats.weights import polarity_sides

__all__ = [
    "CONCESSION_WEIGHT",
    "COMPOSITION_RULES",
    "MAX_TOKENS",
    "POLAR_THRESHOLD",
    "Composer",
    "Row",
    "affirmative_document",
    "compose_batch",
    "composed_shares",
    "composer_for",
    "composition_plan",
    "turned_shares",
    "composition_data",
    "concession_spans",
    "polar_map",
]

#: The weight of the polarity evidence of a conceded clause ("the food was good" in "the food was
#: good but the service was slow"): half, as in the rule-based systems that weigh the clauses of a
#: contrast (Hutto & Gilbert 2014 use 0.5 before *but*); chosen a priori, then checked on the
#: benchmarks' unseen test splits, not on the behaviour suite.
CONCESSION_WEIGHT = 0.5

#: The rules a model may switch on (``"composition"`` of the model spec).
COMPOSITION_RULES = ("negation", "contrast", "answer", "intensity")

#: Rows (documents, sentences, clauses) of at most this many tokens are composed. The rules are
#: sentence rules; a longer row is a document of several sentences, whose sentence rows are
#: composed and whose own reading rests on much more evidence than one negation (and composing
#: it would cost as much as scoring it again, for every long review).
MAX_TOKENS = 64

#: A lexicon word counts as polar from this absolute score (the lexicons score in [−1, 1];
#: this keeps every word a lexicon gives a polarity to, but the near-zero scores that
#: synset-level lexicons give to objective words).
POLAR_THRESHOLD = 0.1

# Contrast conjunctions whose *preceding* clause is conceded ("A but B": B decides).
_BUT: dict[str, frozenset[str]] = {
    "en": frozenset({"but", "however", "nevertheless", "nonetheless", "yet"}),
    "tr": frozenset(
        {"ama", "fakat", "ancak", "lakin", "oysa", "oysaki", "halbuki", "rağmen", "ragmen"}
    ),
}
# Conjunctions that *open* the conceded clause ("although A, B": B decides).
_ALTHOUGH: dict[str, frozenset[str]] = {
    "en": frozenset({"although", "though", "whereas", "albeit"}),
    "tr": frozenset(),
}
# "not yet", "yet another": "yet" is a conjunction only after a comma or at a clause start.
_YET_AFTER = frozenset({",", ";", "and"})
SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLAUSE_END = frozenset({",", ";", ":", "-", "–", "—"})


def is_end(form: str, kind: str, ends: frozenset[str]) -> bool:
    """Whether a token is punctuation of ``ends`` (or a run starting with one, "?!")."""
    return kind == "punct" and (form in ends or form[:1] in ends)


def concession_spans(forms: Sequence[str], kinds: Sequence[str], lang: str) -> list[int]:
    """The token indices of the clauses a contrast conjunction concedes (see the module doc).

    Examples
    --------
    >>> f = ["the", "food", "was", "good", ",", "but", "the", "service", "was", "slow", "."]
    >>> concession_spans(f, ["word"] * 4 + ["punct"] + ["word"] * 5 + ["punct"], "en")
    [0, 1, 2, 3, 4]
    >>> f = ["although", "it", "was", "cheap", ",", "it", "broke", "."]
    >>> concession_spans(f, ["word"] * 4 + ["punct"] + ["word"] * 2 + ["punct"], "en")
    [0, 1, 2, 3, 4]
    """
    but, although = _BUT.get(lang, _BUT["en"]), _ALTHOUGH.get(lang, _ALTHOUGH["en"])
    if but.isdisjoint(forms) and although.isdisjoint(forms):
        return []
    out: set[int] = set()
    start = 0  # first token of the current sentence
    n = len(forms)
    for k, (f, kind) in enumerate(zip(forms, kinds, strict=True)):
        if is_end(f, kind, SENTENCE_END):
            start = k + 1
        elif f in but and kind == "word":
            if f == "yet" and not (k == start or forms[k - 1] in _YET_AFTER):
                continue
            if any(kinds[j] == "word" for j in range(start, k)):
                out.update(range(start, k))
        elif f in although and kind == "word":
            j = k + 1
            while j < n and not is_end(forms[j], kinds[j], SENTENCE_END | _CLAUSE_END):
                j += 1
            # the conceded clause ends at the clause break; the main clause must remain
            if any(kinds[i] == "word" for i in range(j, n)) or k > start:
                out.update(range(k, min(j + 1, n)))
    return sorted(out)


class Composable(Protocol):
    """What composition reads of a model: its fused logits before composition and each
    token's share of its positive-vs-negative logit."""

    lang: str
    classes_: Any
    composition: dict[str, Any] | None

    def linear_decision_batch(self, batch: TokenBatch) -> NDArray[np.float64]: ...

    def decision_and_shares(
        self, docs: Sequence[Document], tokens: Sequence[NDArray[np.bool_]]
    ) -> tuple[NDArray[np.float64], list[NDArray[np.float64]]]: ...


class Composer:
    """Negation and contrast composition of one model's fused logits (module doc).

    Parameters
    ----------
    lang : the model's language (``"en"`` or ``"tr"``).
    classes : the model's classes (the order of the fused logits).
    rules : the rules switched on, a subset of :data:`COMPOSITION_RULES`.
    """

    def __init__(
        self,
        lang: str,
        classes: Sequence[str],
        rules: Sequence[str],
        polar: Mapping[str, int] | None = None,
    ) -> None:
        unknown = sorted(set(rules) - set(COMPOSITION_RULES))
        if unknown:
            raise ValueError(f"unknown composition rules {unknown}; known: {COMPOSITION_RULES}")
        self.lang = lang
        self.rules = tuple(rules)
        self.concession_weight = CONCESSION_WEIGHT
        classes = [str(c) for c in classes]
        pos, neg = polarity_sides(classes)
        self.binary = len(classes) == 2
        self.pos = [classes.index(c) for c in pos]
        self.neg = [classes.index(c) for c in neg]
        self._cues = negation_cues(lang)
        self._cues.polar = polar
        words: set[str] = set()
        if "contrast" in self.rules:
            words |= _BUT.get(lang, _BUT["en"]) | _ALTHOUGH.get(lang, _ALTHOUGH["en"])
        if "negation" in self.rules:
            words |= self._cues.words()
        if "answer" in self.rules:
            words.add("?")
        if "intensity" in self.rules:
            words |= INTENSIFIERS.get(lang, INTENSIFIERS["en"])
        self._words = frozenset(words)
        self._marks_negation = lang == "tr" and "negation" in self.rules

    # -- which rows need it ------------------------------------------------------------------
    def rows_needing(self, batch: TokenBatch) -> list[tuple[int, Row, Plan]]:
        """``(row index, Row, Plan)`` of the rows of ``batch`` (documents, then segments)
        that composition changes: of at most :data:`MAX_TOKENS` tokens, with a polar word
        negated or a clause conceded. A document without any cue word is passed over with
        its segments after one set test."""
        out: list[tuple[int, Row, Plan]] = []
        whole: dict[int, Row] = {}

        def consider(index: int, row: Row) -> None:
            if len(row.forms) > MAX_TOKENS:
                return
            plan = self.plan(row)
            if any(plan.swapped) or any(plan.damped) or any(plan.muted) or any(plan.aligned):
                out.append((index, row, plan))

        for i, doc in enumerate(batch.docs):
            forms, negated = doc.token_forms(), doc.token_negated()
            if not self._may_need(forms, negated):
                continue
            row = Row(forms, doc.token_kinds(), negated)
            whole[i] = row
            consider(i, row)
        for k, (i, s) in enumerate(batch.segments):
            full = whole.get(i)
            if full is not None:
                a, b = s.token_start, s.token_end
                row = Row(full.forms[a:b], full.kinds[a:b], full.negated[a:b])
                if self._may_need(row.forms, row.negated):
                    consider(batch.n_docs + k, row)
        return out

    def _may_need(self, forms: Sequence[str], negated: Sequence[bool]) -> bool:
        """Whether a row may need composing: it has a cue word (or, in Turkish, a token
        marked negated). A row without one has neither a scope nor a conceded clause."""
        words = self._words
        if not words.isdisjoint(forms):
            return True
        return self._marks_negation and any(negated)

    def plan(self, row: Row) -> Plan:
        """The affirmative of ``row`` and the role of each of its tokens (:class:`Plan`)."""
        plan = self._plan(row)
        if "intensity" in self.rules:
            intensify(plan, self.lang, self._cues.lexicon_sign)
        return plan

    def _plan(self, row: Row) -> Plan:
        if "answer" in self.rules:
            answered = answer_plan(row, self.lang, self._cues.polarity)
            if answered is not None:
                return answered
        conceded = set(concession_spans(row.forms, row.kinds, self.lang))
        if "contrast" not in self.rules:
            conceded = set()
        scope = self._cues.scope(row) if "negation" in self.rules else None
        if scope is not None:
            plan = self._cues.variants(row, scope)
            if any(plan.swapped):
                plan.damped = [k in conceded for k in plan.where]
                return plan
        # nothing polar is negated: the learnt reading of the row stays
        n = len(row.forms)
        return Plan(
            Row(list(row.forms), list(row.kinds), list(row.negated)),
            list(range(n)),
            [False] * n,
            [False] * n,
            [k in conceded for k in range(n)],
            [0] * n,
        )

    def signed_shares(self, plan: Plan, d: NDArray[np.float64]) -> NDArray[np.float64]:
        """The composed shares of the affirmative's tokens, from their shares ``d`` in it.

        A negated token's share becomes ``−sign · |d|``: the opposite of the polarity its
        lexicon gives it (the model's own sign where the lexicon gives none), at the strength
        the model gives it — so that a word the corpora mostly saw negated ("fena" of "fena
        değil") still flips the right way. The cue words' shares are removed when what they
        negate is negative (a cue's learnt lean is that of negating mostly positive words,
        which points the wrong way for "not bad"). Conceded tokens are damped.
        """
        return self._signed([plan], np.asarray(d, dtype=np.float64), [len(d)])

    def _signed(
        self, plans: Sequence[Plan], d: NDArray[np.float64], lengths: Sequence[int]
    ) -> NDArray[np.float64]:
        """:meth:`signed_shares` of several plans at once (``d``: their shares, one after
        the other; ``lengths``: the number of tokens of each)."""
        sw = _column(plans, "swapped", len(d))
        sign = _column(plans, "sign", len(d), np.float64)
        sign = np.where(sign == 0.0, np.sign(d), sign)
        e = np.where(sw, -sign * np.abs(d), d)
        row = np.repeat(np.arange(len(plans)), lengths)
        lean = np.bincount(row[sw], weights=(sign * np.abs(d))[sw], minlength=len(plans))
        drop = (lean < 0.0)[row] & _column(plans, "cue", len(d))
        e = np.where(drop | _column(plans, "muted", len(d)), 0.0, e)
        aligned = _column(plans, "aligned", len(d), np.float64)
        e = np.where(aligned != 0, aligned * np.abs(d), e)
        return np.where(_column(plans, "damped", len(d)), self.concession_weight * e, e)

    def compose(
        self,
        picked: Sequence[tuple[int, Row, Plan]],
        model: Composable,
        total: NDArray[np.float64],
    ) -> NDArray[np.float64]:
        """The composed fused logits of the rows :meth:`rows_needing` picked: the model's
        logits of each row's affirmative, its positive-minus-negative logit moved by the
        change :meth:`signed_shares` makes to its tokens' polarity shares
        (:meth:`~Composable.decision_and_shares`)."""
        plans = [plan for _, _, plan in picked]
        docs = [_document(plan.row) for plan in plans]
        roles = ("swapped", "cue", "damped", "muted", "aligned")
        wanted = [
            np.logical_or.reduce([_column([p], r, len(p.where)) for r in roles]) for p in plans
        ]
        z, shares = model.decision_and_shares(docs, wanted)
        lengths = [len(d) for d in shares]
        d = np.concatenate(shares) if shares else np.zeros(0)
        row = np.repeat(np.arange(len(plans)), lengths)
        change = np.bincount(row, weights=self._signed(plans, d, lengths) - d, minlength=len(plans))
        z = z.copy()
        if self.binary:
            z[:, 0] += change
        else:  # half on the positive side, half on the negative: the neutral logit stays
            z[:, self.pos] += change[:, None] / 2.0
            z[:, self.neg] -= change[:, None] / 2.0
        return z


def _column(plans: Sequence[Plan], name: str, n: int, dtype: Any = np.bool_) -> NDArray[Any]:
    """The per-token list ``name`` of each plan (flags or signs), one after the other, as one
    array of ``n`` entries (a plan's empty list: all false / 0)."""
    return np.fromiter(
        chain.from_iterable(getattr(p, name) or [0] * len(p.where) for p in plans),
        dtype=dtype,
        count=n,
    )


def composition_data(spec: dict[str, Any] | None) -> list[DataRef]:
    """The data a composition spec learns its polarity map from (lexicons, trained models)."""
    if not spec:
        return []
    _check(spec)
    refs = [DataRef("lexicon", x) for x in spec.get("lexicons") or []]
    return refs + [DataRef("model", x) for x in spec.get("models") or []]


def _check(spec: dict[str, Any]) -> None:
    if not isinstance(spec, dict):
        raise ValueError(
            f"composition must be an object such as {{'rules': {list(COMPOSITION_RULES)}, "
            f"'lexicons': [...]}}, not {spec!r}"
        )
    unknown = sorted(set(spec) - {"rules", "lexicons", "models"})
    if unknown:
        raise ValueError(f"unknown composition settings {unknown}; known: rules, lexicons, models")


def polar_map(
    spec: dict[str, Any] | None, resources: Resources, lang: str
) -> dict[str, int] | None:
    """The polar words of a composition spec with their polarity (+1 / −1): every single-word
    entry of its lexicons with ``|score| ≥`` :data:`POLAR_THRESHOLD` (its sign the majority of
    the lexicons' signs; a tie is left out; a Turkish verb's infinitive ``-mAk`` becomes its
    stem, the form a negated verb leaves), and the maps of its trained models. ``None`` when
    the spec names none (every word of a scope then swaps)."""
    if not spec or not (spec.get("lexicons") or spec.get("models")):
        return None
    votes: dict[str, int] = {}
    for name in spec.get("lexicons") or []:
        for term, score in resources.lexicon(name).scores.items():
            if " " in term or abs(score) < POLAR_THRESHOLD or not term:
                continue
            term = term.lower()
            if lang == "tr" and term.endswith(("mak", "mek")) and len(term) > 4:
                term = term[:-3]
            votes[term] = votes.get(term, 0) + (1 if score > 0 else -1)
    out = {t: (1 if v > 0 else -1) for t, v in votes.items() if v != 0}
    for name in spec.get("models") or []:
        other = getattr(resources.model(name).model, "polar_", None) or {}
        for t, v in other.items():
            out.setdefault(t, int(v))
    return out


def composer_for(model: Composable) -> Composer | None:
    """The :class:`Composer` of a model's ``composition`` spec (cached on the model), or
    ``None`` when it has none."""
    spec = model.composition
    if not spec:
        return None
    polar = model.__dict__.get("polar_")
    key = (model.lang, tuple(map(str, model.classes_)), repr(spec), id(polar))
    cached = model.__dict__.get("_composer")
    if cached is None or cached[0] != key:
        _check(spec)
        rules = list(spec.get("rules") or COMPOSITION_RULES)
        cached = (key, Composer(model.lang, key[1], rules, polar))
        model.__dict__["_composer"] = cached
    composer: Composer = cached[1]
    return composer


def compose_batch(
    model: Composable, batch: TokenBatch, total: NDArray[np.float64]
) -> NDArray[np.float64]:
    """The fused logits ``total`` of ``batch``'s rows with the rows that negate or contrast
    recomposed (``total`` itself when the model has no composition or no row needs it)."""
    composer = composer_for(model)
    if composer is None:
        return total
    picked = composer.rows_needing(batch)
    if not picked:
        return total
    index = [i for i, _, _ in picked]
    composed = composer.compose(picked, model, total)
    out = total.copy()
    out[index] = composed[:, 0] if out.ndim == 1 else composed
    return out


def composition_plan(model: Composable, doc: Document) -> Plan | None:
    """How composition recomposes the decision of ``doc`` as a whole (``None``: it leaves
    it to the linear decision)."""
    composer = composer_for(model)
    if composer is None:
        return None
    picked = [p for i, _, p in composer.rows_needing(TokenBatch([doc])) if i == 0]
    return picked[0] if picked else None


def composed_shares(model: Any, doc: Document) -> NDArray[np.float64]:
    """Each token's share of a linear ensemble's ``log P(positive) / P(negative)`` for
    ``doc``: the families' token contributions, or, when composition recomposes ``doc``,
    those of its affirmative as composition turns them, on the tokens they stand for."""
    plan = composition_plan(model, doc) if model.composition else None
    target = doc if plan is None else affirmative_document(plan)
    out = np.zeros(target.n_tokens())
    for k, fam in enumerate(model.families_):
        contrib = fam.token_contributions(target, model.polarity_weights(k))
        out += model.weights_[k] * np.asarray(contrib, dtype=np.float64)
    return out if plan is None else turned_shares(model, doc, plan, out)


def turned_shares(
    model: Composable, doc: Document, plan: Plan, shares: NDArray[np.float64], turn: bool = True
) -> NDArray[np.float64]:
    """The shares of a plan's affirmative tokens, as composition turns them (``turn``; as
    they are otherwise), on the tokens of ``doc`` they stand for (a cue word dropped from
    the affirmative gets 0)."""
    composer = composer_for(model)
    assert composer is not None
    out = np.zeros(doc.n_tokens())
    e = composer.signed_shares(plan, shares) if turn else shares
    np.add.at(out, np.asarray(plan.where, dtype=np.int64), e)
    return out


def affirmative_document(plan: Plan) -> Document:
    """The Document of a plan's affirmative row (what the model scores for it)."""
    return _document(plan.row)


def _document(row: Row) -> Document:
    """A fast-path Document of a row's tokens (the families read norms, kinds and flags)."""
    n = len(row.forms)
    starts = list(range(n))
    ends = [s + 1 for s in starts]
    cols = TokenColumns(row.forms, starts, ends, row.forms, row.kinds, row.negated)
    return Document.from_columns(" ".join(row.forms), cols)


def decision_and_shares(
    model: Any, docs: Sequence[Document], tokens: Sequence[NDArray[np.bool_]]
) -> tuple[NDArray[np.float64], list[NDArray[np.float64]]]:
    """A linear ensemble's fused logits of ``docs`` (2-D) and, per document, the polarity
    shares (``token_contributions``) of the tokens ``tokens`` selects (others 0), from one
    pass per family: the n-gram families find each document's n-grams once for both
    (``logits_and_contributions``; the character family computes only the selected tokens),
    the others their own batch or per-document contributions."""
    width = 1 if len(model.classes_) == 2 else len(model.classes_)
    z = np.tile(np.asarray(model.bias_, dtype=np.float64).reshape(1, -1), (len(docs), 1))
    out = [np.zeros(d.n_tokens()) for d in docs]
    batch = TokenBatch(docs)
    for k, fam in enumerate(model.families_):
        w = model.polarity_weights(k)
        if isinstance(fam, (WordNgrams, CharNgrams)):
            if isinstance(fam, CharNgrams):
                logits, parts = fam.logits_and_contributions(
                    docs, model.coef_[k], model.intercept_[k], w, tokens, batch
                )
            else:
                logits, parts = fam.logits_and_contributions(
                    docs, model.coef_[k], model.intercept_[k], w, batch
                )
            z += model.weights_[k] * logits.reshape(len(docs), width)
            for acc, part in zip(out, parts, strict=True):
                acc += model.weights_[k] * part
            continue
        X = fam.transform_batch(batch) if isinstance(fam, BatchTransform) else fam.transform(docs)
        logits = row_products(X, _coef_columns(model, k)) + model.intercept_[k]
        z += model.weights_[k] * np.asarray(logits, dtype=np.float64).reshape(len(docs), width)
        if isinstance(fam, BatchContributions):
            parts = fam.token_contributions_batch(docs, w)
        else:
            parts = [
                np.asarray(fam.token_contributions(d, w)) if t.any() else np.zeros(len(t))
                for d, t in zip(docs, tokens, strict=True)
            ]
        for acc, part in zip(out, parts, strict=True):
            acc += model.weights_[k] * np.asarray(part, dtype=np.float64)
    return z, out


def _coef_columns(model: Any, k: int) -> NDArray[np.float64]:
    """Family ``k``'s coefficients as contiguous columns (``coef_[k].T``), kept on the model:
    a sparse product with the transposed view would copy the whole matrix on every call."""
    cache = model.__dict__.setdefault("_coef_columns", {})
    coef = model.coef_[k]
    got = cache.get(k)
    if got is None or got[0] is not coef:
        got = cache[k] = (coef, np.ascontiguousarray(coef.T))
    out: NDArray[np.float64] = got[1]
    return out


def polar_arrays(polar: Mapping[str, int] | None) -> dict[str, NDArray[Any]]:
    """A polar-word map as bundle arrays (words, signs); none for ``None``."""
    if not polar:
        return {}
    words = sorted(polar)
    return {
        "composition_words": np.asarray(words, dtype=str),
        "composition_signs": np.asarray([polar[w] for w in words], dtype=np.int8),
    }


def polar_from_arrays(arrays: Mapping[str, NDArray[Any]]) -> dict[str, int] | None:
    """The polar-word map of :func:`polar_arrays` (``None`` when the bundle has none)."""
    words = arrays.get("composition_words")
    if words is None:
        return None
    pairs = zip(words.tolist(), arrays["composition_signs"].tolist(), strict=True)
    return {str(w): int(v) for w, v in pairs}
