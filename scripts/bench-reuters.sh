#!/usr/bin/env bash
# Benchmark: ingest the Reuters-21578 stories written out as text clippings (time, peak
# memory, no-op re-ingest), then time `morgue search` as a user runs it: one new process
# per query, 50 runs over a mix of queries. Skips when the corpus is absent.
#
# Usage: scripts/bench-reuters.sh [CORPUS_DIR]   (default ../shared/corpora/reuters21578)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578}
if [ ! -f "$corpus/reut2-000.sgm" ]; then
  echo "skipped: no Reuters-21578 corpus at $corpus"
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time (GNU time) is needed to read peak memory"
  exit 0
fi

cargo build --release --quiet --bin morgue --example reuters_clippings
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=target/release/morgue
target/release/examples/reuters_clippings "$corpus" "$work/clippings"
files=$(find "$work/clippings" -type f | wc -l)
bytes=$(du -sb "$work/clippings" | cut -f1)

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" > "$work/out.json" 2> "$work/time.txt" || true
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  printf '| %s | %s | %d MB |\n' "$label" "$wall" $((rss / 1024))
}

echo "Reuters-21578 as text clippings: $files files, $((bytes / 1000000)) MB, $(nproc) cores"
echo
echo "| step | wall time (m:ss) | peak memory |"
echo "|---|---|---|"
measure "full ingest" "$bin" -q --index "$work/index" ingest "$work/clippings" --json
cp "$work/out.json" "$work/ingest.json"
measure "no-op re-ingest" "$bin" -q --index "$work/index" ingest "$work/clippings" --json
index_bytes=$(du -sb "$work/index" | cut -f1)
echo
echo "ingest summary: $(cat "$work/ingest.json")"
echo "index size: $((index_bytes / 1000000)) MB ($(awk "BEGIN {printf \"%.2f\", $index_bytes / $bytes}")x the clipping text)"

queries=(
  "cocoa"
  "oil prices"
  "\"trade deficit\""
  "bank --from 1987-03 --to 1987-04"
  "topic:grain wheat"
)
times=()
for round in $(seq 1 10); do
  for q in "${queries[@]}"; do
    # shellcheck disable=SC2086
    eval "set -- $q"
    start=$(date +%s%N)
    "$bin" -q --index "$work/index" search "$@" --color always > /dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
count=${#times[@]}
median=$(echo "$sorted" | sed -n "$(((count + 1) / 2))p")
p95=$(echo "$sorted" | sed -n "$(((count * 95 + 99) / 100))p")
echo
echo "search, new process per query, $count runs over ${#queries[@]} queries: median $((median / 1000)).$(((median % 1000) / 100)) ms, p95 $((p95 / 1000)).$(((p95 % 1000) / 100)) ms"
