"""How far apart are the gold lexicons themselves? (context for issue 4's AUC floors)

Each gold lexicon of a language is scored as if it were an induced lexicon (its own labels as
scores: positive +1, neutral 0, negative −1) against the other gold lexicon, with
:func:`sentikit.lexicon.evaluate.evaluate_scores` — the measure the induced lexicons get. The
AUC of one human-made lexicon against another is a practical ceiling for an induced one (ties
between equal labels count one half). ``--vocab LEXICON.tsv`` restricts the scorer to the terms
of a lexicon (e.g. the corpus vocabulary of ``sentikit/resources/lexicons/tr-movie.tsv``), as
for induced lexicons.

Usage::

    python benchmarks/lexicon_gold_agreement.py --lang tr \
        --vocab sentikit/resources/lexicons/tr-movie.tsv \
        --json docs/results/lexicon_gold_agreement_tr.json
    python benchmarks/lexicon_gold_agreement.py --lang en \
        --vocab sentikit/resources/lexicons/en-imdb.tsv
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sentikit.lexicon.evaluate import evaluate_scores, load_gold
from sentikit.lexicon.tsv import load_lexicon

GOLDS = {"tr": ("sentiturknet", "starlang"), "en": ("hu-liu", "mpqa")}
VALUE = {"positive": 1.0, "neutral": 0.0, "negative": -1.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=sorted(GOLDS), required=True)
    ap.add_argument("--vocab", help="lexicon TSV whose terms restrict the scoring lexicon")
    ap.add_argument("--json", help="write the rows here")
    args = ap.parse_args()
    a, b = (load_gold(g) for g in GOLDS[args.lang])
    vocab = set(load_lexicon(args.vocab)) if args.vocab else None
    rows: list[dict[str, Any]] = []
    for scorer, gold in ((a, b), (b, a)):
        scores = {w: VALUE[lab] for w, lab in scorer.labels.items()}
        for restricted in (False, True) if vocab is not None else (False,):
            if restricted:
                assert vocab is not None
                sc = {w: v for w, v in scores.items() if w in vocab}
            else:
                sc = scores
            r = evaluate_scores(sc, gold)
            row = {
                "scorer": scorer.name,
                "gold": gold.name,
                "restricted_to": args.vocab if restricted else None,
                "auc": round(float(r["auc"]), 4),
                "ternary_f1": round(float(r["ternary_f1"]), 4),
                "coverage": r["coverage"],
            }
            rows.append(row)
            print(
                f"{scorer.name} scoring {gold.name}"
                f"{' (vocab ' + args.vocab + ')' if restricted else ''}: "
                f"AUC {row['auc']:.3f}, ternary F1 {row['ternary_f1']:.3f}, "
                f"coverage {row['coverage']}"
            )
    if args.json:
        Path(args.json).write_text(json.dumps({"lang": args.lang, "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
