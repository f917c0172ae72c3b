# Shared by scripts/bench-*.sh (sourced, not run): tools, build, generated inputs, medians.

# Installs hyperfine, wdiff and GNU time with apt when missing.
ensure_tools() {
    local missing=()
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    command -v wdiff >/dev/null || missing+=(wdiff)
    [ -x /usr/bin/time ] || missing+=(time)
    command -v python3 >/dev/null || missing+=(python3)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing: ${missing[*]}" >&2
        apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Builds the release binary and the generator; sets BIN.
build() {
    cargo build --release --quiet --bin crosscheck --example synth
    BIN="$PWD/target/release/crosscheck"
    SYNTH="$PWD/target/release/examples/synth"
}

# Header for a results block: machine, load, commit, date.
machine_note() {
    echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
    echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Median in ms of the first command of a hyperfine JSON export.
median_ms() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.2f" % (r[int(sys.argv[2])]["median"]*1000))' "$1" "${2:-0}"
}

# Peak resident set size in MB of a command (GNU time), its output discarded.
peak_rss_mb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {printf "%.1f\n", $2/1024}'
}
