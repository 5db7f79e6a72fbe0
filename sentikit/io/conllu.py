"""CoNLL-U reader (Universal Dependencies treebanks), plain or gzip-compressed.

Syntactic words (integer ids) become :class:`ConlluToken`; multiword-token ranges
(``1-2``) and empty nodes (``8.1``) are kept separately on the sentence so that the word sequence
stays aligned with the dependency tree.

Examples
--------
>>> from sentikit.io.conllu import parse_conllu
>>> text = ("# sent_id = s1\\n# text = Gel.\\n"
...         "1\\tGel\\tgel\\tVERB\\tVerb\\tMood=Imp\\t0\\troot\\t_\\tSpaceAfter=No\\n"
...         "2\\t.\\t.\\tPUNCT\\tPunc\\t_\\t1\\tpunct\\t_\\t_\\n\\n")
>>> s = parse_conllu(text)[0]
>>> s.id, s.text, [t.form for t in s.tokens], s.tokens[0].feats
('s1', 'Gel.', ['Gel', '.'], {'Mood': 'Imp'})
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sentikit.errors import InputError, ResourceMissingError
from sentikit.io._files import iter_lines
from sentikit.paths import dataset_dir

#: Treebanks of MANIFEST.md and their file-name prefix.
TREEBANKS = {"ud-turkish-imst": "tr_imst", "ud-english-ewt": "en_ewt"}
CONLLU_SPLITS = ("train", "dev", "test")


@dataclass
class ConlluToken:
    """A syntactic word (one CoNLL-U line with an integer id).

    ``feats`` and ``misc`` are parsed into dicts (``{}`` for ``_``); ``head`` is ``None`` when
    the column is ``_``. Other ``_`` columns are kept as the string ``"_"``.
    """

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str] = field(default_factory=dict)
    head: int | None = None
    deprel: str = "_"
    deps: str = "_"
    misc: dict[str, str] = field(default_factory=dict)

    @property
    def space_after(self) -> bool:
        """``False`` where MISC says ``SpaceAfter=No``."""
        return self.misc.get("SpaceAfter") != "No"


@dataclass
class MultiwordToken:
    """A multiword-token range line (``first-last``), e.g. Turkish ``1-2 Ankara'dan``."""

    first: int
    last: int
    form: str
    misc: dict[str, str] = field(default_factory=dict)


@dataclass
class EmptyNode:
    """An empty node of enhanced dependencies (``8.1``); kept verbatim, not in the tree."""

    id: str
    form: str
    lemma: str
    upos: str
    deps: str


@dataclass
class ConlluSentence:
    """One sentence: comments, syntactic words, multiword ranges and empty nodes."""

    id: str | None
    text: str | None
    tokens: list[ConlluToken] = field(default_factory=list)
    multiwords: list[MultiwordToken] = field(default_factory=list)
    empty_nodes: list[EmptyNode] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)

    def forms(self) -> list[str]:
        """The word forms (syntactic words)."""
        return [t.form for t in self.tokens]

    def __len__(self) -> int:
        return len(self.tokens)


def _kv(column: str, where: str) -> dict[str, str]:
    if column == "_" or column == "":
        return {}
    out: dict[str, str] = {}
    for item in column.split("|"):
        key, sep, value = item.partition("=")
        if not sep:
            # MISC may hold bare items; keep them with an empty value.
            out[key] = ""
            continue
        out[key] = value
    return out


def _sentence(lines: list[tuple[int, str]], where: str) -> ConlluSentence:
    sent = ConlluSentence(id=None, text=None)
    for lineno, line in lines:
        if line.startswith("#"):
            key, sep, value = line[1:].partition("=")
            if sep:
                sent.comments[key.strip()] = value.strip()
            else:
                sent.comments[line[1:].strip()] = ""
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputError(f"{where}:{lineno}: {len(cols)} columns, expected 10")
        tid = cols[0]
        if "-" in tid:
            first, _, last = tid.partition("-")
            try:
                sent.multiwords.append(
                    MultiwordToken(int(first), int(last), cols[1], _kv(cols[9], where))
                )
            except ValueError:
                raise InputError(f"{where}:{lineno}: bad range id {tid!r}") from None
            continue
        if "." in tid:
            sent.empty_nodes.append(EmptyNode(tid, cols[1], cols[2], cols[3], cols[8]))
            continue
        try:
            ident = int(tid)
            head = None if cols[6] == "_" else int(cols[6])
        except ValueError:
            raise InputError(f"{where}:{lineno}: bad id or head in {line[:60]!r}") from None
        sent.tokens.append(
            ConlluToken(
                id=ident,
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                xpos=cols[4],
                feats=_kv(cols[5], where),
                head=head,
                deprel=cols[7],
                deps=cols[8],
                misc=_kv(cols[9], where),
            )
        )
    sent.id = sent.comments.get("sent_id")
    sent.text = sent.comments.get("text")
    return sent


def iter_conllu_lines(lines: Iterable[str], where: str = "<conllu>") -> Iterator[ConlluSentence]:
    """Stream sentences from CoNLL-U lines (blank lines separate sentences).

    Raises
    ------
    InputError
        On a token line without 10 tab-separated columns or a non-integer id/head.
    """
    block: list[tuple[int, str]] = []
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if block:
                yield _sentence(block, where)
                block = []
            continue
        block.append((lineno, line))
    if block:
        yield _sentence(block, where)


def parse_conllu(text: str) -> list[ConlluSentence]:
    """Parse CoNLL-U from a string."""
    return list(iter_conllu_lines(text.splitlines()))


def conllu_path(name: str, split: str) -> Path:
    """The file of one split of a MANIFEST treebank (``.conllu`` or ``.conllu.gz``)."""
    if name not in TREEBANKS:
        raise InputError(f"unknown treebank {name!r}; known: {', '.join(TREEBANKS)}")
    if split not in CONLLU_SPLITS:
        raise InputError(f"unknown split {split!r}; choose one of {', '.join(CONLLU_SPLITS)}")
    folder = dataset_dir(name)
    for suffix in (".conllu", ".conllu.gz"):
        path = folder / f"{TREEBANKS[name]}-ud-{split}{suffix}"
        if path.is_file():
            return path
    raise ResourceMissingError(f"{split} file of treebank {name!r} not found in {folder}")


def iter_conllu(path_or_name: str | Path, split: str | None = None) -> Iterator[ConlluSentence]:
    """Stream the sentences of a CoNLL-U file or of a MANIFEST treebank split.

    Parameters
    ----------
    path_or_name : str or Path
        A file path (``.conllu`` or ``.conllu.gz``), or a treebank name of ``MANIFEST.md``
        (``"ud-turkish-imst"``, ``"ud-english-ewt"``) together with ``split``.
    split : {"train", "dev", "test"}, optional
        Required with a treebank name.
    """
    if isinstance(path_or_name, str) and path_or_name in TREEBANKS:
        if split is None:
            raise InputError(f"reading treebank {path_or_name!r} needs a split")
        path = conllu_path(path_or_name, split)
    else:
        path = Path(path_or_name)
    yield from iter_conllu_lines(iter_lines(path), where=str(path))


def read_conllu(path_or_name: str | Path, split: str | None = None) -> list[ConlluSentence]:
    """All sentences of a CoNLL-U file or treebank split; see :func:`iter_conllu`.

    Examples
    --------
    >>> sents = read_conllu("ud-turkish-imst", "dev")  # doctest: +SKIP
    >>> len(sents), sum(len(s) for s in sents)  # doctest: +SKIP
    (1100, 10542)
    """
    return list(iter_conllu(path_or_name, split))


__all__ = [
    "CONLLU_SPLITS",
    "TREEBANKS",
    "ConlluSentence",
    "ConlluToken",
    "EmptyNode",
    "MultiwordToken",
    "conllu_path",
    "iter_conllu",
    "iter_conllu_lines",
    "parse_conllu",
    "read_conllu",
]
