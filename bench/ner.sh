#!/usr/bin/env bash
# Throughput of the NER tagger on one core (taskset -c 0), features included:
#  1. the tagger alone on ANERcorp's pre-tokenized test split (what `marsad eval ner` times);
#  2. `recognize` on raw SaudiNewsNet bodies: tokenizer, sentence splitter, features,
#     Viterbi and the gazetteer layer.
# Usage: bench/ner.sh [SHARED_DIR] [MAX_ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
max=${2:-3000}
cargo build --release -q -p marsad
cargo build --release -q -p marsad-extract --example ner_throughput
echo "== tagger alone, ANERcorp test (pre-tokenized), one core"
taskset -c 0 target/release/marsad eval ner --gold "$shared/data/anercorp/test.txt" --floor 0 \
    | grep -E 'tokens/s|^micro'
echo "== recognize() on raw text, SaudiNewsNet sample, one core"
taskset -c 0 target/release/examples/ner_throughput \
    "$shared/data/news_saudinewsnet/saudinewsnet_sample3000.jsonl.gz" "$max"
echo "== model file"
ls -l crates/marsad-extract/data/ner.model | awk '{print $5 " bytes"}'
