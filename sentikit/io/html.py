"""Explanations people can look at: analysis results as one self-contained HTML page.

Each record shows its text with every token shaded by its signed contribution to the decision
(green pushes towards positive, red towards negative; the intensity is the token's share of the
largest contribution in its document, the exact value in nats in the token's tooltip), for
Turkish each morpheme with a contribution under its word (on its own per-document scale),
the label and score of each sentence and clause, the document's label, score and three
probabilities, ``mixed``, ``domain_coverage``, the model and any warning; an error record is
one row naming the record. The page needs no script and no external file: the CSS is inline
and every piece of user text is HTML-escaped.

:class:`HtmlWriter` is the :class:`~sentikit.io.record_writers.RecordWriter` of ``sentikit
analyze --format html``: it streams (the head on the first record, then each record as it comes,
then the tail with the counts), so a large input never sits in memory.
:func:`render_fragment` is one record as a notebook cell shows it (the ``_repr_html_`` of
:class:`sentikit.pipeline.results.Result`); :func:`render_page` is a whole page of results in
memory (``sentikit.explain_html``).

Examples
--------
>>> page = render_page([{"id": "a", "error": "record a: missing text (NA)"}])
>>> page.startswith("<!DOCTYPE html>") and "record a: missing text (NA)" in page
True
"""

from __future__ import annotations

import io
import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import IO, Any

from sentikit._version import __version__
from sentikit.io.record_writers import RecordWriter

__all__ = [
    "CSS",
    "HtmlPage",
    "HtmlWriter",
    "NEGATIVE_RGB",
    "POSITIVE_RGB",
    "render_fragment",
    "render_page",
    "render_record",
    "shade",
]

#: The colour of a contribution as large as the largest of its document, towards positive …
POSITIVE_RGB = (22, 163, 74)
#: … and towards negative; smaller ones are mixed with white in proportion to their share.
NEGATIVE_RGB = (220, 38, 38)
_LABELS = ("positive", "neutral", "negative")

#: The page's style sheet; every rule is scoped under ``.skx`` so that it can sit inside a
#: notebook without touching the notebook's own style.
CSS = """
.skx{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
 color:#1f2937;max-width:1100px}
.skx *{box-sizing:border-box}
.skx-page{display:flex;flex-direction:column;margin:0 auto;padding:16px 20px}
.skx-top{order:-2}.skx-summary{order:-1}
.skx h1{font-size:20px;margin:0 0 4px}
.skx-sub,.skx-meta,.skx-note{color:#6b7280;font-size:13px}
.skx-legend{display:flex;align-items:center;gap:10px;font-size:13px;color:#4b5563;margin:8px 0}
.skx-scale{display:inline-block;width:220px;height:12px;border-radius:6px;border:1px solid #d1d5db;
 background:linear-gradient(90deg,rgb(220,38,38),#fff,rgb(22,163,74))}
.skx-summary{margin:6px 0 14px;font-size:14px}
.skx-rec{border:1px solid #e5e7eb;border-radius:10px;margin:0 0 14px;background:#fff;
 box-shadow:0 1px 2px rgba(0,0,0,.04);overflow:hidden}
.skx-head{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;padding:8px 12px;
 background:#f9fafb;border-bottom:1px solid #e5e7eb}
.skx-id{font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace}
.skx-badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;
 font-weight:600;letter-spacing:.02em;border:1px solid transparent}
.skx-positive{background:#dcfce7;color:#166534;border-color:#86efac}
.skx-negative{background:#fee2e2;color:#991b1b;border-color:#fca5a5}
.skx-neutral{background:#f3f4f6;color:#374151;border-color:#d1d5db}
.skx-mixed{background:#fef3c7;color:#92400e;border-color:#fcd34d}
.skx-score{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.skx-probs{display:inline-flex;align-items:center;gap:6px;font-size:12px;color:#4b5563}
.skx-bar{display:inline-flex;width:120px;height:10px;border-radius:5px;overflow:hidden;
 background:#e5e7eb}
.skx-bar span{display:block;height:100%}
.skx-bp{background:rgb(22,163,74)}.skx-bu{background:#9ca3af}.skx-bn{background:rgb(220,38,38)}
.skx-warn{padding:6px 12px;background:#fffbeb;color:#92400e;font-size:13px;
 border-bottom:1px solid #fde68a}
.skx-sents{width:100%;border-collapse:collapse}
.skx-sents td{padding:8px 12px;vertical-align:top;border-bottom:1px solid #f3f4f6}
.skx-sents tr:last-child td{border-bottom:0}
.skx-sl{width:1%;white-space:nowrap;text-align:right}
.skx-sl .skx-score{display:block;margin-top:2px;color:#6b7280}
.skx-text{white-space:pre-wrap;word-wrap:break-word;line-height:2.1}
.skx-tok{display:inline-block;padding:0 3px;border-radius:4px;line-height:1.45;
 vertical-align:top}
.skx-neg{text-decoration:underline dotted #6b7280;text-underline-offset:3px}
.skx-ms{display:flex;gap:1px;margin-top:1px;font-size:10.5px;line-height:1.3}
.skx-m{padding:0 2px;border-radius:3px;border:1px solid rgba(0,0,0,.08);color:#374151}
.skx-clause{display:inline-block;border-bottom:3px solid #d1d5db;padding:0 0 2px;
 line-height:1.6;vertical-align:top}
.skx-clause.skx-c-positive{border-bottom-color:#86efac}
.skx-clause.skx-c-negative{border-bottom-color:#fca5a5}
.skx-cb{font-size:10.5px;font-weight:600;vertical-align:super;margin:0 3px;padding:0 4px;
 border-radius:999px}
.skx-expl{padding:6px 12px 8px;font-size:12.5px;color:#4b5563;background:#fcfcfd;
 border-top:1px solid #f3f4f6}
.skx-expl b{color:#1f2937}
.skx-top{margin-left:18px}.skx-tw{white-space:nowrap}
.skx-err{border-color:#fca5a5}
.skx-err .skx-head{background:#fef2f2;border-bottom:0}
.skx-errmsg{color:#991b1b;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
"""


def _e(value: Any) -> str:
    """``value`` as text, HTML-escaped (quotes too: safe inside an attribute)."""
    return escape("" if value is None else str(value), quote=True)


def _num(value: Any) -> float | None:
    """``value`` as a finite float, else None."""
    if isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _signed(x: float, digits: int = 3) -> str:
    """``+1.234`` / ``−1.234`` (a true minus sign)."""
    return f"{x:+.{digits}f}".replace("-", "\u2212")


def shade(share: float) -> str:
    """The CSS background of a contribution whose share of the document's largest one is
    ``share`` (−1 … 1): white mixed with :data:`POSITIVE_RGB` or :data:`NEGATIVE_RGB` in
    proportion to ``|share|``."""
    t = min(1.0, abs(share))
    base = POSITIVE_RGB if share >= 0 else NEGATIVE_RGB
    r, g, b = (round(255 + (c - 255) * t) for c in base)
    return f"rgb({r},{g},{b})"


def _ink(share: float) -> str:
    """Text colour readable on :func:`shade` ``(share)``."""
    return "#fff" if abs(share) > 0.62 else "#111827"


def _badge(label: Any, extra: str = "") -> str:
    cls = f"skx-{label}" if label in _LABELS else "skx-neutral"
    return f'<span class="skx-badge {cls}{extra}">{_e(label)}</span>'


def _probs(probs: Any) -> str:
    """The three probabilities as a stacked bar and numbers."""
    if not isinstance(probs, Mapping):
        return ""
    p = {k: _num(probs.get(k)) or 0.0 for k in _LABELS}
    bar = "".join(
        f'<span class="{cls}" style="width:{100 * p[k]:.1f}%"></span>'
        for k, cls in zip(_LABELS, ("skx-bp", "skx-bu", "skx-bn"), strict=True)
    )
    nums = " · ".join(f"{k} {p[k]:.3f}" for k in _LABELS)
    return f'<span class="skx-probs"><span class="skx-bar">{bar}</span>{nums}</span>'


def _head(r: Mapping[str, Any], n: int | None) -> str:
    """The record's header line: id, label, score, probabilities, flags and model."""
    parts = [f'<span class="skx-id">{_e(r.get("id") if r.get("id") is not None else n)}</span>']
    parts.append(_badge(r.get("label")))
    score = _num(r.get("score"))
    if score is not None:
        parts.append(
            f'<span class="skx-score" title="P(positive) − P(negative)">'
            f"score {_signed(score)}</span>"
        )
    parts.append(_probs(r.get("probs")))
    if r.get("mixed"):
        parts.append(
            '<span class="skx-badge skx-mixed" title="parts of the text with strong '
            'opposite polarity">mixed</span>'
        )
    meta = [_e(r.get("lang"))] if r.get("lang") else []
    cov = _num(r.get("domain_coverage"))
    if cov is not None:
        meta.append(
            f'<span title="share of its words the model saw in training">'
            f"coverage {100 * cov:.0f}%</span>"
        )
    model = r.get("model")
    if isinstance(model, Mapping) and model.get("name"):
        meta.append(f"{_e(model.get('name'))} {_e(model.get('version') or '')}".strip())
    if meta:
        parts.append(f'<span class="skx-meta">{" · ".join(meta)}</span>')
    return f'<div class="skx-head">{"".join(parts)}</div>'


def _doc_scale(values: Iterable[Any]) -> float:
    """The largest absolute finite value (1 when none is above zero)."""
    top = max((abs(x) for x in map(_num, values) if x is not None), default=0.0)
    return top if top > 0 else 1.0


def _morphemes(morphs: Any, scale: float) -> str:
    """The morpheme strip under a Turkish token (morphemes without form or share left out)."""
    if not isinstance(morphs, Sequence) or isinstance(morphs, str):
        return ""
    cells = []
    for m in morphs:
        if not isinstance(m, Mapping):
            continue
        pol = _num(m.get("polarity"))
        form = str(m.get("form") or "")
        if not form and not pol:
            continue
        share = (pol or 0.0) / scale
        title = f"{form or '∅'} ({m.get('tag') or '?'}): " + (
            "no contribution" if pol is None else f"{_signed(pol)} nats"
        )
        cells.append(
            f'<span class="skx-m" style="background:{shade(share)};color:{_ink(share)}" '
            f'title="{_e(title)}">{_e(form or m.get("tag") or "∅")}</span>'
        )
    return f'<span class="skx-ms">{"".join(cells)}</span>' if cells else ""


def _token(tok: Mapping[str, Any], scale: float, mscale: float) -> str:
    """One token, shaded by its share of the document's largest contribution."""
    pol = _num(tok.get("polarity"))
    share = (pol or 0.0) / scale
    bits = [
        f"{_signed(pol)} nats ({100 * abs(share):.0f}% of the largest)"
        if pol is not None
        else "no contribution"
    ]
    if tok.get("lemma"):
        bits.append(f"lemma {tok['lemma']}")
    if tok.get("pos"):
        bits.append(str(tok["pos"]))
    if tok.get("negated"):
        bits.append("negated")
    cls = "skx-tok skx-neg" if tok.get("negated") else "skx-tok"
    sign = "pos" if share > 0 else "neg" if share < 0 else "zero"
    return (
        f'<span class="{cls}" data-sign="{sign}" data-share="{share:.3f}" '
        f'style="background:{shade(share)};color:{_ink(share)}" '
        f'title="{_e(tok.get("text"))}: {_e("; ".join(bits))}">{_e(tok.get("text"))}'
        f"{_morphemes(tok.get('morphemes'), mscale)}</span>"
    )


def _span(tok: Mapping[str, Any]) -> tuple[int, int] | None:
    span = tok.get("span")
    if isinstance(span, Sequence) and len(span) == 2:
        a, b = _num(span[0]), _num(span[1])
        if a is not None and b is not None and 0 <= a <= b:
            return int(a), int(b)
    return None


class _SentenceText:
    """Writes one sentence: its text between tokens as given, each token shaded."""

    def __init__(self, text: str, start: int, tokens: list[tuple[int, int, str]]) -> None:
        self.text, self.start, self.tokens = text, start, tokens
        self.cursor, self.i = start, 0
        self.out: list[str] = []

    def _gap(self, a: int, b: int) -> None:
        if b > a:
            self.out.append(_e(self.text[a - self.start : b - self.start]))

    def upto(self, end: int) -> None:
        """The text and the tokens starting before ``end``."""
        while self.i < len(self.tokens) and self.tokens[self.i][0] < end:
            a, b, html = self.tokens[self.i]
            self._gap(self.cursor, a)
            self.out.append(html)
            self.cursor, self.i = max(self.cursor, b), self.i + 1
        self._gap(self.cursor, end)
        self.cursor = max(self.cursor, end)


def _clause_badge(c: Mapping[str, Any]) -> str:
    label, score = c.get("label"), _num(c.get("score"))
    cls = f"skx-{label}" if label in _LABELS else "skx-neutral"
    txt = f"{label} {_signed(score, 2)}" if score is not None else str(label)
    return f'<span class="skx-cb {cls}" title="clause">{_e(txt)}</span>'


def _sentence_html(s: Mapping[str, Any], toks: list[tuple[int, int, str]]) -> str:
    """A sentence's text with its tokens, its labelled clauses underlined by their label."""
    text, span = s.get("text"), _span(s)
    if not isinstance(text, str) or span is None or span[1] - span[0] != len(text):
        return " ".join(h for _, _, h in toks) or _e(text)
    w = _SentenceText(text, span[0], toks)
    for c in s.get("clauses") or []:
        cs = _span(c) if isinstance(c, Mapping) else None
        if cs is None or c.get("label") is None or cs[0] < w.cursor or cs[1] > span[1]:
            continue
        w.upto(cs[0])
        cls = c["label"] if c["label"] in _LABELS else "neutral"
        w.out.append(f'<span class="skx-clause skx-c-{cls}">')
        w.upto(cs[1])
        w.out.append(f"</span>{_clause_badge(c)}")
    w.upto(span[1])
    return "".join(w.out)


def _sentence_rows(r: Mapping[str, Any], text: str | None) -> str:
    """One table row per sentence: label and score, then the shaded text."""
    tokens = [t for t in r.get("tokens") or [] if isinstance(t, Mapping)]
    scale = _doc_scale(t.get("polarity") for t in tokens)
    mscale = _doc_scale(
        m.get("polarity")
        for t in tokens
        for m in (t.get("morphemes") or [])
        if isinstance(m, Mapping)
    )
    rendered: list[tuple[int, int, str]] = []
    for t in tokens:
        span = _span(t)
        if span is not None:
            rendered.append((span[0], span[1], _token(t, scale, mscale)))
    rendered.sort()
    starts = [t[0] for t in rendered]
    rows, used = [], 0
    for s in r.get("sentences") or []:
        if not isinstance(s, Mapping):
            continue
        span = _span(s) or (0, 0)
        lo = bisect_left(starts, span[0])
        mine = rendered[lo : max(lo, bisect_left(starts, span[1]))]
        used += len(mine)
        label, score = s.get("label"), _num(s.get("score"))
        flags = ' <span class="skx-badge skx-mixed">mixed</span>' if s.get("mixed") else ""
        sc = f'<span class="skx-score">{_signed(score, 2)}</span>' if score is not None else ""
        rows.append(
            f'<tr><td class="skx-sl">{_badge(label)}{flags}{sc}</td>'
            f'<td class="skx-text">{_sentence_html(s, mine)}</td></tr>'
        )
    if used < len(rendered) or (not rows and text):
        # tokens outside every sentence, or a text with no sentence (not scored)
        body = " ".join(h for _, _, h in rendered) if rendered else _e(text)
        rows.append(f'<tr><td class="skx-sl"></td><td class="skx-text">{body}</td></tr>')
    return f'<table class="skx-sents">{"".join(rows)}</table>' if rows else ""


def _explanation(r: Mapping[str, Any]) -> str:
    """The decomposition of the decision, in nats, under the sentences."""
    ex = r.get("explanation")
    if not isinstance(ex, Mapping):
        if "explanation" in r or "tokens" in r:
            return ""
        return (
            '<div class="skx-expl skx-note">No token contributions: analyze with '
            "<code>--explain</code> (<code>explain=True</code>) to shade the words.</div>"
        )
    total, icpt, toks = (_num(ex.get(k)) for k in ("total", "intercept", "tokens_total"))
    raw = ex.get("other")
    other = {str(k): _num(v) for k, v in raw.items()} if isinstance(raw, Mapping) else {}
    osum = math.fsum(v for v in other.values() if v is not None)
    otitle = "; ".join(f"{k} {_signed(v)}" for k, v in other.items() if v is not None)
    if total is None or icpt is None or toks is None:
        return ""
    return (
        f'<div class="skx-expl"><span title="log P(positive) / P(negative), natural-log odds">'
        f"decision <b>{_signed(total)}</b> nats = intercept {_signed(icpt)} + words "
        f'{_signed(toks)} + <span title="{_e(otitle or "none")}">other {_signed(osum)}</span>'
        f"</span>{_top(ex.get('top'))}</div>"
    )


def _top(top: Any) -> str:
    """The words that pushed the decision most each way (the explanation's ``top``)."""
    if not isinstance(top, Mapping):
        return ""
    sides = []
    for side, sign in (("positive", "+"), ("negative", "\u2212")):
        words = [
            f'<span class="skx-tw">{_e(t.get("text"))} {_signed(v, 2)}</span>'
            for t in top.get(side) or []
            if isinstance(t, Mapping) and (v := _num(t.get("contribution"))) is not None
        ]
        if words:
            sides.append(f'<span class="skx-top"><b>top {sign}</b> {", ".join(words)}</span>')
    return "".join(sides)


def render_record(result: Mapping[str, Any], text: str | None = None, n: int | None = None) -> str:
    """One result as an HTML ``<section>`` (an error record as an error row).

    Parameters
    ----------
    result : mapping
        A result dict of :meth:`sentikit.pipeline.Analyzer.analyze` (explained or not) or an
        error record ``{"id", "error"}``.
    text : str, optional
        The input text, shown for a record without sentences (a text not scored).
    n : int, optional
        The record's number, shown when it has no ``id``.
    """
    if not isinstance(result, Mapping):
        return _error_section(n, f"record {n}: not a result ({type(result).__name__})")
    if result.get("error"):
        return _error_section(result.get("id", n), result["error"])
    try:
        body = _sentence_rows(result, text)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as exc:
        name = result.get("id", n)
        return _error_section(name, f"record {name}: cannot be shown ({exc})")
    warn = result.get("warning")
    warn_html = f'<div class="skx-warn">{_e(warn)}</div>' if warn else ""
    lang = result.get("lang")
    lang_attr = f' lang="{_e(lang)}"' if lang in ("tr", "en") else ""
    return (
        f'<section class="skx-rec"{lang_attr}>{_head(result, n)}{warn_html}{body}'
        f"{_explanation(result)}</section>\n"
    )


def _error_section(name: Any, message: Any) -> str:
    return (
        f'<section class="skx-rec skx-err"><div class="skx-head"><span class="skx-id">'
        f'{_e(name)}</span><span class="skx-badge skx-negative">error</span>'
        f'<span class="skx-errmsg">{_e(message)}</span></div></section>\n'
    )


_LEGEND = (
    '<div class="skx-legend"><span>pushes towards negative</span><span class="skx-scale">'
    '</span><span>towards positive</span></div><div class="skx-note">Each word is shaded by '
    "its contribution to log P(positive)/P(negative), as a share of the largest in its "
    "document (hover for the value in nats); Turkish morphemes under their word, on their own "
    "scale; a dotted underline marks a word in a negation scope; clauses are underlined by "
    "their label.</div>"
)


def _page_head(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}body{{margin:0;background:#f3f4f6}}</style>"
        '</head>\n<body><div class="skx skx-page"><div class="skx-top">'
        f'<h1>{_e(title)}</h1><div class="skx-sub">sentikit {_e(__version__)}</div>'
        f"{_LEGEND}</div>\n"
    )


def _summary(counts: Mapping[str, int]) -> str:
    total = sum(counts.values())
    parts = [f"<b>{total}</b> record{'s' if total != 1 else ''}"]
    parts += [f"{_badge(k)} {counts[k]}" for k in _LABELS if counts.get(k)]
    if counts.get("error"):
        parts.append(f'<span class="skx-badge skx-negative">error</span> {counts["error"]}')
    return f'<div class="skx-summary">{" ".join(parts)}</div>'


class HtmlWriter(RecordWriter):
    """One self-contained HTML page, streamed: the head with the first record (or at the end
    when there is none), each record as it comes, the tail (record counts, shown at the top of
    the page) on :meth:`close`.

    Parameters
    ----------
    stream : text stream
        Where to write.
    title : str
        The page's title.
    """

    format = "html"

    def __init__(self, stream: IO[str], title: str = "sentikit explanations") -> None:
        super().__init__(stream)
        self.title = title
        self.counts: dict[str, int] = {}
        self._started = False

    def _start(self) -> None:
        if not self._started:
            self._started = True
            self.stream.write(_page_head(self.title))

    def write(self, result: Mapping[str, Any], text: str | None = None) -> None:
        self._start()
        self.count += 1
        self.stream.write(render_record(result, text, self.count))
        ok = isinstance(result, Mapping) and not result.get("error")
        key = str(result.get("label")) if ok else "error"
        self.counts[key] = self.counts.get(key, 0) + 1

    def _finish(self) -> None:
        self._start()
        self.stream.write(f"{_summary(self.counts)}</div></body></html>\n")


def render_fragment(result: Mapping[str, Any], text: str | None = None) -> str:
    """One result as a block of HTML with its scoped style (what a notebook shows)."""
    return f'<div class="skx"><style>{CSS}</style>{render_record(result, text)}</div>'


class HtmlPage(str):
    """A whole HTML page (a ``str``) that a notebook displays as a page; :meth:`save` writes
    it."""

    def _repr_html_(self) -> str:
        return str(self)

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (UTF-8) and return the path."""
        p = Path(path)
        p.write_text(str(self), encoding="utf-8")
        return p


def render_page(
    results: Mapping[str, Any] | Iterable[Mapping[str, Any]],
    texts: Iterable[str | None] | None = None,
    title: str = "sentikit explanations",
) -> HtmlPage:
    """Results (one result dict or an iterable of them) as one self-contained HTML page.

    Parameters
    ----------
    results : mapping or iterable of mappings
        Result dicts of :func:`sentikit.analyze` (with ``explain=True`` for shaded words).
    texts : iterable of str, optional
        The input texts, in the same order (only shown for texts that were not scored).
    title : str
        The page's title.

    Returns
    -------
    HtmlPage
        The page as a ``str`` that a notebook displays and :meth:`HtmlPage.save` writes.
    """
    items = [results] if isinstance(results, Mapping) else results
    given = iter([texts] if isinstance(texts, str) else texts or ())
    out = io.StringIO()
    with HtmlWriter(out, title=title) as w:
        for r in items:
            w.write(r, next(given, None))
    return HtmlPage(out.getvalue())
