#!/usr/bin/env bash
# Goal 2, start-up: cold processes of the real program (median of N rounds, variants alternating
# within each round): --version, run --once on the file store and on etcd (2 keys, etcd on tmpfs),
# wall time, CPU time and peak RSS; a watch daemon's first render after start.
# Variants: ./confdsl (its default: Temurin 25 + AOT cache where installed), ./confdsl on JDK 25
# (AOT cache), ./confdsl on JDK 17 (CDS archive), java -jar.
# Usage: src/bench/startup.sh [rounds] [variant-file | archives]   (default 10 rounds)
#   archives: compares the start-up archives (src/bench/startup-archives.txt): JDK 25's AOT cache
#   with and without class linking, a dynamic CDS archive on JDK 25 and on JDK 17; the extra
#   archives are trained first (repl/target/bench-archives, remade when the jar is newer).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "${2:-}" = archives ]; then
  "$here/confdsl" --version >/dev/null
  CONFDSL_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java "$here/confdsl" --version >/dev/null
  jar="$here/repl/target/confdsl.jar" dir="$here/repl/target/bench-archives" j25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  mkdir -p "$dir"
  if [ ! -f "$dir/nolink.aot" ] || [ "$jar" -nt "$dir/nolink.aot" ]; then
    CONFDSL_TRAIN_JAVA_OPTS="-XX:+UseSerialGC -XX:-AOTClassLinking" "$here/src/dist/aot-train.sh" "$j25" "$jar" "$dir/nolink.aot"
  fi
  if [ ! -f "$dir/dynamic-25.jsa" ] || [ "$jar" -nt "$dir/dynamic-25.jsa" ]; then
    CONFDSL_ARCHIVE_KIND=cds "$here/src/dist/aot-train.sh" "$j25" "$jar" "$dir/dynamic-25.jsa"
  fi
  set -- "${1:-10}" "$here/src/bench/startup-archives.txt"
fi
bench_java StartupBench "$@"
