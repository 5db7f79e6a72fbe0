"""Fast rule-based English tokenizer (no spaCy); sentence splitting is in
:mod:`sentikit.lang.en.sentences` (its functions are importable from here too).

The text is cut at whitespace; runs that are plain words or single ASCII symbols (most of them)
become tokens directly, a few common shapes (``film.``, ``don't``) take a shortcut, and the rest
go through one compiled regular expression with an alternative per token kind. Clitics are then
split the Penn Treebank way. The result is a list of :class:`~sentikit.doc.Token` with
character spans into the input text, a ``kind`` and a normalized ``norm``.

Tokenization choices
--------------------
* Clitics are split as in the Penn Treebank (and spaCy): ``don't`` → ``do`` ``n't``,
  ``it's`` → ``it`` ``'s``, ``we'll`` → ``we`` ``'ll``, ``can't`` → ``ca`` ``n't``,
  ``won't`` → ``wo`` ``n't``, ``cannot`` → ``can`` ``not``. ``text`` is always the exact
  surface slice (so spans stay exact); ``norm`` repairs the stranded host: ``ca`` → ``can``,
  ``wo`` → ``will``, ``sha`` → ``shall`` (only when it is followed by ``n't``). ``n't`` keeps the
  norm ``n't`` (the form used by PTB-style corpora such as SST). Curly apostrophes are
  normalized to ``'`` in ``norm``. Stand-alone clitics of pre-tokenized text (``it 's``,
  ``do n't``) become the same tokens.
* Kept whole: URLs (``http://…``, ``www.…``, bare ``name.com``), e-mail addresses (kind
  ``url``), ``@mentions``, ``#hashtags`` (needs a letter: ``#1`` is ``#`` + ``1``), emoticons
  (``:)``, ``:-(``, ``:D``, ``<3``, ``^_^``, ``XD``…), emoji including multi-code-point
  sequences (ZWJ families, skin tones, flags, keycaps), hyphenated words (``well-made``,
  ``3-year-old``), numbers (``3.5``, ``1,000``, ``12:30``, ``2/10``, ``90%``, ``1990s``,
  ``1st``), the ellipsis (``...``, ``…``), dashes (``--``), runs of ``!``/``?`` (``!!!``,
  ``?!``) and abbreviations (``Mr.``, ``Dr.``, ``e.g.``, ``U.S.``, ``etc.``, initials such as
  ``J.`` before a capitalized word).
* PTB/SST escapes are single ``punct`` tokens whose ``norm`` is the character they stand for:
  ``-lrb-`` → ``(``, ``-rrb-`` → ``)``, ``-lsb-``/``-rsb-``, ``-lcb-``/``-rcb-``, and
  ``````/``''`` → ``"``.
* ``norm`` is the lower-cased text with runs of three or more identical letters squeezed to two
  (``soooo`` → ``soo``, ``cooool`` → ``cool``) for word-like tokens.

Examples
--------
>>> [t.text for t in tokenize("I can't believe it's not butter!!! :)")]
['I', 'ca', "n't", 'believe', 'it', "'s", 'not', 'butter', '!!!', ':)']
>>> [t.norm for t in tokenize("it 's a sweet , funny film -lrb- really -rrb- .")]
['it', "'s", 'a', 'sweet', ',', 'funny', 'film', '(', 'really', ')', '.']
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from sentikit.doc import Token, tokens_from_columns
from sentikit.errors import InputError
from sentikit.lang.chunks import (
    ChunkCache,
    ChunkCols,
    assemble_columns,
    rows_to_columns,
    split_chunks,
)
from sentikit.lang.en.abbreviations import ABBREVIATIONS, TITLE_ABBREVIATIONS
from sentikit.lang.en.sentences import paragraph_starts, split_column_sentences, split_sentences
from sentikit.lang.en.words import squeeze

__all__ = [
    "ABBREVIATIONS",
    "TITLE_ABBREVIATIONS",
    "normalize",
    "classify",
    "scan",
    "tokenize",
    "token_rows",
    "split_sentences",
    "split_column_sentences",
    "token_columns",
    "paragraph_starts",
    "terms",
]

PTB_ESCAPES: dict[str, str] = {
    # Penn Treebank escapes (SST, PTB-style corpora) and the character each stands for.
    "-lrb-": "(",
    "-rrb-": ")",
    "-lsb-": "[",
    "-rsb-": "]",
    "-lcb-": "{",
    "-rcb-": "}",
    "``": '"',
    "''": '"',
}
# Hosts that a split ``n't`` leaves stranded, and the word they stand for (PTB: ca n't, wo n't).
_CLITIC_HOSTS: dict[str, str] = {"ca": "can", "wo": "will", "sha": "shall"}

_EMOJI_BASE = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u2190-\u21ff\u3030\u303d"
)
_EMOJI_MOD = "\U0001f3fb-\U0001f3ff\ufe0f\u20e3\U000e0020-\U000e007f"
_EMOJI = (
    r"[\U0001f1e6-\U0001f1ff]{2}"  # flag: a pair of regional indicators
    r"|[0-9#*]\ufe0f?\u20e3"  # keycap
    rf"|[{_EMOJI_BASE}][{_EMOJI_MOD}]*(?:\u200d[{_EMOJI_BASE}][{_EMOJI_MOD}]*)*"
)
_URL_END = r"[^\s<>\"'.,;:!?)\]}]"
_TLDS = r"com|org|net|edu|gov|io|co|uk|de|fr|tr|ly|me|tv|info|biz"
_EMOTICON = (
    r"(?:[<>]?[:;=][\-o'^]?[)\](\[/\\|*@}{3]+)"
    r"|(?:[<>]?[:;=][\-o'^]?[dDpPoOxX](?!\w))"
    r"|</?3+"
    r"|\^[_.\-]?\^"
    r"|-_+-"
    r"|[oO]_[oO](?!\w)"
    r"|[tT]_[tT](?!\w)"
    r"|(?<!\w)[xX]D+(?!\w)"
)
_ABBREV_RE = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
# A word character with the combining diacritics that may follow it (decomposed "café").
_WC = r"\w[\u0300-\u036f]*"

_TOKEN_RE = re.compile(
    "|".join(
        [
            rf"(?P<url>(?:https?://|www\.)[^\s<>\"]*{_URL_END}"
            rf"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{{2,}}(?!\w)"
            rf"|(?<![\w@.])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:{_TLDS})"
            rf"(?:/[^\s<>\"]*{_URL_END})?(?![\w.]\w))",
            r"(?P<mention>(?<!\w)@\w+)",
            r"(?P<hashtag>(?<!\w)#\w*[^\W\d_]\w*)",
            rf"(?P<emoji>{_EMOJI})",
            r"(?P<escape>(?i:-[lr][rsc]b-)|``|'')",
            rf"(?P<emoticon>{_EMOTICON})",
            r"(?P<number>\d+(?:[.,:/]\d+)*(?:%|(?:st|nd|rd|th|s)(?!\w))?(?![\w'’]|-\w))",
            rf"(?P<abbr>(?:[A-Za-z]\.){{2,}}(?![A-Za-z])"
            rf"|(?i:{_ABBREV_RE})\.|No\.(?=\s*\d)|[A-HJ-Z]\.(?=\s+[A-Z]))",
            rf"(?P<word>(?:{_WC})+(?:['’\-](?:{_WC})+)*)",
            r"(?P<clitic>['’](?i:s|re|ve|ll|d|m)(?!\w))",
            r"(?P<ellipsis>\.(?: \.){2,}|\.{2,}|…+)",
            r"(?P<dash>-{2,}|[—–]+)",
            r"(?P<bang>[!?]+)",
            r"(?P<sym>[^\w\s])",
        ]
    )
)
_CLITIC_SUFFIX_RE = re.compile(r"(?i)(?:n['’]t|['’](?:s|re|ve|ll|d|m))$")
_SQUEEZE_RE = re.compile(r"([^\W\d_])\1\1+")
_KIND_OF_GROUP: dict[str, str] = {
    "url": "url",
    "mention": "mention",
    "hashtag": "hashtag",
    "emoji": "emoji",
    "escape": "punct",
    "emoticon": "emoticon",
    "number": "number",
    "abbr": "word",
    "word": "word",
    "clitic": "word",
    "ellipsis": "punct",
    "dash": "punct",
    "bang": "punct",
}

_NORM_CACHE: dict[str, str] = {}
_NORM_CACHE_MAX = 200_000


def normalize(text: str) -> str:
    """The normalized form of one token's text.

    Lower-cases, maps curly apostrophes to ``'``, squeezes runs of three or more identical
    letters to two, or to one where that makes an English word
    (:func:`sentikit.lang.en.words.squeeze`: ``baddd`` → ``bad``), and maps PTB escapes
    (``-lrb-`` …) to the character they stand for.

    Parameters
    ----------
    text : str
        The token text.

    Returns
    -------
    str
        The normalized form.

    Examples
    --------
    >>> normalize("Sooooo"), normalize("N’T"), normalize("-LRB-")
    ('soo', "n't", '(')
    """
    cached = _NORM_CACHE.get(text)
    if cached is not None:
        return cached
    low = text.lower()
    if "’" in low:
        low = low.replace("’", "'")
    esc = PTB_ESCAPES.get(low)
    if esc is not None:
        norm = esc
    elif len(low) > 2 and "://" not in low and "www." not in low:
        norm = squeeze(low) if _SQUEEZE_RE.search(low) else low
    else:
        norm = low
    if len(_NORM_CACHE) >= _NORM_CACHE_MAX:
        _NORM_CACHE.clear()
    _NORM_CACHE[text] = norm
    return norm


def _sym_kind(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat.startswith("P"):
        return "punct"
    return "other"


def classify(text: str) -> str:
    """The ``kind`` of one token given only its text (for tokens from another tokenizer).

    Examples
    --------
    >>> classify("#fun"), classify(":-)"), classify("3.5"), classify("n't"), classify("$")
    ('hashtag', 'emoticon', 'number', 'word', 'other')
    """
    if not text:
        return "other"
    if text.isalpha():
        return "word"
    m = _TOKEN_RE.match(text)
    if m is None or m.end() != len(text):
        if all(unicodedata.category(c).startswith("P") for c in text):
            return "punct"
        return "word" if any(c.isalnum() for c in text) else "other"
    group = m.lastgroup or ""
    if group == "sym":
        return _sym_kind(text)
    return _KIND_OF_GROUP.get(group, "other")


def _split_clitics(word: str) -> list[str]:
    """Split trailing PTB clitics off a word that contains an apostrophe (``"don't"``)."""
    tail: list[str] = []
    while True:
        m = _CLITIC_SUFFIX_RE.search(word)
        if m is None or m.start() == 0:
            break
        tail.append(word[m.start() :])
        word = word[: m.start()]
    tail.append(word)
    tail.reverse()
    return tail


# Non-space runs; a PTB-style spaced ellipsis (". . .") counts as one run.
_CHUNK_RE = re.compile(r"\.(?: \.){2,}|\S+")
# Alphabetic chunks that are not plain words ("cannot" is split, "XD" is an emoticon), in every
# letter case so that the hot path needs no lower().
_ALPHA_SPECIAL: frozenset[str] = frozenset(
    "".join(p)
    for w in ("cannot", "xd", "xdd", "xddd")
    for p in itertools.product(*[(c.lower(), c.upper()) for c in w])
)
# A single trailing character that a plain word chunk sheds without running the regex.
_TRAILING_PUNCT = frozenset(',;:!?)"')
# Kinds of one-character ASCII chunks, looked up without running the token regex.
_ASCII_SYM_KIND: dict[str, str] = {
    c: ("punct" if unicodedata.category(c).startswith("P") else "other")
    for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
}


def _scan_chunk(text: str, pos: int, stop: int, out: list[tuple[str, int, int, str]]) -> None:
    """Tokenize the non-space run ``text[pos:stop]`` with the full token regex."""
    match = _TOKEN_RE.match
    append = out.append
    while pos < stop:
        m = match(text, pos)
        if m is None:  # unreachable: the last alternative matches any non-space character
            append((text[pos], pos, pos + 1, "other"))
            pos += 1
            continue
        group = m.lastgroup
        tok = m.group()
        end = m.end()
        if group == "word":
            if "'" in tok or "’" in tok:
                start = pos
                for part in _split_clitics(tok):
                    append((part, start, start + len(part), "word"))
                    start += len(part)
            elif len(tok) == 6 and tok.lower() == "cannot":
                append((tok[:3], pos, pos + 3, "word"))
                append((tok[3:], pos + 3, end, "word"))
            else:
                append((tok, pos, end, "word"))
        elif group == "sym":
            append((tok, pos, end, _sym_kind(tok)))
        else:
            append((tok, pos, end, _KIND_OF_GROUP.get(group or "", "other")))
        pos = end


def _split_chunk(
    text: str, chunk: str, start: int, end: int, out: list[tuple[str, int, int, str]]
) -> None:
    """Tokenize one non-space run, with shortcuts for the common shapes."""
    if chunk.isalpha():  # only special words reach here
        _scan_chunk(text, start, end, out)
        return
    last = chunk[-1]
    if len(chunk) > 2 and chunk[0].isalpha():
        head = chunk[:-1]
        if (
            head.isalpha()
            and head not in _ALPHA_SPECIAL
            and (
                last in _TRAILING_PUNCT
                or (
                    last == "."
                    and len(head) > 1
                    and head.lower() not in ABBREVIATIONS
                    and head != "No"  # "No. 5"
                )
            )
        ):
            out.append((head, start, end - 1, "word"))
            out.append((last, end - 1, end, _ASCII_SYM_KIND[last]))
            return
        if (
            last.isalpha()
            and ("'" in chunk or "’" in chunk)
            and chunk.replace("'", "").replace("’", "").isalpha()
        ):
            for part in _split_clitics(chunk):
                out.append((part, start, start + len(part), "word"))
                start += len(part)
            return
    _scan_chunk(text, start, end, out)


def scan(text: str) -> list[tuple[str, int, int, str]]:
    """``(text, start, end, kind)`` for each token of ``text``, without building Tokens.

    This is the raw form behind :func:`tokenize` and :func:`terms`. Whitespace-separated chunks
    that are plain words or single ASCII symbols skip the token regex.

    Parameters
    ----------
    text : str
        Any string.

    Returns
    -------
    list of tuple of (str, int, int, str)
        Token text, character start and end, and kind.
    """
    out: list[tuple[str, int, int, str]] = []
    append = out.append
    sym_kind = _ASCII_SYM_KIND.get
    for m in _CHUNK_RE.finditer(text):
        chunk = m.group()
        start = m.start()
        if chunk.isalpha() and chunk not in _ALPHA_SPECIAL:
            append((chunk, start, m.end(), "word"))
        elif len(chunk) == 1 and chunk in _ASCII_SYM_KIND:
            append((chunk, start, start + 1, sym_kind(chunk) or "punct"))
        else:
            _split_chunk(text, chunk, start, m.end(), out)
    return out


# Token columns of each distinct non-space chunk, offsets relative to the chunk: (texts,
# starts, ends, norms, kinds, (count,)). A chunk is delimited by whitespace and the token
# pattern's lookarounds do not look across it, except for two abbreviation rules that look at
# the next chunk: "No." before a number and an initial ("J.") before a capitalized word.
# Chunks that may end in those (a period after "No" or after an upper-case letter) are never
# cached, nor are chunks whose tokens reach past their end; a text with a spaced ellipsis
# (". . .", which may start inside a chunk: "Then. . .I") reads no cached columns.
_CACHE = ChunkCache(300_000)
# the cache's maps under their former names (benchmarks/tokenize_ab.py reads them)
_COLS, _SINGLE_NORM, _SINGLE_KIND = _CACHE.cols, _CACHE.single_norm, _CACHE.single_kind


def _chunk_rows(text: str, chunk: str, start: int, end: int) -> list[tuple[str, int, int, str]]:
    """``(text, start, end, kind)`` of the tokens of one chunk (``text[start:end]``)."""
    if chunk.isalpha() and chunk not in _ALPHA_SPECIAL:
        return [(chunk, start, end, "word")]
    if len(chunk) == 1:
        kind = _ASCII_SYM_KIND.get(chunk)
        if kind is not None:
            return [(chunk, start, end, kind)]
    out: list[tuple[str, int, int, str]] = []
    _split_chunk(text, chunk, start, end, out)
    return out


def _context_free(chunk: str) -> bool:
    """Whether a chunk's tokens are the same in any context (see :data:`_CACHE`)."""
    return not (chunk[-1] == "." and len(chunk) > 1 and (chunk[-2].isupper() or chunk[-2] == "o"))


def token_columns(
    text: str,
) -> tuple[list[str], list[int], list[int], list[str], list[str]]:
    """Token columns ``(texts, starts, ends, norms, kinds)`` of ``text``: :func:`token_rows`
    transposed, built with as little per-token Python work as possible.

    Parameters
    ----------
    text : str
        Raw or pre-tokenized English text.

    Returns
    -------
    tuple of five lists
        ``Token.text``, ``start``, ``end``, ``norm`` and ``kind`` of each token.
    """
    # a PTB spaced ellipsis (". . .") is one chunk of _CHUNK_RE, several of str.split()
    spaced = ". ." in text
    chunks, starts = split_chunks(text, _CHUNK_RE, regular=not spaced)
    if not chunks:
        return [], [], [], [], []
    fill = lambda i: _chunk_columns(text, chunks[i], starts[i])  # noqa: E731
    if spaced:  # a spaced ellipsis may start inside a chunk ("Then. . .I"): no cached columns
        out = assemble_columns(chunks, starts, {}, {}, {}, fill)
    else:
        out = _CACHE.assemble(chunks, starts, fill)
    if "n't" in out[3]:
        _fix_hosts(out[3])
    return out


def _chunk_columns(text: str, chunk: str, start: int) -> ChunkCols:
    """Token columns of the chunk at ``text[start:]``: (texts, starts, ends, norms, kinds,
    count), offsets relative to the chunk; cached when the chunk is context-free."""
    found = _chunk_rows(text, chunk, start, start + len(chunk))
    cols = rows_to_columns(
        [(a - start, b - start, tok, normalize(tok), kind) for tok, a, b, kind in found]
    )
    # a token the full regex matched past the chunk's end (a spaced ellipsis ". . .") depends
    # on what follows the chunk: such columns are never cached (they would be served, with
    # offsets past its end, to the next text that has the same chunk)
    if _context_free(chunk) and all(b <= len(chunk) for b in cols[2]):
        _CACHE.store(chunk, cols)
    return cols


def _fix_hosts(norms: list[str]) -> None:
    """Set the norm of a stranded ``ca``/``wo``/``sha`` that precedes ``n't``."""
    for i in range(len(norms) - 1):
        host = _CLITIC_HOSTS.get(norms[i])
        if host is not None and norms[i + 1] == "n't":
            norms[i] = host


def token_rows(text: str) -> list[tuple[str, int, int, str, str]]:
    """``(text, start, end, norm, kind)`` for each token of ``text``: :func:`tokenize` without
    building Token objects.

    Parameters
    ----------
    text : str
        Raw or pre-tokenized English text.

    Returns
    -------
    list of tuple of (str, int, int, str, str)
        One row per token, with the ``norm`` that :func:`tokenize` gives.

    Examples
    --------
    >>> token_rows("Don't!")
    [('Do', 0, 2, 'do', 'word'), ("n't", 2, 5, "n't", 'word'), ('!', 5, 6, '!', 'punct')]
    """
    return list(zip(*token_columns(text), strict=True))


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with character spans, ``kind`` and ``norm``.

    Parameters
    ----------
    text : str
        Raw or pre-tokenized English text.

    Returns
    -------
    list of Token
        Tokens in text order; ``text[t.start:t.end] == t.text`` for every token.

    Examples
    --------
    >>> [(t.text, t.kind) for t in tokenize("Loved it @bob #mustsee 😍 http://x.io/a.")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Loved', 'word'), ('it', 'word'), ('@bob', 'mention'), ('#mustsee', 'hashtag'),
     ('😍', 'emoji'), ('http://x.io/a', 'url'), ('.', 'punct')]
    """
    if not isinstance(text, str):
        raise InputError(f"tokenize() needs a str, got {type(text).__name__}")
    return tokens_from_columns(*token_columns(text))


def terms(text: str, *, punct: bool = False) -> list[str]:
    """The normalized forms of the tokens of ``text``, without building Token objects.

    Parameters
    ----------
    text : str
        Raw text.
    punct : bool, default False
        Keep punctuation tokens (``!!!``, ``?`` carry some sentiment); other kinds are always
        kept.

    Returns
    -------
    list of str
        Normalized forms, in order (the same ``norm`` values :func:`tokenize` gives).

    Examples
    --------
    >>> terms("I can't STAND it!!!")
    ['i', 'can', "n't", 'stand', 'it']
    """
    out: list[str] = []
    norm_get = _NORM_CACHE.get
    for tok, _start, _end, kind in scan(text):
        if kind == "punct" and not punct:
            continue
        norm = norm_get(tok)
        if norm is None:
            norm = normalize(tok)
        if norm == "n't" and out and out[-1] in _CLITIC_HOSTS:
            out[-1] = _CLITIC_HOSTS[out[-1]]
        out.append(norm)
    return out
