#!/usr/bin/env bash
# Load bench for `attache serve` on a store of the BBC News benchmark corpus (see bench/run.sh,
# which fetches it): 32 concurrent clients (keep-alive connections) against 127.0.0.1 only,
# a bounded number of requests per endpoint; prints requests/s and p50/p99 latency.
#
#   bash bench/serve.sh
#
# Environment: ATTACHE_BENCH_CACHE (default bench/cache; must hold bbc-news.jsonl, which
# bench/run.sh makes), ATTACHE_BENCH_CLIENTS (32), ATTACHE_BENCH_REQUESTS (4000 per endpoint),
# CARGO_TARGET_DIR.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${ATTACHE_BENCH_CACHE:-$root/bench/cache}
target=${CARGO_TARGET_DIR:-$root/target}
clients=${ATTACHE_BENCH_CLIENTS:-32}
requests=${ATTACHE_BENCH_REQUESTS:-4000}
corpus=$cache/bbc-news.jsonl
[ -s "$corpus" ] || { echo "no $corpus: run bash bench/run.sh --quick first to fetch the corpus" >&2; exit 1; }

cd "$root"
cargo build --release --quiet -p attache -p attache-serve --example load
bin=$target/release/attache
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

db=$work/bbc.db
"$bin" ingest "$corpus" --db "$db" 2>&1 | tail -n 1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --addr "127.0.0.1:$port" 2> "$work/serve.log" &
server=$!
for _ in $(seq 50); do grep -q "http://" "$work/serve.log" && break; sleep 0.1; done
echo "cores: $(nproc); store: $(curl -s "http://127.0.0.1:$port/api/health" 2>/dev/null || echo '?')"
"$target/release/examples/load" "127.0.0.1:$port" "$clients" "$requests" \
  /api/events \
  "/api/events?event=SANCTION&sort=-count&limit=50" \
  /api/tally \
  "/api/tally?by=month&recipient=GBR"
