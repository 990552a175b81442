#!/usr/bin/env bash
# Goal 5, scale up: one watch daemon with SITES resources over KEYS keys (a big shared nginx: one
# file per site) against a real etcd on tmpfs: first pass, one change -> its file (p50/p99) and
# other files touched, one transaction changing every site -> all files, run --once and check
# as processes, RSS.
# Usage: src/bench/scale.sh [sites] [keys] [changes]   (default 1000 70000 200)
# SCALE_DAEMON_JAVA_OPTS replaces the daemon's JVM flags (e.g. -Xlog:gc to see what the p99 is made of).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_java ScaleBench "$@"
