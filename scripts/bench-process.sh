#!/usr/bin/env bash
# Whole-process figures of the release binary: `list` on the sample, loading and
# quote-tracking generated folders of 1,000 and 10,000 articles, time to the
# reader's first frame in a 200×60 pty, and peak RSS (GNU time).
#
# Usage: scripts/bench-process.sh [--no-10k]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
BIG=1
[ "${1:-}" = "--no-10k" ] && BIG=0

ensure_tools
build
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$SYNTH" corpus "$WORK/c1000" 1000
[ $BIG = 1 ] && "$SYNTH" corpus "$WORK/c10000" 10000

machine_note
echo
echo "| what | median (ms) |"
echo "| --- | ---: |"
time_row() { # label, runs, command…
    local label=$1 runs=$2
    shift 2
    hyperfine -N --warmup 1 --runs "$runs" --style none --export-json "$WORK/t.json" "$*" >/dev/null
    echo "| $label | $(median_ms "$WORK/t.json") |"
}
time_row "\`list\` on the sample" 30 "$BIN list"
time_row "\`compare 1 2\` on the sample" 30 "$BIN compare 1 2"
time_row "\`quotes\` on the sample" 30 "$BIN quotes"
time_row "\`list\`, 1,000 articles (load+clean+tokenize)" 10 "$BIN list $WORK/c1000"
time_row "\`quotes\`, 1,000 articles" 5 "$BIN quotes $WORK/c1000"
time_row "\`matrix\`, 1,000 articles" 5 "$BIN matrix $WORK/c1000"
if [ $BIG = 1 ]; then
    time_row "\`list\`, 10,000 articles" 3 "$BIN list $WORK/c10000"
    time_row "\`quotes\`, 10,000 articles" 3 "$BIN quotes $WORK/c10000"
    time_row "\`matrix\`, 10,000 articles" 3 "$BIN matrix $WORK/c10000"
fi

# Time from spawning the reader in a 200×60 pty to the first frame on screen
# (the sample's first outlet name appears), then `q`.
echo "| reader on the sample, spawn → first frame (pty 200×60) | $(python3 scripts/first-frame.py "$BIN" Antiwar 20) |"

echo
echo "| peak RSS | MB |"
echo "| --- | ---: |"
echo "| \`list\` on the sample | $(peak_rss_mb "$BIN" list) |"
echo "| \`compare 1 2\` on the sample | $(peak_rss_mb "$BIN" compare 1 2) |"
echo "| \`quotes\` on the sample | $(peak_rss_mb "$BIN" quotes) |"
echo "| \`list\`, 1,000 articles | $(peak_rss_mb "$BIN" list "$WORK/c1000") |"
echo "| \`quotes\`, 1,000 articles | $(peak_rss_mb "$BIN" quotes "$WORK/c1000") |"
echo "| \`matrix\`, 1,000 articles | $(peak_rss_mb "$BIN" matrix "$WORK/c1000") |"
if [ $BIG = 1 ]; then
    echo "| \`quotes\`, 10,000 articles | $(peak_rss_mb "$BIN" quotes "$WORK/c10000") |"
    echo "| \`matrix\`, 10,000 articles | $(peak_rss_mb "$BIN" matrix "$WORK/c10000") |"
fi
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
