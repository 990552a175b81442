#!/usr/bin/env bash
# Goal 3, memory of the watch daemon against a real etcd (data on tmpfs):
#   src/bench/memory.sh levers          RSS and threads, 5 keys and 10,000 keys, for each JVM setting tried
#   src/bench/memory.sh soak [minutes]  5 keys, 10 changes/s, RSS every minute (default 30 minutes)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_java MemoryBench "$@"
