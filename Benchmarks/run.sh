#!/usr/bin/env bash
# The ingest benchmark: kouka-nightly against DuckDB and pandas computing the same daily rollups from the
# same generated files, with the raw libcsv parse as the floor, in one run. Median wall time of 5 runs
# after a warm-up, peak RSS from /usr/bin/time -v. Checks that every contender's rollup totals agree.
#
#   Benchmarks/run.sh [SIZE_MB ...]      (default: 170)
#
# DuckDB and pandas come from PyPI into .build/bench-venv. DuckDB cannot read Shift_JIS, so it is given
# a UTF-8 copy of the WinActor export, made before the timing (an advantage to DuckDB).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-170}")
runs=5
threads=2   # kouka-nightly reads a large CSV in two halves at once; every contender gets the same thread count

scripts/ensure-deps.sh
swift build -c release --product kouka-nightly >&2
kouka=$(swift build -c release --show-bin-path)/kouka-nightly
mkdir -p .build/bench
gcc -O2 -o .build/bench/csvfloor Benchmarks/csvfloor.c -lcsv
if [ ! -x .build/bench-venv/bin/python ]; then
  python3 -m venv .build/bench-venv
  .build/bench-venv/bin/pip install -q duckdb pandas
fi
py=.build/bench-venv/bin/python

# measure NAME COMMAND...: prints "median_wall_s peak_rss_mb" after a warm-up and $runs timed runs.
measure() {
  local name=$1; shift
  local walls=() rss=0
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    /usr/bin/time -v "$@" >/dev/null 2>.build/bench/time.txt || true
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); print (length(t) == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2])}' .build/bench/time.txt)")
    local r; r=$(awk -F': ' '/Maximum resident set size/ {print $2}' .build/bench/time.txt)
    [ "$r" -gt "$rss" ] && rss=$r
  done
  local median low high
  read -r median low high < <(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)], a[1], a[NR]}')
  # The spread is printed too: on a shared VM, runs of the same command differ by up to a third.
  printf '%-34s %9.3f s (%.2f–%.2f) %9.1f MB\n' "$name" "$median" "$low" "$high" "$(echo "$rss / 1024" | bc -l)" | tee -a .build/bench/results.txt >&2
  echo "$median $rss"
}

ratio() { echo "scale=3; $1 / $2" | bc -l; }

: > .build/bench/results.txt
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); threads=$threads; median of $runs runs" | tee -a .build/bench/results.txt
for size in "${sizes[@]}"; do
  data=.build/bench/data-$size
  if [ ! -f "$data/winactor/tasks.csv" ]; then
    python3 Benchmarks/generate.py --out "$data" --winactor-mb "$size" --uipath-mb "$size" >&2
    iconv -f CP932 -t UTF-8 "$data/winactor/tasks.csv" > "$data/tasks-utf8.csv"
  fi
  echo "== $size MB each: $(du -sh "$data/winactor/tasks.csv" | cut -f1) WinActor CSV (Shift_JIS), $(du -sh "$data/uipath" | cut -f1) UiPath logs" | tee -a .build/bench/results.txt

  # Agreement first: every contender's rollup totals must be the same.
  rm -f "$data"/kouka-*.sqlite*
  "$kouka" --config "$data/kouka-winactor.toml" --quiet >/dev/null || [ $? -eq 1 ]
  "$kouka" --config "$data/kouka-uipath.toml" --quiet >/dev/null || [ $? -eq 1 ]
  k_w=$($py Benchmarks/rollups.py kouka "$data/kouka-winactor.sqlite")
  d_w=$($py Benchmarks/rollups.py duckdb-winactor "$data/tasks-utf8.csv" "$threads")
  p_w=$($py Benchmarks/rollups.py pandas-winactor "$data/winactor/tasks.csv")
  k_u=$($py Benchmarks/rollups.py kouka "$data/kouka-uipath.sqlite")
  d_u=$($py Benchmarks/rollups.py duckdb-uipath "$data/uipath/*_Execution.log" "$threads")
  if [ "$k_w" != "$d_w" ] || [ "$k_w" != "$p_w" ] || [ "$k_u" != "$d_u" ]; then
    echo "contenders disagree:"; echo " kouka winactor  $k_w"; echo " duckdb winactor $d_w"; echo " pandas winactor $p_w"
    echo " kouka uipath    $k_u"; echo " duckdb uipath   $d_u"; exit 1
  fi
  echo "all contenders agree: winactor $k_w; uipath $k_u" | tee -a .build/bench/results.txt

  BEFORE="rm -f $data/kouka-winactor.sqlite*"
  read -r kw kw_rss < <(measure "kouka-nightly WinActor full" "$kouka" --config "$data/kouka-winactor.toml" --quiet)
  BEFORE=""
  read -r dw _ < <(measure "duckdb WinActor" $py Benchmarks/rollups.py duckdb-winactor "$data/tasks-utf8.csv" "$threads")
  read -r pw _ < <(measure "pandas WinActor" $py Benchmarks/rollups.py pandas-winactor "$data/winactor/tasks.csv")
  read -r fw _ < <(measure "libcsv floor WinActor" .build/bench/csvfloor "$data/winactor/tasks.csv")
  read -r nw _ < <(measure "kouka-nightly no-op re-run" "$kouka" --config "$data/kouka-winactor.toml" --quiet)
  BEFORE="rm -f $data/kouka-uipath.sqlite*"
  read -r ku ku_rss < <(measure "kouka-nightly UiPath full" "$kouka" --config "$data/kouka-uipath.toml" --quiet)
  BEFORE=""
  read -r du _ < <(measure "duckdb UiPath (read_csv + JSON)" $py Benchmarks/rollups.py duckdb-uipath "$data/uipath/*_Execution.log" "$threads")
  # 1% more: a new day's log with 1% of the lines, appended after a full ingest.
  last=$(ls "$data"/uipath/*_Execution.log | tail -1)
  extra="$data/uipath/2099-12-31_Execution.log"
  lines=$(cat "$data"/uipath/*_Execution.log | wc -l)
  BEFORE="rm -f $extra; $kouka --config $data/kouka-uipath.toml --quiet >/dev/null; head -n $((lines / 100)) $last > $extra"
  read -r au _ < <(measure "kouka-nightly UiPath +1% lines" "$kouka" --config "$data/kouka-uipath.toml" --quiet)
  BEFORE=""
  rm -f "$extra"

  {
    echo "ratios at $size MB:"
    echo "  WinActor: kouka/duckdb $(ratio "$kw" "$dw")  kouka/pandas $(ratio "$kw" "$pw")  kouka/libcsv-floor $(ratio "$kw" "$fw")"
    echo "  UiPath:   kouka/duckdb $(ratio "$ku" "$du")"
    echo "  no-op re-run / full $(ratio "$nw" "$kw");  +1% run / full $(ratio "$au" "$ku")"
    echo "  peak RSS kouka: WinActor $((kw_rss / 1024)) MB, UiPath $((ku_rss / 1024)) MB"
  } | tee -a .build/bench/results.txt
done
