# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Aspects: what people talk about, and how they feel about each (English and Turkish)
#
# `sentikit.analyze(texts, aspects=True)` fills each result's `aspects` with
# `{term, span, sentence, category, label, score}`: the aspect terms the shipped CRF finds
# (*pizza*, *battery life*; Turkish *servis*, *garson*) with their polarity, and the categories
# a sentence speaks of. Everything runs offline on the models shipped inside the package
# (`sentikit/resources/aspects/`) and on the shared corpora (`../shared/datasets`, or
# `$SENTIKIT_DATA`), read with the package's own readers. Samples are small so that the notebook
# runs in well under a minute.
#
# 1. English restaurant reviews: the most mentioned aspect terms and how each is judged;
# 2. the restaurant categories (food, service, price, ambience, anecdotes) as a plot;
# 3. Turkish restaurant reviews: opinions per `ENTITY#ATTRIBUTE` category.

# %%
import io
import random

import matplotlib

matplotlib.use("Agg")  # non-interactive: figures are rendered to PNG and displayed by show()
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image, display

import sentikit
from sentikit.io.datasets import iter_examples

rng = random.Random(0)
LABELS = ["negative", "neutral", "conflict", "positive"]
COLORS = {
    "negative": "tab:red",
    "neutral": "tab:gray",
    "conflict": "tab:orange",
    "positive": "tab:green",
}


def show(fig: plt.Figure) -> None:
    """Display a figure rendered by Agg as a PNG (inline in Jupyter), then close it."""
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    display(Image(buf.getvalue()))


def aspect_frame(results: list[dict]) -> pd.DataFrame:
    """One row per aspect of every result (long form), joined back to its text by `doc`."""
    rows = [
        {"doc": i, **{k: a[k] for k in ("term", "category", "label", "score", "sentence")}}
        for i, r in enumerate(results)
        for a in r.get("aspects", [])
    ]
    return pd.DataFrame(rows, columns=["doc", "term", "category", "label", "score", "sentence"])


# %% [markdown]
# ## 1. English: aspect terms of restaurant reviews
#
# 200 sentences of the SemEval-2014 restaurant reviews (their labels are not used: we read them
# as a corpus of our own). One call analyzes them all.

# %%
sentences = [e.text for e in iter_examples("semeval2014-restaurants-sentences", split="test")]
texts = rng.sample(sentences, 200)
results = sentikit.analyze(texts, lang="en", aspects=True)
aspects = aspect_frame(results)
terms = aspects[aspects["term"].notna()].assign(term=lambda d: d["term"].str.lower())
print(f"{len(texts)} sentences, {len(terms)} aspect terms, {terms['term'].nunique()} distinct")
display((texts[0], results[0]["aspects"]))

# %% [markdown]
# The most mentioned terms, with the share of their mentions judged positive and negative and
# an example sentence each.

# %%
top = (
    terms.groupby("term")
    .agg(
        mentions=("label", "size"),
        positive=("label", lambda s: (s == "positive").mean()),
        negative=("label", lambda s: (s == "negative").mean()),
        mean_score=("score", "mean"),
        example=("doc", lambda d: texts[d.iloc[0]][:70]),
    )
    .sort_values(["mentions", "mean_score"], ascending=[False, False])
    .head(10)
)
display(top.round(2))

# %% [markdown]
# ## 2. Categories
#
# The restaurant categories a sentence speaks of (`term` is `None` for them), with their
# polarity: how many sentences talk about food, service, price or ambience, and how.

# %%
cats = aspects[aspects["term"].isna() & aspects["category"].notna()]
table = pd.crosstab(cats["category"], cats["label"]).reindex(columns=LABELS, fill_value=0)
fig, ax = plt.subplots(figsize=(6, 3))
table.plot.barh(stacked=True, ax=ax, color=[COLORS[c] for c in table.columns])
ax.set_xlabel("sentences")
ax.set_ylabel("")
ax.set_title("Restaurant categories and their polarity (200 sentences)")
show(fig)
display(table)

# %% [markdown]
# ## 3. Turkish: opinions per category
#
# The Turkish model (SemEval-2016 restaurants) gives each opinion an `ENTITY#ATTRIBUTE`
# category; an opinion with an implicit target has `term` `None`. We analyze the sentences of
# the partial official test file as a corpus of our own (their labels are not used).

# %%
tr_texts = [e.text for e in iter_examples("semeval2016-absa-turkish-restaurants-test-partial")]
tr_results = sentikit.analyze(tr_texts, lang="tr", aspects=True)
tr_aspects = aspect_frame(tr_results)
print(f"{len(tr_texts)} sentences, {len(tr_aspects)} opinions")
display((tr_texts[0], [(a["term"], a["category"], a["label"]) for a in tr_results[0]["aspects"]]))

# %%
tr_table = (
    pd.crosstab(tr_aspects["category"], tr_aspects["label"])
    .reindex(columns=[c for c in LABELS if c != "conflict"], fill_value=0)
    .assign(total=lambda d: d.sum(axis=1))
    .sort_values("total", ascending=False)
)
display(tr_table.head(8))

# %% [markdown]
# Aspect polarity, like every result, is a model's reading: `docs/notes/aspects.md` and
# `docs/notes/aspects-tr.md` give its accuracy on the SemEval test data, and
# `analyze(..., aspects=True, explain=True)` keeps the word-level explanation the aspect
# polarity was read from.
