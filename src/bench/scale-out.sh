#!/usr/bin/env bash
# Goal 5, scale out: DAEMONS watch daemons against one etcd on tmpfs, simulated PER_JVM to a JVM
# (each its own etcd client, watch, engine and status lease; 200 whole daemon processes of
# ~120 MB each do not fit beside the other work of a 2-core machine): put -> each daemon's status
# shows it applied, to the last one, and awaitApplied over all of them against the last report.
# Usage: src/bench/scale-out.sh [daemons] [per-jvm] [changes]   (default 200 50 20)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_java ScaleOutBench "$@"
