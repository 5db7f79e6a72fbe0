"""The shipped English aspect model, through the API and the CLI (``aspects=True``)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

import sentikit
import sentikit.aspects.tr
from sentikit.aspects import SHIPPED, load_aspect_model
from sentikit.aspects.en import EnglishAspects
from sentikit.cli.main import app
from sentikit.errors import ResourceMissingError
from sentikit.paths import PACKAGE_DIR

SCHEMA = json.loads((PACKAGE_DIR / "schema" / "result.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped(needs_parser: None) -> EnglishAspects:
    model = load_aspect_model("en")
    assert isinstance(model, EnglishAspects)
    return model


def _terms(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    aspects = result["aspects"]
    assert isinstance(aspects, list)
    return {a["term"]: a for a in aspects if a["term"] is not None}


def test_restaurant_sentence(shipped: EnglishAspects) -> None:
    text = "The pizza was great but the waiter was rude."
    r = sentikit.analyze(text, lang="en", aspects=True)
    terms = _terms(r)
    assert "pizza" in terms and "waiter" in terms
    pizza = terms["pizza"]
    assert pizza["span"] == [4, 9] and text[4:9] == "pizza" and pizza["sentence"] == 0
    # the conceded clause pulls "pizza" towards the middle (docs/notes/aspects.md), but it stays
    # far above the waiter, which is negative
    assert terms["waiter"]["label"] == "negative"
    assert -1.0 <= terms["waiter"]["score"] < pizza["score"] - 0.5 <= 0.5
    cats = {a["category"]: a for a in r["aspects"] if a["category"] is not None}
    assert {"food", "service"} <= set(cats)
    assert "tokens" not in r and "explanation" not in r  # explain was not asked for
    jsonschema.validate(r, SCHEMA)


def test_plain_positive_term(shipped: EnglishAspects) -> None:
    r = sentikit.analyze("The pizza was great.", lang="en", aspects=True)
    assert _terms(r)["pizza"]["label"] == "positive"


def test_laptop_multi_word_term(shipped: EnglishAspects) -> None:
    r = sentikit.analyze(
        ["I love this laptop. The battery life is excellent and the screen is sharp."],
        lang="en",
        aspects=True,
        explain=True,
    )[0]
    terms = _terms(r)
    assert "battery life" in terms
    assert terms["battery life"]["sentence"] == 1
    assert "tokens" in r  # explain kept when asked for


def test_turkish_gets_its_own_model_and_errors_keep_empty_aspects(
    shipped: EnglishAspects,
) -> None:
    out = sentikit.analyze(["Yemekler çok güzeldi ama garson kabaydı.", None], aspects=True)
    assert out[0]["lang"] == "tr" and out[0]["aspects"]  # the Turkish model's opinions
    assert {a["category"] for a in out[0]["aspects"]} <= {
        a["category"]
        for a in sentikit.aspects.tr.extract_tr("Yemekler çok güzeldi ama garson kabaydı.")
    } | {None}
    assert "error" in out[1]
    for empty in ("", "!!!", "😀"):
        assert sentikit.analyze(empty, lang="en", aspects=True)["aspects"] == []
    with pytest.raises(ResourceMissingError):
        load_aspect_model("tr")


def test_cli_aspects(shipped: EnglishAspects) -> None:
    res = CliRunner().invoke(
        app, ["analyze", "The sushi was fresh.", "--lang", "en", "--aspects", "-f", "jsonl"]
    )
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.splitlines()[0])
    assert "sushi" in {a["term"] for a in rec["aspects"]}


def test_shipped_files_are_small() -> None:
    total = sum(f.stat().st_size for f in (SHIPPED / "en").iterdir())
    assert total < 8_000_000
