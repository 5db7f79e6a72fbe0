"""Documents whose tokens are held as columns until read."""

from __future__ import annotations

from sentikit.doc import Document, Sentence, Token, TokenColumns


def _doc() -> Document:
    cols = TokenColumns(
        ["Not", "good", "."],
        [0, 4, 8],
        [3, 8, 9],
        ["not", "good", "."],
        ["word", "word", "punct"],
        [False, True, False],
    )
    return Document.from_columns(
        "Not good.", cols, [Sentence("Not good.", (0, 9), 0, 3)], lang="en"
    )


def test_accessors_read_columns_without_building_tokens() -> None:
    d = _doc()
    assert d.n_tokens() == 3
    assert d.token_forms() == ["not", "good", "."]
    assert d.token_kinds() == ["word", "word", "punct"]
    assert d.token_negated() == [False, True, False]
    assert d.__dict__["_tokens"] is None  # still columns


def test_tokens_built_on_first_read_then_authoritative() -> None:
    d = _doc()
    toks = d.tokens
    assert [(t.text, t.start, t.end, t.norm, t.negated, t.kind) for t in toks] == [
        ("Not", 0, 3, "not", False, "word"),
        ("good", 4, 8, "good", True, "word"),
        (".", 8, 9, ".", False, "punct"),
    ]
    assert d.tokens is toks
    toks[1].norm = "fine"
    toks[0].negated = True
    assert d.token_forms() == ["not", "fine", "."]
    assert d.token_negated() == [True, True, False]
    d.tokens.append(Token(text="!", start=9, end=10, kind="punct"))
    assert d.n_tokens() == 4 and d.token_forms()[-1] == "!"


def test_equality_serialization_and_assignment() -> None:
    a, b = _doc(), _doc()
    assert a == b
    assert Document.from_dict(a.to_dict()) == b
    plain = Document(text="Not good.", lang="en", tokens=list(b.tokens), sentences=b.sentences)
    assert plain == a
    a.tokens = []
    assert a.n_tokens() == 0 and a.token_forms() == []
    assert Document("x").n_tokens() == 0


def test_sentence_document_shares_tokens_or_columns() -> None:
    d = _doc()
    s = Sentence("good.", (4, 9), 1, 3)
    sub = d.sentence_document(s)
    assert sub.text == "good." and sub.lang == "en"
    assert sub.token_forms() == ["good", "."] and sub.token_negated() == [True, False]
    built = _doc()
    toks = built.tokens
    sub2 = built.sentence_document(s)
    assert sub2.tokens[0] is toks[1]
    assert sub.tokens == sub2.tokens


def test_no_negation_column_means_nothing_negated() -> None:
    cols = TokenColumns(["a", "b"], [0, 2], [1, 3], ["a", "b"], ["word", "word"])
    d = Document.from_columns("a b", cols)
    assert d.token_negated() == [False, False]
    assert [t.negated for t in d.tokens] == [False, False]
    assert d.sentences == []
