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
# # sentikit quick start (Turkish and English)
#
# Everything here runs offline on the models shipped inside the package and on the shared
# benchmark corpora (`../shared/datasets`, or `$SENTIKIT_DATA`), read with the package's own
# readers (`sentikit.io.datasets`). Samples are kept small so that the notebook runs in well
# under a minute on a laptop.
#
# 1. analyze a CSV file with `sentikit.analyze_frame`;
# 2. the label distribution as a bar plot;
# 3. the most positive and most negative words of a corpus, from token contributions;
# 4. label shares per group: the news categories of the unlabelled Turkish corpus.

# %%
import io
import random
import tempfile
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # non-interactive: figures are rendered to PNG and displayed by show()
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image, display

import sentikit
from sentikit.frame import analyze_frames
from sentikit.io.datasets import iter_examples

rng = random.Random(0)
LABELS = ["negative", "neutral", "positive"]
COLORS = {"negative": "tab:red", "neutral": "tab:gray", "positive": "tab:green"}


def show(fig: plt.Figure) -> None:
    """Display a figure rendered by Agg as a PNG (inline in Jupyter), then close it."""
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    display(Image(buf.getvalue()))


# %% [markdown]
# ## 1. Analyze a CSV
#
# We write a small CSV of Turkish movie reviews (a sample of `turkish-movie-reviews`) to a
# temporary folder, as if it were your own file, read it with pandas and analyze its `review`
# column. The result has one row per input row and the **same index**: `label`, `score`
# (P(positive) − P(negative)), the three probabilities, `lang`, and `error`/`warning` where a row
# could not be read.

# %%
movies = list(iter_examples("turkish-movie-reviews"))
sample = rng.sample(movies, 300)
workdir = Path(tempfile.mkdtemp(prefix="sentikit-quickstart-"))
csv_path = workdir / "reviews.csv"
pd.DataFrame({"id": [e.id for e in sample], "review": [e.text for e in sample]}).to_csv(
    csv_path, index=False
)

df = pd.read_csv(csv_path, index_col="id")
out = sentikit.analyze_frame(df, text="review", lang="tr")
df.join(out[["label", "score", "p_positive", "p_negative"]]).head()

# %% [markdown]
# The same in English, on a few sentences of the Rotten Tomatoes polarity corpus
# (`english-movie-sentences-rt-polarity`) and a few hand-written texts. `lang=None` would detect
# the language per text.

# %%
rt = list(iter_examples("english-movie-sentences-rt-polarity"))
en = pd.DataFrame(
    {
        "review": [
            "What a gorgeous, witty film.",
            "The plot was awful and the acting even worse.",
            "Not bad at all.",
        ]
        + [e.text for e in rng.sample(rt, 200)]
    }
)
en_out = sentikit.analyze_frame(en, text="review", lang="en")
en.join(en_out[["label", "score"]]).head()

# %% [markdown]
# ## 2. Label distribution

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 3), sharey=False)
for ax, (name, frame) in zip(
    axes, [("Turkish movie reviews", out), ("English RT sentences", en_out)], strict=True
):
    counts = frame["label"].value_counts().reindex(LABELS, fill_value=0)
    ax.bar(counts.index, counts.to_numpy(), color=[COLORS[lab] for lab in counts.index])
    ax.set_title(f"{name} (n={len(frame)})")
    ax.set_ylabel("texts")
show(fig)

# %% [markdown]
# ## 3. The most positive and most negative words of a corpus
#
# `analyze_frames(..., explain=True)` also returns a long-form token frame indexed by
# `(row, token)`: each token's `lemma` and its `contribution` to the document score. Summing the
# contributions per lemma over a corpus and averaging them gives its most positive and most
# negative words (here the 300 reviews above; words seen fewer than 8 times are left out, so that
# a word's mean rests on several reviews).

# %%
res = analyze_frames(df, text="review", lang="tr", explain=True, details=("tokens",))
tokens = res.tokens
assert tokens is not None
words = tokens[tokens["pos"] != "Punc"].assign(
    word=lambda t: t["lemma"].fillna(t["norm"]).str.lower()
)
per_word = words.groupby("word")["contribution"].agg(["sum", "mean", "count"])
per_word = per_word[per_word["count"] >= 8]
top_pos = per_word.nlargest(12, "mean")
top_neg = per_word.nsmallest(12, "mean")
pd.concat({"most positive": top_pos.reset_index(), "most negative": top_neg.reset_index()}, axis=1)

# %%
fig, ax = plt.subplots(figsize=(7, 5))
both = pd.concat([top_neg["mean"], top_pos["mean"].iloc[::-1]])
ax.barh(both.index, both.to_numpy(), color=["tab:red" if v < 0 else "tab:green" for v in both])
ax.axvline(0, color="black", linewidth=0.8)
ax.set_xlabel("mean contribution per occurrence")
ax.set_title("Most negative and most positive words (Turkish movie reviews)")
show(fig)

# %% [markdown]
# ## 4. Label shares per group
#
# The unlabelled Turkish news corpus (`turkish-unlabelled-text`, Kemik 42bin haber) carries each
# article's news category in `Example.meta["category"]` (13 categories). We take 25 articles per
# category, analyze the headline and the lead (the first two lines, to stay fast) and plot the
# share of each label per category. News is mostly neutral; the interesting part is where the
# negative and positive shares differ.

# %%
by_category = defaultdict(list)
for e in iter_examples("turkish-unlabelled-text"):
    by_category[e.meta["category"]].append(e)
news = pd.DataFrame(
    [
        {"category": cat, "text": " ".join(e.text.split("\n")[:2])}
        for cat, examples in sorted(by_category.items())
        for e in rng.sample(examples, 25)
    ]
)
news_out = news.join(sentikit.analyze_frame(news, text="text", lang="tr")[["label", "score"]])
shares = pd.crosstab(news_out["category"], news_out["label"], normalize="index")
shares = shares.reindex(columns=LABELS, fill_value=0.0)
shares.round(2)

# %%
ax = shares.plot.barh(
    stacked=True, color=[COLORS[lab] for lab in shares.columns], figsize=(8, 5), width=0.8
)
ax.set_xlabel("share of articles")
ax.set_title("Label shares per news category (25 articles each)")
ax.legend(loc="lower right")
show(ax.figure)

# %% [markdown]
# ## 5. An explanation to look at
#
# A result displays itself in a notebook as the page `sentikit analyze --explain --format html`
# writes: each word shaded by its contribution (green towards positive, red towards negative;
# hover for the value), Turkish morphemes under their word, sentence and clause labels and the
# probabilities. `sentikit.explain_html(results).save("page.html")` writes one page for many.

# %%
explained = sentikit.analyze("Yemekler çok lezzetliydi ama garson kaba davrandı.", explain=True)
display(explained)
