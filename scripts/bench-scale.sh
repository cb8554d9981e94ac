#!/usr/bin/env bash
# Benchmark at archive scale, in one go: generate N seed-shaped clippings, index their
# normalized passages with tantivy directly (the yardstick), then run morgue's full ingest,
# a no-op re-ingest, a re-ingest after editing 1% of the files, searches as a user runs
# them (a new process each), a whole-archive monthly timeline, and measure index size and
# peak memory. Prints a table and writes it into BENCHMARKS.md between markers.
#
# Usage: scripts/bench-scale.sh [N]   (default 10000; 100000 for the record)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time (GNU time) is needed to read peak memory"
  exit 0
fi
cargo build --release --quiet --bin morgue --example generate_clippings --example tantivy_baseline
bin=target/release/morgue
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/generate_clippings "$n" "$work/clippings" ../shared/corpora
raw_bytes=$(find "$work/clippings" -type f -printf '%s\n' | awk '{s += $1} END {print s}')

# run LABEL COMMAND...: wall seconds and peak KB of one command, into $wall and $peak.
run() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
  read -r wall peak < "$work/time"
}
# median_ms COMMAND...: median and p95 wall milliseconds over the runs given as lines.
stats_ms() {
  sort -n | awk '{a[NR] = $1} END {printf "%.1f %.1f\n", a[int((NR + 1) / 2)] / 1000, a[int(NR * 0.95 + 0.999)] / 1000}'
}
time_us() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000))
}

"$bin" extract --json "$work/clippings" > "$work/records.jsonl" 2> /dev/null || true
run target/release/examples/tantivy_baseline "$work/records.jsonl" "$work/baseline"
base_wall=$wall; base_peak=$peak
passages=$(awk '{print $1}' "$work/out")

run "$bin" -q --index "$work/index" ingest "$work/clippings"
full_wall=$wall; full_peak=$peak
run "$bin" -q --index "$work/index" ingest "$work/clippings"
noop_wall=$wall; noop_peak=$peak
edited=0
while IFS= read -r file; do
  echo "A late correction was added to this story by the desk." >> "$file"
  edited=$((edited + 1))
done < <(find "$work/clippings" -type f | sort | awk 'NR % 100 == 1')
run "$bin" -q --index "$work/index" ingest "$work/clippings" --json
edit_wall=$wall; edit_peak=$peak
updated=$(grep -o '"updated":[0-9]*' "$work/out" | cut -d: -f2)
index_bytes=$(du -sb "$work/index" | cut -f1)

queries=(
  "bank" "minister" "storm"
  "oil prices" "interest rates rise" "government spending plans"
  '"central bank"' '"chief executive"'
  '"Maria Delgado"' '"Hiroshi Tanaka" said'
  "bank --from 2019-01 --to 2019-06" "election date:2021"
)
search_times=$work/search.txt
for round in 1 2 3 4 5; do
  for q in "${queries[@]}"; do
    eval "set -- $q"
    time_us "$bin" -q --index "$work/index" search "$@" --color always >> "$search_times"
  done
done
read -r search_median search_p95 < <(stats_ms < "$search_times")
timeline_times=$work/timeline.txt
for round in $(seq 1 20); do
  time_us "$bin" -q --index "$work/index" timeline --by month >> "$timeline_times"
done
read -r timeline_median timeline_p95 < <(stats_ms < "$timeline_times")

ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
mb() { awk "BEGIN {printf \"%.0f\", $1 / 1000000}"; }
table=$(cat <<TABLE
Run of $(date -u +%Y-%m-%d), $(nproc) cores: $n clippings, $(mb "$raw_bytes") MB of text, $passages passages (\`scripts/bench-scale.sh $n\`).

| measure | morgue | yardstick / goal |
|---|---|---|
| full ingest (read, normalise, group copies, index) | ${full_wall} s, peak $((full_peak / 1024)) MB | tantivy directly on normalised passages: ${base_wall} s, peak $((base_peak / 1024)) MB → **$(ratio "$full_wall" "$base_wall")×** (goal ≤ 1.5×) |
| no-op re-ingest | ${noop_wall} s, peak $((noop_peak / 1024)) MB | goal ≤ 2 s |
| re-ingest after editing $edited files (1%; $updated updated) | ${edit_wall} s | $(ratio "$edit_wall" "$full_wall") of full ingest (goal ≤ 0.05) |
| \`search\`, new process per query, ${#queries[@]} queries × 5 | median ${search_median} ms, p95 ${search_p95} ms | goal median ≤ 10, p95 ≤ 30 |
| \`timeline --by month\` over everything, 20 runs | median ${timeline_median} ms, p95 ${timeline_p95} ms | goal ≤ 50 ms |
| index size | $(mb "$index_bytes") MB | $(ratio "$index_bytes" "$raw_bytes")× the text (goal ≤ 1.3×) |
TABLE
)
echo "$table"

# Replace this size's block in BENCHMARKS.md, or add it at the end.
start="<!-- bench-scale $n start -->"
end="<!-- bench-scale $n end -->"
if grep -qF "$start" BENCHMARKS.md; then
  awk -v start="$start" -v end="$end" -v table="$table" '
    $0 == start {print; print table; skipping = 1; next}
    $0 == end {skipping = 0}
    !skipping {print}' BENCHMARKS.md > "$work/bench.md"
  cp "$work/bench.md" BENCHMARKS.md
else
  printf '\n### %s clippings\n\n%s\n%s\n%s\n' "$n" "$start" "$table" "$end" >> BENCHMARKS.md
fi
