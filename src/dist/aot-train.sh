#!/usr/bin/env bash
# Builds confdsl's start-up archive for one runtime and one jar:
#   src/dist/aot-train.sh <java-binary> <jar> <output.aot>
# - JDK 25 or later: an ahead-of-time cache (JEP 483/514/515: classes loaded and linked, and
#   method profiles) recorded with -XX:AOTCacheOutput; start with -XX:AOTCache=<output.aot>.
# - JDK 17 to 24: a dynamic class-data-sharing archive (-XX:ArchiveClassesAtExit); start with
#   -XX:SharedArchiveFile=<output.aot>.
# CONFDSL_ARCHIVE_KIND=aot|cds chooses against that default (a CDS archive on JDK 25, to measure).
# Either is tied to that runtime and that jar (path and mtime): rebuild it whenever one changes.
#
# The training workload runs in one JVM (org.confdsl.cli.startup.TrainingRun): --version, --help,
# check, render, `run --once` and the first pass of a watch daemon on the quickstart's file store,
# and, when `etcd` is on the PATH, `keys put`, `run --once` and a watch daemon's first pass against
# a throwaway etcd (loopback, random free ports, temp data dir, stopped by PID). It runs twice:
# the first run fills a class cache with the compiled script and template classes, the recording
# run loads them from it, so the archive does not preload Groovy's compiler for a daemon whose
# classes are cached.
#
# JVM flags that change the archive's layout must be the same when training and when running:
# CONFDSL_TRAIN_JAVA_OPTS (default below) is added to the recording run; src/dist/jvm-options
# holds the flags the launchers use with it.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 <java-binary> <jar> <output.aot>" >&2
  exit 64
fi
java="$1"
jar="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
out="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
examples="${CONFDSL_EXAMPLES:-$here/dsl-examples}"
[ -x "$java" ] || command -v "$java" >/dev/null || { echo "aot-train: no java at $java" >&2; exit 1; }
[ -f "$jar" ] || { echo "aot-train: no jar at $2" >&2; exit 1; }
[ -d "$examples/quickstart" ] || { echo "aot-train: no examples at $examples (set CONFDSL_EXAMPLES)" >&2; exit 1; }

major="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
[ -n "$major" ] || { echo "aot-train: cannot tell the version of $java" >&2; exit 1; }

work="$(mktemp -d)"
etcd_pid=""
cleanup() {
  if [ -n "$etcd_pid" ]; then
    kill "$etcd_pid" 2>/dev/null || true
    wait "$etcd_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! ss -Htln 2>/dev/null | awk '{print $4}' | grep -q ":$port\$"; then
      echo "$port"
      return 0
    fi
  done
  echo "aot-train: no free port found" >&2
  return 1
}

cp -r "$examples/quickstart" "$work/qs"
rm -rf "$work/qs/out"
cmds="$work/commands.txt"
cat > "$cmds" <<CMDS
--version
--help
run --help
check $work/qs/quickstart.groovy
render $work/qs/quickstart.groovy
run $work/qs/quickstart.groovy --once --noop --state-dir $work/state
watch $work/qs/out/app.conf run $work/qs/quickstart.groovy --watch --state-dir $work/state
run $work/qs/quickstart.groovy --once --state-dir $work/state
keys ls --file $work/qs/keys.yaml
CMDS

if command -v etcd >/dev/null; then
  cp -r "$examples/etcd_upstreams" "$work/etcd"
  rm -rf "$work/etcd/out"
  for attempt in 1 2 3; do
    client="$(free_port)"; peer="$(free_port)"
    etcd --name train --data-dir "$work/etcd-data" \
      --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
      --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
      --initial-cluster "train=http://127.0.0.1:$peer" --listen-metrics-urls "" \
      >"$work/etcd.log" 2>&1 &
    etcd_pid=$!
    up=false
    for _ in $(seq 200); do   # at most 20 s
      kill -0 "$etcd_pid" 2>/dev/null || break
      if (exec 3<>"/dev/tcp/127.0.0.1/$client") 2>/dev/null && grep -q "ready to serve client requests" "$work/etcd.log"; then
        up=true; break
      fi
      sleep 0.1
    done
    $up && break
    kill "$etcd_pid" 2>/dev/null || true; wait "$etcd_pid" 2>/dev/null || true; etcd_pid=""
    rm -rf "$work/etcd-data"
  done
  if [ -z "$etcd_pid" ]; then
    echo "aot-train: etcd did not start; training on the file store only. Its log:" >&2
    cat "$work/etcd.log" >&2
  else
    ep="http://127.0.0.1:$client"
    # A loaded machine can take seconds for etcd's first write: wait until one succeeds.
    if command -v etcdctl >/dev/null; then
      for _ in $(seq 60); do
        ETCDCTL_API=3 etcdctl --endpoints "$ep" --command-timeout=5s put /confdsl-training/ready 1 >/dev/null 2>&1 && break
        sleep 0.5
      done
    fi
    # Generous timeouts: a slow answer must not fail the training on a busy machine.
    to="--endpoints $ep --timeout 60s"
    cat >> "$cmds" <<CMDS
keys put /cloud/subdomain cloud $to
keys put /cloud/upstream/backend_a 127.0.0.1:1337 $to
keys put /cloud/upstream/backend_b 127.0.0.1:1338 $to
keys ls /cloud $to
keys get /cloud/subdomain $to
watch $work/etcd/out/cloud.conf run $work/etcd/etcd_upstreams.groovy --watch $to --state-dir $work/state-etcd
run $work/etcd/etcd_upstreams.groovy --once $to --state-dir $work/state-etcd
run $work/etcd/etcd_upstreams.groovy --once --noop $to --state-dir $work/state-etcd
CMDS
  fi
else
  echo "aot-train: no etcd on the PATH; training on the file store only" >&2
fi

train() {
  "$java" "$@" -Dconfdsl.classCache="$work/classes" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$jar" org.confdsl.cli.startup.TrainingRun "$cmds"
}
reset_outputs() {
  rm -rf "$work/qs/out" "$work/etcd/out" "$work/state" "$work/state-etcd"
}

# 1. fill the class cache (compiles the script and template classes)
common=(-Xlog:disable -Xlog:all=error:stderr)
jopts=()
[ "$major" -ge 25 ] && jopts+=(--sun-misc-unsafe-memory-access=allow)
train "${common[@]}" "${jopts[@]}" >"$work/train1.log" 2>&1 || { cat "$work/train1.log" >&2; exit 1; }
reset_outputs

# 2. the recording run
mkdir -p "$(dirname "$out")"
rm -f "$out"
kind="${CONFDSL_ARCHIVE_KIND:-}"
if [ -z "$kind" ]; then
  if [ "$major" -ge 25 ]; then kind=aot; else kind=cds; fi
fi
if [ "$kind" = aot ]; then
  # shellcheck disable=SC2206
  extra=(${CONFDSL_TRAIN_JAVA_OPTS:-$(sed -n 's/^aot=//p' "$here/src/dist/jvm-options" 2>/dev/null)})
  train "${common[@]}" "${jopts[@]}" "${extra[@]}" -XX:AOTCacheOutput="$out" >"$work/train2.log" 2>&1 \
    || { cat "$work/train2.log" >&2; rm -f "$out"; exit 1; }
else
  # shellcheck disable=SC2206
  extra=(${CONFDSL_TRAIN_JAVA_OPTS:-$(sed -n 's/^cds=//p' "$here/src/dist/jvm-options" 2>/dev/null)})
  train "${common[@]}" "${jopts[@]}" "${extra[@]}" -XX:ArchiveClassesAtExit="$out" >"$work/train2.log" 2>&1 \
    || { cat "$work/train2.log" >&2; rm -f "$out"; exit 1; }
fi
[ -s "$out" ] || { echo "aot-train: the JVM wrote no archive at $out" >&2; cat "$work/train2.log" >&2; exit 1; }
echo "aot-train: $out ($(du -h "$out" | cut -f1), JDK $major)" >&2
