#!/usr/bin/env bash
# Store and search benchmark over SaudiNewsNet (30,676 articles).
# Prints: `marsad ingest` docs/s on one and two threads with peak RSS and store sizes;
# body-only indexing docs/s on one and two threads, index size / raw body bytes, and the
# top-10 latency of the ~5,800 test-split title queries on one thread (p50/p90/p99).
# Usage: bench/search.sh [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/news_saudinewsnet/saudinewsnet_full.jsonl.zst}
[ -n "${SKIP_BUILD:-}" ] || cargo build --release -q -p marsad
BIN=target/release/marsad
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
field() { grep -o "\"$1\": *[0-9.]*" "$2" | head -n 1 | sed "s/.*: *//"; }

echo "== marsad ingest: parse + dedup + analyze + index + store"
for threads in 1 2; do
    "$BIN" ingest --json --threads "$threads" --data "$TMP/data$threads" "$CORPUS" > "$TMP/ingest$threads.json"
    n=$(field ingested "$TMP/ingest$threads.json")
    d=$(field duplicate "$TMP/ingest$threads.json")
    s=$(field seconds "$TMP/ingest$threads.json")
    rss=$(field peak_rss_mb "$TMP/ingest$threads.json")
    "$BIN" stats --json --data "$TMP/data$threads" > "$TMP/stats$threads.json"
    idx=$(field index_bytes "$TMP/stats$threads.json")
    db=$(field db_bytes "$TMP/stats$threads.json")
    awk -v t="$threads" -v n="$n" -v d="$d" -v s="$s" -v rss="$rss" -v idx="$idx" -v db="$db" 'BEGIN{
        printf "%d thread(s): %d + %d duplicates in %.2f s = %.0f docs/s | peak RSS %.0f MB | index %.1f MB, database %.1f MB\n",
            t, n, d, s, (n+d)/s, rss, idx/1e6, db/1e6 }'
done

echo "== body-only index (as the Lucene baseline), and title-query latency, marsad's chain"
for threads in 1 2; do
    echo "-- $threads indexing thread(s)"
    "$BIN" eval search --corpus "$CORPUS" --presets marsad --threads "$threads"
done
