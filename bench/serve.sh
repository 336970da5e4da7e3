#!/usr/bin/env bash
# Web benchmark: `marsad serve` over a SaudiNewsNet store, loaded from a second process on
# loopback by the Rust load client (crates/marsad-server/examples/loadgen.rs): 50 keep-alive
# connections for 20 s on search (two-word queries taken from titles, with facets, as the
# search page asks) and on the actor profile; each once "cold" (the server's response
# cache off, requests from a list of tens of thousands of distinct queries or 5,000 actors)
# and once "repeat" (the server as it runs by default, requests cycling through a few
# hundred).
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

start_server() {
    "$BIN" serve --data "$DATA" --port 0 "$@" > "$TMP/serve.out" 2> "$TMP/serve.err" &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        grep -q "serving http" "$TMP/serve.out" 2>/dev/null && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/serve.err" >&2; exit 1; }
        sleep 0.1
    done
    URL=$(sed -n 's/^marsad: serving \(http:[^ ]*\)$/\1/p' "$TMP/serve.out")
    [ -n "$URL" ] || { echo "error: the server printed no address" >&2; cat "$TMP/serve.err" >&2; exit 1; }
    ADDR=${URL#http://}; ADDR=${ADDR%/}
    echo "server $URL (pid $SERVER_PID) $*"
}
stop_server() {
    local rss anon
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
    # The peak counts the database pages the server maps (shared, reclaimable page cache);
    # its own memory is the anonymous part.
    anon=$(awk '/RssAnon/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
    echo "server peak RSS: $((rss / 1024)) MB (of which anonymous at the end: $((anon / 1024)) MB)"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}

echo "== server with its response cache off (every request does the full work)"
start_server --cache-mb 0
echo "== request lists"
# Titles from the store through the API itself; windows of two consecutive title words make
# the queries (varied, realistic, mostly with hits). The "cold" lists are long (tens of
# thousands of queries, 5,000 actors); the "repeat" lists cycle through a few hundred, as
# users repeat popular searches and profiles.
python3 - "$URL" "$TMP" <<'PY'
import json, random, sys, urllib.parse, urllib.request
url, tmp = sys.argv[1], sys.argv[2]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
def get(path):
    with opener.open(url.rstrip('/') + path, timeout=60) as r:
        return json.load(r)
titles = []
for page in range(1, 101):
    titles += [h["title"] for h in get(f"/api/search?per_page=100&page={page}&facets=false")["hits"]]
rng = random.Random(20261129)
queries = set()
for t in titles:
    # Quotation marks would open phrases the query language wants closed.
    words = [w for w in t.split() if len(w) >= 3 and not any(c in w for c in '"«»()“”„‟‘’‹›:')]
    for i in range(len(words) - 1):
        queries.add(" ".join(words[i:i + 2]))
queries = sorted(queries)
rng.shuffle(queries)
def write(name, paths):
    with open(f"{tmp}/{name}.paths", "w") as f:
        f.writelines(p + "\n" for p in paths)
search = ["/api/search?q=" + urllib.parse.quote(q) + "&per_page=20" for q in queries]
write("search-cold", search)
write("search-repeat", search[:500])
actors = []
for page in range(1, 51):
    batch = get(f"/api/actors?per_page=100&page={page}")["actors"]
    actors += batch
    if len(batch) < 100:
        break
profiles = ["/api/actors/" + urllib.parse.quote(a["id"]) for a in actors]
rng.shuffle(profiles)
write("actor-cold", profiles)
write("actor-repeat", ["/api/actors/" + urllib.parse.quote(a["id"]) for a in actors[:100]])
print(f"{len(titles)} titles -> {len(search)} distinct search queries; {len(actors)} actor profiles")
PY

run() {
    local label=$1 paths=$2
    echo "-- $label (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    "$LOADGEN" --addr "$ADDR" --connections "$CONNECTIONS" --seconds "$SECONDS_EACH" --paths "$paths" --label "$label" | tee "$TMP/$label.out"
    local sent listed
    sent=$(sed -n 's/.*"requests":\([0-9]*\).*/\1/p' "$TMP/$label.out")
    listed=$(wc -l < "$paths")
    if [ "${label%-cold}" != "$label" ] && [ "$sent" -gt "$listed" ]; then
        echo "note: $sent requests from a list of $listed: some requests repeated (the cache is off, so each was still computed)"
    fi
}

echo "== load: $CONNECTIONS connections x $SECONDS_EACH s each, cache off"
run search-cold "$TMP/search-cold.paths"
if [ -s "$TMP/actor-cold.paths" ]; then
    run actor-cold "$TMP/actor-cold.paths"
else
    echo "actor: the store has no actors (actor resolution has not run on it); nothing to measure"
fi
stop_server

echo "== server as it runs by default (64 MiB response cache)"
start_server
echo "== load: $CONNECTIONS connections x $SECONDS_EACH s each, repeated requests"
run search-repeat "$TMP/search-repeat.paths"
if [ -s "$TMP/actor-repeat.paths" ]; then
    run actor-repeat "$TMP/actor-repeat.paths"
fi
stop_server
