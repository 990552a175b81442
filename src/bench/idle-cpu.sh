#!/usr/bin/env bash
# Goal 4, idle CPU of a watch daemon at rest (5 keys, real etcd): ms of CPU per second over the
# rest period, with --sync-only and as a daemon publishing its status; its threads by name.
# Usage: src/bench/idle-cpu.sh [seconds]   (default 60)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_java IdleBench "$@"
