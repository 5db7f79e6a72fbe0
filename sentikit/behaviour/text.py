"""Text helpers of the behavioural suite: template filling, English articles, Turkish suffixes.

Templates are ``str.format`` strings whose fields name word-list slots (``{pos}``, ``{noun2}``,
``{x[obj]}``) and may carry a *spec* after ``:`` — a chain of operations separated by ``|``:

- ``+SUF`` attaches a Turkish suffix written with archiphonemes (:func:`attach`):
  ``{adj:+(y)DI}`` → ``güzeldi`` / ``kötüydü`` / ``berbattı``;
- ``'SUF`` attaches it after an apostrophe, as Turkish spells suffixes on proper names:
  ``{city:'DA}`` → ``İzmir'de`` / ``Kars'ta``;
- ``?SUF`` adds the Turkish question particle ``mI`` (a separate word) with an optional
  suffix: ``{adj:?(y)DI}`` → ``güzel miydi`` / ``kötü müydü``;
- ``a`` / ``A`` puts the English indefinite article before the value (``an amazing``).

Archiphonemes: ``A`` (a/e), ``I`` (ı/i/u/ü), ``D`` (d/t), ``C`` (c/ç); ``(y)``, ``(n)``,
``(s)`` are buffer consonants used only after a vowel. Lowercase letters are literal. The verb
*et-* softens to *ed-* before a vowel (``nefret et`` + ``Iyor`` → ``nefret ediyor``).
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "BACK_VOWELS",
    "FRONT_VOWELS",
    "ROUNDED_VOWELS",
    "TemplateFormatter",
    "article",
    "asciify",
    "attach",
    "cap_first",
    "fields",
    "last_vowel",
    "question",
    "tr_lower",
]

BACK_VOWELS = "aıouâû"
FRONT_VOWELS = "eiöüî"
ROUNDED_VOWELS = "ouöüû"
VOWELS = BACK_VOWELS + FRONT_VOWELS
#: Consonants after which D is spelled t and C is spelled ç ("fıstıkçı şahap").
VOICELESS = "fstkçşhp"

_ASCII = str.maketrans("çÇğĞıİöÖşŞüÜâÂîÎûÛ", "cCgGiIoOsSuUaAiIuU")


def tr_lower(text: str) -> str:
    """Turkish lower case (``I`` → ``ı``, ``İ`` → ``i``)."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def cap_first(text: str) -> str:
    """``text`` with its first letter upper-cased, the Turkish way (``i`` → ``İ``)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            up = {"i": "İ", "ı": "I"}.get(ch, ch.upper())
            return text[:i] + up + text[i + 1 :]
        if not ch.isspace() and ch not in "\"'(¿¡":
            return text
    return text


def asciify(text: str) -> str:
    """``text`` typed on an ASCII keyboard: ``güzel şehir`` → ``guzel sehir``."""
    return text.translate(_ASCII)


def last_vowel(word: str) -> str | None:
    """The last vowel of ``word`` (Turkish lower case), or ``None``."""
    for ch in reversed(tr_lower(word)):
        if ch in VOWELS:
            return ch
    return None


def _two_fold(context: str) -> str:
    v = last_vowel(context)
    return "a" if v is None or v in BACK_VOWELS else "e"


def _four_fold(context: str) -> str:
    v = last_vowel(context)
    if v is None or v in "aıâ":
        return "ı"
    if v in "ouû":
        return "u"
    if v in "eiî":
        return "i"
    return "ü"


def _ends_in_vowel(context: str) -> bool:
    return bool(context) and tr_lower(context[-1]) in VOWELS


def _realize(context: str, suffix: str) -> str:
    """The spelling of ``suffix`` after ``context`` (``context`` itself is not returned)."""
    out = ""
    i = 0
    while i < len(suffix):
        if suffix.startswith(("(y)", "(n)", "(s)"), i):
            if _ends_in_vowel(context + out):
                out += suffix[i + 1]
            i += 3
            continue
        ch = suffix[i]
        here = context + out
        if ch == "A":
            out += _two_fold(here)
        elif ch == "I":
            out += _four_fold(here)
        elif ch == "D":
            out += "t" if here and tr_lower(here[-1]) in VOICELESS else "d"
        elif ch == "C":
            out += "ç" if here and tr_lower(here[-1]) in VOICELESS else "c"
        else:
            out += ch
        i += 1
    return out


def _soften_et(word: str, realized: str) -> str:
    """``et`` → ``ed`` before a vowel (the only stem softening the templates rely on)."""
    if realized and realized[0] in VOWELS:
        last = word.rsplit(" ", 1)[-1]
        if last == "et":
            return word[:-1] + "d"
    return word


def attach(word: str, suffix: str, apostrophe: bool = False) -> str:
    """``word`` with a Turkish ``suffix`` (archiphonemes, see the module docstring).

    >>> attach("güzel", "(y)DI"), attach("kötü", "(y)DI"), attach("berbat", "(y)DI")
    ('güzeldi', 'kötüydü', 'berbattı')
    >>> attach("beğen", "mAdIm"), attach("nefret et", "IyorIm"), attach("Kars", "DA", True)
    ('beğenmedim', 'nefret ediyorum', "Kars'ta")
    """
    realized = _realize(word, suffix)
    stem = word if apostrophe else _soften_et(word, realized)
    return f"{stem}'{realized}" if apostrophe else stem + realized


def question(word: str, suffix: str = "") -> str:
    """``word`` followed by the question particle ``mI`` (and ``suffix`` on it).

    >>> question("güzel", "(y)DI"), question("kötü"), question("berbat", "(y)DI")
    ('güzel miydi', 'kötü mü', 'berbat mıydı')
    """
    particle = "m" + _four_fold(word)
    return f"{word} {particle}{_realize(word + ' ' + particle, suffix)}"


#: Words that take "an" although they start with a consonant letter, and vice versa.
_AN = ("hour", "honest", "honou", "honor", "heir")
_A = ("uni", "use", "usu", "eu", "one", "ukr", "uk ", "utop", "uga")


def article(phrase: str) -> str:
    """The English indefinite article for ``phrase``: ``"an"`` or ``"a"``."""
    low = phrase.lower()
    if low.startswith(_AN):
        return "an"
    if low.startswith(_A):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


class TemplateFormatter(string.Formatter):
    """``str.format`` with the spec operations of the module docstring."""

    def format_field(self, value: Any, format_spec: str) -> str:
        """Apply the ``|``-separated operations of ``format_spec`` to ``str(value)``."""
        text = str(value)
        if not format_spec:
            return text
        for op in format_spec.split("|"):
            if op.startswith("+"):
                text = attach(text, op[1:])
            elif op.startswith("'"):
                text = attach(text, op[1:], apostrophe=True)
            elif op.startswith("?"):
                text = question(text, op[1:])
            elif op == "a":
                text = f"{article(text)} {text}"
            elif op == "A":
                text = f"{article(text).capitalize()} {text}"
            else:
                raise ValueError(f"unknown template operation {op!r}")
        return text


FORMATTER = TemplateFormatter()


def fields(template: str) -> list[str]:
    """The slot names a template uses, in order (``{x[obj]:+DIm}`` → ``x``), without repeats."""
    out: list[str] = []
    for _, name, _, _ in FORMATTER.parse(template):
        if name is None:
            continue
        base = name.split("[", 1)[0].split(".", 1)[0]
        if base and base not in out:
            out.append(base)
    return out


def slot_of(field: str) -> str:
    """The word list a field draws from: the field name without trailing digits."""
    return field.rstrip("0123456789")


def render(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``template`` and capitalize its first letter."""
    return cap_first(FORMATTER.vformat(template, (), dict(values)))


def render_all(templates: Sequence[str], values: Mapping[str, Any]) -> tuple[str, ...]:
    """Fill several templates with the same values (the texts of one test case)."""
    return tuple(render(t, values) for t in templates)
