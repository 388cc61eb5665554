#!/usr/bin/env bash
# CI step: the sample city's FY2024 HTML report printed with headless Chromium (scripts/render-report.sh)
# gives a document fit to hand out: between 5 and 20 A4 pages (about 12 of report with the policy period and the tool review, the list of 132 source files as
# an appendix of about 4), none blank, and every source file's whole SHA-256 printed although the list is
# folded on screen. Uses the kouka executables `make test` built.
# Usage: scripts/check-print.sh [OUT_DIR]   (default: a temporary folder, removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --show-bin-path)
for tool in kouka-nightly kouka-report; do
  [ -x "$bin/$tool" ] || { echo "check-print: $bin/$tool is missing; run swift build first" >&2; exit 1; }
done
work=${1:-$(mktemp -d)}
[ -n "${1:-}" ] || trap 'rm -rf "$work"' EXIT
rm -rf "$work/SampleLogs" "$work/out"
mkdir -p "$work"
cp -R SampleLogs "$work/SampleLogs"
set +e
"$bin/kouka-nightly" --config "$work/SampleLogs/kouka.toml" --quiet >/dev/null 2>"$work/nightly.log"
code=$?
set -e
# 1 = done with findings: the sample city has rejected rows and unmapped names on purpose.
[ "$code" -le 1 ] || { tail -n 20 "$work/nightly.log" >&2; echo "check-print: kouka-nightly exited $code" >&2; exit 1; }
"$bin/kouka-report" --config "$work/SampleLogs/kouka.toml" --fiscal-year 2024 --quiet --generated-at 2025-04-10T05:00:00+09:00 >/dev/null
html="$work/kouka-FY2024.html"
cp "$work/out/reports/FY2024/kouka-FY2024.html" "$html"
scripts/render-report.sh --max-pages 20 "$html"
pages=$(pdfinfo "$work/kouka-FY2024.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 5 ] || { echo "check-print: only $pages pages: a section or the appendix did not print" >&2; exit 1; }
python3 - "$html" "$work/kouka-FY2024.pdf" <<'PY'
import re, subprocess, sys
html, pdf = sys.argv[1:]
expected = re.findall(r'<code class="sha">([0-9a-f]{64})</code>', open(html, encoding="utf-8").read())
printed = re.sub(r"\s", "", subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout)
missing = [s for s in expected if s not in printed]
assert expected, "the HTML lists no source file with its whole SHA-256"
assert not missing, f"{len(missing)} of {len(expected)} source files' SHA-256 are not printed whole, e.g. {missing[0]}"
print(f"check-print: {len(expected)} source files printed with their whole SHA-256")
PY
echo "check-print: $pages pages (5 to 20 expected), none blank"
