"""Turkish negation on the fast path: :mod:`~sentikit.lang.tr.negation`'s rules without morphology.

The fast path (``make_doc(analyze=False)``) has no readings, so the rules of
:mod:`sentikit.lang.tr.negation` are approximated from word forms alone:

1. **Morphological negation.** A word form is a negated verb (``beğenmedim``, ``sevmiyorum``,
   ``gidemem``, ``sevmez``) when it is in the shipped word-type table
   ``resources/tr/negated_forms.txt.gz`` — the forms of the Turkish training corpora whose
   context-free best zeyrek reading carries ``Neg`` or ``Unable`` (built by
   :mod:`sentikit.lang.tr.build_negation_table`). A form the corpora never showed goes to
   :func:`fallback_negated`, a suffix rule for the negative verb endings; forms of the corpora
   that the rule would wrongly catch are listed in ``resources/tr/negation_exceptions.txt.gz``.
2. **Negator words** ``değil`` / ``yok`` in any inflection (the forms of
   :func:`~sentikit.lang.tr.negation.negation_cue`) negate the preceding constituent: the
   preceding word (with its apostrophe suffix) unless it is a function word, and up to
   :data:`~sentikit.lang.tr.negation.MAX_MODIFIERS` words directly before it from a closed list
   of intensifiers, adverbs of degree and determiners (``çok``, ``pek``, ``daha``, ``bir``,
   ``o kadar`` …); after ``bir`` one more word (the adjective of ``iyi bir film değil``). Scopes
   stop at punctuation, conjunctions and other cues. ``değil mi`` / ``yok mu`` negate nothing;
   ``yoksa`` is not a negator.
3. **Negated light verbs** (``iyi olmamış``, ``güzel gelmedi``) negate their complement as in 2.
4. **Negative-polarity words** (``hiç``, ``hiçbir``, ``asla`` …) followed in the sentence by a
   negated predicate, with no punctuation or conjunction between: every word between them
   except function words is negated.

The cue words themselves stay unmarked, as in :mod:`~sentikit.lang.tr.negation`. The table loads
lazily, on the first text that needs it (a few tens of milliseconds).

Examples
--------
>>> forms = ["hiç", "fena", "değil", "."]
>>> negation_flags(forms, ["word", "word", "word", "punct"], [(0, 4)])
[False, True, False, False]
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Sequence
from importlib import resources

from sentikit.lang.tr.negation import (
    CLITICS,
    DEGIL_FORM,
    LIGHT_VERBS,
    MAX_MODIFIERS,
    NPI_WORDS,
    QUESTION_PARTICLES,
    YOK_FORM,
    npi_stretches,
)

__all__ = [
    "EXCEPTIONS_RESOURCE",
    "FALLBACK_RE",
    "TABLE_RESOURCE",
    "fallback_negated",
    "is_negated_verb",
    "load_table",
    "negation_flags",
    "word_cue",
]

#: Package resource (under ``sentikit/resources``) of the negated verb forms, one per line.
TABLE_RESOURCE = "tr/negated_forms.txt.gz"
#: Package resource of corpus forms the fallback matches but zeyrek does not read as negated.
EXCEPTIONS_RESOURCE = "tr/negation_exceptions.txt.gz"

# --- rule 1: the fallback suffix rule ----------------------------------------------------------
# A negated finite verb: stem (≥ 2 letters, ending in a consonant or a vowel) + optional passive/
# abilitative + the negative -mA- (-(y)AmA- for "unable") + a tense/mood/person ending, with
# vowel harmony between the negative's vowel and what follows. Only endings that are rarely
# anything else are listed (no bare -mA, -mAk, -mAsI: those are verbal nouns, not negations).
_V_BACK = "aıou"
_V_FRONT = "eiöü"
_ENDINGS_BACK = (
    r"d[ıi](?:m|n|k|n[ıi]z|lar|ysa\w*|ysem|ğ\w*)?"  # -mAdI (past; -mAdIk/-mAdIğ participles)
    r"|z(?:d[ıi]\w*|s[ıi]n(?:[ıi]z)?|l[ıa]r\w*|sa\w*|m[ıi]ş\w*|ken)?"  # -mAz (aorist)
    r"|m(?:[ıi]ş\w*)?"  # -mAm (1sg aorist), -mAmIş (not -mAmIz: "my/our not doing")
    r"|y(?:acak\w*|acağ\w*|an\w*|ın(?:ız)?|alı\w*|abil\w*)"
    r"|s(?:a\w*|ın(?:lar)?)"  # -mAsA (conditional), -mAsIn (jussive)
    r"|d[ıi]kça|m[ıi]ş\w*"
)
_FALLBACK_PATTERN = (
    r"^(?P<stem>[a-zçğıöşü]{2,}?)"
    r"(?:"
    r"(?:m[ıu]yor|m[iü]yor)\w*"  # -mIyor (progressive: sevmiyorum, olmuyor)
    r"|(?:[ea]m|m)(?:"
    r"a(?:" + _ENDINGS_BACK + r")"
    r"|e(?:" + _ENDINGS_BACK.translate(str.maketrans("ıaou", "ieöü")) + r")"
    r")"
    r")$"
)
#: The fallback suffix rule (see :func:`fallback_negated`).
FALLBACK_RE = re.compile(_FALLBACK_PATTERN)
_VOWELS = frozenset(_V_BACK + _V_FRONT)
# passive -mAz with more suffixes: mostly lexicalized adjectives ("unutulmazlarından",
# "inanılmazdır", "kaçınılmazdı"), which zeyrek does not read as negation
_LEXICAL_MAZ = re.compile(r"(?:[ıiuü]l|[ıiuü]n)m[ae]z[a-zçğıöşü]+$")


def fallback_negated(form: str) -> bool:
    """Whether a word form *looks* like a negated verb (suffix rule; no dictionary).

    Used for forms absent from the shipped table; its precision and recall against zeyrek are
    measured by :mod:`sentikit.lang.tr.build_negation_table` (``--evaluate``).

    Examples
    --------
    >>> fallback_negated("beğenmedim"), fallback_negated("izlemeyin"), fallback_negated("sevmez")
    (True, True, True)
    >>> fallback_negated("güzeldi"), fallback_negated("yemek")
    (False, False)
    """
    m = FALLBACK_RE.match(form)
    if m is None or _LEXICAL_MAZ.search(form):
        return False
    stem = m.group("stem")
    if not any(c in _VOWELS for c in stem):
        return False
    # vowel harmony between the stem's last vowel and the negative's vowel
    last = next(c for c in reversed(stem) if c in _VOWELS)
    rest = form[len(stem) :]
    neg_vowel = next((c for c in rest if c in _VOWELS), "")
    if not neg_vowel:
        return False
    return (last in _V_BACK) == (neg_vowel in _V_BACK)


# --- the shipped table ------------------------------------------------------------------------
_lock = threading.Lock()
_table: tuple[frozenset[str], frozenset[str]] | None = None


def _read_resource(name: str) -> frozenset[str]:
    ref = resources.files("sentikit").joinpath("resources", *name.split("/"))
    try:
        with ref.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as text:
            return frozenset(line.rstrip("\n") for line in text if line.strip())
    except FileNotFoundError:
        return frozenset()


def load_table() -> tuple[frozenset[str], frozenset[str]]:
    """The shipped negated verb forms and the fallback's exceptions (loaded once, lazily).

    Returns
    -------
    (negated, exceptions) : frozensets of word forms
        ``negated``: forms read as negated verbs; ``exceptions``: corpus forms the fallback
        rule matches but that are not negated verbs. Both empty when the resources are missing.
    """
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = (_read_resource(TABLE_RESOURCE), _read_resource(EXCEPTIONS_RESOURCE))
    return _table


_verdicts: dict[str, bool] = {}
_MAX_VERDICTS = 200_000


def is_negated_verb(form: str) -> bool:
    """Rule 1: whether the (normalized) word form carries verbal negation (table, then rule).

    Examples
    --------
    >>> is_negated_verb("sıkılmadım"), is_negated_verb("değil"), is_negated_verb("film")
    (True, False, False)
    """
    got = _verdicts.get(form)
    if got is None:
        negated, exceptions = load_table()
        got = form in negated or (
            form not in exceptions and word_cue(form) is None and fallback_negated(form)
        )
        if len(_verdicts) >= _MAX_VERDICTS:
            _verdicts.clear()
        _verdicts[form] = got
    return got


# --- rules 2-4 ---------------------------------------------------------------------------------
#: Conjunctions: a scope never crosses them.
_CONJUNCTIONS = frozenset(
    {
        "ve", "ama", "fakat", "ancak", "lakin", "veya", "veyahut", "yahut", "ya", "ile", "ki",
        "çünkü", "hem", "ise", "oysa", "oysaki", "halbuki", "hatta", "yoksa", "ne", "madem",
        "mademki", "eğer", "sanki", "zira", "dolayısıyla", "yani", "ayrıca", "üstelik",
    }
)  # fmt: skip
#: Words that are never the head of a negated constituent nor marked by the NPI rule (pronouns,
#: postpositions, particles, conjunctions).
_FUNCTION_WORDS = (
    frozenset(
        {
            "ben", "sen", "o", "biz", "siz", "onlar", "bu", "şu", "bunlar", "şunlar", "beni",
            "seni", "onu", "bizi", "sizi", "bana", "sana", "ona", "bize", "size", "bunu", "şunu",
            "buna", "şuna", "gibi", "için", "kadar", "göre", "rağmen", "karşı", "doğru", "beri",
            "dolayı", "bile", "dahi", "mi", "mı", "mu", "mü", "de", "da", "ki", "ise", "diye",
            "sadece", "yalnız", "yalnızca", "artık",
        }
    )
    | _CONJUNCTIONS
)  # fmt: skip
#: Words that may precede the negated head as its modifiers (degree adverbs, determiners).
_MODIFIERS = frozenset(
    {
        "çok", "pek", "daha", "en", "bir", "o", "bu", "şu", "kadar", "gayet", "oldukça", "fazla",
        "fazlasıyla", "biraz", "az", "epey", "epeyce", "gerçekten", "cidden", "son", "derece",
        "aşırı", "baya", "bayağı", "tam", "tamamen", "hep", "her", "çoğu", "iyice",
        "yeterince", "yeterli", "öyle", "böyle", "şöyle", "pekçok", "hiçte",
        "müthiş", "süper", "acayip", "inanılmaz", "öylesine",
    }
)  # fmt: skip
_LIGHT_STEMS = tuple(sorted({v[:-3] for v in LIGHT_VERBS}, key=len, reverse=True))
_LIGHT_RE = re.compile(r"(?:" + "|".join(_LIGHT_STEMS) + r")(?:[ae]m|m)[aeıiuü]")
_WORDISH = frozenset({"word", "number"})


def word_cue(form: str) -> str | None:
    """The negation cue a normalized word form is: ``"değil"``, ``"yok"``, ``"npi"`` or ``None``.

    Mirrors :func:`sentikit.lang.tr.negation.negation_cue` without a reading.

    Examples
    --------
    >>> word_cue("değildi"), word_cue("yoktu"), word_cue("yoksa"), word_cue("hiçbir")
    ('değil', 'yok', None, 'npi')
    """
    if form in NPI_WORDS:
        return "npi"
    if form.startswith("değil") and DEGIL_FORM.fullmatch(form):
        return "değil"
    if form.startswith("yok") and form != "yoksa" and YOK_FORM.fullmatch(form):
        return "yok"
    return None


def _scope_before(
    forms: Sequence[str],
    kinds: Sequence[str],
    cues: Sequence[str | None],
    start: int,
    i: int,
) -> list[int]:
    """Indices of the constituent right before ``i`` (within ``[start, i)``), fast-path rules."""
    j = i - 1
    while j >= start and kinds[j] == "suffix":
        j -= 1
    if j < start or kinds[j] not in _WORDISH or cues[j] is not None:
        return []
    if forms[j] in _FUNCTION_WORDS:
        return []
    out = list(range(j, i))
    k = j - 1
    taken = 0
    after_bir = False
    while k >= start and taken < MAX_MODIFIERS:
        f = forms[k]
        if kinds[k] not in _WORDISH or cues[k] is not None:
            break
        if f in _MODIFIERS:
            after_bir = f == "bir"
        elif after_bir and kinds[k] == "word" and f not in _FUNCTION_WORDS:
            after_bir = False  # the adjective before "bir": "iyi bir film"
        else:
            break
        out.append(k)
        taken += 1
        k -= 1
    return sorted(out)


# per form: 0 nothing, 1 NPI word, 2 değil, 3 yok, 4 negated verb (memoized)
_NPI, _DEGIL, _YOK, _NEG_VERB = 1, 2, 3, 4
_CUE_NAMES: dict[int, str] = {_NPI: "npi", _DEGIL: "değil", _YOK: "yok"}
_CUE_CODES = {v: k for k, v in _CUE_NAMES.items()}
_codes: dict[str, int] = {}


def _code(form: str) -> int:
    cue = word_cue(form)
    code = _CUE_CODES[cue] if cue is not None else (_NEG_VERB if is_negated_verb(form) else 0)
    if len(_codes) >= _MAX_VERDICTS:
        _codes.clear()
    _codes[form] = code
    return code


def negation_flags(
    forms: Sequence[str],
    kinds: Sequence[str],
    spans: Sequence[tuple[int, int]],
) -> list[bool] | None:
    """The ``negated`` flag of every token of one text, from the fast path's columns.

    Parameters
    ----------
    forms : sequence of str
        Normalized token forms (``Token.norm``).
    kinds : sequence of str
        Token kinds (``word``, ``suffix``, ``number``, ``punct`` …).
    spans : sequence of (int, int)
        Sentence token ranges ``[start, end)``; a scope never leaves its range.

    Returns
    -------
    list of bool or None
        One flag per token, or ``None`` when nothing is negated.

    Examples
    --------
    >>> negation_flags(["filmi", "beğenmedim", "."], ["word", "word", "punct"], [(0, 3)])
    [False, True, False]
    >>> negation_flags(["güzel", "değil", "mi", "?"], ["word"] * 3 + ["punct"], [(0, 4)]) is None
    True
    """
    n = len(forms)
    get = _codes.get
    codes = [get(f, -1) for f in forms]
    if -1 in codes:
        codes = [c if c >= 0 else _code(f) for c, f in zip(codes, forms, strict=True)]
    if max(codes, default=0) < _DEGIL:  # no negator and no negated verb
        return None
    cues: list[str | None] = [None] * n
    neg_verb = [False] * n
    for k, c in enumerate(codes):
        if c and kinds[k] == "word":
            if c == _NEG_VERB:
                neg_verb[k] = True
            else:
                cues[k] = _CUE_NAMES[c]
    flags = [False] * n
    marked = False
    for s, e in spans:
        if max(codes[s:e], default=0) < _DEGIL:
            continue  # no predicate to negate in this sentence
        predicates: list[int] = []
        for i in range(s, e):
            cue = cues[i]
            if cue == "değil" or cue == "yok":
                nxt = i + 1
                if nxt < e and kinds[nxt] == "word" and forms[nxt] in QUESTION_PARTICLES:
                    continue  # "güzel değil mi?" asserts the positive
                for k in _scope_before(forms, kinds, cues, s, i):
                    flags[k] = marked = True
                predicates.append(i)
            elif neg_verb[i]:
                flags[i] = marked = True
                for k in range(i + 1, e):  # the verb's own apostrophe suffix, if any
                    if kinds[k] != "suffix":
                        break
                    flags[k] = True
                if _LIGHT_RE.match(forms[i]):
                    for k in _scope_before(forms, kinds, cues, s, i):
                        flags[k] = True
                predicates.append(i)
        for between in npi_stretches(cues, predicates, s, e):
            if any(
                kinds[k] == "punct" or (forms[k] in _CONJUNCTIONS and forms[k] not in CLITICS)
                for k in between
            ):
                continue
            for k in between:
                if (
                    cues[k] is None
                    and kinds[k] in ("word", "suffix", "number")
                    and (kinds[k] != "word" or forms[k] not in _FUNCTION_WORDS)
                ):
                    flags[k] = marked = True
    return flags if marked else None
