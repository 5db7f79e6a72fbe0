"""pandas: :func:`analyze_frame`, :func:`analyze_frames` and the ``df.sentikit`` accessor.

:func:`analyze_frame` analyzes one text column of a DataFrame and returns a DataFrame with one
row per input row and the **same index**, with the columns of :data:`ROW_COLUMNS`:

======================  ========================================================================
``label``               positive / neutral / negative (``labels="binary"``: positive / negative)
``score``               P(positive) − P(negative), in [-1, 1]
``p_positive`` …        the three class probabilities (``p_neutral``, ``p_negative``)
``lang``                the language the text was read in (``"und"``: not identified)
``mixed``               strong opposite polarity in two parts of the text (nullable boolean)
``domain_coverage``     the share of the text's words the model saw in training (NaN: none)
``error``               why the row could not be analyzed (a missing value, a number…), else NaN
``warning``             a note on the result (empty text, another language…), else NaN
======================  ========================================================================

A row that cannot be analyzed (``None``, NaN, a number) keeps its place: its ``error`` says why
and its other columns are missing. An empty text is analyzed as :func:`sentikit.analyze`
analyzes it: ``lang="und"``, label ``neutral``, score 0 and a ``warning``. Every row equals the
result :func:`sentikit.analyze` gives for its text.

:func:`analyze_frames` makes the same pass and also returns long-form frames (``details``), one
row per sentence or per token, indexed by ``(row, sentence)`` or ``(row, token)``: the ``row``
level holds the input's index labels (for a MultiIndex input, its levels), so that they join back
on the index (``sentences.join(rows, on="row")``, ``tokens.groupby(level="row")``).

Importing this module registers the DataFrame accessor ``df.sentikit``
(:class:`SentikitAccessor`); ``import sentikit`` does not import pandas.

The texts go through :func:`sentikit.api.iter_analyze` (the Analyzer's batches) in one pass;
the row frame's columns are NumPy arrays allocated once for all rows and filled as each batch's
results arrive (the frame is made from them without a copy), so the result dicts of only one
batch are alive at a time; the long frames' columns grow in typed arrays (:mod:`array`).

Examples
--------
>>> import pandas as pd
>>> import sentikit
>>> df = pd.DataFrame({"review": ["great film", "awful plot", None]}, index=[10, 11, 12])
>>> out = sentikit.analyze_frame(df, lang="en")  # doctest: +SKIP
>>> out[["label", "error"]]  # doctest: +SKIP
       label                           error
10  positive                             NaN
11  negative                             NaN
12       NaN  record 12: missing text (NaN)
>>> import sentikit.frame  # registers df.sentikit
>>> df.sentikit.analyze(lang="en")["label"].tolist()  # doctest: +SKIP
['positive', 'negative', nan]
>>> res = sentikit.frame.analyze_frames(df, lang="en", details=("sentences",))  # doctest: +SKIP
>>> res.sentences.join(res.rows[["label"]].add_prefix("doc_"), on="row")  # doctest: +SKIP
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from sentikit.api import iter_analyze
from sentikit.errors import InputError
from sentikit.pipeline.analyzer import Analyzer
from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE

__all__ = [
    "DETAILS",
    "ROW_COLUMNS",
    "FrameResult",
    "SentikitAccessor",
    "analyze_frame",
    "analyze_frames",
]

#: The columns of :func:`analyze_frame`'s frame, in order.
ROW_COLUMNS = (
    "label",
    "score",
    "p_positive",
    "p_neutral",
    "p_negative",
    "lang",
    "mixed",
    "domain_coverage",
    "error",
    "warning",
)
#: The long-form frames :func:`analyze_frames` can add.
DETAILS = ("sentences", "tokens")
#: The columns of the sentence frame (index ``(row, sentence)``, sentence numbers from 0).
SENTENCE_COLUMNS = ("text", "start", "end", "label", "score", "mixed")
#: The columns of the token frame (index ``(row, token)``; needs ``explain=True``).
TOKEN_COLUMNS = ("text", "start", "end", "norm", "lemma", "pos", "negated", "contribution")

_NAN = float("nan")


class FrameResult(NamedTuple):
    """What :func:`analyze_frames` returns: the row frame and the long-form frames asked for
    (``None`` for those not asked for)."""

    rows: pd.DataFrame
    sentences: pd.DataFrame | None
    tokens: pd.DataFrame | None


@cache
def _text_dtype() -> Any:
    """pandas' default dtype of a column of strings (``str`` in pandas 3, object before)."""
    return pd.Series(["a"]).dtype


def _texts(values: Any, index: pd.Index) -> pd.Series:
    """A text column with missing entries as the dtype's missing value."""
    return pd.Series(values, index=index, dtype=_text_dtype())


def _floats(values: array, index: pd.Index) -> pd.Series:
    return pd.Series(np.frombuffer(values, dtype=np.float64), index=index, copy=True)


def _ints(values: array, index: pd.Index) -> pd.Series:
    return pd.Series(np.frombuffer(values, dtype=np.int64), index=index, copy=True)


#: The float columns of the row frame, and the keys of a result's ``probs`` they come from.
_PROBS = (("p_positive", "positive"), ("p_neutral", "neutral"), ("p_negative", "negative"))


class _Rows:
    """The columns of the row frame, preallocated for ``n`` rows and filled one result at a
    time (no list of floats, no copy when the frame is made)."""

    def __init__(self, n: int) -> None:
        self.n = 0
        self.floats = {k: np.full(n, np.nan) for k in ("score", "domain_coverage")}
        self.floats.update({k: np.full(n, np.nan) for k, _ in _PROBS})
        self.texts = {k: np.full(n, None, dtype=object) for k in ("label", "lang")}
        self.notes = {k: np.full(n, None, dtype=object) for k in ("error", "warning")}
        self.mixed = np.zeros(n, dtype=bool)
        self.missing = np.zeros(n, dtype=bool)  # rows in error: ``mixed`` is missing

    def add(self, r: dict[str, Any]) -> None:
        i = self.n
        self.n += 1
        warning = r.get("warning")
        if warning is not None:
            self.notes["warning"][i] = warning
        error = r.get("error")
        if error is not None:
            self.notes["error"][i] = error
            self.missing[i] = True
            return  # the other columns stay missing
        floats, probs = self.floats, r["probs"]
        floats["score"][i] = r["score"]
        for col, key in _PROBS:
            floats[col][i] = probs[key]
        cov = r.get("domain_coverage")
        if cov is not None:
            floats["domain_coverage"][i] = cov
        self.texts["label"][i] = r["label"]
        self.texts["lang"][i] = r["lang"]
        self.mixed[i] = bool(r.get("mixed"))

    def frame(self, index: pd.Index) -> pd.DataFrame:
        if self.n != len(index):  # the Analyzer gives one result per input
            raise RuntimeError(f"{self.n} results for {len(index)} rows")
        mixed = pd.arrays.BooleanArray(self.mixed, self.missing)
        cols = {
            "label": _texts(self.texts.pop("label"), index),
            "score": self.floats["score"],
            **{col: self.floats[col] for col, _ in _PROBS},
            "lang": _texts(self.texts.pop("lang"), index),
            "mixed": mixed,
            "domain_coverage": self.floats["domain_coverage"],
            "error": _texts(self.notes.pop("error"), index),
            "warning": _texts(self.notes.pop("warning"), index),
        }
        return pd.DataFrame(cols, index=index, copy=False)


class _Long:
    """The columns of a long-form frame (sentences or tokens), filled one item at a time."""

    def __init__(self, level: str, texts: Sequence[str], floats: Sequence[str]) -> None:
        self.level = level
        self.row = array("q")  # position of the item's input row
        self.number = array("q")  # the item's number within its row, from 0
        self.start, self.end = array("q"), array("q")
        self.texts: dict[str, list[Any]] = {k: [] for k in texts}
        self.floats: dict[str, array] = {k: array("d") for k in floats}
        self.flags = array("b")  # ``mixed`` of a sentence, ``negated`` of a token

    def add(self, row: int, items: Iterable[dict[str, Any]], keys: dict[str, str]) -> None:
        """Add the ``items`` of input row ``row``; ``keys``: column → key in an item."""
        flag = keys["flag"]
        for j, it in enumerate(items):
            self.row.append(row)
            self.number.append(j)
            span = it["span"]
            self.start.append(span[0])
            self.end.append(span[1])
            for col, values in self.texts.items():
                values.append(it.get(keys.get(col, col)))
            for col, nums in self.floats.items():
                v = it.get(keys.get(col, col))
                nums.append(_NAN if v is None else v)
            self.flags.append(1 if it.get(flag) else 0)

    def frame(self, source: pd.Index, order: Sequence[str], flag: str) -> pd.DataFrame:
        rows = source.take(np.frombuffer(self.row, dtype=np.int64))
        if isinstance(rows, pd.MultiIndex):
            arrays = [rows.get_level_values(k) for k in range(rows.nlevels)]
            names = list(rows.names)
        else:
            arrays, names = [rows], ["row"]
        index = pd.MultiIndex.from_arrays(
            [*arrays, np.frombuffer(self.number, dtype=np.int64)], names=[*names, self.level]
        )
        cols: dict[str, pd.Series] = {
            "start": _ints(self.start, index),
            "end": _ints(self.end, index),
            flag: pd.Series(np.frombuffer(self.flags, dtype=np.int8) == 1, index=index),
        }
        cols.update({k: _texts(v, index) for k, v in self.texts.items()})
        cols.update({k: _floats(v, index) for k, v in self.floats.items()})
        return pd.DataFrame({k: cols[k] for k in order}, index=index)


_SENTENCE_KEYS = {"flag": "mixed"}
_TOKEN_KEYS = {"flag": "negated", "contribution": "polarity"}


def _column(df: Any, name: str, what: str) -> pd.Series:
    """Column ``name`` of ``df``, or :class:`InputError` saying what is wrong."""
    if not isinstance(df, pd.DataFrame):
        raise InputError(f"expected a pandas DataFrame, not {type(df).__name__}")
    if name not in df.columns:
        known = ", ".join(map(repr, map(str, df.columns))) or "none"
        raise InputError(f"no {what} column {name!r} in the DataFrame (its columns: {known})")
    col = df[name]
    if isinstance(col, pd.DataFrame):
        raise InputError(f"the DataFrame has {col.shape[1]} columns named {name!r}; keep one")
    return col


def _check_details(details: Iterable[str] | None, explain: bool) -> frozenset[str]:
    if details is None:
        return frozenset({"sentences", "tokens"} if explain else {"sentences"})
    if isinstance(details, str):
        details = (details,)
    asked = frozenset(details)
    unknown = sorted(asked - set(DETAILS))
    if unknown:
        raise InputError(f"unknown details {unknown}; choose from {list(DETAILS)}")
    if "tokens" in asked and not explain:
        raise InputError("details 'tokens' needs explain=True (token contributions)")
    return asked


def analyze_frames(
    df: pd.DataFrame,
    text: str = "review",
    id: str | None = None,
    explain: bool = False,
    lang: str | Path | None = None,
    model: str | Path | None = None,
    labels: str = "three",
    details: Iterable[str] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    analyzer: Analyzer | None = None,
) -> FrameResult:
    """Analyze column ``text`` of ``df``: the row frame and long-form frames, in one pass.

    Parameters
    ----------
    df : the DataFrame; it is not modified.
    text : the column of texts.
    id : a column whose values name the rows in ``error`` messages (default: the index).
    explain, lang, model, labels, batch_size : as for :func:`sentikit.analyze`.
    details : the long-form frames to build, of :data:`DETAILS`: ``"sentences"`` (columns
        :data:`SENTENCE_COLUMNS`, index ``(row, sentence)``) and ``"tokens"`` (columns
        :data:`TOKEN_COLUMNS`, index ``(row, token)``: ``contribution`` is the token's
        polarity, its additive share of the decision; needs ``explain=True``). Default:
        the sentences, and with ``explain=True`` the tokens too.
    analyzer : an :class:`~sentikit.pipeline.Analyzer` (:func:`sentikit.load`) to run instead
        of the one ``lang``, ``model``, ``labels`` and ``batch_size`` name (which are then
        ignored); :func:`sentikit.dask.analyze` passes its worker's.

    Returns
    -------
    FrameResult
        ``rows`` (as :func:`analyze_frame`), ``sentences`` and ``tokens`` (``None`` where not
        asked for). The first levels of the long frames' index are the input's index labels
        (named ``row``; for a MultiIndex input, its own levels).

    Raises
    ------
    InputError
        For a ``df`` that is not a DataFrame, a missing column, unknown ``details``, tokens
        without ``explain``, and what :func:`sentikit.analyze` refuses (an unknown language).

    Examples
    --------
    >>> import pandas as pd
    >>> from sentikit.frame import analyze_frames
    >>> df = pd.DataFrame({"review": ["Great film. Awful ending."]})
    >>> res = analyze_frames(df, lang="en", explain=True)  # doctest: +SKIP
    >>> res.sentences[["text", "label"]]  # doctest: +SKIP
                             text     label
    row sentence
    0   0             Great film.  positive
        1          Awful ending.  negative
    >>> res.tokens.groupby(level="row")["contribution"].sum()  # doctest: +SKIP
    """
    texts = _column(df, text, "text")
    # ids default to the index labels, read lazily (not a list of strings kept whole)
    ids = _column(df, id, "id") if id is not None else map(str, df.index)
    asked = _check_details(details, explain)
    rows = _Rows(len(df))
    sents = _Long("sentence", ("text", "label"), ("score",)) if "sentences" in asked else None
    toks = _Long("token", ("text", "norm", "lemma", "pos"), ("contribution",))
    toks_on = "tokens" in asked
    results = (
        iter_analyze(
            texts, lang, explain, ids=ids, model=model, batch_size=batch_size, labels=labels
        )
        if analyzer is None
        else analyzer.iter_analyze(texts.tolist(), ids=ids, explain=explain)
    )
    for i, r in enumerate(results):
        rows.add(r)
        if sents is not None and "sentences" in r:
            sents.add(i, r["sentences"], _SENTENCE_KEYS)
        if toks_on and r.get("tokens"):
            toks.add(i, r["tokens"], _TOKEN_KEYS)
    return FrameResult(
        rows.frame(df.index),
        None if sents is None else sents.frame(df.index, SENTENCE_COLUMNS, "mixed"),
        toks.frame(df.index, TOKEN_COLUMNS, "negated") if toks_on else None,
    )


def analyze_frame(
    df: pd.DataFrame,
    text: str = "review",
    id: str | None = None,
    explain: bool = False,
    lang: str | Path | None = None,
    model: str | Path | None = None,
    labels: str = "three",
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> pd.DataFrame:
    """Analyze column ``text`` of ``df``: one row per input row, with the same index.

    Columns: :data:`ROW_COLUMNS` (see the module's docstring). A row that cannot be analyzed
    keeps its place with ``error`` set; nothing is dropped. For the sentences and tokens of
    each row as long-form frames use :func:`analyze_frames`.

    Parameters
    ----------
    df : the DataFrame; it is not modified.
    text : the column of texts.
    id : a column whose values name the rows in ``error`` messages (default: the index).
    explain, lang, model, labels, batch_size : as for :func:`sentikit.analyze` (``explain``
        matters only to :func:`analyze_frames`' tokens; here it only costs time).

    Examples
    --------
    >>> import pandas as pd
    >>> import sentikit
    >>> df = pd.DataFrame({"review": ["Harika bir film!", "Berbattı."]})
    >>> sentikit.analyze_frame(df, lang="tr")["label"].tolist()  # doctest: +SKIP
    ['positive', 'negative']
    """
    return analyze_frames(
        df, text, id, explain, lang, model, labels, details=(), batch_size=batch_size
    ).rows


@pd.api.extensions.register_dataframe_accessor("sentikit")
class SentikitAccessor:
    """``df.sentikit``: :func:`analyze_frame` and :func:`analyze_frames` on this DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> import sentikit.frame  # registers the accessor
    >>> df = pd.DataFrame({"review": ["great film"]})
    >>> df.sentikit.analyze(lang="en")["label"].tolist()  # doctest: +SKIP
    ['positive']
    >>> df.sentikit.analyze_frames(lang="en", details=("sentences",)).sentences  # doctest: +SKIP
    """

    def __init__(self, df: pd.DataFrame) -> None:
        self._df = df

    def analyze(self, text: str = "review", **kwargs: Any) -> pd.DataFrame:
        """:func:`analyze_frame` of this DataFrame (same keyword arguments)."""
        return analyze_frame(self._df, text, **kwargs)

    def analyze_frames(self, text: str = "review", **kwargs: Any) -> FrameResult:
        """:func:`analyze_frames` of this DataFrame (same keyword arguments)."""
        return analyze_frames(self._df, text, **kwargs)
