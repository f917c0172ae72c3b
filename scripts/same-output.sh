#!/usr/bin/env bash
# Checks that two builds of crosscheck print the same bytes: `compare` (plain, colored,
# --json, --strict, --diff linear, --html) on generated pairs and on the sample's pairs,
# and the sample's `quotes`, `list --json`, `facts --json`, `stories --json` and
# `export --jsonl`. A speed change must pass it unless it is a fix (say which).
#
# Usage: scripts/same-output.sh BEFORE_BIN AFTER_BIN [PAIR_DIR ...]
#   PAIR_DIR holds left.txt and right.txt (as written by
#   `cargo run --release --example synth -- news|repetitive|pair DIR WORDS`).
#   Default pair dirs: /tmp/lp/*-* (made on first use, as bench-pairs.py's pairs).
set -uo pipefail
before=$1 after=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then
    synth="$root/target/release/examples/synth"
    [ -x "$synth" ] || (cd "$root" && cargo build --release --example synth -q)
    for spec in news:1500 news:50000 pair:50000 repetitive:50000 news:5000; do
        kind=${spec%%:*} words=${spec##*:}
        dir=/tmp/lp/$kind-$words
        [ -f "$dir/right.txt" ] || "$synth" "$kind" "$dir" "$words" >/dev/null
        set -- "$@" "$dir"
    done
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export CROSSCHECK_CONFIG=/dev/null
failures=0
check() { # name, then the arguments after the binary
    local name=$1
    shift
    "$before" "$@" >"$out/before" 2>&1
    echo "exit $?" >>"$out/before"
    "$after" "$@" >"$out/after" 2>&1
    echo "exit $?" >>"$out/after"
    # Reports name the build ("crosscheck 0.1.0 (abc1234 2026-12-01)"): not a difference.
    sed -i -E 's/crosscheck [0-9]+\.[0-9]+\.[0-9]+( \([0-9a-f]+ [0-9-]+\))?/crosscheck VERSION/g' "$out/before" "$out/after"
    if ! cmp -s "$out/before" "$out/after"; then
        echo "DIFFERS: $name ($*)"
        failures=$((failures + 1))
    fi
}
colored() { # the plain report with colors, through a pseudo-terminal
    script -qec "$(printf '%q ' "$@")" /dev/null
}
for dir in "$@"; do
    l=$dir/left.txt r=$dir/right.txt
    check "$dir plain" compare "$l" "$r"
    check "$dir json" compare "$l" "$r" --json
    check "$dir strict" compare "$l" "$r" --json --strict
    check "$dir linear" compare "$l" "$r" --json --diff linear
    check "$dir html" compare "$l" "$r" --html
    a=$(COLUMNS=120 colored "$before" compare "$l" "$r" | md5sum)
    b=$(COLUMNS=120 colored "$after" compare "$l" "$r" | md5sum)
    [ "$a" = "$b" ] || { echo "DIFFERS: $dir colored"; failures=$((failures + 1)); }
done
for p in "1 2" "1 3" "2 4" "3 5" "4 5"; do
    set -- $p
    check "sample $1-$2 plain" compare "$1" "$2"
    check "sample $1-$2 json" compare "$1" "$2" --json
    check "sample $1-$2 strict" compare "$1" "$2" --json --strict
done
check "sample quotes" quotes
check "sample quotes json" quotes --json
check "sample list" list --json
check "sample facts" facts --json
check "sample stories" stories --json
check "sample export" export --jsonl
if [ "$failures" -eq 0 ]; then
    echo "same output: every check passed"
else
    echo "$failures check(s) differ"
    exit 1
fi
