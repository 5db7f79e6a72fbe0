"""``sentikit lexicon``: induce, evaluate and look up polarity lexicons (METHODS.md §4).

``sentikit lexicon induce CORPUS --lang tr|en --output LEXICON.tsv`` turns an unlabelled corpus
(``.txt`` one document per line, ``.csv``/``.tsv`` with ``--text-col``, ``.jsonl``) into a lexicon;
``sentikit lexicon evaluate LEXICON --gold GOLD`` measures it; ``sentikit lexicon show WORD``
prints a word's entries in the shipped lexicons (or in ``--lexicon`` files).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from sentikit.cli._util import CorpusLang, Progress, note, write_text_file
from sentikit.errors import InputError

app = typer.Typer(
    name="lexicon",
    help="Induce a polarity lexicon from a corpus, evaluate it, look words up.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class GraphKind(StrEnum):
    """``--graph`` values."""

    corpus = "corpus"
    wordnet = "wordnet"
    both = "both"


class SvdSolver(StrEnum):
    """``--svd-solver`` values."""

    arpack = "arpack"
    randomized = "randomized"


class _Texts:
    """The texts of corpus files and datasets as a restartable iterable (counts for progress)."""

    def __init__(
        self,
        paths: list[Path],
        datasets: list[str],
        text_col: str,
        fmt: str | None,
        bar: Progress,
    ) -> None:
        self.paths, self.datasets = paths, datasets
        self.text_col, self.fmt, self.bar = text_col, fmt, bar
        self.noted: set[Path] = set()

    def __iter__(self) -> Any:
        from sentikit.io.datasets import iter_texts
        from sentikit.io.records import read_records

        for path in self.paths:
            with read_records(path, self.fmt, text_col=self.text_col) as reader:
                skipped = 0
                for rec in reader:
                    self.bar.update()
                    if rec.error is not None:
                        raise InputError(f"{path}: record {rec.number}: {rec.error}")
                    if rec.text is None or not rec.text.strip():
                        skipped += 1
                        continue
                    yield rec.text
                if skipped and path not in self.noted:
                    self.noted.add(path)
                    note("skipped %d records of %s without text", skipped, path)
        for spec in self.datasets:
            name, _, split = spec.partition(":")
            for text in iter_texts(name, split or None):
                self.bar.update()
                yield text


def _token_estimate(paths: list[Path], datasets: list[str]) -> int:
    """Whitespace tokens of the corpus (to choose defaults by size); datasets are read too."""
    from sentikit.io._files import open_text
    from sentikit.io.datasets import iter_texts

    n = 0
    for path in paths:
        with open_text(path) as fh:
            for line in fh:
                n += len(line.split())
    for spec in datasets:
        name, _, split = spec.partition(":")
        n += sum(len(t.split()) for t in iter_texts(name, split or None))
    return n


@app.command("induce")
def induce_command(
    corpus: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Corpus file(s): .txt (a document per line), .csv/.tsv (--text-col) or .jsonl "
            "(.gz/.xz too). Optional with --dataset or --graph wordnet.",
            show_default=False,
        ),
    ] = None,
    dataset: Annotated[
        list[str] | None,
        typer.Option(
            "--dataset",
            "-d",
            help="Also read the texts of a MANIFEST.md corpus, NAME or NAME:SPLIT (repeatable; "
            "labels are never used).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        CorpusLang, typer.Option("--lang", "-l", help="Corpus language.")
    ] = CorpusLang.en,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Lexicon TSV to write.", show_default=False)
    ] = Path("lexicon.tsv"),
    seeds: Annotated[
        Path | None,
        typer.Option(
            "--seeds", help="Seed file: 'word<TAB>positive|negative' lines.", show_default=False
        ),
    ] = None,
    graph: Annotated[
        GraphKind, typer.Option("--graph", help="Word graph: corpus kNN, WordNet, or both.")
    ] = GraphKind.corpus,
    bootstrap: Annotated[
        int, typer.Option("--bootstrap", "-b", min=0, help="Bootstrap runs (0: all seeds once).")
    ] = 50,
    text_col: Annotated[
        str, typer.Option("--text-col", help="Text column (CSV/TSV) or field (JSON).")
    ] = "text",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Input format (txt, csv, tsv, jsonl); default from suffix.",
            show_default=False,
        ),
    ] = None,
    min_count: Annotated[
        int | None,
        typer.Option(
            "--min-count",
            min=1,
            help="Minimum term frequency (default by corpus size: see docs/notes/lexicon.md).",
            show_default=False,
        ),
    ] = None,
    window: Annotated[int | None, typer.Option("--window", min=1, show_default=False)] = None,
    dim: Annotated[int | None, typer.Option("--dim", min=1, show_default=False)] = None,
    k: Annotated[int | None, typer.Option("--k", min=1, show_default=False)] = None,
    beta: Annotated[float | None, typer.Option("--beta", show_default=False)] = None,
    svd_solver: Annotated[
        SvdSolver,
        typer.Option(
            "--svd-solver",
            help="arpack: the SVD to convergence (the same vectors whatever the random state); "
            "randomized: an approximation with --svd-iter power iterations.",
        ),
    ] = SvdSolver.arpack,
    svd_iter: Annotated[
        int,
        typer.Option(
            "--svd-iter",
            min=1,
            help="Power iterations of the randomized SVD (more: steadier vectors, slower).",
        ),
    ] = 5,
    expand: Annotated[
        float,
        typer.Option(
            "--expand",
            min=0.0,
            max=0.25,
            help="Seed expansion: each walk also restarts from this share of the corpus "
            "vocabulary nearest its pole on the seed axis (0: from the seeds only).",
        ),
    ] = 0.04,
    morph_cache: Annotated[
        Path | None,
        typer.Option(
            "--morph-cache",
            help="SQLite morphology cache (Turkish); default $SENTIKIT_CACHE_DIR.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", help="Tokenizing and morphology processes (-1: one per CPU)."),
    ] = 1,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Progress on stderr.")
    ] = True,
) -> None:
    """Induce a polarity lexicon (TSV: term, score, std, count, source) from a corpus.

    Example: sentikit lexicon induce reviews.txt --lang tr --output my_lexicon.tsv
    """
    from sentikit.lexicon.inducer import LexiconInducer
    from sentikit.lexicon.params import defaults_for_size

    paths, datasets = list(corpus or []), list(dataset or [])
    has_corpus = bool(paths or datasets)
    if not has_corpus and graph is not GraphKind.wordnet:
        raise InputError("give a CORPUS file or --dataset (only --graph wordnet needs neither)")
    for p in paths:
        if not p.is_file():
            raise InputError(f"corpus file not found: {p}")
    if datasets:
        from sentikit.io.datasets import resolve_dataset

        for spec in datasets:
            resolve_dataset(spec.partition(":")[0])  # InputError listing the known names
    if output.is_dir() or not output.parent.is_dir():
        raise InputError(f"cannot write {str(output)!r}")
    bar = Progress(progress, unit="documents")
    texts = _Texts(paths, datasets, text_col, fmt, bar) if has_corpus else None
    params: dict[str, Any] = {}
    if has_corpus and min_count is None:
        n_tokens = _token_estimate(paths, datasets)
        params.update(defaults_for_size(n_tokens))
        note(
            "corpus of about %s tokens: defaults %s",
            f"{n_tokens:,}",
            ", ".join(f"{a}={b}" for a, b in params.items()),
        )
    explicit = {"min_count": min_count, "window": window, "dim": dim, "k": k, "beta": beta}
    params.update({a: b for a, b in explicit.items() if b is not None})
    inducer = LexiconInducer(
        lang.value,
        seeds=str(seeds) if seeds is not None else None,
        graph=graph.value,
        bootstrap=bootstrap,
        expand=expand,
        svd_solver=svd_solver.value,
        svd_iter=svd_iter,
        morph_cache=str(morph_cache) if morph_cache is not None else None,
        n_jobs=jobs,
        **params,
    )
    inducer.fit(texts, progress=bar.message if progress else None)
    bar.close()
    inducer.save(output)
    note(
        "wrote %s terms to %s (%s)",
        f"{len(inducer.terms_):,}",
        output,
        ", ".join(f"{s} {t:.1f} s" for s, t in inducer.timings_.items()),
    )


@app.command("evaluate")
def evaluate_command(
    lexicon: Annotated[Path, typer.Argument(help="A lexicon TSV.", show_default=False)],
    gold: Annotated[
        str,
        typer.Option(
            "--gold",
            "-g",
            help="Gold lexicon: a file, a MANIFEST.md dataset name or "
            "hu-liu, mpqa, sentiturknet, starlang.",
            show_default=False,
        ),
    ],
    json_out: Annotated[
        Path | None,
        typer.Option(
            "--json",
            help="Also write the result (auc, ternary_f1, coverage) as JSON.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        CorpusLang | None,
        typer.Option(
            "--lang", help="Language of a gold *file* (case folding).", show_default=False
        ),
    ] = None,
    min_count: Annotated[
        int,
        typer.Option(
            "--min-count",
            min=0,
            help="Score only terms seen at least this often in the induction corpus (the "
            "count column); 1 leaves out the WordNet-only words of a union lexicon.",
        ),
    ] = 0,
) -> None:
    """Ranking AUC, ternary macro-F1 and coverage of a lexicon against a gold lexicon.

    Example: sentikit lexicon evaluate lexicons/en-imdb.tsv --gold hu-liu --json r.json
    """
    from sentikit.lexicon.evaluate import evaluate_lexicon_file, load_gold

    g = load_gold(gold, lang.value if lang is not None else None)
    res = evaluate_lexicon_file(lexicon, g, min_count=min_count)
    typer.echo(
        f"{lexicon.name} vs {g.name}: AUC {res['auc']:.4f}  ternary macro-F1 "
        f"{res['ternary_f1']:.4f}  coverage {res['coverage']:,} polar gold words "
        f"({100 * res['coverage_share']:.1f}%; {res['n_positive']:,} positive, "
        f"{res['n_negative']:,} negative, {res['n_neutral']:,} neutral covered)"
        + (f"; terms with count ≥ {min_count}" if min_count else "")
    )
    if json_out is not None:
        write_text_file(json_out, json.dumps(res, indent=2, ensure_ascii=False) + "\n")


@app.command("show")
def show_command(
    word: Annotated[str, typer.Argument(help="The word (or term, e.g. güzel_NEG).")],
    lexicon: Annotated[
        list[Path] | None,
        typer.Option(
            "--lexicon",
            help="Lexicon TSV(s) to look in (default: the shipped ones).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print a word's score, std, count and source in each lexicon.

    Example: sentikit lexicon show güzel
    """
    from sentikit.lang.tr.normalize import tr_lower
    from sentikit.lexicon.tsv import load_lexicon
    from sentikit.paths import REPO_DIR

    files = list(lexicon or sorted((REPO_DIR / "lexicons").glob("*.tsv")))
    if not files:
        raise InputError("no lexicon files: give --lexicon FILE (none shipped in lexicons/)")
    keys = list(dict.fromkeys([word, word.lower(), tr_lower(word)]))
    found = 0
    for f in files:
        lex = load_lexicon(f)
        for key in keys:
            for t in (key, key + "_NEG"):
                r = lex.get(t)
                if r is not None:
                    found += 1
                    typer.echo(
                        f"{f.name}\t{t}\tscore={r.score:+.4f}\tstd={r.std:.4f}\t"
                        f"count={r.count}\tsource={r.source}"
                    )
            if any(t in lex for t in (key, key + "_NEG")):
                break
    if not found:
        raise InputError(f"{word!r} is in none of: {', '.join(f.name for f in files)}")


__all__ = ["app", "evaluate_command", "induce_command", "show_command"]
