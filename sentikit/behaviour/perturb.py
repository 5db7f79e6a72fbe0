"""Perturbations of the robustness tests: each takes a text and a random source and returns
the changed text, or ``None`` where it does not apply."""

from __future__ import annotations

import random
import re

from sentikit.behaviour.text import asciify

__all__ = [
    "add_url_or_mention",
    "change_punctuation",
    "contract_or_expand",
    "repeat_letters",
    "strip_turkish_letters",
    "typo",
]

_WORD = re.compile(r"[^\W\d_]{4,}")


def typo(text: str, rng: random.Random) -> str | None:
    """Swap two neighbouring letters inside one word of four letters or more (not its first)."""
    words = list(_WORD.finditer(text))
    if not words:
        return None
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 1)
    if w[i] == w[i + 1]:
        return None
    w2 = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    return text[: m.start()] + w2 + text[m.end() :]


def repeat_letters(
    text: str, rng: random.Random, words: frozenset[str] = frozenset()
) -> str | None:
    """Stretch one word as people do for emphasis: ``good`` → ``goood``, ``süper`` → ``süperrr``.

    Prefers a word of ``words`` (the sentiment words) when the text has one.
    """
    cands = list(_WORD.finditer(text)) + list(re.finditer(r"[^\W\d_]{3}", text))
    pref = [m for m in cands if m.group().lower() in words]
    pool = pref or cands
    if not pool:
        return None
    m = rng.choice(pool)
    w = m.group()
    vowels = [i for i, c in enumerate(w) if c.lower() in "aeiouıöüâ"]
    stretch_vowel = (rng.random() < 0.5 or w[-1] in "ğĞ") and vowels
    i = rng.choice(vowels) if stretch_vowel else len(w) - 1
    w2 = w[: i + 1] + w[i] * rng.randint(2, 3) + w[i + 1 :]
    return text[: m.start()] + w2 + text[m.end() :]


_HANDLES = ("@ayse_k", "@john_doe", "@mehmet34", "@cinefan", "@foodie_ist", "@sarah.b", "@ali")


def add_url_or_mention(text: str, rng: random.Random) -> str | None:
    """Append a link, or prepend / append an @mention."""
    r = rng.random()
    if r < 0.4:
        token = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(10))
        host = rng.choice(("https://t.co/", "http://bit.ly/", "https://www.example.com/r/"))
        return f"{text} {host}{token}"
    handle = rng.choice(_HANDLES)
    return f"{handle} {text}" if r < 0.7 else f"{text} {handle}"


def change_punctuation(text: str, rng: random.Random) -> str | None:
    """Drop the final punctuation, or end with ``!``, ``!!``, ``...`` or `` .``."""
    stripped = text.rstrip(" .!?")
    if text.rstrip().endswith("?"):
        return None  # questions keep their mark
    choice = rng.choice(("", "!", "!!", "...", " .", "!!!"))
    new = stripped + choice
    return new if new != text else None


_CONTRACTIONS = [
    ("do not", "don't"),
    ("does not", "doesn't"),
    ("did not", "didn't"),
    ("is not", "isn't"),
    ("was not", "wasn't"),
    ("were not", "weren't"),
    ("would not", "wouldn't"),
    ("can not", "can't"),
    ("cannot", "can't"),
    ("could not", "couldn't"),
    ("I am", "I'm"),
    ("it is", "it's"),
    ("It is", "It's"),
    ("I would", "I'd"),
    ("I have", "I've"),
    ("there was", "there's"),
]


def contract_or_expand(text: str, rng: random.Random) -> str | None:
    """Expand a contraction (``didn't`` → ``did not``) or contract (``is not`` → ``isn't``)."""
    options: list[tuple[str, str]] = []
    for full, short in _CONTRACTIONS:
        if re.search(rf"\b{re.escape(full)}\b", text):
            options.append((full, short))
        if re.search(rf"\b{re.escape(short)}(?!\w)", text):
            options.append((short, full))
    if not options:
        return None
    old, new = rng.choice(options)
    if old == "there's":
        return None  # ambiguous (there is / there was)
    return re.sub(rf"\b{re.escape(old)}(?!\w)", new, text, count=1)


def strip_turkish_letters(text: str, rng: random.Random) -> str | None:
    """Turkish typed on an ASCII keyboard (``güzel`` → ``guzel``): all words, or only one."""
    if asciify(text) == text:
        return None
    if rng.random() < 0.7:
        return asciify(text)
    words = [m for m in re.finditer(r"\w+", text) if asciify(m.group()) != m.group()]
    m = rng.choice(words)
    return text[: m.start()] + asciify(m.group()) + text[m.end() :]
