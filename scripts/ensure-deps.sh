#!/usr/bin/env bash
# Installs the C libraries Kouka links against (Debian packages) when they are missing.
# Safe to run every time: it does nothing when both headers are present.
set -euo pipefail

missing=()
[ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/xlsxwriter.h ] || missing+=(libxlsxwriter-dev)
[ -f /usr/include/openssl/sha.h ] || missing+=(libssl-dev)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "kouka: installing ${missing[*]} (Debian packages)" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "kouka: run as root or install sudo to install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
