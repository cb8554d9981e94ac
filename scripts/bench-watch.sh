#!/usr/bin/env bash
# How soon a saved clipping can be searched under `morgue watch`, and what the watcher
# costs while nothing happens: N generated clippings (default 10000) are watched, 20
# clippings are saved one at a time, and each is searched for until found.
#
# Usage: scripts/bench-watch.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release --quiet --bin morgue --example generate_clippings
bin=$PWD/target/release/morgue
work=$(mktemp -d)
cleanup() {
  [ -n "${watcher:-}" ] && kill "$watcher" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
target/release/examples/generate_clippings "$n" "$work/archive" ../shared/corpora > /dev/null
cd "$work"
"$bin" -q ingest archive > /dev/null || true
"$bin" -q watch archive --json > batches.jsonl 2> /dev/null &
watcher=$!
until [ -s batches.jsonl ]; do sleep 0.1; done
sleep 3
ticks=$(getconf CLK_TCK)
cpu_of() { awk '{print $14 + $15}' "/proc/$watcher/stat"; }
idle_start=$(cpu_of)
sleep 20
idle_end=$(cpu_of)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$watcher/status")
: > delays.txt
for i in $(seq 1 20); do
  word="zanzibarquay$i"
  start=$(date +%s%N)
  printf 'Saved clipping %s\nPublished: 4 May 2025\n\nA note about %s on the quay.\n' "$i" "$word" > "archive/saved-$i.txt"
  until "$bin" -q search "$word" --json 2> /dev/null | grep -q "$word"; do sleep 0.05; done
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >> delays.txt
  sleep 0.5
done
read -r median p95 < <(sort -n delays.txt | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)], a[int(NR * 0.95 + 0.999)]}')
idle_cpu=$(awk "BEGIN {printf \"%.2f\", ($idle_end - $idle_start) / $ticks / 20 * 100}")
echo "Run of $(date -u +%Y-%m-%d), $(nproc) cores, $n clippings watched (\`scripts/bench-watch.sh $n\`):"
echo "saved → searchable: median ${median} ms, p95 ${p95} ms over 20 saves; idle watcher: ${idle_cpu}% of one core over 20 s, resident memory $((rss_kb / 1024)) MB"
