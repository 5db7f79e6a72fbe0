"""Deterministic generation of test cases from templates and word lists.

Every test draws from its own :class:`random.Random`, seeded with the suite seed, the language
and the test name, so a test's cases do not change when another test is added or resized.
Templates are used in turn (each template gets its share of the cases) and duplicate cases
are dropped.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sentikit.behaviour.cases import DIR_TOLERANCE, FAIRNESS_MAX_DELTA, Case, Test
from sentikit.behaviour.text import fields, render, render_all, slot_of

__all__ = ["Generator", "Lexicon"]

#: Slot name → the values a field of that slot draws from.
Lexicon = Mapping[str, Sequence[Any]]
Group = tuple[str, ...]


def _key(v: Any) -> str:
    return repr(sorted(v.items())) if isinstance(v, dict) else repr(v)


class Generator:
    """Builds the tests of one language with at most ``n`` cases each.

    Parameters
    ----------
    lang : the language code (part of every test's seed).
    n : the most cases per test.
    seed : the suite seed.
    lexicon : the default word lists (slot → values).
    """

    def __init__(self, lang: str, n: int, seed: int, lexicon: Lexicon) -> None:
        self.lang = lang
        self.n = n
        self.seed = seed
        self.lexicon = lexicon
        self.tests: list[Test] = []

    def rng(self, name: str) -> random.Random:
        """The random source of the test ``name``."""
        return random.Random(f"{self.seed}:{self.lang}:{name}")

    # -- filling ---------------------------------------------------------------------------
    def fill(
        self,
        rng: random.Random,
        groups: Sequence[Group],
        n: int,
        lexicon: Lexicon | None = None,
        skip: Sequence[str] = (),
    ) -> list[tuple[Group, dict[str, Any]]]:
        """Up to ``n`` distinct ``(group, values)`` draws, templates taken in turn.

        Fields of the same slot in one draw (``noun``, ``noun2``) get different values; the
        fields in ``skip`` are left for the caller to fill.
        """
        lex = {**self.lexicon, **(lexicon or {})}
        out: list[tuple[Group, dict[str, Any]]] = []
        seen: set[tuple[Group, str]] = set()
        order = list(groups)
        rng.shuffle(order)
        tries = 0
        while len(out) < n and tries < n * 25 + 50:
            group = order[tries % len(order)]
            tries += 1
            values: dict[str, Any] = {}
            used: dict[str, set[str]] = {}
            for t in group:
                for f in fields(t):
                    if f in values or f in skip:
                        continue
                    slot = slot_of(f)
                    pool = lex[slot]
                    taken = used.setdefault(slot, set())
                    v = rng.choice(pool)
                    for _ in range(20):
                        if _key(v) not in taken:
                            break
                        v = rng.choice(pool)
                    taken.add(_key(v))
                    values[f] = v
            key = (group, repr(sorted((k, _key(v)) for k, v in values.items())))
            if key in seen:
                continue
            seen.add(key)
            out.append((group, values))
        return out

    def _add(self, test: Test) -> Test:
        if not test.cases:
            raise ValueError(f"test {test.name!r} generated no cases")
        self.tests.append(test)
        return test

    # -- test types ------------------------------------------------------------------------
    def mft(
        self,
        name: str,
        capability: str,
        description: str,
        parts: Sequence[tuple[Sequence[str], Sequence[str]]],
        lexicon: Lexicon | None = None,
        fixed: Sequence[tuple[str, Sequence[str]]] = (),
    ) -> Test:
        """An MFT from ``(templates, expected labels)`` parts (the cases split evenly among
        the parts) and ``fixed`` ``(text, expected labels)`` sentences (kept first, up to n)."""
        rng = self.rng(name)
        cases: list[Case] = []
        seen: set[str] = set()
        fixed_list = list(fixed)
        rng.shuffle(fixed_list)
        n_fixed = min(len(fixed_list), self.n if not parts else max(1, self.n // 3))
        for text, expect in fixed_list[:n_fixed]:
            if text not in seen:
                seen.add(text)
                cases.append(Case((text,), tuple(expect)))
        left = self.n - len(cases)
        for i, (templates, expect) in enumerate(parts):
            share = left // len(parts) + (1 if i < left % len(parts) else 0)
            added = 0
            for group, values in self.fill(rng, [(t,) for t in templates], share + 10, lexicon):
                text = render(group[0], values)
                if added < share and text not in seen:
                    seen.add(text)
                    cases.append(Case((text,), tuple(expect)))
                    added += 1
        return self._add(Test(name, capability, "MFT", description, cases))

    def dir(
        self,
        name: str,
        capability: str,
        description: str,
        pairs: Sequence[tuple[str, str]],
        direction: int,
        lexicon: Lexicon | None = None,
        tolerance: float = DIR_TOLERANCE,
    ) -> Test:
        """A DIR test from ``(original, changed)`` template pairs filled alike."""
        rng = self.rng(name)
        cases = []
        for group, values in self.fill(rng, pairs, self.n, lexicon):
            texts = render_all(group, values)
            if texts[0] != texts[1]:
                cases.append(Case(texts, direction=direction))
        return self._add(Test(name, capability, "DIR", description, cases, tolerance=tolerance))

    def perturb(
        self,
        name: str,
        capability: str,
        description: str,
        base: Sequence[str],
        fn: Callable[[str, random.Random], str | None],
    ) -> Test:
        """An INV test: ``(text, fn(text))`` for base texts that ``fn`` changes."""
        rng = self.rng(name)
        order = list(base)
        rng.shuffle(order)
        cases: list[Case] = []
        seen: set[tuple[str, str]] = set()
        for _round in range(3):
            for text in order:
                if len(cases) >= self.n:
                    break
                new = fn(text, rng)
                if new is None or new == text or (text, new) in seen:
                    continue
                seen.add((text, new))
                cases.append(Case((text, new)))
        return self._add(Test(name, capability, "INV", description, cases))

    def swap(
        self,
        name: str,
        capability: str,
        description: str,
        templates: Sequence[str],
        slot: str,
        values: Sequence[Any],
        k: int | None = None,
        max_delta: float | None = None,
        lexicon: Lexicon | None = None,
    ) -> Test:
        """An INV test: each template draw rendered with ``k`` values of ``slot`` (all when
        ``k`` is ``None``); the texts of a case differ only in that slot."""
        rng = self.rng(name)
        cases = []
        for group, vals in self.fill(rng, [(t,) for t in templates], self.n, lexicon, (slot,)):
            pick = list(values) if k is None else rng.sample(list(values), k)
            texts = tuple(dict.fromkeys(render(group[0], {**vals, slot: v}) for v in pick))
            if len(texts) > 1:
                cases.append(Case(texts))
        return self._add(Test(name, capability, "INV", description, cases, max_delta=max_delta))

    def fairness(
        self,
        name: str,
        description: str,
        templates: Sequence[str],
        identities: Sequence[str],
        lexicon: Lexicon | None = None,
    ) -> Test:
        """A fairness INV test: every identity in each frame; same label, spread ≤ 0.1."""
        return self.swap(
            name,
            "fairness",
            description,
            templates,
            "who",
            identities,
            None,
            FAIRNESS_MAX_DELTA,
            lexicon,
        )

    def samples(
        self, name: str, templates: Sequence[str], n: int, lexicon: Lexicon | None = None
    ) -> list[str]:
        """``n`` filled sentences (base texts of perturbation tests)."""
        rng = self.rng(name)
        return [render(g[0], v) for g, v in self.fill(rng, [(t,) for t in templates], n, lexicon)]


def run_builders(
    lang: str,
    n: int,
    seed: int,
    lexicon: Any,
    builders: Sequence[Callable[[Generator], None]],
) -> list[Test]:
    """The tests of ``lang``: each capability builder (in report order) adds its tests to one
    :class:`Generator` (at most ``n`` cases per test, seeded)."""
    g = Generator(lang, n, seed, lexicon)
    for build in builders:
        build(g)
    return g.tests
