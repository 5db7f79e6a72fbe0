"""The HTML view of explanations (``sentikit.io.html``, ``--format html``, ``Result``): escaping,
shading signs and scale, morphemes, error rows, streaming, and results that stay plain dicts.
The page in a real browser: ``tests/test_html_view.py``."""

from __future__ import annotations

import copy
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import sentikit
from sentikit.io.html import (
    NEGATIVE_RGB,
    POSITIVE_RGB,
    HtmlPage,
    HtmlWriter,
    render_fragment,
    render_page,
    render_record,
    shade,
)
from sentikit.io.records import make_writer, output_format_for
from sentikit.pipeline.failures import ErrorRecord
from sentikit.pipeline.result import Result

EVIL = '<script>alert("x")</script> & "q"'

#: An explained Turkish result in the shape of the Analyzer's (abridged).
TR: dict[str, Any] = {
    "id": "r<1>",
    "lang": "tr",
    "label": "negative",
    "score": -0.9,
    "probs": {"positive": 0.05, "neutral": 0.0, "negative": 0.95},
    "mixed": True,
    "domain_coverage": 0.75,
    "sentences": [
        {
            "text": "Berbat & sıkıcı ama güzel.",
            "span": [0, 26],
            "label": "negative",
            "score": -0.8,
            "clauses": [
                {"text": "Berbat & sıkıcı", "span": [0, 15], "label": "negative", "score": -0.9},
                {"text": "ama güzel.", "span": [16, 26], "label": "positive", "score": 0.7},
            ],
            "mixed": True,
        }
    ],
    "aspects": [],
    "model": {"name": "m<b>", "version": "1"},
    "warning": EVIL,
    "tokens": [
        {
            "text": "Berbat",
            "span": [0, 6],
            "polarity": -2.0,
            "negated": False,
            "morphemes": [{"form": "berbat", "tag": "Adj", "polarity": -1.0}],
        },
        {"text": "&", "span": [7, 8], "polarity": 0.0, "morphemes": []},
        {
            "text": "sıkıcı",
            "span": [9, 15],
            "polarity": -1.0,
            "negated": True,
            "morphemes": [
                {"form": "sık", "tag": "Verb", "polarity": -0.5},
                {"form": "", "tag": "A3sg", "polarity": 0.0},
                {"form": "ıcı", "tag": "Agt", "polarity": 0.25},
            ],
        },
        {"text": "ama", "span": [16, 19], "polarity": -0.5, "morphemes": []},
        {"text": "güzel", "span": [20, 25], "polarity": 1.0, "morphemes": []},
        {"text": ".", "span": [25, 26], "polarity": 0.0, "morphemes": []},
    ],
    "explanation": {
        "intercept": -0.5,
        "tokens_total": -2.5,
        "other": {"polarity_features:standardization": 0.1},
        "total": -2.9,
        "top": {
            "positive": [{"text": "güzel", "span": [20, 25], "contribution": 1.0}],
            "negative": [{"text": "<i>", "span": [0, 6], "contribution": -2.0}, {"text": 1}],
        },
    },
}


class _Tags(HTMLParser):
    """The tags of a page and the text of its title attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.tokens: list[dict[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if "skx-tok" in (a.get("class") or "").split():
            self.tokens.append(a)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    p.close()
    return p


def _rgb(css: str) -> tuple[int, ...]:
    m = re.search(r"rgb\((\d+),(\d+),(\d+)\)", css)
    assert m, css
    return tuple(int(x) for x in m.groups())


def test_user_text_is_escaped() -> None:
    r = copy.deepcopy(TR)
    r["tokens"][1]["text"] = EVIL
    page = render_page([r, {"id": EVIL, "error": f"record 2: {EVIL}"}])
    tags = _parse(page)
    assert "script" not in tags.tags
    assert set(tags.tags) <= {"html", "head", "meta", "title", "style", "body", "div", "span",
                              "h1", "section", "table", "tr", "td", "code", "b"}  # fmt: skip
    assert "<script>" not in page and "&lt;script&gt;" in page
    text = "".join(tags.text)
    assert EVIL in text and "m<b>" in text and "&amp;amp;" not in page
    assert "r<1>" in text


def test_tokens_are_shaded_by_sign_and_share_of_the_largest() -> None:
    toks = {t["title"].split(":")[0]: t for t in _parse(render_record(TR)).tokens}  # type: ignore[union-attr]
    assert toks["Berbat"]["data-sign"] == "neg" and toks["güzel"]["data-sign"] == "pos"
    assert toks["&"]["data-sign"] == "zero"
    # normalised per document: the largest |contribution| (2.0) is the full colour
    assert toks["Berbat"]["data-share"] == "-1.000" and toks["güzel"]["data-share"] == "0.500"
    assert _rgb(toks["Berbat"]["style"] or "") == NEGATIVE_RGB
    r, g, b = _rgb(toks["güzel"]["style"] or "")
    assert g > r and (r, g, b) == _rgb(shade(0.5))
    assert _rgb(toks["&"]["style"] or "") == (255, 255, 255)
    assert "-2.000" in (toks["Berbat"]["title"] or "").replace("\u2212", "-")
    assert "negated" in (toks["sıkıcı"]["title"] or "")
    assert _rgb(shade(1.0)) == POSITIVE_RGB and _rgb(shade(-3.0)) == NEGATIVE_RGB


def test_morphemes_clauses_probabilities_and_flags() -> None:
    out = render_record(TR)
    # morphemes with a form, each shaded on the document's morpheme scale (largest 1.0)
    morphs = re.findall(r'class="skx-m" style="background:([^;]+);[^"]*" title="([^"]*)"', out)
    assert [t.split(" ")[0] for _, t in morphs] == ["berbat", "sık", "ıcı"]
    assert _rgb(morphs[0][0]) == NEGATIVE_RGB and _rgb(morphs[2][0])[1] > _rgb(morphs[2][0])[0]
    assert out.count('class="skx-clause skx-c-negative"') == 1
    assert out.count('class="skx-clause skx-c-positive"') == 1
    assert "positive 0.050 · neutral 0.000 · negative 0.950" in out
    assert "coverage 75%" in out and ">mixed<" in out and 'lang="tr"' in out
    assert "decision <b>\u22122.900</b>" in out
    assert 'top +</b> <span class="skx-tw">güzel +1.00</span>' in out
    assert "&lt;i&gt; \u22122.00" in out and "<i>" not in out
    # the sentence text between the tokens is kept as given
    bare = copy.deepcopy(TR)
    for t in bare["tokens"]:
        t["morphemes"] = []
    text = "".join(_parse(render_record(bare)).text)
    assert "Berbat & sıkıcı" in text and "ama güzel." in text


def test_unexplained_and_unscored_results() -> None:
    plain = {k: v for k, v in TR.items() if k not in ("tokens", "explanation")}
    out = render_record(plain)
    assert "skx-tok" not in out and "--explain" in out
    assert "Berbat &amp; sıkıcı" in out
    und = {"id": "9", "lang": "und", "label": "neutral", "score": 0.0, "sentences": [],
           "tokens": [], "explanation": None, "warning": "no words"}  # fmt: skip
    out = render_record(und, text="🙂 <i>")
    assert "🙂 &lt;i&gt;" in out and "no words" in out and "--explain" not in out


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "3", "sentences": "oops", "tokens": [{"span": ["a", None]}, 5, None]},
        {"id": "3", "sentences": [{"span": [5, 2], "text": 7, "clauses": [None, {"span": 1}]}]},
        {
            "id": "3",
            "tokens": [{"text": "x", "span": [0, 1], "polarity": float("nan")}],
            "probs": {"positive": "x"},
            "explanation": {"total": "y", "other": [1]},
        },  # fmt: skip
        {
            "id": "3",
            "sentences": [
                {"text": "ab", "span": [0, 2], "clauses": [{"span": [0, 5], "label": "positive"}]}
            ],
            "tokens": [{"text": "ab", "span": [0, 2], "polarity": 1, "morphemes": "ab"}],
        },  # fmt: skip
    ],
)
def test_malformed_results_render_without_a_crash(bad: dict[str, Any]) -> None:
    out = render_record(bad, n=3)
    assert out.startswith("<section") and ">3<" in out


def test_error_records_are_rows_naming_the_record() -> None:
    out = render_record(ErrorRecord("x7", "missing text (NA)", record=7))
    assert "skx-err" in out and "record 7: missing text (NA)" in out and ">x7<" in out
    out = render_record(None, n=4)  # type: ignore[arg-type]
    assert "skx-err" in out and "record 4: not a result (NoneType)" in out


def test_writer_streams_head_records_then_tail() -> None:
    buf = io.StringIO()
    w = make_writer("html", buf)
    assert isinstance(w, HtmlWriter) and buf.getvalue() == ""
    w.write(TR)
    first = buf.getvalue()
    assert first.startswith("<!DOCTYPE html>") and "Berbat" in first and "</html>" not in first
    w.write({"id": "2", "error": "record 2: bad"})
    w.close()
    page = buf.getvalue()
    assert page.endswith("</body></html>\n") and page.count("<section") == 2
    assert "<b>2</b> records" in page and page.count("</html>") == 1
    empty = io.StringIO()
    with make_writer("html", empty):
        pass
    assert "<b>0</b> records" in empty.getvalue() and "<section" not in empty.getvalue()
    assert output_format_for("x.HTML") == output_format_for("x.htm") == "html"


def test_page_fragment_and_explain_html(tmp_path: Path) -> None:
    page = sentikit.explain_html([TR, {"id": "u", "sentences": []}], texts=[None, "only <text>"])
    assert isinstance(page, HtmlPage) and page._repr_html_() == str(page)
    assert "only &lt;text&gt;" in page and page.count("<section") == 2
    assert page.save(tmp_path / "p.html").read_text(encoding="utf-8") == page
    assert sentikit.explain_html(TR).count("<section") == 1
    frag = render_fragment(TR)
    assert frag.startswith('<div class="skx"><style>') and "<html" not in frag
    # every rule of the style sheet is scoped under .skx, so a notebook keeps its own style
    style = re.search(r"<style>(.*)</style>", frag, re.S)
    assert style is not None
    selectors = re.findall(r"(?:^|})\s*([^{}@]+)\{", style.group(1))
    assert selectors and all(s.strip().startswith(".skx") for s in selectors)


def test_result_stays_a_plain_dict() -> None:
    r = Result(copy.deepcopy(TR))
    assert r == TR and repr(r) == repr(dict(TR)) and json.dumps(r) == json.dumps(TR)
    assert copy.deepcopy(r) == TR and {**r} == TR
    assert "Berbat" in r._repr_html_() and r._repr_html_().startswith('<div class="skx">')
    e = ErrorRecord("1", "bad")
    assert isinstance(e, Result) and e == {"id": "1", "error": "record 1: bad"}
    assert "record 1: bad" in e._repr_html_()


def test_ipython_displays_a_result_as_html() -> None:
    formatters = pytest.importorskip("IPython.core.formatters", reason="IPython missing")
    shown, _ = formatters.DisplayFormatter().format(Result(copy.deepcopy(TR)))
    pretty = pytest.importorskip("IPython.lib.pretty")
    assert "skx-tok" in shown["text/html"] and shown["text/plain"] == pretty.pretty(TR)
