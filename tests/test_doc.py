"""Round trips of the data model and the JSON Schema of results."""

from __future__ import annotations

import json
from pathlib import Path

from sentikit.doc import Aspect, Clause, Document, Morpheme, Sentence, Token

SCHEMA = Path(__file__).resolve().parents[1] / "sentikit" / "schema" / "result.schema.json"


def _doc() -> Document:
    toks = [
        Token(
            text="Filmi",
            start=0,
            end=5,
            norm="filmi",
            lemma="film",
            pos="Noun",
            morphemes=[Morpheme("film", "Noun"), Morpheme("i", "Acc", -0.1)],
        ),
        Token(text="beğenmedim", start=6, end=16, norm="beğenmedim", negated=True, polarity=-0.8),
        Token(text=".", start=16, end=17, kind="punct"),
    ]
    sent = Sentence(
        "Filmi beğenmedim.",
        (0, 17),
        0,
        3,
        clauses=[Clause("Filmi beğenmedim", (0, 16), 0, 2, "negative", -0.7)],
        label="negative",
        score=-0.7,
    )
    return Document(
        text="Filmi beğenmedim.",
        id="7",
        lang="tr",
        tokens=toks,
        sentences=[sent],
        aspects=[Aspect("Film", (0, 5), "MOVIE#GENERAL", "negative", -0.5)],
        label="negative",
        score=-0.7,
        probs={"positive": 0.15, "neutral": 0.0, "negative": 0.85},
        model={"name": "m", "version": "1"},
    )


def test_document_round_trip_is_lossless() -> None:
    doc = _doc()
    d = doc.to_dict()
    again = Document.from_dict(json.loads(json.dumps(d)))
    assert again == doc
    assert again.sentence_tokens(again.sentences[0])[1].negated is True


def test_to_dict_drops_none_and_can_omit_tokens() -> None:
    d = Document(text="x").to_dict(tokens=False)
    assert "tokens" not in d and "label" not in d and d["text"] == "x"


def test_token_form_falls_back_to_text() -> None:
    assert Token(text="Güzel", start=0, end=5).form == "Güzel"
    assert Token(text="Güzel", start=0, end=5, norm="güzel").form == "güzel"


def test_schema_is_valid_json_schema() -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    ok = {
        "id": "1",
        "lang": "tr",
        "label": "neutral",
        "score": 0.0,
        "probs": {"positive": 0, "neutral": 1, "negative": 0},
        "mixed": False,
        "domain_coverage": None,
        "sentences": [],
        "aspects": [],
        "model": {"name": "m", "version": "1"},
    }
    jsonschema.validate(ok, schema)
    jsonschema.validate({"id": "2", "error": "record 2: text is missing"}, schema)
    bad = dict(ok, label="great")
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        pass
    else:  # pragma: no cover
        raise AssertionError("an unknown label must not validate")
