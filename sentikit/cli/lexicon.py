"""``sentikit lexicon``: induce, evaluate and look up polarity lexicons (METHODS.md §4).

``sentikit lexicon induce CORPUS [--lang tr|en] --output LEXICON.tsv`` turns an unlabelled
corpus (``.txt`` one document per line, ``.csv``/``.tsv`` with ``--text-col``, ``.jsonl``) into a
lexicon (the language detected from the first texts unless given);
``sentikit lexicon evaluate LEXICON --gold GOLD`` measures it; ``sentikit lexicon show WORD``
prints a word's entries in the shipped lexicons (or in ``--lexicon`` files), by lemma where the
word itself is not listed (:mod:`sentikit.lexicon.lookup`), else suggests near spellings.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from sentikit.cli._util import (
    CorpusLang,
    Progress,
    StepBar,
    note,
    progress_bar,
    record_total,
    write_text_file,
)
from sentikit.errors import InputError

app = typer.Typer(
    name="lexicon",
    help="Induce a polarity lexicon from a corpus, evaluate it, look words up.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


#: The lexicon TSV format, for the --help of ``induce`` and ``show`` (``\b``: not rewrapped).
COLUMNS_HELP = """\b
Lexicon TSV: UTF-8, tab-separated, a header line 'term score std count source', then one
term per line, sorted by score (highest first):
  term    the word: English a lowercased token; Turkish a lemma (güzeldi -> güzel,
          verbs as beğenmek; a privative -sIz word stays: zevksiz); a negated word is
          its own term TERM_NEG (beğenmek_NEG for beğenmedim, güzel_NEG for 'güzel
          değil', good_NEG within 3 words after not/n't/no/never/cannot)
  score   polarity, z-normalised (> 0 positive, < 0 negative), the mean over the
          bootstrap runs on random seed subsets (4 decimals)
  std     the standard deviation of score over those runs (small: stable; 0 with
          --bootstrap 0, a single run)
  count   the term's frequency in the corpus (0 for a word only the WordNet/KeNet
          graph knows: every word with --graph wordnet)
  source  corpus (a corpus word, with --graph corpus or missing from WordNet/KeNet),
          both (a corpus word WordNet/KeNet also has, --graph both), wordnet (a word
          only WordNet/KeNet has) or seed (a seed word; leave out when evaluating)"""

#: Texts read to detect the corpus language when ``--lang`` is not given.
DETECT_SAMPLE = 2000


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
    """The texts of corpus files and datasets as a restartable iterable; ``bar`` counts the
    records read (and is closed when they end)."""

    def __init__(
        self,
        paths: list[Path],
        datasets: list[str],
        text_col: str,
        fmt: str | None,
        bar: Progress | None = None,
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
                    self._count()
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
                self._count()
                yield text
        if self.bar is not None:
            self.bar.close()

    def _count(self) -> None:
        if self.bar is not None:
            self.bar.update(1)


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


def detect_corpus_lang(texts: Any, sample: int = DETECT_SAMPLE) -> str:
    """The language of most of the first ``sample`` texts (``sentikit.lang.detect``), noted on
    stderr; texts of undetermined language do not vote.

    Raises
    ------
    InputError
        When no text of the sample is Turkish or English, or as many are one as the other.
    """
    import itertools
    from collections import Counter

    from sentikit.lang.detect import UND, detect_many

    langs = detect_many(list(itertools.islice(iter(texts), sample)))
    votes = Counter(lang for lang in langs if lang != UND)
    ranked = votes.most_common()
    if not ranked:
        raise InputError(
            f"could not detect the corpus language (none of the first {len(langs):,} texts is "
            "recognisably Turkish or English); give --lang tr or --lang en"
        )
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        raise InputError(
            f"could not detect the corpus language (the first {len(langs):,} texts are as "
            "often Turkish as English); give --lang tr or --lang en"
        )
    lang, n = ranked[0]
    note("corpus language detected: %s (%s of %s texts)", lang, f"{n:,}", f"{len(langs):,}")
    return lang


@app.command(
    "induce",
    help=f"""Induce a polarity lexicon from a corpus.

Example: sentikit lexicon induce reviews.txt --output my_lexicon.tsv

{COLUMNS_HELP}""",
)
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
        CorpusLang | None,
        typer.Option(
            "--lang",
            "-l",
            help=f"Corpus language (default: detected from the first {DETECT_SAMPLE:,} texts; "
            "required with --graph wordnet and no corpus).",
            show_default=False,
        ),
    ] = None,
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
        bool,
        typer.Option(
            "--progress/--no-progress",
            help="--no-progress: no stage lines, no progress bar (the bar is only drawn when "
            "stderr is a terminal).",
        ),
    ] = True,
) -> None:
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
    total = None if datasets else record_total(paths, fmt)
    bar = progress_bar(total, "documents", enabled=progress)
    texts = _Texts(paths, datasets, text_col, fmt, bar) if has_corpus else None
    if lang is None:
        if not has_corpus:
            raise InputError("give --lang tr or --lang en (there is no corpus to detect it from)")
        sample = _Texts(paths, datasets, text_col, fmt)
        lang = CorpusLang(detect_corpus_lang(sample))
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
    with StepBar() as steps:
        inducer.fit(texts, progress=steps if progress else None)
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

    Example: sentikit lexicon evaluate my-lexicon.tsv --gold hu-liu --json r.json
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


@app.command(
    "show",
    help=f"""Print a word's score, std, count and source in each lexicon.

A word no lexicon lists as written is looked up by its lemma (Turkish: by morphology,
bozuldu -> bozulmak, beğenmedim -> beğenmek, negated; English: loved -> love); failing
that, near spellings are suggested.

Example: sentikit lexicon show güzel

{COLUMNS_HELP}""",
)
def show_command(
    word: Annotated[str, typer.Argument(help="The word (or term, e.g. güzel_NEG).")],
    lexicon: Annotated[
        list[Path] | None,
        typer.Option(
            "--lexicon",
            help="Lexicon TSV(s) to look in (default: the shipped ones). A file whose name "
            "starts with tr- or en- is looked up by lemma in that language only.",
            show_default=False,
        ),
    ] = None,
) -> None:
    from sentikit.lang.tr.normalize import tr_lower
    from sentikit.lexicon.lookup import LemmaCandidate, lemma_candidates, lexicon_lang
    from sentikit.lexicon.terms import NEG_SUFFIX
    from sentikit.lexicon.tsv import LexiconRecord, load_lexicon
    from sentikit.paths import RESOURCES_DIR

    files = list(lexicon or sorted((RESOURCES_DIR / "lexicons").glob("*.tsv")))
    if not files:
        raise InputError(
            "no lexicon files: give --lexicon FILE (none shipped in sentikit/resources/lexicons/)"
        )
    lexes = [(f, load_lexicon(f)) for f in files]

    def rows(lex: dict[str, LexiconRecord], key: str) -> list[tuple[str, LexiconRecord]]:
        return [(t, lex[t]) for t in (key, key + NEG_SUFFIX) if t in lex]

    def echo(f: Path, t: str, r: LexiconRecord) -> None:
        typer.echo(
            f"{f.name}\t{t}\tscore={r.score:+.4f}\tstd={r.std:.4f}\t"
            f"count={r.count}\tsource={r.source}"
        )

    # 1. the word as written, lowercased (English, Turkish): no morphology is loaded
    keys = list(dict.fromkeys([word, word.lower(), tr_lower(word)]))
    exact = [(f, lex, next((k for k in keys if rows(lex, k)), None)) for f, lex in lexes]
    if any(k is not None for _, _, k in exact):
        for f, lex, k in exact:
            for t, r in rows(lex, k) if k is not None else []:
                echo(f, t, r)
        return

    # 2. by lemma, in each lexicon's language (both for a file of unknown language)
    cands: dict[str, list[LemmaCandidate]] = {}

    def lemmas(lang: str) -> list[LemmaCandidate]:
        if lang not in cands:
            cands[lang] = [c for c in lemma_candidates(word, lang) if c.term not in keys]
        return cands[lang]

    found: list[tuple[Path, LemmaCandidate, list[tuple[str, LexiconRecord]]]] = []
    for f, lex in lexes:
        file_lang = lexicon_lang(f)
        langs = [file_lang] if file_lang else ["tr", "en"]
        for c in (c for lang in langs for c in lemmas(lang)):
            hit = rows(lex, c.term)
            if hit:
                found.append((f, c, hit))
                break
    if found:
        for c in dict.fromkeys(c for _, c, _ in found):
            note("no entry for %r; its lemma %r:", word, c.term)
            if c.negated:
                note(
                    "%r is a negated form of %r: its polarity is reversed in use (%s is the "
                    "negated term)",
                    word,
                    c.term,
                    c.term + NEG_SUFFIX,
                )
        for f, _, hit in found:
            for t, r in hit:
                echo(f, t, r)
        return

    # 3. near spellings
    from sentikit.lexicon.lookup import near_matches

    terms = {t for _, lex in lexes for t in lex}
    english_only = all(lexicon_lang(f) == "en" for f in files)
    close = near_matches(word.lower() if english_only else tr_lower(word), terms)
    if close:
        raise InputError(f"no entry for {word!r}; did you mean: {', '.join(close)}?")
    names = ", ".join(f.name for f in files)
    raise InputError(f"no entry for {word!r} (nor for a lemma of it) in {names}")


__all__ = ["app", "evaluate_command", "induce_command", "show_command"]
