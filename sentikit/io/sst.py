"""Stanford Sentiment Treebank (Socher et al. 2013) in PTB bracket form.

Each line of ``train.txt`` / ``dev.txt`` / ``test.txt`` is one binarised tree whose every node
carries a fine-grained label 0..4 (very negative … very positive)::

    (3 (2 (2 The) (2 Rock)) (4 (2 is) (4 great)) (2 .))

Tokens keep the treebank's Penn-Treebank escapes (``-LRB-``, ``-RRB-``, ``\\/``, ``\\*``,
`````` and ``''`` quotes); :func:`detokenize` turns a token sequence into readable text.

Examples
--------
>>> tree = parse_sst_tree("(3 (2 (2 The) (2 Rock)) (4 (2 is) (4 great)))")
>>> tree.label, tree.text
(3, 'The Rock is great')
>>> [(t, lab) for t, lab in tree.phrases()][:2]
[('The Rock is great', 3), ('The Rock', 2)]
>>> binary_label(4), binary_label(2)
('positive', None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sentikit.errors import InputError
from sentikit.io._files import data_file, iter_lines

SST_DATASET = "sst-ptb-trees"
SST_SPLITS = ("train", "dev", "test")
#: Names of the five fine-grained classes, index = label (Socher et al. 2013).
FINE_LABEL_NAMES = ("very negative", "negative", "neutral", "positive", "very positive")

# Tokens split on ASCII whitespace only: one SST leaf holds a no-break space ("8\u00a01\\/2").
_W = r"[^ \t\r\n()]+"
# Alternatives: 1-2 a leaf "(label word)", 3 "(label" of an inner node, 4 ")", 5 anything else
# (a stray word or a "(" followed by a space) — an error.
_TREE_RE = re.compile(rf"\(({_W})[ \t\r\n]+({_W})[ \t\r\n]*\)|\(({_W})|(\))|({_W}|\()")
_SPACE_RE = re.compile(r"[ \t\r\n]+")

#: Penn-Treebank token escapes found in the SST files and their plain form: the brackets
#: (``-LRB-`` left round bracket ``(`` … ``-RCB-`` right curly bracket ``}``) and the two
#: quote tokens.
PTB_ESCAPES = {
    f"-{side}{shape}B-": bracket
    for shape, pair in (("R", "()"), ("S", "[]"), ("C", "{}"))
    for side, bracket in zip("LR", pair, strict=True)
} | {"``": '"', "''": '"'}
_OPENERS = frozenset({"(", "[", "{"})
_CLOSERS = frozenset({",", ".", "!", "?", ";", ":", "%", ")", "]", "}", "..."})
_CLITICS = frozenset({"'s", "'re", "'ve", "'d", "'ll", "'m", "n't"})


@dataclass(slots=True)
class SSTNode:
    """One node of a sentiment tree: a fine label 0..4 and either children or a leaf word.

    Attributes
    ----------
    label : int
        Fine-grained sentiment 0 (very negative) … 4 (very positive).
    children : list of SSTNode
        Empty for a leaf.
    word : str or None
        The token of a leaf (as written in the treebank, PTB escapes kept); ``None`` inside.
    """

    label: int
    children: list[SSTNode] = field(default_factory=list)
    word: str | None = None

    @property
    def is_leaf(self) -> bool:
        """Whether the node is a leaf (holds a word)."""
        return self.word is not None

    def words(self) -> list[str]:
        """The leaf tokens under this node, left to right."""
        out: list[str] = []
        stack: list[SSTNode] = [self]
        while stack:
            node = stack.pop()
            if node.word is not None:
                out.append(node.word)
            else:
                stack.extend(reversed(node.children))
        return out

    @property
    def text(self) -> str:
        """The tokens under this node joined by single spaces (treebank tokenisation)."""
        return " ".join(self.words())

    def nodes(self) -> Iterator[SSTNode]:
        """Every node of the subtree in pre-order (root first)."""
        stack: list[SSTNode] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def phrases(self) -> Iterator[tuple[str, int]]:
        """``(text, label)`` for every node in pre-order, leaves included."""
        for node in self.nodes():
            yield node.text, node.label

    def __len__(self) -> int:
        """The number of nodes in the subtree."""
        return sum(1 for _ in self.nodes())


def parse_sst_tree(line: str) -> SSTNode:
    """Parse one bracketed SST tree.

    Parameters
    ----------
    line : str
        ``"(label child child)"`` for inner nodes, ``"(label token)"`` for leaves.

    Returns
    -------
    SSTNode
        The root.

    Raises
    ------
    InputError
        On unbalanced brackets, a non-integer or out-of-range label, or trailing text.
    """
    stack: list[SSTNode] = []
    root: SSTNode | None = None
    for m in _TREE_RE.finditer(line):
        kind = m.lastindex
        if root is not None:
            raise InputError(f"text after the end of the SST tree: {line[:60]!r}")
        if kind == 2:  # a complete leaf "(label word)"
            node = SSTNode(label=_label(m.group(1)), word=m.group(2))
            if stack:
                stack[-1].children.append(node)
            else:
                root = node
        elif kind == 3:  # "(label" opening an inner node
            node = SSTNode(label=_label(m.group(3)))
            if stack:
                stack[-1].children.append(node)
            stack.append(node)
        elif kind == 4:  # ")"
            if not stack:
                raise InputError(f"unbalanced SST tree (extra ')'): {line[:60]!r}")
            node = stack.pop()
            if not node.children:
                raise InputError(f"SST node without word or children: {line[:60]!r}")
            if not stack:
                root = node
        else:
            raise InputError(f"unexpected token {m.group(0)!r} in SST tree: {line[:60]!r}")
    if stack or root is None:
        raise InputError(f"unbalanced or empty SST tree: {line[:60]!r}")
    return root


_LABELS = {str(i): i for i in range(5)}


def _label(tok: str) -> int:
    label = _LABELS.get(tok)
    if label is not None:
        return label
    try:
        label = int(tok)
    except ValueError:
        raise InputError(f"SST node label is not an integer: {tok!r}") from None
    if not 0 <= label <= 4:
        raise InputError(f"SST label out of range 0..4: {label}")
    return label


def detokenize(tokens: str | Iterable[str]) -> str:
    """Readable text from SST/PTB tokens: unescape ``-LRB-``, ``\\/`` … and fix spacing.

    Parameters
    ----------
    tokens : str or iterable of str
        A space-joined token string (as :attr:`SSTNode.text`) or a token sequence.

    Examples
    --------
    >>> detokenize("-LRB- It 's `` great '' , is n't it ? -RRB-")
    '(It\\'s "great", isn\\'t it?)'
    """
    toks = [t for t in _SPACE_RE.split(tokens) if t] if isinstance(tokens, str) else list(tokens)
    out: list[str] = []
    in_quote = False
    prev_open = False
    for raw in toks:
        tok = PTB_ESCAPES.get(raw, raw).replace("\\/", "/").replace("\\*", "*")
        if raw == "``" or (raw == '"' and not in_quote):
            kind, in_quote = "open", True
        elif raw == "''" or (raw == '"' and in_quote):
            kind, in_quote = "close", False
        elif tok in _OPENERS:
            kind = "open"
        elif tok in _CLOSERS or raw.lower() in _CLITICS:
            kind = "close"
        else:
            kind = "word"
        if out and kind != "close" and not prev_open:
            out.append(" ")
        out.append(tok)
        prev_open = kind == "open"
    return "".join(out)


def binary_label(fine: int) -> str | None:
    """SST-2 label of a fine label: 0-1 → negative, 3-4 → positive, 2 (neutral) → ``None``."""
    if fine in (0, 1):
        return "negative"
    if fine in (3, 4):
        return "positive"
    if fine == 2:
        return None
    raise InputError(f"SST label out of range 0..4: {fine}")


def sst_path(split: str) -> Path:
    """The tree file of one SST split (``train``, ``dev`` or ``test``)."""
    if split not in SST_SPLITS:
        raise InputError(f"unknown SST split {split!r}; choose one of {', '.join(SST_SPLITS)}")
    return data_file(SST_DATASET, f"{split}.txt")


def read_sst_trees(split: str, path: str | Path | None = None) -> list[SSTNode]:
    """All trees of an SST split, in file order.

    Parameters
    ----------
    split : str
        ``"train"`` (8544 trees), ``"dev"`` (1101) or ``"test"`` (2210).
    path : str or Path, optional
        Read this file instead of the shared dataset's.
    """
    p = Path(path) if path is not None else sst_path(split)
    trees = []
    for lineno, line in enumerate(iter_lines(p), start=1):
        if not line.strip():
            continue
        try:
            trees.append(parse_sst_tree(line))
        except InputError as exc:
            raise InputError(f"{p}:{lineno}: {exc}") from None
    return trees


__all__ = [
    "FINE_LABEL_NAMES",
    "PTB_ESCAPES",
    "SST_SPLITS",
    "SSTNode",
    "binary_label",
    "detokenize",
    "parse_sst_tree",
    "read_sst_trees",
    "sst_path",
]
