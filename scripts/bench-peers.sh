#!/usr/bin/env bash
# Times `crosscheck compare` against what users would otherwise run on the same
# generated pairs: `git diff --no-index --word-diff=porcelain` and `wdiff`.
# Prints a Markdown table of medians (ms) and ratios (crosscheck time / peer time).
#
# Usage: scripts/bench-peers.sh [WORDS_PER_SIDE ...]   (default: 1500 10000 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
[ $# -gt 0 ] || set -- 1500 10000 50000

ensure_tools
build
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

machine_note
echo
echo "| words/side | crosscheck compare (ms) | git diff --word-diff (ms) | wdiff (ms) | ÷ git | ÷ wdiff |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for words in "$@"; do
    dir="$WORK/$words"
    "$SYNTH" pair "$dir" "$words"
    # Peers exit 1 when the files differ: -i keeps hyperfine going.
    hyperfine -N -i --warmup 2 --min-runs 10 --style none --export-json "$dir/times.json" \
        "$BIN compare left right --corpus $dir" \
        "git --no-pager diff --no-index --word-diff=porcelain $dir/left.txt $dir/right.txt" \
        "wdiff $dir/left.txt $dir/right.txt" >/dev/null
    ours=$(median_ms "$dir/times.json" 0)
    git=$(median_ms "$dir/times.json" 1)
    wd=$(median_ms "$dir/times.json" 2)
    ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }
    echo "| $words | $ours | $git | $wd | $(ratio "$ours" "$git") | $(ratio "$ours" "$wd") |"
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
