"""``sentikit lexicon induce | evaluate | show`` on a tiny synthetic corpus."""

from __future__ import annotations

import json
import random
from pathlib import Path

from typer.testing import CliRunner

from sentikit.cli.main import app
from sentikit.lexicon.tsv import load_lexicon, write_lexicon

POS, NEG = ["good", "great", "nice", "lovely", "superb"], ["bad", "awful", "poor", "nasty", "lousy"]
POS_CTX, NEG_CTX = ["happy", "smile", "enjoy", "fun"], ["sad", "cry", "hate", "boring"]


def _corpus(path: Path, n: int = 300) -> Path:
    rng = random.Random(1)
    lines = []
    for i in range(n):
        words, ctx = (POS, POS_CTX) if i % 2 == 0 else (NEG, NEG_CTX)
        lines.append(" ".join(rng.choice(words if rng.random() < 0.5 else ctx) for _ in range(10)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _seeds(path: Path) -> Path:
    path.write_text(
        "good\tpositive\ngreat\tpositive\nbad\tnegative\nawful\tnegative\n", encoding="utf-8"
    )
    return path


def test_induce_evaluate_show(tmp_path: Path, runner: CliRunner) -> None:
    corpus = _corpus(tmp_path / "c.txt")
    out = tmp_path / "lex.tsv"
    args = [
        "lexicon",
        "induce",
        str(corpus),
        "--lang",
        "en",
        "--seeds",
        str(_seeds(tmp_path / "s.tsv")),
        "--bootstrap",
        "4",
        "--min-count",
        "2",
        "--dim",
        "6",
        "--k",
        "3",
        "--output",
        str(out),
    ]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    lex = load_lexicon(out)
    assert lex["lovely"].score > 0 > lex["nasty"].score
    assert lex["good"].source == "seed" and lex["lovely"].source == "corpus"

    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "".join(f"{w}\tpositive\n" for w in POS) + "".join(f"{w}\tnegative\n" for w in NEG),
        encoding="utf-8",
    )
    res_json = tmp_path / "r.json"
    r = runner.invoke(
        app, ["lexicon", "evaluate", str(out), "--gold", str(gold), "--json", str(res_json)]
    )
    assert r.exit_code == 0, r.output
    assert "AUC 1.0000" in r.stdout
    res = json.loads(res_json.read_text(encoding="utf-8"))
    assert res["auc"] == 1.0 and res["coverage"] == 6 and "ternary_f1" in res
    # --min-count: only terms seen that often in the corpus (every term here is seen ≥ 1 time)
    r = runner.invoke(
        app, ["lexicon", "evaluate", str(out), "--gold", str(gold), "--min-count", "1"]
    )
    assert r.exit_code == 0, r.output
    assert "AUC 1.0000" in r.stdout and "count ≥ 1" in r.stdout
    r = runner.invoke(
        app, ["lexicon", "evaluate", str(out), "--gold", str(gold), "--min-count", "-1"]
    )
    assert r.exit_code == 2 and "--min-count" in r.output

    r = runner.invoke(app, ["lexicon", "show", "lovely", "--lexicon", str(out)])
    assert r.exit_code == 0 and "lex.tsv\tlovely\tscore=+" in r.stdout

    # --expand (its effect is tested in tests/lexicon): accepted in range, refused outside
    out2 = tmp_path / "lex2.tsv"
    args2 = [*args[:-1], str(out2), "--expand", "0.25"]
    r = runner.invoke(app, args2)
    assert r.exit_code == 0, r.output
    lex2 = load_lexicon(out2)
    assert lex2["lovely"].score > 0 > lex2["nasty"].score
    r = runner.invoke(app, [*args2[:-1], "0.5"])
    assert r.exit_code == 2 and "--expand" in r.output

    # --svd-solver: both solvers accepted (their difference is tested in tests/lexicon)
    out3 = tmp_path / "lex3.tsv"
    args3 = [*args[:-1], str(out3), "--svd-solver", "randomized", "--svd-iter", "3"]
    r = runner.invoke(app, args3)
    assert r.exit_code == 0, r.output
    assert load_lexicon(out3)["lovely"].score > 0
    r = runner.invoke(app, [*args3[:-3], "lanczos"])
    assert r.exit_code == 2 and "--svd-solver" in r.output


def test_csv_corpus_and_errors(tmp_path: Path, runner: CliRunner) -> None:
    txt = _corpus(tmp_path / "c.txt", 200).read_text(encoding="utf-8").splitlines()
    csv = tmp_path / "c.csv"
    csv.write_text("id,body\n" + "".join(f"{i},{t}\n" for i, t in enumerate(txt)), encoding="utf-8")
    out = tmp_path / "l.tsv"
    base = [
        "lexicon",
        "induce",
        str(csv),
        "--lang",
        "en",
        "--seeds",
        str(_seeds(tmp_path / "s.tsv")),
        "--bootstrap",
        "0",
        "--min-count",
        "2",
        "--dim",
        "6",
        "--k",
        "3",
        "--output",
        str(out),
        "--no-progress",
    ]
    r = runner.invoke(app, [*base, "--text-col", "body"])
    assert r.exit_code == 0, r.output
    assert load_lexicon(out)["superb"].score > 0
    r = runner.invoke(app, base)  # no "text" column
    assert r.exit_code == 1 and "body" in r.output
    r = runner.invoke(app, ["lexicon", "induce", str(tmp_path / "none.txt"), "-o", str(out)])
    assert r.exit_code == 1 and "not found" in r.output
    r = runner.invoke(app, ["lexicon", "evaluate", str(out), "--gold", "no-such-gold"])
    assert r.exit_code == 1 and "no-such-gold" in r.output
    r = runner.invoke(app, ["lexicon", "show", "zzzz", "--lexicon", str(out)])
    assert r.exit_code == 1 and "no entry for 'zzzz'" in r.output


def test_blank_records_skipped_bad_records_named(tmp_path: Path, runner: CliRunner) -> None:
    lines = _corpus(tmp_path / "c.txt", 200).read_text(encoding="utf-8").splitlines()
    jsonl = tmp_path / "c.jsonl"
    rows = [json.dumps({"text": t}) for t in lines] + [json.dumps({"text": "  "})]
    jsonl.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "l.tsv"
    base = ["lexicon", "induce", str(jsonl), "--lang", "en", "--seeds", str(_seeds(tmp_path / "s"))]
    base += ["--bootstrap", "0", "--min-count", "2", "--dim", "6", "--k", "3", "--no-progress"]
    r = runner.invoke(app, [*base, "--output", str(out)])
    assert r.exit_code == 0, r.output
    assert "skipped 1 records" in r.output and out.is_file()
    jsonl.write_text("\n".join([*rows[:5], "{not json", *rows[5:]]) + "\n", encoding="utf-8")
    r = runner.invoke(app, [*base, "--output", str(tmp_path / "l2.tsv")])
    assert r.exit_code == 1 and "record 6" in r.output


TR_POS, TR_NEG = (
    ["güzel", "harika", "muhteşem", "şahane", "mükemmel"],
    ["kötü", "berbat", "rezalet"],
)
TR_POS_CTX, TR_NEG_CTX = ["mutlu", "gülümseme", "keyif"], ["üzgün", "ağlamak", "sıkıcı"]


def _tr_corpus(path: Path, n: int = 300) -> Path:
    rng = random.Random(2)
    lines = []
    for i in range(n):
        words, ctx = (TR_POS, TR_POS_CTX) if i % 2 == 0 else (TR_NEG, TR_NEG_CTX)
        lines.append(
            "bu film çok "
            + " ".join(rng.choice(words if rng.random() < 0.5 else ctx) for _ in range(8))
            + " oldu ve ben de öyle düşünüyorum"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_induce_detects_corpus_language(tmp_path: Path, runner: CliRunner) -> None:
    corpus = _tr_corpus(tmp_path / "tr.txt")
    seeds = tmp_path / "s.tsv"
    seeds.write_text(
        "güzel\tpositive\nharika\tpositive\nkötü\tnegative\nberbat\tnegative\n", encoding="utf-8"
    )
    out = tmp_path / "lex.tsv"
    small = ["--bootstrap", "0", "--min-count", "2", "--dim", "6", "--k", "3", "--no-progress"]
    r = runner.invoke(
        app, ["lexicon", "induce", str(corpus), "--seeds", str(seeds), *small, "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert "sentikit: corpus language detected: tr (300 of 300 texts)" in r.output
    lex = load_lexicon(out)
    assert lex["muhteşem"].score > 0 > lex["rezalet"].score

    # an English corpus is detected as English (the sample: the first 2,000 texts)
    en = _corpus(tmp_path / "en.txt", 2500)
    r = runner.invoke(
        app,
        ["lexicon", "induce", str(en), "--seeds", str(_seeds(tmp_path / "e.tsv")), *small]
        + ["-o", str(tmp_path / "en.tsv")],
    )
    assert r.exit_code == 0, r.output
    assert "corpus language detected: en (2,000 of 2,000 texts)" in r.output

    # an explicit --lang wins (nothing detected)
    r = runner.invoke(
        app,
        ["lexicon", "induce", str(en), "--lang", "en", *small, "-o", str(tmp_path / "e2.tsv")]
        + ["--seeds", str(tmp_path / "e.tsv")],
    )
    assert r.exit_code == 0, r.output
    assert "detected" not in r.output

    # an undetermined corpus (no Latin-script words) asks for --lang
    und = tmp_path / "und.txt"
    und.write_text("😍 123\nПривет мир\n🙂🙂\n" * 20, encoding="utf-8")
    r = runner.invoke(app, ["lexicon", "induce", str(und), *small, "-o", str(tmp_path / "u")])
    assert r.exit_code == 1 and "--lang" in r.output and "detect" in r.output
    # no corpus at all (--graph wordnet): nothing to detect from
    r = runner.invoke(app, ["lexicon", "induce", "--graph", "wordnet", "-o", str(tmp_path / "w")])
    assert r.exit_code == 1 and "--lang" in r.output


def _mini_lexicons(tmp_path: Path) -> tuple[Path, Path]:
    tr, en = tmp_path / "tr-mini.tsv", tmp_path / "en-mini.tsv"
    write_lexicon(
        tr,
        ["güzel", "bozulmak", "beğenmek", "beğenmek_NEG", "güzellik"],
        [2.0, -1.0, 1.5, -1.8, 1.2],
        [0.1, 0.2, 0.3, 0.4, 0.1],
        [50, 40, 30, 20, 10],
        ["seed", "corpus", "both", "corpus", "corpus"],
    )
    write_lexicon(
        en,
        ["love", "story", "bad"],
        [2.0, 0.1, -2.0],
        [0.1, 0.1, 0.1],
        [9, 9, 9],
        ["seed", "corpus", "seed"],
    )
    return tr, en


def test_show_by_lemma_negation_and_near_matches(tmp_path: Path, runner: CliRunner) -> None:
    tr, en = _mini_lexicons(tmp_path)
    lex = ["--lexicon", str(tr), "--lexicon", str(en)]
    # an exact hit (lowercased): printed as is, nothing about lemmas
    r = runner.invoke(app, ["lexicon", "show", "Güzel", *lex])
    assert r.exit_code == 0, r.output
    assert "tr-mini.tsv\tgüzel\tscore=+2.0000" in r.stdout and "lemma" not in r.output
    # a Turkish inflected form: its lemma's entry
    r = runner.invoke(app, ["lexicon", "show", "bozuldu", *lex])
    assert r.exit_code == 0, r.output
    assert "tr-mini.tsv\tbozulmak\tscore=-1.0000" in r.stdout
    assert "lemma 'bozulmak'" in r.output and "negated" not in r.output
    # a negated Turkish verb: the lemma (and its _NEG term), with a note on the reversal
    r = runner.invoke(app, ["lexicon", "show", "beğenmedim", *lex])
    assert r.exit_code == 0, r.output
    assert "tr-mini.tsv\tbeğenmek\tscore=+1.5000" in r.stdout
    assert "tr-mini.tsv\tbeğenmek_NEG\tscore=-1.8000" in r.stdout
    assert "negated form of 'beğenmek'" in r.output and "reversed" in r.output
    # an English inflected form, looked up in the English lexicon only
    r = runner.invoke(app, ["lexicon", "show", "stories", *lex])
    assert r.exit_code == 0, r.output
    assert "en-mini.tsv\tstory\t" in r.stdout and "tr-mini" not in r.stdout
    # nothing: near spellings
    r = runner.invoke(app, ["lexicon", "show", "güzl", *lex])
    assert r.exit_code == 1
    assert "no entry for 'güzl'; did you mean: güzel" in r.output
    r = runner.invoke(app, ["lexicon", "show", "qqqqqqqq", *lex])
    assert r.exit_code == 1 and "no entry for 'qqqqqqqq'" in r.output and "en-mini.tsv" in r.output


def test_help_documents_the_columns(runner: CliRunner) -> None:
    for cmd in ("induce", "show"):
        r = runner.invoke(app, ["lexicon", cmd, "--help"])
        assert r.exit_code == 0, r.output
        for col in ("term ", "score ", "std ", "count ", "source "):
            assert f"\n    {col}" in r.stdout, (cmd, col)
        assert "z-normalised" in r.stdout and "bootstrap" in r.stdout and "_NEG" in r.stdout
        assert "wordnet" in r.stdout and "seed" in r.stdout
