#!/usr/bin/env bash
# The web pages in a real browser: serves the sample archive, loads the search, article,
# timeline and person pages in headless Chromium, checks the rendered DOM for what a
# reader must see, and saves a screenshot of each page.
#
# Usage: scripts/browser-check.sh [SCREENSHOT_DIR]   (default target/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
shots=${1:-target/screenshots}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "browser check needs Chromium (Debian: apt-get install -y chromium)" >&2
  exit 1
fi
cargo build --quiet --bin morgue
bin=$PWD/target/debug/morgue
work=$(mktemp -d)
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp -r archive "$work/archive"
mkdir -p "$shots"
(cd "$work" && exec "$bin" serve --bind 127.0.0.1:0 -q > url) &
server=$!
for _ in $(seq 1 100); do
  [ -s "$work/url" ] && break
  sleep 0.2
done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "the server did not start" >&2; exit 1; }
id=$(curl -s "${url}api/search?q=Orrick+injunction&limit=1" | sed -n 's/^\[{"id":"\([0-9a-f]*\)".*/\1/p')
[ -n "$id" ] || { echo "no hit for the Orrick search" >&2; exit 1; }

failures=0
# check NAME PATH NEEDLE...: the rendered page holds every needle.
check() {
  local name=$1 path=$2
  shift 2
  local dom
  dom=$("$browser" --headless --no-sandbox --disable-gpu --dump-dom "${url}${path}" 2> /dev/null)
  for needle in "$@"; do
    if ! grep -qF -- "$needle" <<< "$dom"; then
      echo "FAIL $name: no $needle in the rendered page" >&2
      failures=$((failures + 1))
    fi
  done
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,900 \
    --screenshot="$shots/$name.png" "${url}${path}" > /dev/null 2>&1
  echo "ok   $name ($shots/$name.png)"
}
check search "search?q=Orrick+injunction" '<mark>Orrick</mark>' '<mark>injunction</mark>' 'Judge blocks Trump administration'
check article "records/$id?q=Orrick+injunction#p2" 'class="passage matched"' '<mark>Orrick</mark>' 'William Orrick'
check timeline "timeline?q=sanctuary&by=month" '<svg' '<rect' 'href="/search?q=sanctuary&amp;from='
check person "persons/William%20Orrick" 'Articles per month' '<meter' 'Named alongside'
if [ "$failures" -gt 0 ]; then
  exit 1
fi
echo "browser check passed"
