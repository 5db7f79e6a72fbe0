"""``sentikit embed``: train sentiment-aware word embeddings and query them.

``sentikit embed train CORPUS --lang tr|en --output DIR`` reads one document per line (``.txt``)
or the ``--text-col`` of a CSV/TSV/JSONL/JSON file, trains a
:class:`~sentikit.embeddings.model.SentimentEmbedding` and writes DIR/``embedding.json`` +
DIR/``vectors.npz`` (sentikit's format, no pickle) and DIR/``vectors.vec`` (word2vec text format,
read by ``gensim.models.KeyedVectors.load_word2vec_format``). The supervised and lexical
components need labels (``--label-col``). ``sentikit embed neighbours DIR WORD`` prints the
nearest words.
"""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sentikit.cli._util import (
    CorpusLang,
    Progress,
    StepBar,
    note,
    progress_bar,
    record_total,
)
from sentikit.errors import InputError
from sentikit.io.records import read_records

#: Name of the word2vec text file written beside the bundle.
VEC_FILE = "vectors.vec"

embed_app = typer.Typer(
    help="Train sentiment-aware word embeddings and query them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class Window(StrEnum):
    """``--window`` values."""

    sliding = "sliding"
    subclause = "subclause"


#: Texts segmented per step of the progress bar (the Segmenter batches 256 at a time).
SEGMENT_CHUNK = 2048


def read_corpus(
    path: Path,
    text_col: str = "text",
    label_col: str | None = None,
    bar: Progress | None = None,
) -> tuple[list[str], list[str] | None]:
    """Texts (and labels when ``label_col`` is given) of a corpus file.

    An unreadable record is an error that names it; records with no or blank text are skipped
    and counted in a note (as ``sentikit lexicon induce`` does). ``bar`` counts the records
    read."""
    from sentikit.io.datasets import normalize_label

    texts: list[str] = []
    labels: list[str] = []
    skipped = 0
    with read_records(path, text_col=text_col, label_col=label_col) as reader:
        if label_col is not None and reader.format == "txt":
            raise InputError(f"{path}: --label-col needs a CSV/TSV/JSONL/JSON file")
        for rec in reader:
            if bar is not None:
                bar.update(1)
            if rec.error is not None:
                raise InputError(f"{path}: record {rec.number}: {rec.error}")
            if rec.text is None or not rec.text.strip():
                skipped += 1
                continue
            if label_col is not None:
                raw = (rec.label or "").strip()
                if not raw:
                    raise InputError(f"{path}: record {rec.number} has no label")
                labels.append(normalize_label(raw))
            texts.append(rec.text)
    if skipped:
        note("skipped %d records of %s without text", skipped, path)
    if not texts:
        raise InputError(f"{path}: no texts")
    return texts, (labels if label_col is not None else None)


@embed_app.command("train")
def train_command(
    corpus: Annotated[Path, typer.Argument(help="One document per line (.txt) or CSV/JSONL.")],
    lang: Annotated[CorpusLang, typer.Option("--lang", help="Language of the corpus.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output folder.")],
    components: Annotated[
        str,
        typer.Option(
            help="Comma-separated: contextual, lexical, supervised (default: contextual, plus "
            "supervised when --label-col is given)."
        ),
    ] = "",
    window: Annotated[Window, typer.Option(help="Context windows.")] = Window.sliding,
    dim: Annotated[int, typer.Option(help="Contextual dimension.", min=1)] = 100,
    size: Annotated[int, typer.Option(help="Sliding window size.", min=1)] = 10,
    min_count: Annotated[int, typer.Option(help="Minimum term frequency.", min=1)] = 2,
    text_col: Annotated[str, typer.Option(help="Text column / field.")] = "text",
    label_col: Annotated[
        str | None, typer.Option(help="Label column (needed by supervised and lexical).")
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output.")] = False,
) -> None:
    """Train embeddings on CORPUS and write them to --output (bundle + word2vec .vec)."""
    from sentikit.embeddings.classify import DocUnits, Segmenter
    from sentikit.embeddings.model import COMPONENTS, SentimentEmbedding

    comps = [c.strip() for c in components.split(",") if c.strip()] or (
        ["contextual", "supervised"] if label_col else ["contextual"]
    )
    bad = [c for c in comps if c not in COMPONENTS]
    if bad:
        raise InputError(
            f"unknown component(s) {', '.join(bad)}; choose from {', '.join(COMPONENTS)}"
        )
    if any(c in ("supervised", "lexical") for c in comps) and not label_col:
        raise InputError("the supervised and lexical components need labels: give --label-col")
    if output.exists() and any(output.iterdir()) and not overwrite:
        raise InputError(f"{output} exists and is not empty (use --overwrite)")
    with progress_bar(record_total([corpus]), "records") as bar:
        texts, labels = read_corpus(corpus, text_col, label_col, bar)
    note("read %d documents from %s", len(texts), corpus)
    t0 = time.perf_counter()
    segment = Segmenter(lang.value, window.value)
    docs: list[DocUnits] = []
    with progress_bar(len(texts), "documents segmented") as bar:
        for k in range(0, len(texts), SEGMENT_CHUNK):
            docs += segment(texts[k : k + SEGMENT_CHUNK])
            bar.update(len(texts[k : k + SEGMENT_CHUNK]))
    seg_secs = time.perf_counter() - t0
    note("segmented (%s windows) in %.1f s", window.value, seg_secs)
    definitions = None
    if "lexical" in comps:
        from sentikit.embeddings.lexical import corpus_definitions

        definitions = corpus_definitions(lang.value, (t for d in docs for u in d for t in u))
    with StepBar() as steps:
        emb = SentimentEmbedding(
            dim=dim,
            window=size if window == Window.sliding else None,
            components=comps,
            min_count=min_count,
        ).fit(docs, labels, definitions=definitions, progress=steps)
    emb.timings_["segmentation"] = seg_secs
    emb.save(output)
    emb.to_word2vec(output / VEC_FILE)
    note(
        "wrote %d vectors of dimension %d to %s (%s)",
        len(emb.terms_),
        emb.vectors_.shape[1],
        output,
        VEC_FILE,
    )


@embed_app.command("neighbours")
def neighbours_command(
    folder: Annotated[Path, typer.Argument(help="A folder written by 'embed train'.")],
    word: Annotated[str, typer.Argument(help="The query word (as normalized in training).")],
    k: Annotated[int, typer.Option("-k", help="How many neighbours.", min=1)] = 10,
    component: Annotated[str | None, typer.Option(help="Compare on one component only.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the nearest words to WORD by cosine similarity."""
    from sentikit.embeddings.model import SentimentEmbedding

    emb = SentimentEmbedding.load(folder)
    query = word.strip()
    if query not in emb.index_ and query.lower() in emb.index_:
        query = query.lower()
    pairs = emb.neighbours(query, k, component)
    if as_json:
        typer.echo(
            json.dumps([{"word": w, "cosine": round(s, 4)} for w, s in pairs], ensure_ascii=False)
        )
    else:
        for w, s in pairs:
            typer.echo(f"{w}\t{s:.4f}")
