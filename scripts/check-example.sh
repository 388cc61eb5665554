#!/usr/bin/env bash
# Builds Examples/measure-one-log (a package that depends on Kouka by path, as a client would), runs it on one
# of the sample city's logs, and checks that its figures are the yearly report's for a configuration naming the
# same file: total, RPA and per-task hours, AI-supported tasks and targets. Uses the jobs' debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
swift build --package-path Examples/measure-one-log >&2
swift build --product kouka-nightly >&2
swift build --product kouka-report >&2
bin=$(swift build --show-bin-path)
example=$(swift build --package-path Examples/measure-one-log --show-bin-path)/measure-one-log
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The log and the catalog side by side with the configuration, so both show the same relative paths.
mkdir -p "$work/winactor"
cp SampleLogs/winactor/tasks_FY2024.csv "$work/winactor/"
cp SampleLogs/catalog.csv "$work/"
log=$work/winactor/tasks_FY2024.csv
catalog=$work/catalog.csv

"$example" "$log" winactor-task-csv "$catalog" 2024 > "$work/example.txt"
"$example" "$log" winactor-task-csv "$catalog" 2024 --json > "$work/example.json"
cat > "$work/kouka.toml" <<TOML
timezone = "Asia/Tokyo"
database = "kouka.sqlite"
catalog = "$catalog"
output = "reports"
[[source]]
format = "winactor-task-csv"
path = "$log"
TOML
"$bin/kouka-nightly" --config "$work/kouka.toml" --quiet > /dev/null || [ $? -eq 1 ]
"$bin/kouka-report" --config "$work/kouka.toml" --fiscal-year 2024 --quiet > /dev/null
report=$(find "$work/reports" -name 'kouka-FY2024.json' | head -1)
[ -n "$report" ] || { echo "check-example: kouka-report wrote no kouka-FY2024.json" >&2; exit 1; }
python3 - "$work/example.json" "$report" "$work/example.txt" <<'PY'
import json, sys
figures, report = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
text = open(sys.argv[3], encoding="utf-8").read()
problems = []
def same(what, a, b):
    if a != b: problems.append(f"{what}: example {a!r}, report {b!r}")
same("hours saved", figures["hoursSaved"], report["hoursSaved"]["total"])
same("hours by system", figures["hoursSavedBySystem"], report["hoursSaved"]["bySystem"])
same("tasks", [(t["task"], t["department"], t["hoursSaved"], t["units"]) for t in figures["tasks"]],
     [(t["task"], t["department"], t["hoursSaved"], t["units"]) for t in report["tasks"]])
same("AI-supported tasks", [t["task"] for t in figures["aiTasks"] if t["counted"]], [t["task"] for t in report["aiTasks"] if t["counted"]])
same("targets", [(t["metric"], t["actual"], t["met"]) for t in figures["targets"]], [(t["metric"], t["actual"], t["met"]) for t in report["targets"]])
same("sources", [(s["path"], s["sha256"]) for s in figures["sources"]], [(s["path"], s["sha256"]) for s in report["sources"]])
if figures["hoursSaved"] <= 0: problems.append("the example measured no hours")
if f"{figures['hoursSaved']:.2f} hours saved".replace(".00 hours", " hours") not in text: problems.append("the example's text does not state the total")
if problems:
    print("check-example: the example's figures are not the report's:\n  " + "\n  ".join(problems), file=sys.stderr); sys.exit(1)
print(f'check-example: measure-one-log and kouka-report agree on FY2024 from {figures["sources"][0]["path"]}: '
      f'{figures["hoursSaved"]} hours, {len(figures["tasks"])} task lines', file=sys.stderr)
PY
