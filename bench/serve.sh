#!/usr/bin/env bash
# Web benchmark: `marsad serve` over a SaudiNewsNet store, loaded from a second process on
# loopback by the Rust load client (crates/marsad-server/examples/loadgen.rs): 50 keep-alive
# connections for 20 s on search (varied two-word queries taken from titles, with facets,
# as the search page asks) and on the actor profile (the most mentioned actors).
# Prints, per endpoint: requests, requests/s, p50/p90/p99/max latency and the error count
# (any non-2xx status or failed connection). The bar: 0 errors and p99 < 50 ms.
#
# Usage: bench/serve.sh [CORPUS]    (env: CONNECTIONS=50 DURATION=20 (seconds), DATA=dir to reuse a store)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/news_saudinewsnet/saudinewsnet_full.jsonl.zst}
CONNECTIONS=${CONNECTIONS:-50}
SECONDS_EACH=${DURATION:-20}
DATA=${DATA:-target/bench-serve-data}
[ -f "$CORPUS" ] || { echo "error: $CORPUS not found" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ]; then
    cargo build --release -q -p marsad
    cargo build --release -q -p marsad-server --example loadgen
fi
BIN=target/release/marsad
LOADGEN=target/release/examples/loadgen
TMP=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

echo "== store: $DATA (marsad ingest is incremental: an unchanged corpus is not read again)"
"$BIN" ingest --json --data "$DATA" "$CORPUS" > "$TMP/ingest.json"
cat "$TMP/ingest.json"; echo
"$BIN" stats --json --data "$DATA" > "$TMP/stats.json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("%d articles, index %.1f MB, database %.1f MB" % (s["articles"], s["index_bytes"]/1e6, s["db_bytes"]/1e6))' "$TMP/stats.json"

echo "== server"
"$BIN" serve --data "$DATA" --port 0 > "$TMP/serve.out" 2> "$TMP/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    grep -q "serving http" "$TMP/serve.out" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/serve.err" >&2; exit 1; }
    sleep 0.1
done
URL=$(sed -n 's/^marsad: serving \(http:[^ ]*\)$/\1/p' "$TMP/serve.out")
[ -n "$URL" ] || { echo "error: the server printed no address" >&2; cat "$TMP/serve.err" >&2; exit 1; }
ADDR=${URL#http://}; ADDR=${ADDR%/}
echo "$URL (pid $SERVER_PID)"

echo "== request lists"
# Titles from the store through the API itself; two consecutive words of each title make a
# query (varied, realistic, mostly with hits).
python3 - "$URL" "$TMP" <<'PY'
import json, random, sys, urllib.parse, urllib.request
url, tmp = sys.argv[1], sys.argv[2]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
def get(path):
    with opener.open(url.rstrip('/') + path, timeout=30) as r:
        return json.load(r)
titles = []
for page in range(1, 31):
    titles += [h["title"] for h in get(f"/api/search?per_page=100&page={page}&facets=false")["hits"]]
rng = random.Random(20261129)
queries = set()
for t in titles:
    words = [w for w in t.split() if len(w) >= 3 and not any(c in w for c in '"«»()')]
    if len(words) >= 2:
        i = rng.randrange(len(words) - 1)
        queries.add(" ".join(words[i:i + 2]))
queries = sorted(queries)
rng.shuffle(queries)
queries = queries[:1000]
with open(f"{tmp}/search.paths", "w") as f:
    for q in queries:
        f.write("/api/search?q=" + urllib.parse.quote(q) + "&per_page=20\n")
actors = get("/api/actors?per_page=100")["actors"]
with open(f"{tmp}/actor.paths", "w") as f:
    for a in actors:
        f.write("/api/actors/" + urllib.parse.quote(a["id"]) + "\n")
print(f"{len(titles)} titles -> {len(queries)} search queries; {len(actors)} actor profiles")
PY

run() {
    local label=$1 paths=$2
    "$LOADGEN" --addr "$ADDR" --connections "$CONNECTIONS" --seconds "$SECONDS_EACH" --paths "$paths" --label "$label" | tee "$TMP/$label.out"
}

echo "== load: $CONNECTIONS connections x $SECONDS_EACH s each"
run search "$TMP/search.paths"
if [ -s "$TMP/actor.paths" ]; then
    run actor "$TMP/actor.paths"
else
    echo "actor: the store has no actors (actor resolution has not run on it); nothing to measure"
fi
rss=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
echo "server peak RSS: $((rss / 1024)) MB"
