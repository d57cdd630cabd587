#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build/fuzz (configured on first use) and runs each
# for SECONDS (default 20) over its seed corpus and its committed regression inputs. Exits non-zero
# on the first target that crashes or breaks a check, leaving the input in build/fuzz/artifacts/.
#
#   fuzz/run.sh                 every target, 20 s each (what the CTest test fuzz_smoke runs)
#   fuzz/run.sh 600 csv guide   those two targets, 10 minutes each
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
shift || true
all=(csv guide instrument profiles codebook currency field_values)
targets=("${all[@]}")
(($# > 0)) && targets=("$@")
build=${CONVENE_FUZZ_BUILD:-$root/build/fuzz}

if ! command -v clang++ >/dev/null; then
    echo "fuzz/run.sh: clang++ not found; install the Debian packages clang and" \
        "libclang-rt-14-dev (./install-deps.sh does)" >&2
    exit 1
fi
if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++ >/dev/null
fi
nice -n 10 cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" >"$build/build.log" 2>&1 ||
    { cat "$build/build.log" >&2; exit 1; }

# Seeds: the bundled data files (the CSV ones behind a 0 byte: "detect the delimiter").
seed() {
    local target=$1 corpus=$2 f
    shopt -s nullglob
    if [[ $target == csv ]]; then
        for f in "$root"/guides/data/*.csv "$root"/tests/data/*.csv "$root"/fuzz/seeds/csv/*; do
            [[ -e $corpus/seed-${f##*/} ]] || { printf '\0'; cat "$f"; } >"$corpus/seed-${f##*/}"
        done
    elif [[ $target == field_values ]]; then
        cp -n "$root"/fuzz/seeds/field_values/* "$corpus/"
    else
        cp -n "$root"/guides/data/*.json "$root"/tests/data/*.json "$corpus/" 2>/dev/null || true
    fi
    shopt -u nullglob
}

mkdir -p "$build/artifacts"
for t in "${targets[@]}"; do
    corpus=$build/corpus/$t
    mkdir -p "$corpus"
    seed "$t" "$corpus"
    dirs=("$corpus")
    [[ -d $root/fuzz/regressions/$t ]] && dirs+=("$root/fuzz/regressions/$t")
    dict=()
    [[ $t != csv && $t != field_values ]] && dict=(-dict="$root/fuzz/json.dict")
    log=$build/$t.log
    if ! nice -n 10 "$build/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${dict[@]}" "${dirs[@]}" \
        >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz_$t: FAILED (input kept in $build/artifacts/, full log $log)" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz_$t: ${runs:-?} executions in ${seconds} s, no crash"
done
