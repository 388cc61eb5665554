#!/bin/bash
# What a job's start costs as the task catalog grows: catalogs of 15, 100, 300 and 1,000 rows (patterns that share their
# first characters, as a city's do: 業務0001_処理, robot0001_*), each with a source that matches no file, so that the run
# is the start alone (exit 1: the source names no file). Prints each size's median wall time over RUNS runs of two
# builds alternated by compare-builds.sh (a change's before and after; one build alone is timed against itself):
#   Benchmarks/catalog-rows.sh [NEW_BINARY [OLD_BINARY [RUNS]]]
# With valgrind installed, the instructions of one run of each too (stripped copies: valgrind cannot read the static
# binaries' debug information).
set -euo pipefail
cd "$(dirname "$0")/.."
new=${1:-$(swift build -c release --static-swift-stdlib --show-bin-path)/kouka-nightly}
old=${2:-}
runs=${3:-11}
work=.build/bench/catalog-rows
mkdir -p "$work"
for rows in 15 100 300 1000; do
  python3 - "$rows" "$work" <<'PY'
import sys
rows, work = int(sys.argv[1]), sys.argv[2]
departments = ["税務課", "会計課", "市民課", "福祉課", "子育て支援課"]
with open(f"{work}/catalog-{rows}.csv", "w", encoding="utf-8") as f:
    f.write("task_id,name,department,system,unit,manual_minutes_per_unit,residual_minutes_per_unit,valid_from,match\n")
    for i in range(rows):
        first = f"業務{i:04d}_*" if i % 3 == 0 else f"業務{i:04d}_処理"
        f.write(f"T{i:04d},業務{i:04d},{departments[i % 5]},rpa,runs,30,5,2020-04-01,{first}|robot{i:04d}_*\n")
with open(f"{work}/kouka-{rows}.toml", "w", encoding="utf-8") as f:
    f.write(f'catalog = "catalog-{rows}.csv"\ndatabase = "kouka-{rows}.sqlite"\n[[source]]\nformat = "uipath-execution-log"\n'
            f'path = "no-logs/*.log"\n')
PY
done
for rows in 15 100 300 1000; do
  config=$work/kouka-$rows.toml
  rm -f "$work/kouka-$rows.sqlite"*
  "$new" --config "$config" --quiet >/dev/null 2>&1 || true # the store made once: each timed run is a start
  echo "$rows rows:"
  Benchmarks/compare-builds.sh "$config" "${old:-$new}" "$new" "$runs"
  if command -v valgrind >/dev/null; then
    for build in new old; do
      binary=${!build}
      [ -n "$binary" ] || continue
      strip -o "$work/$build-stripped" "$binary"
      # valgrind exits as the job does (1: the source names no file).
      count=$({ valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/$build-stripped" --config "$config" --quiet 2>&1 >/dev/null || true; } |
        awk '/Collected/ {print $NF}')
      echo "        $build: $count instructions"
    done
  fi
done
