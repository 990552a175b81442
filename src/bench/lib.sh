# Shared by the bench commands: builds the bench harness (no install: reactor jars only) and the
# program (./confdsl builds the jar and trains its start-up archive when stale), then runs a
# harness class. BENCH_SKIP_BUILD=1 skips the Maven step when nothing changed.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench_java() {
  local main="$1"; shift
  cd "$here"
  if [ "${BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -f bench/target/classpath.txt ]; then
    mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl bench -am package >&2
  fi
  "$here/confdsl" --version >/dev/null
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews absolute figures)"
  exec java -XX:+UseSerialGC -Dconfdsl.launcher="$here/confdsl" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    "org.confdsl.bench.$main" "$@"
}
