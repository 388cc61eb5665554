#!/usr/bin/env bash
# Renders an HTML report with headless Chromium (Debian's `chromium`, installed when missing): a screenshot
# of the screen view, and the printed document (A4, the report's own print stylesheet) as a PDF whose pages
# are turned into PNGs with pdftoppm (Debian's poppler-utils, installed when missing). Checks that the
# screenshot rendered (the expected width, more than one colour), and that no printed page is blank (each
# page has text, and its PNG is not all white). With --max-pages N, also that the PDF has at most N pages.
# Usage: scripts/render-report.sh [--max-pages N] REPORT.html [OUT.png]
#   writes OUT.png (default REPORT.png), REPORT.pdf and REPORT-page-01.png, REPORT-page-02.png, …
set -euo pipefail
max_pages=0
if [ "${1:-}" = "--max-pages" ]; then max_pages=${2:?--max-pages needs a number}; shift 2; fi
html=${1:?usage: scripts/render-report.sh [--max-pages N] REPORT.html [OUT.png]}
png=${2:-${html%.html}.png}
pdf=${html%.html}.pdf
sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
missing=()
command -v chromium >/dev/null || missing+=(chromium fonts-noto-cjk)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "render-report: installing ${missing[*]} (Debian packages)" >&2
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
url="file://$(realpath "$html")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,4200 \
  --screenshot="$png" "$url" >/dev/null 2>&1
# The report's @page rules give the header (title and fiscal year) and the footer (generation time, page
# number); Chromium's own header and footer (date, file URL) are turned off.
rm -f "$pdf" "${html%.html}"-page-*.png
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >/dev/null 2>&1
[ -s "$pdf" ] || { echo "render-report: chromium printed no PDF for $html" >&2; exit 1; }
pdftoppm -r 50 -png "$pdf" "${html%.html}-page"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
for ((i = 1; i <= pages; i++)); do
  text=$(pdftotext -f "$i" -l "$i" "$pdf" - | tr -d '[:space:]')
  [ -n "$text" ] || { echo "render-report: page $i of $pdf has no text" >&2; exit 1; }
done
if [ "$max_pages" -gt 0 ] && [ "$pages" -gt "$max_pages" ]; then
  echo "render-report: $pdf has $pages pages, more than $max_pages" >&2
  exit 1
fi
python3 - "$png" "${html%.html}"-page-*.png <<'PY'
import struct, sys, zlib

def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    chunks, i = b"", 8
    while i < len(data):
        n = struct.unpack(">I", data[i:i + 4])[0]
        if data[i + 4:i + 8] == b"IDAT":
            chunks += data[i + 8:i + 8 + n]
        i += 12 + n
    return width, height, zlib.decompress(chunks)

shot, *pages = sys.argv[1:]
width, height, raw = pixels(shot)
distinct = len(set(raw[j:j + 3] for j in range(1, min(len(raw), 4_000_000), 97)))
assert width == 1100, f"unexpected width {width}"
assert distinct > 20, f"the page looks blank ({distinct} colours)"
print(f"rendered {shot}: {width}x{height}, {distinct} sampled colours")
for page in pages:
    # The body, between the running header and footer, must have ink: filtered scanlines of white are
    # (almost) only 0x00 and 0xff bytes, anything drawn gives others.
    width, height, raw = pixels(page)
    stride = 1 + width * 3
    body = raw[int(height * 0.08) * stride:int(height * 0.92) * stride]
    ink = sum(1 for b in body[::7] if b not in (0, 255))
    assert ink > 200, f"{page} looks blank between its header and footer ({ink} sampled non-white bytes)"
print(f"printed {len(pages)} pages, none blank")
PY
