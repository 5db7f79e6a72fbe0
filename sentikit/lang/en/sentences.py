"""Rule-based English sentence splitting over the tokens of :mod:`sentikit.lang.en.tokenize`.

:func:`split_sentences` reads Tokens (or anything with their ``text``, ``start``, ``end``,
``norm`` and ``kind``), :func:`split_column_sentences` the fast path's token columns; the rules
are listed in :func:`split_sentences`. :func:`paragraph_starts` finds the blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from sentikit.doc import Sentence
from sentikit.lang.en.abbreviations import ABBREVIATIONS, TITLE_ABBREVIATIONS

__all__ = ["paragraph_starts", "split_column_sentences", "split_sentences"]

# Words that may follow a sentence-final acronym (``... the U.S. The ...``) and start a new
# sentence; after an acronym any other capitalized word is taken as part of a name.
_SENTENCE_STARTERS: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "we",
        "they",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "so",
        "then",
        "however",
        "in",
        "on",
        "at",
        "as",
        "if",
        "when",
        "while",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
    ]
)


class _TokenView(Protocol):
    """What the sentence splitter reads of a token (a :class:`~sentikit.doc.Token` or a
    :class:`_Row`)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def norm(self) -> str | None: ...
    @property
    def kind(self) -> str: ...


class _Row(NamedTuple):
    """A row of :func:`~sentikit.lang.en.tokenize.token_rows` with attribute access (for the
    sentence rules)."""

    text: str
    start: int
    end: int
    norm: str
    kind: str


_TERMINALS: frozenset[str] = frozenset(".!?")
_TERMINAL_CHAR_RE = re.compile(r"[.!?…]")
# Characters that may close a text after its last terminal (not emoji/emoticons: those take
# the full rules).
_TAIL_CHARS: frozenset[str] = frozenset(".!?…\"')]} \t\r\u00a0'’”»")
_OPEN_BRACKETS: frozenset[str] = frozenset("([{")
_CLOSE_BRACKETS: frozenset[str] = frozenset(")]}")
# After an acronym or initial, only these abbreviations never end a sentence.
_NEVER_FINAL: frozenset[str] = frozenset({"e.g", "i.e", "cf", "viz", "vs"})


def _upper_start(t: _TokenView) -> bool:
    return t.text[:1].isupper()


def _abbrev_ends(base: str, nxt: _TokenView) -> bool:
    """Whether an abbreviation (lower-cased, without its final period) ends a sentence."""
    if base in TITLE_ABBREVIATIONS or base in _NEVER_FINAL:
        return False
    if not _upper_start(nxt):
        return False
    if len(base) == 1 or "." in base:  # initial or acronym (U.S.): only before "The", "It" …
        return nxt.text.lower() in _SENTENCE_STARTERS
    return True  # etc., Inc., months


def _is_abbrev_word(t: _TokenView) -> bool:
    """A word that a separate ``.`` may belong to: a known abbreviation or a single letter."""
    if t.kind != "word":
        return False
    norm = t.norm or t.text.lower()
    if norm in ABBREVIATIONS:
        return True
    return len(norm) == 1 and norm.isalpha() and norm not in ("a", "i")


def _terminal_ends(tokens: Sequence[_TokenView], i: int, in_brackets: bool) -> bool:
    """Whether the terminal punctuation token ``i`` (not the last token) ends a sentence."""
    t = tokens[i]
    txt = t.text
    nxt = tokens[i + 1]
    if (txt[0] == "." and len(txt) > 1) or txt[0] == "…":  # ellipsis
        return _upper_start(nxt)
    if txt == "." and i > 0:
        prev = tokens[i - 1]
        if t.start - prev.end <= 1:
            if _is_abbrev_word(prev):  # "mr ." / "j ." in pre-tokenized text
                return _abbrev_ends(prev.norm or prev.text.lower(), nxt)
            if prev.kind == "number" and nxt.kind == "number":  # "$9 . 50"
                return False
    # inside an open bracket only a capitalized token starts a new sentence
    return not in_brackets or _upper_start(nxt)


def _update_quotes(txt: str, dq: int, sq: int) -> tuple[int, int]:
    """Track open double (``dq``) and single (``sq``) quotes across one punctuation token."""
    if txt in ("``", "“", "«"):
        dq += 1
    elif txt in ("''", "”", "»"):
        dq = dq - 1 if dq > 0 else 0
    elif txt == '"':
        dq = dq - 1 if dq > 0 else dq + 1
    elif txt in ("`", "‘"):
        sq += 1
    elif txt == "’":
        sq = sq - 1 if sq > 0 else 0
    elif txt == "'":
        sq = sq - 1 if sq > 0 else sq + 1
    return dq, sq


def _closes(prev: _TokenView, t: _TokenView, dq: int, sq: int) -> bool:
    """Whether ``t`` right after a sentence end still belongs to that sentence."""
    kind = t.kind
    if kind == "emoticon" or kind == "emoji":
        return True
    if kind != "punct":
        return False
    txt = t.text
    if txt in ("''", "”", "’", "»") or (t.norm or "") in _CLOSE_BRACKETS:
        return True
    if txt == '"':  # ambiguous quotes close an open quote, or when attached to the terminal
        return dq > 0 or t.start == prev.end
    if txt == "'":
        return sq > 0 or t.start == prev.end
    return txt[0] in _TERMINALS or txt[0] == "…"


def paragraph_starts(text: str, tokens: Sequence[_TokenView]) -> list[int]:
    """Indices of the tokens that follow a blank line (a paragraph break).

    Examples
    --------
    >>> from sentikit.lang.en.tokenize import tokenize
    >>> text = "One.\\n\\nTwo.\\nThree."
    >>> paragraph_starts(text, tokenize(text))
    [2]
    """
    out: list[int] = []
    if "\n" not in text:
        return out
    for k in range(1, len(tokens)):
        a, b = tokens[k - 1].end, tokens[k].start
        if b - a > 1 and text.count("\n", a, b) >= 2:
            out.append(k)
    return out


def split_sentences(text: str, tokens: Sequence[_TokenView]) -> list[Sentence]:
    """Group tokens into sentences with rules.

    A sentence ends after ``.``, ``!``, ``?`` (or a run of them) and at a blank line, except:

    * an ellipsis (``...``, ``…``, ``. . .``) ends one only before a capitalized token;
    * titles (``Mr.``, ``Dr.``), ``e.g.``, ``i.e.`` and ``vs.`` never end one; other
      abbreviations (``etc.``) end one before a capitalized token; acronyms (``U.S.``) and
      initials only before a typical sentence starter (``The``, ``It`` …). The same holds for a
      separate ``.`` after such a word in pre-tokenized text (``mr . smith``);
    * decimals do not end one (``3.5`` is one token; ``9 . 50`` is kept together);
    * inside an open bracket a terminal ends a sentence only before a capitalized token.

    Closing quotes and brackets, further terminals, emoticons and emoji right after the end stay
    with the sentence they close.

    Parameters
    ----------
    text : str
        The text the tokens come from.
    tokens : list of Token
        Its tokens, e.g. from :func:`~sentikit.lang.en.tokenize.tokenize`.

    Returns
    -------
    list of Sentence
        Sentences covering all tokens in order (none for an empty token list).

    Examples
    --------
    >>> from sentikit.lang.en.tokenize import tokenize
    >>> text = "Dr. Smith paid $3.50 in the U.S. It was great... I think. Really!"
    >>> [s.text for s in split_sentences(text, tokenize(text))]
    ['Dr. Smith paid $3.50 in the U.S.', 'It was great...', 'I think.', 'Really!']
    """
    n = len(tokens)
    sentences: list[Sentence] = []
    if n == 0:
        return sentences
    if "\n" not in text:
        # shortcut: no terminal before the trailing run of terminals/closers → one sentence
        body_end = tokens[-1].end
        while body_end > 0 and text[body_end - 1] in _TAIL_CHARS:
            body_end -= 1
        if _TERMINAL_CHAR_RE.search(text, tokens[0].start, body_end) is None:
            s, e = tokens[0].start, tokens[-1].end
            sentences.append(Sentence(text[s:e], (s, e), 0, n))
            return sentences
    para = set(paragraph_starts(text, tokens)) if "\n" in text else set()
    ends: list[int] = []
    last = n - 1
    brackets = dq = sq = 0  # open brackets and quotes in the current sentence
    i = 0
    while i < last:
        if i + 1 in para:
            ends.append(i + 1)
            brackets = dq = sq = 0
            i += 1
            continue
        t = tokens[i]
        kind = t.kind
        brk = False
        if kind == "punct":
            txt = t.text
            c = txt[0]
            norm = t.norm or txt
            if c in _TERMINALS or c == "…":
                if c == "." or all(ch in _TERMINALS for ch in txt):
                    brk = _terminal_ends(tokens, i, brackets > 0)
            elif norm in _OPEN_BRACKETS:
                brackets += 1
            elif norm in _CLOSE_BRACKETS:
                brackets = brackets - 1 if brackets > 0 else 0
            else:
                dq, sq = _update_quotes(txt, dq, sq)
        elif kind == "word" and t.text[-1] == "." and len(t.text) > 1:
            brk = _abbrev_ends(t.text[:-1].lower(), tokens[i + 1])
        if brk:
            j = i + 1
            while j < n and j not in para and _closes(tokens[j - 1], tokens[j], dq, sq):
                if tokens[j].kind == "punct":
                    dq, sq = _update_quotes(tokens[j].text, dq, sq)
                j += 1
            if j < n:
                ends.append(j)
                brackets = dq = sq = 0
            i = j
            continue
        i += 1
    ends.append(n)
    begin = 0
    for end in ends:
        s, e = tokens[begin].start, tokens[end - 1].end
        sentences.append(Sentence(text[s:e], (s, e), begin, end))
        begin = end
    return sentences


def split_column_sentences(
    text: str,
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    norms: Sequence[str],
    kinds: Sequence[str],
) -> list[Sentence]:
    """:func:`split_sentences` over the token columns of
    :func:`~sentikit.lang.en.tokenize.token_columns`.

    Examples
    --------
    >>> from sentikit.lang.en.tokenize import token_columns
    >>> text = "Great cast. Weak plot!"
    >>> [s.text for s in split_column_sentences(text, *token_columns(text))]
    ['Great cast.', 'Weak plot!']
    """
    n = len(texts)
    if n == 0:
        return []
    if "\n" not in text:
        # the one-sentence shortcut of split_sentences
        body_end = ends[-1]
        while body_end > 0 and text[body_end - 1] in _TAIL_CHARS:
            body_end -= 1
        s = starts[0]
        if _TERMINAL_CHAR_RE.search(text, s, body_end) is None:
            e = ends[-1]
            return [Sentence(text[s:e], (s, e), 0, n)]
    return split_sentences(text, list(map(_Row, texts, starts, ends, norms, kinds)))
