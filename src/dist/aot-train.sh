#!/usr/bin/env bash
# aot-train.sh JAVA JAR OUTPUT.aot: runs confdsl's training workload with JAVA and JAR and writes
# the ahead-of-time cache (JDK 25, JEP 483/514/515) to OUTPUT.aot. This minimal version trains on
# the file-store quickstart (a dry run); the start-up work extends the workload (an etcd path when
# `etcd` is on the PATH) behind the same interface. Called at package time by build-dist.sh for
# the jlink runtime that ships; the cache is only valid for that runtime and that jar.
set -euo pipefail
java=$1 jar=$2 out=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
examples="$here/../../dsl-examples"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$examples/quickstart" "$work/qs"
flags=(-XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr --sun-misc-unsafe-memory-access=allow)
"$java" "${flags[@]}" -XX:AOTCacheOutput="$out" -jar "$jar" run "$work/qs/quickstart.groovy" --once --noop \
  --state-dir "$work/state" >/dev/null
test -s "$out"
