#!/usr/bin/env bash
# Benchmark at archive scale, in one go: generate N seed-shaped clippings, index their
# normalized passages with tantivy used directly (the yardstick in ../shared/yardstick),
# then run morgue's full ingest, a no-op re-ingest, `stats`, searches as a user runs them
# (a new process each), prefix / fuzzy / proximity queries, a batch of 1,000 names, a
# whole-archive monthly timeline, and measure index size, peak memory and CPU use. Prints
# a table and writes it into BENCHMARKS.md between markers for this N.
#
# Usage: scripts/bench-scale.sh [N]   (default 10000; 100000 and 1000000 for the record)
# BENCH_ROUNDS=K sets how many alternated rounds of the two ingests are run (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
yardstick=../shared/yardstick/raw-tantivy
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time (GNU time) is needed to read peak memory"
  exit 0
fi
if [ ! -f "$yardstick/Cargo.toml" ]; then
  echo "skipped: the yardstick is not at $yardstick"
  exit 0
fi
cargo build --release --quiet --bin morgue --example generate_clippings --example yardstick_passages
cargo build --release --quiet --manifest-path "$yardstick/Cargo.toml" --target-dir target/yardstick
bin=target/release/morgue
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
target/release/examples/generate_clippings "$n" "$work/clippings" ../shared/corpora > /dev/null
raw_bytes=$(find "$work/clippings" -type f -printf '%s\n' | awk '{s += $1} END {print s}')

# run COMMAND...: wall seconds, peak KB and CPU share of one command, into $wall $peak $cpu.
run() {
  /usr/bin/time -f "%e %M %P" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
  read -r wall peak cpu < "$work/time"
}
# stats_ms: median and p95 of microsecond timings given as lines, in milliseconds.
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

# The yardstick indexes exactly the passages morgue does, already normalized.
"$bin" extract --json "$work/clippings" > "$work/records.jsonl" 2> /dev/null || true
passages=$(target/release/examples/yardstick_passages "$work/records.jsonl" "$work/passages.jsonl")
rm -f "$work/records.jsonl"
# This machine's neighbours swing single runs widely: the yardstick and morgue's full
# ingest run alternately BENCH_ROUNDS times (3 unless set), each from an empty index,
# and the medians are compared.
rounds=${BENCH_ROUNDS:-3}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
base_walls=(); full_walls=(); full_cpus=(); round_ratios=(); base_peak=0; full_peak=0
for _ in $(seq 1 "$rounds"); do
  rm -rf "$work/baseline" "$work/index"
  run target/yardstick/release/raw-tantivy index "$work/baseline" "$work/passages.jsonl" 2
  base_walls+=("$wall"); base_peak=$((peak > base_peak ? peak : base_peak)); yard=$wall
  run "$bin" -q --index "$work/index" ingest "$work/clippings"
  full_walls+=("$wall"); full_cpus+=("${cpu%\%}"); full_peak=$((peak > full_peak ? peak : full_peak))
  round_ratios+=("$(awk "BEGIN {printf \"%.2f\", $wall / $yard}")")
done
base_wall=$(median "${base_walls[@]}"); full_wall=$(median "${full_walls[@]}")
full_cpu="$(median "${full_cpus[@]}")%"
ratio_range=$(printf '%s\n' "${round_ratios[@]}" | sort -n | awk 'NR == 1 {a = $1} {b = $1} END {print (a == b ? a : a "–" b)}')
rm -rf "$work/baseline" "$work/passages.jsonl"

run "$bin" -q --index "$work/index" ingest "$work/clippings"
noop_wall=$wall; noop_peak=$peak
index_bytes=$(du -sb "$work/index" | cut -f1)

timed() { # timed RUNS COMMAND...: median and p95 ms of RUNS new processes
  local runs=$1 file=$work/timed.txt
  shift
  : > "$file"
  for _ in $(seq 1 "$runs"); do time_us "$@" >> "$file"; done
  stats_ms < "$file"
}
read -r stats_median stats_p95 < <(timed 15 "$bin" -q --index "$work/index" stats)

queries=(
  "bank" "minister" "storm" "oil" "election"
  "oil prices" "interest rates rise" "government spending plans" "stock market" "trade deficit"
  '"central bank"' '"chief executive"' '"prime minister"' '"interest rates"' '"oil prices"'
  '"Maria Delgado"' '"Hiroshi Tanaka" said' "--person Delgado" "--person Tanaka" "--topic economy"
  "bank --from 2019-01 --to 2019-06" "election date:2021" "minister --on 2020" "storm after:2022-01-01" "oil before:2018"
)
search_times=$work/search.txt
: > "$search_times"
for round in 1 2; do
  for q in "${queries[@]}"; do
    eval "set -- $q"
    time_us "$bin" -q --index "$work/index" search "$@" --color always >> "$search_times"
  done
done
read -r search_median search_p95 < <(stats_ms < "$search_times")
searches=$(wc -l < "$search_times")
read -r prefix_median prefix_p95 < <(timed 10 "$bin" -q --index "$work/index" search 'minist*')
read -r fuzzy_median fuzzy_p95 < <(timed 10 "$bin" -q --index "$work/index" search 'goverment~1')
read -r near_median near_p95 < <(timed 10 "$bin" -q --index "$work/index" search '"bank rates"~5')
"$bin" -q --index "$work/index" persons --limit 1000 --csv | tail -n +2 | cut -d, -f1 | tr -d '"' > "$work/names.txt"
names=$(wc -l < "$work/names.txt")
run "$bin" -q --index "$work/index" search --batch "$work/names.txt" --limit 10 --json
batch_wall=$wall
run "$bin" -q --index "$work/index" search --batch "$work/names.txt" --summary --csv
summary_wall=$wall
read -r timeline_median timeline_p95 < <(timed 20 "$bin" -q --index "$work/index" timeline --by month)

# The web API: one server, 200 requests over the same queries, each timed by curl.
"$bin" -q --index "$work/index" serve --bind 127.0.0.1:0 > "$work/url" &
server=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
api_times=$work/api.txt
: > "$api_times"
api_queries=("bank" "oil+prices" "%22prime+minister%22" "election&from=2021" "minist*" "&person=Delgado" "storm&on=2020" "trade+deficit")
for i in $(seq 0 199); do
  q=${api_queries[$((i % ${#api_queries[@]}))]}
  curl -s -o /dev/null -w '%{time_total}\n' "${url}api/search?q=$q" | awk '{printf "%d\n", $1 * 1000000}' >> "$api_times"
done
kill "$server"
read -r api_median api_p95 < <(stats_ms < "$api_times")

ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
mb() { awk "BEGIN {printf \"%.0f\", $1 / 1000000}"; }
table=$(cat <<TABLE
Run of $(date -u +%Y-%m-%d), $(nproc) cores: $n clippings, $(mb "$raw_bytes") MB of text, $passages passages (\`scripts/bench-scale.sh $n\`).

| measure | morgue | yardstick / goal |
|---|---|---|
| full ingest (read, normalise, persons, copies, index), median of $rounds alternated rounds | ${full_wall} s, peak $((full_peak / 1024)) MB, CPU ${full_cpu} of 200% | tantivy directly on the same passages: ${base_wall} s, peak $((base_peak / 1024)) MB → **$(ratio "$full_wall" "$base_wall")×** (rounds ${ratio_range}×; goal ≤ 2.0×) |
| no-op re-ingest | ${noop_wall} s, peak $((noop_peak / 1024)) MB | goal ≤ 1.0 s |
| \`stats\`, 15 runs | median ${stats_median} ms, p95 ${stats_p95} ms | goal ≤ 30 ms |
| \`search\`, new process per query, $searches runs of ${#queries[@]} queries | p50 ${search_median} ms, p95 ${search_p95} ms | goal p50 ≤ 8, p95 ≤ 15 |
| prefix \`minist*\` / fuzzy \`goverment~1\` / proximity \`"bank rates"~5\`, 10 runs each | p50 ${prefix_median} / ${fuzzy_median} / ${near_median} ms, p95 ${prefix_p95} / ${fuzzy_p95} / ${near_p95} ms | |
| batch of $names person names (\`--batch\`, 10 articles each) | ${batch_wall} s in one process; with \`--summary\` ${summary_wall} s | |
| \`/api/search\` on one \`morgue serve\`, 200 requests of ${#api_queries[@]} queries | p50 ${api_median} ms, p95 ${api_p95} ms | |
| \`timeline --by month\` over everything, 20 runs | p50 ${timeline_median} ms, p95 ${timeline_p95} ms | goal ≤ 40 ms |
| index size | $(mb "$index_bytes") MB | **$(ratio "$index_bytes" "$raw_bytes")×** the text (goal ≤ 1.4×) |
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
