"""Identity phrases made one token (issue 17; :mod:`sentikit.lang.masking` finds them).

:meth:`Masker.mask_phrases <sentikit.lang.masking.Masker.mask_phrases>` gives the masked norms
and the identity phrases ``[i, j)`` of a token sequence (``a trans woman``, ``an Asian
person``, ``Suriyeli biri``); :func:`merge_columns` (fast paths, token columns) and
:func:`mask_document` (analyzed paths, Token objects) make each phrase one token with the norm
``"<identity>"``, the original text and a span over the whole phrase, and remap the sentence
and clause token ranges (and, on a parse, the heads).
"""

from __future__ import annotations

from collections.abc import Sequence

from sentikit.doc import Clause, Document, Sentence, Token
from sentikit.lang.masking import IDENTITY, get_masker

__all__ = ["mask_document", "merge_columns"]


def _new_index(runs: Sequence[tuple[int, int]], n: int) -> list[int]:
    """Old token index → new token index once each run ``[i, j)`` is one token (entry ``n``:
    the new length)."""
    out: list[int] = []
    shift = 0
    prev = 0
    for i, j in runs:
        out.extend(range(prev - shift, i - shift))
        out.extend([i - shift] * (j - i))
        shift += j - i - 1
        prev = j
    out.extend(range(prev - shift, n + 1 - shift))
    return out


def _remap_range(part: Sentence | Clause, new: list[int]) -> None:
    """Token range (and indices) of a sentence or clause after a merge (``new``: old → new)."""
    a, b = part.token_start, part.token_end
    part.token_start = new[a]
    part.token_end = new[b - 1] + 1 if b > a else new[a]
    if isinstance(part, Clause) and part.token_indices is not None:
        part.token_indices = list(dict.fromkeys(new[k] for k in part.token_indices))


def merge_columns(
    text: str,
    runs: Sequence[tuple[int, int]],
    texts: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    norms: Sequence[str],
    kinds: Sequence[str],
    negated: Sequence[bool] | None,
    sentences: Sequence[Sentence] = (),
) -> tuple[list[str], list[int], list[int], list[str], list[str], list[bool] | None]:
    """Token columns with each identity phrase ``[i, j)`` of ``runs`` made one token.

    The merged token's text is the original substring ``text[starts[i]:ends[j - 1]]``, its span
    covers the run, its norm is ``"<identity>"``, its kind ``"word"``, and it is negated if any
    token of the run is. ``sentences`` (and their clauses) get their token ranges remapped in
    place. ``runs`` must be sorted, disjoint and each inside one sentence.

    Examples
    --------
    >>> text = "I am a trans woman."
    >>> sents = [Sentence(text, (0, 18), 0, 6)]
    >>> cols = merge_columns(text, [(3, 5)], ["I", "am", "a", "trans", "woman", "."],
    ...                      [0, 2, 5, 7, 13, 17], [1, 4, 6, 12, 18, 18],
    ...                      ["i", "am", "a", IDENTITY, IDENTITY, "."], ["word"] * 5 + ["punct"],
    ...                      None, sents)
    >>> cols[0], cols[3], (sents[0].token_start, sents[0].token_end)
    (['I', 'am', 'a', 'trans woman', '.'], ['i', 'am', 'a', '<identity>', '.'], (0, 5))
    """
    o_texts: list[str] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    o_norms: list[str] = []
    o_kinds: list[str] = []
    o_neg: list[bool] | None = None if negated is None else []
    prev = 0
    for i, j in runs:
        o_texts += texts[prev:i]
        o_starts += starts[prev:i]
        o_ends += ends[prev:i]
        o_norms += norms[prev:i]
        o_kinds += kinds[prev:i]
        s, e = starts[i], ends[j - 1]
        o_texts.append(text[s:e])
        o_starts.append(s)
        o_ends.append(e)
        o_norms.append(IDENTITY)
        o_kinds.append("word")
        if o_neg is not None and negated is not None:
            o_neg += negated[prev:i]
            o_neg.append(any(negated[i:j]))
        prev = j
    o_texts += texts[prev:]
    o_starts += starts[prev:]
    o_ends += ends[prev:]
    o_norms += norms[prev:]
    o_kinds += kinds[prev:]
    if o_neg is not None and negated is not None:
        o_neg += negated[prev:]
    if sentences:
        new = _new_index(runs, len(texts))
        for sent in sentences:
            _remap_range(sent, new)
            for clause in sent.clauses:
                _remap_range(clause, new)
    return o_texts, o_starts, o_ends, o_norms, o_kinds, o_neg


def mask_document(doc: Document, lang: str) -> None:
    """Mask a Document's tokens in place (the analyzed paths), as the fast paths do: the norms
    are masked and each identity phrase becomes one token (:func:`merge_columns`).

    The merged token keeps the annotation (``lemma``, ``pos``, ``tag``, ``morphemes``, ``dep``,
    ``head``) of the run's syntactic head: its token whose head lies outside the run, else its
    last token. Heads, sentence and clause token ranges are remapped.
    """
    tokens = doc.tokens
    if not tokens:
        return
    forms = [t.form for t in tokens]
    kinds = [t.kind for t in tokens]
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    new_norms, runs = get_masker(lang).mask_phrases(
        forms, kinds, [t.text for t in tokens], starts, ends, doc.sentences
    )
    for t, old, n in zip(tokens, forms, new_norms, strict=True):
        if n != old:
            t.norm = n
    if not runs:
        return
    new = _new_index(runs, len(tokens))
    out: list[Token] = []
    prev = 0
    for i, j in runs:
        out += tokens[prev:i]
        run = tokens[i:j]
        head = next(
            (t for t in run if t.head is not None and (t.head < 0 or not i <= t.head < j)),
            run[-1],
        )
        s, e = starts[i], ends[j - 1]
        out.append(
            Token(
                text=doc.text[s:e],
                start=s,
                end=e,
                norm=IDENTITY,
                lemma=head.lemma,
                pos=head.pos,
                morphemes=head.morphemes,
                negated=any(t.negated for t in run),
                kind="word",
                head=head.head,
                dep=head.dep,
                tag=head.tag,
            )
        )
        prev = j
    out += tokens[prev:]
    for t in out:
        if t.head is not None and t.head >= 0:
            t.head = new[t.head]
    doc.tokens = out
    for sent in doc.sentences:
        _remap_range(sent, new)
        for clause in sent.clauses:
            _remap_range(clause, new)
