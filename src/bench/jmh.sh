#!/usr/bin/env bash
# Goal 6: JMH figures for render and sync, 2 keys and a 10,000-key prefix (average time per call):
#   render       the template applied to a snapshot
#   syncInSync   destination already equal: compare only
#   syncChanged  destination differs: stage + fsync + rename + directory fsync
# Usage: src/bench/jmh.sh [JMH options]   e.g. -f 1 -wi 2 -i 3 for a shorter run
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_java jmh.JmhMain "$@"
