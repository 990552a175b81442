#!/usr/bin/env bash
# The watch daemon's figures against a real etcd on loopback (issue: etcd live):
#   1. put -> destination written, 2 keys, --sync-only: p50, p99
#   2. the same with a 10,000-key prefix
#   3. 200 back-to-back puts: renders, and time from the last put to the final state on disk
#   4. the daemon's RSS at start, after 1,000 changes, after 30 s idle
# Usage: src/bench/etcd-watch.sh [changes]   (default 200; needs etcd: apt-get install -y etcd-server)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
mvn -B -q -ntp -Dstyle.color=never -DskipTests install >&2
"$here/confdsl" --version >/dev/null
exec java -Dconfdsl.launcher="$here/confdsl" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.confdsl.bench.WatchBench "$@"
