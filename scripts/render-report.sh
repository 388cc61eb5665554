#!/usr/bin/env bash
# Renders an HTML report to PNG with headless Chromium (Debian's `chromium`, installed when missing) and
# checks that it rendered: a PNG of the expected width with more than one colour in it.
# Usage: scripts/render-report.sh out/reports/FY2024/kouka-FY2024.html [out.png]
set -euo pipefail
html=${1:?usage: scripts/render-report.sh REPORT.html [OUT.png]}
png=${2:-${html%.html}.png}
if ! command -v chromium >/dev/null; then
  echo "render-report: installing chromium and Japanese fonts (Debian packages)" >&2
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,4200 \
  --screenshot="$png" "file://$(realpath "$html")" >/dev/null 2>&1
python3 - "$png" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
chunks, i = b"", 8
while i < len(data):
    n = struct.unpack(">I", data[i:i + 4])[0]
    if data[i + 4:i + 8] == b"IDAT":
        chunks += data[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(chunks)
distinct = len(set(raw[j:j + 3] for j in range(1, min(len(raw), 4_000_000), 97)))
assert width == 1100, f"unexpected width {width}"
assert distinct > 20, f"the page looks blank ({distinct} colours)"
print(f"rendered {path}: {width}x{height}, {distinct} sampled colours")
PY
