"""English word forms, for undoing emphatic spelling ("baddd", "haaated").

A run of three or more identical letters is emphasis. Squeezing it to two letters keeps
"goood" → "good" but leaves "baddd" → "badd", a form no corpus teaches. :func:`squeeze` tries
the forms that keep one or two letters of each such run and takes the first that is an English
word — the English counterpart of the Turkish squeeze, which asks morphology
(:func:`sentikit.lang.tr.normalize.squeeze_repeats`).

The word list (``sentikit/resources/words/en.txt``, about 50k forms) is the set of lower-cased
alphabetic tokens seen at least :data:`MIN_COUNT` times in the 50,000 unlabelled IMDB reviews,
without a run of three letters; it is built by this module::

    python -m sentikit.lang.en.words sentikit/resources/words/en.txt
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from sentikit.paths import RESOURCES_DIR

#: A form must be seen this often in the unlabelled reviews to count as a word.
MIN_COUNT = 5

#: Words with more runs than this are squeezed to two letters per run without a lookup.
MAX_RUNS = 4

WORDS_PATH = RESOURCES_DIR / "words" / "en.txt"

_RUN = re.compile(r"([^\W\d_])\1\1+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The shipped English word list (empty when the file is missing: squeezing then keeps
    two letters, as before the list)."""
    try:
        text = WORDS_PATH.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(text.split())


def squeeze(low: str) -> str:
    """``low`` (lower-cased) with every run of three or more identical letters cut to one or
    two letters: the first such form that is an English word (fewest runs cut to one letter
    first), else two letters each.

    >>> squeeze("baddd"), squeeze("goood"), squeeze("recommeeended"), squeeze("zzzzt")
    ('bad', 'good', 'recommended', 'zzt')
    """
    runs = list(_RUN.finditer(low))
    if not runs:
        return low
    doubled = _RUN.sub(r"\1\1", low)
    words = english_words()
    if not words or doubled in words or len(runs) > MAX_RUNS:
        return doubled
    for k in range(1, len(runs) + 1):
        for cut in combinations(range(len(runs)), k):
            parts, at = [], 0
            for i, m in enumerate(runs):
                parts += [low[at : m.start()], m.group(1) * (1 if i in cut else 2)]
                at = m.end()
            candidate = "".join(parts) + low[at:]
            if candidate in words:
                return candidate
    return doubled


def build(texts: list[str], min_count: int = MIN_COUNT) -> list[str]:
    """The word list of ``texts``: lower-cased alphabetic tokens (with an inner apostrophe)
    seen at least ``min_count`` times, without a run of three identical letters, sorted."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(text.lower()))
    return sorted(w for w, n in counts.items() if n >= min_count and not _RUN.search(w))


def main(argv: list[str] | None = None) -> None:
    """Write the word list built from the unlabelled IMDB reviews to the path given."""
    from sentikit.io.datasets import load_dataset

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else WORDS_PATH
    texts = [e.text for e in load_dataset("english-imdb-reviews", split="unsup")]
    words = build(texts)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {len(texts)} reviews -> {out}")


if __name__ == "__main__":
    main()
