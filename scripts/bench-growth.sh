#!/usr/bin/env bash
# Growth of the corpus commands (issue K): `list`, `matrix`, `quotes`, `facts` and
# `stories`, whole process with `--json`, on generated folders of 350-word articles,
# 10 outlets per story. Prints one Markdown row per command: median seconds and peak
# RSS at each size, and the growth from the first size to the second (linear = 4×
# for 1,000 → 4,000).
#
# Usage: scripts/bench-growth.sh [BIN] [ARTICLES ...]   (default: the release build; 1000 4000 10000)
# A command that runs past LIMIT seconds (default 120) is reported as "> LIMIT s";
# RUNS (default 3) runs of each, the median kept.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
ensure_tools
build
[ $# -gt 0 ] && [ -x "$1" ] && { BIN=$1; shift; }
[ $# -gt 0 ] || set -- 1000 4000 10000
LIMIT=${LIMIT:-120}
COMMANDS=${COMMANDS:-"list matrix quotes facts stories"}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for n in "$@"; do "$SYNTH" corpus "$WORK/c$n" "$n" 350; done

machine_note
echo "# binary: $BIN"
echo
header="| command |"
rule="| --- |"
for n in "$@"; do header+=" $n: s, MB |"; rule+=" ---: |"; done
echo "$header growth $1 → $2 |"
echo "$rule ---: |"

# Seconds (median of RUNS) and peak MB of one command, or "> LIMIT s".
measure() { # dir command
    local runs=${RUNS:-3} times=() out
    for _ in $(seq $runs); do
        out=$( { /usr/bin/time -f '%e %M' timeout "$LIMIT" "$BIN" "$2" "$1" --json >/dev/null; } 2>&1 | tail -1) || {
            echo "> $LIMIT s"; return; }
        times+=("$out")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p" |
        awk '{printf "%.2f s, %.0f MB\n", $1, $2 / 1024}'
}
for cmd in $COMMANDS; do
    row="| \`$cmd\` |"
    first="" second=""
    for n in "$@"; do
        m=$(measure "$WORK/c$n" "$cmd")
        row+=" $m |"
        s=${m%% s*}
        [ -z "$first" ] && first=$s || { [ -z "$second" ] && second=$s; }
    done
    growth=$(python3 -c "import sys
try: print('%.1f×' % (float(sys.argv[2]) / float(sys.argv[1])))
except Exception: print('—')" "$first" "$second")
    echo "$row $growth |"
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
