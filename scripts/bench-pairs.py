#!/usr/bin/env python3
"""Issue 16's table: whole-process `crosscheck compare` against
`git diff --no-index --word-diff=porcelain` on generated pairs, medians of
alternating runs (each round runs every command once, in turn, so a change of
machine load hits all of them alike).

Usage: scripts/bench-pairs.py [--runs 7] [--bin NAME=PATH ...] [KIND:WORDS ...]
  KIND is news (real prose), repetitive or pair (the synth crate's rewrite), as
  written by `cargo run --release --example synth -- KIND DIR WORDS`.
  Default pairs: news:1500 news:50000 pair:50000 repetitive:50000.
  Default binary: now=target/release/crosscheck. Several --bin flags compare
  builds (e.g. before/after) in the same alternation.
Prints a Markdown table (median ms; fastest in brackets; ratio of medians to git)
and whether crosscheck printed a notice on the pair.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYNTH = os.path.join(ROOT, "target/release/examples/synth")
GIT = ["git", "--no-pager", "diff", "--no-index", "--word-diff=porcelain"]
LABELS = {
    "news": "real prose",
    "repetitive": "repetitive",
    "pair": "synth rewrite",
}


def run_ms(argv):
    """Wall time of one run of argv in ms, its output discarded."""
    with open(os.devnull, "wb") as null:
        start = time.perf_counter_ns()
        subprocess.run(argv, stdout=null, stderr=null, check=False)
        return (time.perf_counter_ns() - start) / 1e6


def notices(binary, left, right):
    """The notices crosscheck reports on the pair (from --json)."""
    import json

    out = subprocess.run(
        [binary, "compare", left, right, "--json"], capture_output=True, check=False
    ).stdout
    try:
        return json.loads(out).get("comparison", json.loads(out)).get("notices", [])
    except (ValueError, AttributeError):
        return ["?"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--bin", action="append", default=[])
    parser.add_argument("pairs", nargs="*")
    args = parser.parse_args()
    bins = [b.split("=", 1) for b in args.bin] or [
        ["now", os.path.join(ROOT, "target/release/crosscheck")]
    ]
    pairs = args.pairs or ["news:1500", "news:50000", "pair:50000", "repetitive:50000"]
    work = tempfile.mkdtemp(prefix="bench-pairs-")
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores")
    print(f"# load before: {open('/proc/loadavg').read().split()[:3]}")
    head = " | ".join(f"{name} (ms)" for name, _ in bins)
    ratios = " | ".join(f"{name} ÷ git" for name, _ in bins)
    print(f"\n| pair | words/side | {head} | git (ms) | {ratios} | notices |")
    print("| --- | ---: |" + " ---: |" * (2 * len(bins) + 1) + " --- |")
    for spec in pairs:
        kind, words = spec.split(":")
        folder = os.path.join(work, f"{kind}-{words}")
        subprocess.run([SYNTH, kind, folder, words], check=True)
        left, right = (os.path.join(folder, f) for f in ("left.txt", "right.txt"))
        commands = [[b, "compare", left, right] for _, b in bins] + [GIT + [left, right]]
        times = [[] for _ in commands]
        for round_ in range(args.warmup + args.runs):
            for i, argv in enumerate(commands):
                ms = run_ms(argv)
                if round_ >= args.warmup:
                    times[i].append(ms)
        med = [statistics.median(t) for t in times]
        cells = " | ".join(f"{m:.1f} ({min(t):.1f})" for m, t in zip(med, times))
        ratio = " | ".join(f"{m / med[-1]:.1f}×" for m in med[:-1])
        said = "; ".join(
            f"{name}: {len(notices(b, left, right))}" for name, b in bins
        )
        print(f"| {LABELS.get(kind, kind)} | {words} | {cells} | {ratio} | {said} |")
        sys.stdout.flush()
    print(f"\n# load after: {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
