#!/usr/bin/env bash
# Throughput of marsad-arabic over the SaudiNewsNet bodies, on one core.
# Prints tokens/s for tokenize, tokenize+normalize and the full search chain
# (normalize + tokenize + stopwords + clitic segmentation + stem).
# Usage: bench/arabic.sh [CORPUS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/news_saudinewsnet/saudinewsnet_full.jsonl.zst}
runs=${2:-5}
cargo build --release -q -p marsad-arabic --example throughput
# One core: pin the process so the figure is a single-core figure.
exec taskset -c 0 target/release/examples/throughput "$corpus" "$runs"
