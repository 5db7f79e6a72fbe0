"""pandas: analyze_frame, analyze_frames and the df.sentikit accessor, with the shipped models."""

from __future__ import annotations

import math
import subprocess
import sys
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sentikit
import sentikit.frame as frame
from sentikit.errors import InputError

TEXTS = [
    "Great film. Awful ending.",
    "A dull, lifeless and boring mess.",
    "Harika bir film, herkese tavsiye ederim.",
    "Berbat bir film, çok sıkıcıydı.",
    "🙂🙂",
]


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return pd.DataFrame({"review": TEXTS, "n": range(len(TEXTS))}, index=list("vwxyz"))


def _same(a: Any, b: Any) -> bool:
    """Equal, with every missing value (None, NaN, pd.NA) equal to every other."""
    if a is None or a is pd.NA or (isinstance(a, float) and math.isnan(a)):
        return b is None or b is pd.NA or (isinstance(b, float) and math.isnan(b))
    return bool(a == b)


def test_rows_match_analyze_and_keep_the_index(df: pd.DataFrame) -> None:
    out = sentikit.analyze_frame(df)
    assert list(out.columns) == list(frame.ROW_COLUMNS)
    assert out.index.equals(df.index)
    assert out.dtypes["score"] == np.float64 and str(out.dtypes["mixed"]) == "boolean"
    for (_, row), r in zip(out.iterrows(), sentikit.analyze(df["review"]), strict=True):
        expected = {
            "label": r["label"],
            "score": r["score"],
            "p_positive": r["probs"]["positive"],
            "p_neutral": r["probs"]["neutral"],
            "p_negative": r["probs"]["negative"],
            "lang": r["lang"],
            "mixed": r["mixed"],
            "domain_coverage": r["domain_coverage"],
            "error": None,
            "warning": r.get("warning"),
        }
        for col, want in expected.items():
            assert _same(row[col], want), (col, row[col], want)
    assert out.loc["v", "mixed"] and out.loc["z", "lang"] == "und"


def test_bad_rows_get_an_error_and_keep_their_place() -> None:
    values = ["great film", None, np.nan, 3, "", pd.NA]
    bad = pd.DataFrame({"review": pd.Series(values, index=range(10, 16), dtype=object)})
    out = frame.analyze_frame(bad, lang="en")
    assert out.index.equals(bad.index)
    assert out.loc[10, "label"] == "positive" and pd.isna(out.loc[10, "error"])
    assert out["error"].isna().tolist() == [True, False, False, False, True, False]
    assert out.loc[11, "error"] == "record 11: missing text (None)"
    assert out.loc[12, "error"] == "record 12: missing text (NaN)"
    assert out.loc[13, "error"] == "record 13: text must be a string, not int"
    assert out.loc[15, "error"] == "record 15: missing text (NA)"
    errors = out["error"].notna()
    assert out.loc[errors, ["label", "score", "p_positive", "lang", "mixed"]].isna().all().all()
    # an empty text is analyzed as analyze() analyzes it: neutral, with a warning
    assert out.loc[14, "label"] == "neutral" and "empty text" in out.loc[14, "warning"]


def test_id_column_names_rows_in_errors() -> None:
    bad = pd.DataFrame({"t": ["good", None], "key": ["a-1", "b-2"]})
    out = frame.analyze_frame(bad, text="t", id="key", lang="en")
    assert out.loc[1, "error"].startswith("record b-2: missing text")
    assert out.index.equals(bad.index)


def test_accessor_and_binary_labels(df: pd.DataFrame) -> None:
    out = df.sentikit.analyze(labels="binary")
    assert set(out.loc[out["lang"] != "und", "label"]) == {"positive", "negative"}
    res = df.sentikit.analyze_frames(details=("sentences",))
    assert res.tokens is None and res.rows.index.equals(df.index)


def test_sentences_and_tokens_join_back_on_the_index(df: pd.DataFrame) -> None:
    res = frame.analyze_frames(df, explain=True)
    assert res.sentences is not None and res.tokens is not None
    sents, toks = res.sentences, res.tokens
    assert sents.index.names == ["row", "sentence"] and toks.index.names == ["row", "token"]
    assert list(sents.columns) == list(frame.SENTENCE_COLUMNS)
    assert list(toks.columns) == list(frame.TOKEN_COLUMNS)
    assert sents.loc[("v", 1), "text"] == "Awful ending."
    assert sents.loc[("v", 0), "label"] == "positive"
    assert sents.loc[("v", 1), "label"] == "negative"
    joined = sents.join(res.rows[["label"]].add_prefix("doc_"), on="row")
    assert joined.loc[("v", 0), "doc_label"] == res.rows.loc["v", "label"]
    # each text slice is its span, and the contributions add up to the explanation's
    for (row, _), t in toks.iterrows():
        assert df.loc[row, "review"][t["start"] : t["end"]] == t["text"]
    full = {r["id"]: r for r in sentikit.analyze(df["review"], explain=True)}
    sums = toks.groupby(level="row")["contribution"].sum()
    for row, total in sums.items():
        assert total == pytest.approx(full[str(row)]["explanation"]["tokens_total"], abs=1e-4)
    assert "z" not in sents.index.get_level_values("row")  # und: no sentences


def test_multiindex_input_keeps_its_levels() -> None:
    idx = pd.MultiIndex.from_tuples([("a", 1), ("a", 2)], names=["shop", "n"])
    two = pd.DataFrame({"review": ["Great. Bad.", "Fine film."]}, index=idx)
    res = frame.analyze_frames(two, lang="en")
    assert res.rows.index.equals(idx)
    assert res.sentences is not None
    assert res.sentences.index.names == ["shop", "n", "sentence"]
    assert len(res.sentences.loc[("a", 1)]) == 2


def test_empty_frame() -> None:
    res = frame.analyze_frames(pd.DataFrame({"review": []}), lang="en", explain=True)
    assert list(res.rows.columns) == list(frame.ROW_COLUMNS) and len(res.rows) == 0
    assert res.sentences is not None and len(res.sentences) == 0


def test_one_pass_through_iter_analyze(df: pd.DataFrame, monkeypatch: Any) -> None:
    calls: list[Any] = []
    real = frame.iter_analyze

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(frame, "iter_analyze", spy)
    frame.analyze_frames(df, explain=True)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "nope"}, "no text column 'nope'"),
        ({"id": "nope"}, "no id column 'nope'"),
        ({"details": ("tokens",)}, "needs explain=True"),
        ({"details": ("aspects", "sentences")}, "unknown details"),
        ({"lang": "xx"}, "unsupported language"),
    ],
)
def test_refusals(df: pd.DataFrame, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        frame.analyze_frames(df, **kwargs)


def test_not_a_dataframe() -> None:
    with pytest.raises(InputError, match="expected a pandas DataFrame"):
        frame.analyze_frame(pd.Series(["good"]))


def test_import_sentikit_does_not_import_pandas() -> None:
    code = "import sys, sentikit; sentikit.analyze_frame; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
