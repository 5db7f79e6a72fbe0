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
# # Train a domain polarity lexicon on your own text
#
# `sentikit lexicon induce` learns word polarities from **unlabelled** text: word vectors from
# co-occurrence (PPMI + SVD), a nearest-neighbour graph, and a random walk from a few seed words
# (*güzel, harika, iyi…* / *kötü, berbat, sıkıcı…*) that spreads polarity through the graph
# (METHODS.md §4). Its Python entry is `sentikit.lexicon.inducer.LexiconInducer`, a
# scikit-learn-style estimator: `fit(texts)`, then `lexicon()`, `scores_` or `save(path)`.
#
# As "your own text" we take 4,000 Turkish movie reviews of the shared corpus
# `turkish-movie-reviews` (labels are not used). Everything runs offline.

# %%
import io
import random
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # non-interactive: figures are rendered to PNG and displayed by show()
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image, display

from sentikit.io.datasets import iter_texts
from sentikit.lang.tr.morphology import get_analyzer
from sentikit.lexicon.inducer import LexiconInducer
from sentikit.lexicon.params import defaults_for_size
from sentikit.lexicon.terms import term_of_word


def show(fig: plt.Figure) -> None:
    """Display a figure rendered by Agg as a PNG (inline in Jupyter), then close it."""
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    display(Image(buf.getvalue()))


texts = random.Random(0).sample(list(iter_texts("turkish-movie-reviews")), 4000)
n_tokens = sum(len(t.split()) for t in texts)
params = defaults_for_size(n_tokens)  # what the CLI picks for a corpus of this size
print(f"{len(texts):,} texts, about {n_tokens:,} tokens; parameters {params}")

# %% [markdown]
# ## Induce
#
# `bootstrap=20` runs the walk 20 times from random subsets of the seeds (the CLI's default is
# 50); the spread of a word's score over the runs is its `std`. Turkish terms are lemmas
# (*beğenmedim* → *beğenmek*); a negated word becomes its own `word_NEG` term.

# %%
inducer = LexiconInducer("tr", bootstrap=20, random_state=0, **params)
inducer.fit(texts, progress=print)
lexicon = pd.DataFrame(
    {
        "score": inducer.score_,
        "std": inducer.std_,
        "count": inducer.counts_,
        "source": inducer.sources_,
    },
    index=pd.Index(inducer.terms_, name="term"),
)
print(f"{len(lexicon):,} terms; seeds in the graph: {inducer.seeds_}")
lexicon.describe()

# %% [markdown]
# ## The most positive and most negative terms
#
# Induced (non-seed) terms seen at least 10 times. A domain lexicon picks up what the domain
# means by good and bad: for films, *vakit/para harcamak* (wasting time and money) is negative.

# %%
frequent = lexicon[(lexicon["count"] >= 10) & (lexicon["source"] != "seed")]
pd.concat(
    {
        "most positive": frequent.nlargest(15, "score").reset_index(),
        "most negative": frequent.nsmallest(15, "score").reset_index(),
    },
    axis=1,
)

# %% [markdown]
# ## Score histogram

# %%
fig, ax = plt.subplots(figsize=(8, 3.5))
ax.hist(lexicon["score"], bins=60, color="tab:blue", alpha=0.8)
seeds = lexicon[lexicon["source"] == "seed"]
ax.plot(seeds["score"], [0] * len(seeds), "k|", markersize=20, label="seed words")
ax.set_xlabel("induced polarity score (z-normalised)")
ax.set_ylabel("terms")
ax.set_title(f"Domain lexicon of {len(texts):,} movie reviews ({len(lexicon):,} terms)")
ax.legend()
show(fig)

# %% [markdown]
# ## Look a word up
#
# Terms are lemmas, so an inflected word is looked up through its term (`term_of_word` uses the
# same Turkish morphology as the inducer). A word that is rarer than `min_count` in the corpus is
# not in the lexicon.

# %%
morph = get_analyzer("zeyrek")


def look_up(word: str) -> dict[str, object]:
    term = term_of_word(word, "tr", morph)
    row = lexicon.loc[term] if term in lexicon.index else None
    return {
        "word": word,
        "term": term,
        "score": None if row is None else round(float(row["score"]), 3),
        "std": None if row is None else round(float(row["std"]), 3),
        "count": None if row is None else int(row["count"]),
    }


pd.DataFrame([look_up(w) for w in ["muhteşem", "sıkıcıydı", "gereksiz", "oyunculuk", "zzzq"]])

# %% [markdown]
# ## Save it
#
# `save` writes the lexicon TSV that `sentikit lexicon induce --output` writes
# (`term score std count source`), usable with `sentikit lexicon evaluate` and `lexicon show`.

# %%
path = inducer.save(Path(tempfile.mkdtemp(prefix="sentikit-lexicon-")) / "movies-tr.tsv")
print(path.read_text(encoding="utf-8").splitlines()[:3])
