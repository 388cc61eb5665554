#!/usr/bin/env bash
# The ingest benchmark: kouka-nightly against DuckDB and pandas computing the same daily rollups from the
# same generated files, with the raw libcsv parse as the floor, in one run. Median wall time of 5 runs
# after a warm-up (fastest and slowest beside it), peak RSS from /usr/bin/time -v. Stops unless every
# contender's rollup totals agree.
#
#   Benchmarks/run.sh [SIZE_MB ...]      (default: 170)
#
# Every contender may use both cores: kouka-nightly reads a large export in two halves at once, DuckDB has
# `SET threads = 2`, pandas is timed with its default reader (one thread) and with pyarrow's (a thread per
# core), and the libcsv floor runs on one thread and on two. The WinActor export is Shift_JIS, as the
# vendor writes it. DuckDB cannot read Shift_JIS without an extension, so it is timed three ways: converting
# the export with iconv first (the conversion timed with it), reading it through its encodings extension,
# and reading a UTF-8 copy made beforehand (the conversion not timed: DuckDB's best case).
# DuckDB and pandas come from PyPI, at the versions in Benchmarks/requirements.txt, into .build/bench-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-170}")
runs=${KOUKA_BENCH_RUNS:-5}
# DuckDB's encodings extension is some twenty times slower than the rest: fewer runs, no warm-up.
slow_runs=${KOUKA_BENCH_SLOW_RUNS:-3}
threads=2

scripts/ensure-deps.sh
command -v iconv >/dev/null || { echo "iconv is needed (Debian: libc-bin)" >&2; exit 69; }
# Built as it is installed (see the README): with the Swift runtime linked in, which also starts faster.
swift build -c release --static-swift-stdlib --product kouka-nightly >&2
kouka=$(swift build -c release --static-swift-stdlib --show-bin-path)/kouka-nightly
mkdir -p .build/bench
gcc -O2 -o .build/bench/csvfloor Benchmarks/csvfloor.c -lcsv -lpthread
[ -x .build/bench-venv/bin/python ] || python3 -m venv .build/bench-venv
.build/bench-venv/bin/pip install -q -r Benchmarks/requirements.txt
py=.build/bench-venv/bin/python
out=.build/bench/out
mkdir -p "$out"

# measure ID NAME RUNS WARM COMMAND...: times COMMAND RUNS times (after a warm-up when WARM is 1) and prints
# "median_wall_s peak_rss_kb"; the table line goes to stderr and results.txt, the last run's stdout to
# $out/ID.json. $BEFORE, when set, runs (untimed) before each run.
measure() {
  local id=$1 name=$2 count=$3 warm=$4; shift 4
  local walls=() rss=0 file="$out/$id.json"
  [ "$warm" = 1 ] && { [ -n "${BEFORE:-}" ] && eval "$BEFORE"; "$@" >/dev/null 2>&1 || true; }
  for _ in $(seq "$count"); do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    /usr/bin/time -v "$@" >"$file" 2>.build/bench/time.txt || true
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); print (length(t) == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2])}' .build/bench/time.txt)")
    local r; r=$(awk -F': ' '/Maximum resident set size/ {print $2}' .build/bench/time.txt)
    [ "$r" -gt "$rss" ] && rss=$r
  done
  local median low high
  read -r median low high < <(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)], a[1], a[NR]}')
  # The spread is printed too: on a shared VM, runs of the same command differ by up to a third.
  printf '%-44s %8.2f s (%.2f–%.2f) %8.1f MB\n' "$name" "$median" "$low" "$high" "$(echo "$rss / 1024" | bc -l)" | tee -a .build/bench/results.txt >&2
  echo "$median $rss"
}

ratio() { echo "scale=3; $1 / $2" | bc -l | sed 's/^\./0./'; }

: > .build/bench/results.txt
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $threads threads each; median of $runs runs" | tee -a .build/bench/results.txt
for size in "${sizes[@]}"; do
  data=.build/bench/data-$size
  [ -f "$data/winactor/tasks.csv" ] || python3 Benchmarks/generate.py --out "$data" --winactor-mb "$size" --uipath-mb "$size" >&2
  [ -f "$data/tasks-utf8.csv" ] || iconv -f CP932 -t UTF-8 "$data/winactor/tasks.csv" > "$data/tasks-utf8.csv"
  sjis=$data/winactor/tasks.csv
  echo "== $size MB each: $(du -sh "$sjis" | cut -f1) WinActor CSV (Shift_JIS), $(du -sh "$data/uipath" | cut -f1) UiPath logs" | tee -a .build/bench/results.txt

  BEFORE="rm -f $data/kouka-winactor.sqlite*"
  read -r kw kw_rss < <(measure kouka-winactor "kouka-nightly WinActor full" "$runs" 1 "$kouka" --config "$data/kouka-winactor.toml" --quiet)
  BEFORE=""
  $py Benchmarks/rollups.py kouka "$data/kouka-winactor.sqlite" > "$out/kouka-winactor-totals.json"
  read -r nw _ < <(measure kouka-noop "kouka-nightly WinActor no-op re-run" "$runs" 1 "$kouka" --config "$data/kouka-winactor.toml" --quiet)
  read -r dc _ < <(measure duckdb-converted "duckdb WinActor, iconv then read_csv" "$runs" 1 $py Benchmarks/rollups.py duckdb-winactor-converted "$sjis" "$threads")
  read -r de _ < <(measure duckdb-encodings "duckdb WinActor, encodings extension" "$slow_runs" 0 $py Benchmarks/rollups.py duckdb-winactor-encodings "$sjis" "$threads")
  read -r du8 _ < <(measure duckdb-utf8 "duckdb WinActor, UTF-8 copy made before" "$runs" 1 $py Benchmarks/rollups.py duckdb-winactor "$data/tasks-utf8.csv" "$threads")
  read -r pc _ < <(measure pandas-c "pandas WinActor, default reader" "$runs" 1 $py Benchmarks/rollups.py pandas-winactor "$sjis")
  read -r pa _ < <(measure pandas-pyarrow "pandas WinActor, pyarrow reader" "$runs" 1 $py Benchmarks/rollups.py pandas-winactor-pyarrow "$sjis")
  read -r f1 _ < <(measure floor-1 "libcsv floor WinActor, 1 thread" "$runs" 1 .build/bench/csvfloor "$sjis" 1)
  read -r f2 _ < <(measure floor-2 "libcsv floor WinActor, 2 threads" "$runs" 1 .build/bench/csvfloor "$sjis" 2)

  BEFORE="rm -f $data/kouka-uipath.sqlite*"
  read -r ku ku_rss < <(measure kouka-uipath "kouka-nightly UiPath full" "$runs" 1 "$kouka" --config "$data/kouka-uipath.toml" --quiet)
  BEFORE=""
  $py Benchmarks/rollups.py kouka "$data/kouka-uipath.sqlite" > "$out/kouka-uipath-totals.json"
  read -r du _ < <(measure duckdb-uipath "duckdb UiPath, read_csv + JSON" "$runs" 1 $py Benchmarks/rollups.py duckdb-uipath "$data/uipath/*_Execution.log" "$threads")
  # 1% more: new jobs' lines appended to the last day's log (today's log, growing), after a full ingest.
  last=$(ls "$data"/uipath/*_Execution.log | tail -1)
  cp "$last" "$out/last-day.log"
  lines=$(cat "$data"/uipath/*_Execution.log | wc -l)
  head -n "$((lines / 100))" "$last" | sed '1s/^\xEF\xBB\xBF//; s/-4d54-abaa-/-4d55-abaa-/' > "$out/appended.log"
  BEFORE="cp $out/last-day.log $last; rm -f $data/kouka-uipath.sqlite*; $kouka --config $data/kouka-uipath.toml --quiet >/dev/null || true; cat $out/appended.log >> $last"
  read -r au au_rss < <(measure kouka-append "kouka-nightly UiPath +1% lines appended" "$runs" 0 "$kouka" --config "$data/kouka-uipath.toml" --quiet)
  BEFORE=""
  cp "$out/last-day.log" "$last"

  # Every contender must have computed the same totals.
  reference=$(cat "$out/kouka-winactor-totals.json")
  for id in duckdb-converted duckdb-encodings duckdb-utf8 pandas-c pandas-pyarrow; do
    [ "$(cat "$out/$id.json")" = "$reference" ] || { echo "contenders disagree: $id gave $(cat "$out/$id.json"), kouka $reference"; exit 1; }
  done
  [ "$(cat "$out/duckdb-uipath.json")" = "$(cat "$out/kouka-uipath-totals.json")" ] || {
    echo "contenders disagree on UiPath: duckdb $(cat "$out/duckdb-uipath.json"), kouka $(cat "$out/kouka-uipath-totals.json")"; exit 1; }
  echo "all contenders agree: WinActor $reference; UiPath $(cat "$out/kouka-uipath-totals.json")" | tee -a .build/bench/results.txt

  {
    echo "ratios at $size MB (target in brackets):"
    echo "  WinActor kouka / duckdb, iconv then read_csv   $(ratio "$kw" "$dc")   (≤ 0.8)"
    echo "  WinActor kouka / duckdb, encodings extension   $(ratio "$kw" "$de")"
    echo "  WinActor kouka / duckdb, UTF-8 copy made before $(ratio "$kw" "$du8")"
    echo "  WinActor kouka / pandas, default reader        $(ratio "$kw" "$pc")   (≤ 0.25)"
    echo "  WinActor kouka / pandas, pyarrow reader        $(ratio "$kw" "$pa")"
    echo "  WinActor kouka / libcsv floor, 1 thread        $(ratio "$kw" "$f1")   (≤ 1.25)"
    echo "  WinActor kouka / libcsv floor, 2 threads       $(ratio "$kw" "$f2")"
    echo "  UiPath   kouka / duckdb                        $(ratio "$ku" "$du")   (≤ 1.0)"
    echo "  no-op re-run / full (WinActor)                 $(ratio "$nw" "$kw")   (≤ 0.02)"
    echo "  +1% lines appended / full (UiPath)             $(ratio "$au" "$ku")   (≤ 0.05)"
    echo "  peak RSS kouka-nightly: WinActor $((kw_rss / 1024)) MB, UiPath $((ku_rss / 1024)) MB, UiPath +1% $((au_rss / 1024)) MB   (≤ 64 MB)"
  } | tee -a .build/bench/results.txt
done
