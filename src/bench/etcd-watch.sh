#!/usr/bin/env bash
# Goal 1, latency without a fixed window: the watch daemon against a real etcd on loopback (data
# on tmpfs), the real program (./confdsl run --watch --sync-only) in its own process:
#   0. etcd's own put round trip, for scale
#   1. put sent / acknowledged -> destination written, 5 keys: p50, p90, p99; daemon CPU per change
#   2. the same with a 10,000-key prefix rendered in full; RSS
#   3. bursts of 200 puts (one after the other, and pipelined): renders, last ack -> final state on disk
#   4. the daemon's RSS and threads
# Usage: src/bench/etcd-watch.sh [changes]   (default 200; needs etcd: apt-get install -y etcd-server)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_java WatchBench "$@"
