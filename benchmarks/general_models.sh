#!/usr/bin/env bash
# The figures of the general-models issue (BENCHMARKS.md §0), in two parallel streams (2 cores):
#   A: leave-one-corpus-out, English;  B: leave-one-corpus-out, Turkish, then the per-corpus
#   protocols whose figures BENCHMARKS.md §0/§1 report (three-class and binary).
# Usage: bash benchmarks/general_models.sh [OUTDIR]   (default docs/results)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/results}
mkdir -p "$OUT"
ev() { nice sentikit evaluate "$@"; }
(
  ev --protocol leave-one-corpus-out --lang en --progress --json "$OUT/loco-en.json" > "$OUT/loco-en.txt"
) &
(
  ev --protocol leave-one-corpus-out --lang tr --progress --json "$OUT/loco-tr.json" > "$OUT/loco-tr.txt"
  ev --dataset turkish-store-reviews-3class --protocol cv10 --json "$OUT/eval-turkish-store-reviews-3class-cv10.json"
  ev --dataset sst3 --json "$OUT/eval-sst3-official.json"
  ev --dataset turkish-movie-reviews --json "$OUT/eval-turkish-movie-reviews-cv10.json"
  ev --dataset turkish-twitter-sentiment --json "$OUT/eval-turkish-twitter-sentiment-official.json"
  ev --dataset turkish-twitter-sentiment --protocol cv10 --json "$OUT/eval-turkish-twitter-sentiment-cv10.json"
  ev --dataset english-movie-sentences-rt-polarity --protocol cv10 --json "$OUT/eval-english-movie-sentences-rt-polarity-cv10.json"
  ev --dataset sst2 --json "$OUT/eval-sst2-official.json"
) &
wait
