#!/usr/bin/env bash
# Start-up figures of `confdsl run --once` on the quickstart: median wall time and median peak
# RSS over N runs (default 5), each a fresh JVM writing a fresh destination.
#   src/bench/quickstart-once.sh [N]
# Prints one line for the launcher (./confdsl: CDS archive, C1, serial GC) and one for a plain
# `java -jar` of the same jar.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/dsl-examples/quickstart" "$work/qs"
rm -rf "$work/qs/out"
"$here/confdsl" --version >/dev/null   # builds the jar if needed
"$here/confdsl" run "$work/qs/quickstart.groovy" --once --state-dir "$work/state" >/dev/null  # makes the CDS archive if needed

measure() {
  local label="$1"; shift
  local walls=() rss=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/qs/out" "$work/state"
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" run "$work/qs/quickstart.groovy" --once --state-dir "$work/state" >/dev/null
    read -r w m < "$work/t"
    walls+=("$w"); rss+=("$m")
  done
  local mw mr
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-28s median wall %5.2f s   median peak RSS %4d MB   (%d runs)\n' "$label" "$mw" $((mr / 1024)) "$runs"
}

measure "./confdsl (CDS, C1)" "$here/confdsl"
measure "java -jar confdsl.jar" java -jar "$here/repl/target/confdsl.jar"
