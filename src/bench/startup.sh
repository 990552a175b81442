#!/usr/bin/env bash
# Goal 2, start-up: cold processes of the real program (median of N rounds, variants alternating
# within each round): --version, run --once on the file store and on etcd (2 keys, etcd on tmpfs),
# wall time and peak RSS; a watch daemon's first render after start.
# Variants: ./confdsl (Temurin 25 + AOT cache), ./confdsl on JDK 17 (CDS archive), java -jar.
# Usage: src/bench/startup.sh [rounds] [variant-file]   (default 10 rounds)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_java StartupBench "$@"
