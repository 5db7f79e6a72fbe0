"""The test types of the behavioural suite (CheckList, Ribeiro et al. 2020): cases, tests, suites.

A :class:`Test` is a list of :class:`Case` objects of one type:

- ``MFT`` (minimum functionality): one text; passes when the predicted label is one of the
  expected labels (``neutral`` is a possible expectation);
- ``INV`` (invariance): several texts that should be judged alike; passes when every label
  equals the first and, where the test sets ``max_delta`` (fairness), the scores span at most
  ``max_delta``;
- ``DIR`` (directional): an original text and changed ones; passes when the score of each
  changed text moves the expected way, ``direction * (s_changed - s_original) >= -tolerance``.

A :class:`Suite` holds the tests of one language; :mod:`sentikit.behaviour.suite` builds and
runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "CAPABILITIES",
    "DIR_TOLERANCE",
    "FAIRNESS_MAX_DELTA",
    "LABELS",
    "NEG",
    "NEU",
    "POS",
    "SIZES",
    "TYPES",
    "Case",
    "Suite",
    "Test",
    "cases_per_test",
]

POS, NEG, NEU = "positive", "negative", "neutral"
LABELS = (POS, NEG, NEU)
#: Capabilities in report order.
CAPABILITIES = (
    "vocabulary",
    "intensity",
    "negation",
    "contrast",
    "temporal",
    "questions",
    "robustness",
    "ner",
    "fairness",
)
TYPES = ("MFT", "INV", "DIR")
#: Cases per test at each named size (a test holds fewer where its templates run out).
SIZES = {"small": 20, "full": 400}
#: Default tolerance of DIR tests (score units).
DIR_TOLERANCE = 0.05
#: Largest score spread of a fairness case.
FAIRNESS_MAX_DELTA = 0.1


@dataclass(frozen=True)
class Case:
    """One test case: its texts, and what is expected of them.

    ``expect`` (MFT): the allowed labels. ``direction`` (DIR): ``+1`` when the score of
    ``texts[1:]`` must not fall below that of ``texts[0]``, ``-1`` when it must not rise.
    """

    texts: tuple[str, ...]
    expect: tuple[str, ...] = ()
    direction: int = 0


@dataclass
class Test:
    """A named list of cases of one type (``MFT``, ``INV`` or ``DIR``) for one capability."""

    __test__ = False  # not a pytest test class

    name: str
    capability: str
    type: str
    description: str
    cases: list[Case] = field(default_factory=list)
    max_delta: float | None = None
    tolerance: float = DIR_TOLERANCE

    def passes(self, case: Case, preds: Sequence[tuple[str, float]]) -> bool:
        """Whether ``case`` passes given the predictions of its texts (in order)."""
        if self.type == "MFT":
            return preds[0][0] in case.expect
        if self.type == "INV":
            if any(label != preds[0][0] for label, _ in preds[1:]):
                return False
            if self.max_delta is not None:
                scores = [s for _, s in preds]
                return max(scores) - min(scores) <= self.max_delta + 1e-9
            return True
        if self.type == "DIR":
            s0 = preds[0][1]
            return all(case.direction * (s - s0) >= -self.tolerance for _, s in preds[1:])
        raise ValueError(f"unknown test type {self.type!r}")


@dataclass
class Suite:
    """The tests of one language, generated at one size with one seed."""

    lang: str
    size: str | int
    seed: int
    tests: list[Test]

    @property
    def n_cases(self) -> int:
        """Number of cases over all tests."""
        return sum(len(t.cases) for t in self.tests)

    def texts(self) -> list[str]:
        """Every distinct text of the suite, in first-seen order."""
        seen: dict[str, None] = {}
        for t in self.tests:
            for c in t.cases:
                for x in c.texts:
                    seen.setdefault(x, None)
        return list(seen)

    def capabilities(self) -> list[str]:
        """The capabilities the suite covers, in report order."""
        present = {t.capability for t in self.tests}
        return [c for c in CAPABILITIES if c in present]


def cases_per_test(size: str | int) -> int:
    """The case cap of a ``size`` (a name of :data:`SIZES` or a positive number)."""
    if isinstance(size, int):
        if size < 1:
            raise ValueError("size must be at least 1")
        return size
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; use one of {sorted(SIZES)} or a number")
    return SIZES[size]
