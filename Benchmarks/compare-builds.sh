#!/bin/bash
# Times two builds of kouka-nightly on the same configuration, alternating them run after run so that a shared machine's
# slow spells fall on both alike, and prints each one's median and fastest wall time. For a change to a night that reads
# nothing new (the no-op), run it on a store both builds can open:
#   Benchmarks/compare-builds.sh .build/bench/daily-18260/kouka-uipath.toml /tmp/old/kouka-nightly .build/release/kouka-nightly 21
# For a full ingest, give the store's path too: it is removed before each run.
#   Benchmarks/compare-builds.sh .build/bench/data-170/kouka-winactor-utf8.toml /tmp/old/kouka-nightly .build/release/kouka-nightly 7 \
#     .build/bench/data-170/kouka-winactor-utf8.sqlite
# Instruction counts, which a busy machine does not move, come from valgrind on stripped copies of each build (valgrind
# cannot read the static binaries' debug information):
#   strip -o /tmp/a kouka-nightly && valgrind --tool=callgrind --callgrind-out-file=/dev/null /tmp/a --config … --quiet
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 CONFIG OLD_BINARY NEW_BINARY [RUNS [STORE_TO_REMOVE]]" >&2; exit 64; }
config=$1 old=$2 new=$3 runs=${4:-21} store=${5:-}
for _ in $(seq "$runs"); do
  for build in old new; do
    binary=${!build}
    if [ -n "$store" ]; then rm -f "$store" "$store-wal" "$store-shm"; fi
    start=$(date +%s%N)
    code=0
    "$binary" --config "$config" --quiet >/dev/null 2>&1 || code=$?
    end=$(date +%s%N)
    # Exit 1 is a run with findings; any other code is a run that failed, whose time means nothing (from 0.5.16 a store
    # removed beside the configuration's report sets stops the run, 74: move that report folder aside first).
    [ "$code" -le 1 ] || { echo "compare-builds: the $build build exited $code on $config; its time is not a measurement" >&2; exit 1; }
    echo "$build $(( (end - start) / 1000 ))"
  done
done | python3 -c '
import collections, statistics, sys
walls = collections.defaultdict(list)
for line in sys.stdin:
    build, micros = line.split()
    walls[build].append(int(micros) / 1e6)
for build in ("old", "new"):
    print("%s median %.4f s, fastest %.4f s, %d runs" % (build, statistics.median(walls[build]), min(walls[build]), len(walls[build])))
'
