#!/usr/bin/env bash
# Throughput on many articles in one file: one LexisNexis text export of 500 articles
# (BBC stories laid out in the classic `N of M DOCUMENTS` form), one Factiva export and
# one gzip-per-record WARC of the same stories as web pages, each ingested alone.
#
# Then a crawl-shaped web archive of WARC_MB megabytes (default 1000: pages, their
# images and scripts, requests and redirects, gzip per record), ingested with its time,
# pages a second and peak memory.
#
# Usage: scripts/bench-exports.sh [ARTICLES]   (default 500; WARC_MB=0 leaves the archive out)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
bbc=../shared/corpora/bbc-news/bbc
if [ ! -d "$bbc" ]; then
  echo "skipped: the BBC corpus is not at $bbc"
  exit 0
fi
cargo build --release --quiet --bin morgue --example generate_warc
bin=$PWD/target/release/morgue
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/nexis" "$work/factiva" "$work/warc"
find "$bbc" -name '*.txt' | sort > "$work/stories.txt"
i=0
head -n "$n" "$work/stories.txt" | while read -r f; do
  i=$((i + 1))
  headline=$(head -1 "$f")
  day=$(( (i % 28) + 1 ))
  {
    printf '                              %d of %d DOCUMENTS\r\n\r\n' "$i" "$n"
    printf '                    Copyright 2005 BBC\r\n                         BBC News\r\n\r\n'
    printf '                          March %d, 2005\r\n\r\n' "$day"
    printf 'SECTION: NEWS\r\n\r\nLENGTH: 400 words\r\n\r\nHEADLINE: %s\r\n\r\nBODY:\r\n\r\n' "$headline"
    tail -n +2 "$f" | sed 's/$/\r/'
    printf '\r\nLOAD-DATE: March %d, 2005\r\n\r\nLANGUAGE: ENGLISH\r\n\r\n' "$day"
  } >> "$work/nexis/export.txt"
  # The same story as a captured web page, one gzip member per WARC record.
  page=$(printf '<html><head><title>%s</title></head><body><article><h1>%s</h1>' "$headline" "$headline"; tail -n +2 "$f" | sed 's|^\(..*\)$|<p>\1</p>|'; printf '</article></body></html>')
  block=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$page")
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/%d\r\nWARC-Date: 2005-03-%02dT10:00:00Z\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
    "$i" "$day" "$(printf '%s' "$block" | wc -c)" "$block" | gzip -c >> "$work/warc/crawl.warc.gz"
  {
    printf 'HD %s\nPD %d March 2005\nSN BBC News\nLA English\nLP\n' "$headline" "$day"
    tail -n +2 "$f"
    printf '\nAN Document BBC000020050301%04d\n\n' "$i"
  } >> "$work/factiva/export.txt"
done
for kind in nexis factiva warc; do
  bytes=$(find "$work/$kind" -type f -printf '%s')
  start=$(date +%s%N)
  "$bin" -q --index "$work/$kind-index" ingest "$work/$kind" > /dev/null
  end=$(date +%s%N)
  records=$("$bin" -q --index "$work/$kind-index" stats --json | sed -n 's/.*"articles":\([0-9]*\).*/\1/p')
  ms=$(((end - start) / 1000000))
  echo "$kind: $n articles in one file ($((bytes / 1000)) kB) → $records records in $ms ms"
  [ "$records" = "$n" ] || { echo "expected $n records" >&2; exit 1; }
done

warc_mb=${WARC_MB:-1000}
if [ "$warc_mb" -gt 0 ]; then
  mkdir -p "$work/crawl"
  pages=$(target/release/examples/generate_warc "$work/crawl/crawl.warc.gz" "$warc_mb" | cut -d' ' -f1)
  timed() {
    if [ -x /usr/bin/time ]; then /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1
    else start=$(date +%s%N); "$@" > /dev/null; echo "$((($(date +%s%N) - start) / 1000000))e-3 ?"; fi
  }
  read -r seconds kb < <(timed "$bin" -q --index "$work/crawl-index" ingest "$work/crawl")
  records=$("$bin" -q --index "$work/crawl-index" stats --json | sed -n 's/.*"articles":\([0-9]*\).*/\1/p')
  echo "warc: $warc_mb MB crawl, $pages pages → $records records in $seconds s ($(awk -v p="$pages" -v s="$seconds" 'BEGIN { printf "%.0f", p / s }') pages/s), peak $((kb / 1024)) MB"
  [ "$records" = "$pages" ] || { echo "expected $pages records" >&2; exit 1; }
  touch "$work/crawl/crawl.warc.gz"
  read -r seconds kb < <(timed "$bin" -q --index "$work/crawl-index" ingest "$work/crawl")
  echo "warc: the same archive touched (read again): $seconds s, peak $((kb / 1024)) MB"
fi
