#!/usr/bin/env bash
# Benchmark: what person finding costs at ingest. Ingests the Reuters-21578 stories written
# as text clippings with this build and with the same code built without the `persons`
# feature (no tagger, no person fields filled), five runs each in turn, and prints the
# medians.
#
# With valgrind installed it also counts both builds' instructions, which the machine's load
# does not sway.
#
# Usage: scripts/bench-persons.sh [CORPUS_DIR]   (default ../shared/corpora/reuters21578)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578}
if [ ! -f "$corpus/reut2-000.sgm" ]; then
  echo "skipped: no Reuters-21578 corpus at $corpus"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin morgue --example reuters_clippings
cp target/release/morgue "$work/morgue-with-persons"
# Its own target folder (kept between runs), so the two builds do not replace each other.
CARGO_TARGET_DIR="$PWD/target/without-persons" cargo build --release --quiet --bin morgue \
  --no-default-features --features serve
cp target/without-persons/release/morgue "$work/morgue-without-persons"
target/release/examples/reuters_clippings "$corpus" "$work/clippings" > /dev/null
files=$(find "$work/clippings" -type f | wc -l)

run() { # binary
  rm -rf "$work/index"
  local start end
  start=$(date +%s%N)
  "$1" -q --index "$work/index" ingest "$work/clippings" > /dev/null || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

echo "Reuters-21578 as $files text clippings, $(nproc) cores; full ingest into a new index,"
echo "milliseconds, five runs of each build taken in turn"
echo
without=()
with=()
for round in 1 2 3 4 5; do
  without+=("$(run "$work/morgue-without-persons")")
  with+=("$(run "$work/morgue-with-persons")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
echo "| build | runs | median |"
echo "|---|---|---|"
echo "| without persons (\`--no-default-features --features serve\`) | ${without[*]} | $(median "${without[@]}") |"
echo "| with persons | ${with[*]} | $(median "${with[@]}") |"
m0=$(median "${without[@]}")
m1=$(median "${with[@]}")
echo
echo "persons add $(awk "BEGIN {printf \"%.0f\", 100 * ($m1 - $m0) / $m0}")% to ingest time (medians)"
echo "persons found: $("$work/morgue-with-persons" -q --index "$work/index" stats --json | sed 's/.*"persons":\([0-9]*\).*/\1/')"

# Wall time on a shared machine swings with the neighbours; instructions do not. With
# valgrind installed, count both builds' instructions on the first 2,000 clippings.
if command -v valgrind > /dev/null; then
  mkdir -p "$work/first"
  find "$work/clippings" -type f | sort > "$work/files"
  head -2000 "$work/files" | xargs -I{} cp {} "$work/first/"
  count() { # binary
    rm -rf "$work/index"
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" -q --index "$work/index" \
      ingest "$work/first" 2>&1 > /dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  i0=$(count "$work/morgue-without-persons")
  i1=$(count "$work/morgue-with-persons")
  echo
  echo "instructions, ingest of the first 2,000 clippings (callgrind): without persons $i0,"
  echo "with persons $i1: persons add $(awk "BEGIN {printf \"%.1f\", 100 * ($i1 - $i0) / $i0}")%"
else
  echo
  echo "instruction counts skipped: valgrind is not installed"
fi
