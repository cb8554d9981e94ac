#!/usr/bin/env bash
# Cost of one large clipping: a text clipping of 1, 2, 4, 8 and 16 MB of real prose (BBC
# news stories run together as one live blog), ingested alone; wall time and peak memory
# should grow in step with the size.
#
# Usage: scripts/bench-file-size.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bbc=../shared/corpora/bbc-news/bbc
if [ ! -d "$bbc" ]; then
  echo "skipped: the BBC corpus is not at $bbc"
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "skipped: /usr/bin/time (GNU time) is needed to read peak memory"
  exit 0
fi
cargo build --release --quiet --bin morgue
bin=$PWD/target/release/morgue
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One long text of every story's paragraphs (headlines dropped), repeated as needed.
find "$bbc" -name '*.txt' | sort | while read -r f; do tail -n +2 "$f"; echo; done > "$work/prose.txt"
# Enough copies of it for the largest size, so each size is a prefix of one file.
prose_bytes=$(stat -c %s "$work/prose.txt")
for _ in $(seq 1 $((16000000 / prose_bytes + 1))); do cat "$work/prose.txt"; done > "$work/long.txt"
echo "| size | ingest | peak memory |"
echo "|---|---|---|"
for mb in 1 2 4 8 16; do
  dir=$work/size-$mb
  mkdir -p "$dir/archive"
  {
    printf 'Live: the day in news\nPublished: 4 May 2025\n\n'
    head -c $((mb * 1000000)) "$work/long.txt"
    echo
  } > "$dir/archive/live.txt"
  /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" -q --index "$dir/index" ingest "$dir/archive" > /dev/null
  read -r wall peak < "$dir/time"
  echo "| $mb MB | ${wall} s | $((peak / 1024)) MB |"
  rm -rf "$dir"
done
