#!/usr/bin/env bash
# The Debian package's test (.ci/run): builds it with scripts/build-deb.sh (which fails on lintian
# tags that Packaging/debian/lintian-overrides does not explain), checks its metadata and contents,
# the dates its schedules compute, then unpacks it with dpkg -x into a temporary root and runs the
# sample city with the unpacked jobs: the reports must exist and FY2024's RPA hours must equal
# SampleLogs/expected-hours.json.
#
#   scripts/test-deb.sh                  build the package, then test it
#   KOUKA_TEST_DEB=FILE scripts/test-deb.sh   test a package built before (while changing this test)
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
check() { # check DESCRIPTION COMMAND...: runs the command; a failure is counted and named
  local what=$1; shift
  if "$@" >/dev/null; then echo "ok   $what"; else echo "FAIL $what" >&2; failures=$((failures + 1)); fi
}
has_line() { grep -qxF -- "$2" <<<"$1"; }
has_text() { grep -qF -- "$2" <<<"$1"; }
lacks_text() { ! grep -qF -- "$2" <<<"$1"; }

# jq reads the report; build-deb.sh installs dpkg-dev and lintian (which brings man-db) itself.
if ! command -v jq >/dev/null; then
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends jq >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -n "${KOUKA_TEST_DEB:-}" ]; then
  deb=$KOUKA_TEST_DEB
else
  deb=$(scripts/build-deb.sh "$tmp" | tail -n 1)
fi
[ -f "$deb" ] || { echo "test-deb: build-deb.sh made no package" >&2; exit 1; }
version=$(sed -n 's/^[[:space:]]*package static let current = "\([^"]*\)".*/\1/p' Sources/Kouka/Runtime/Support/KoukaVersion.swift)
check "file name kouka_${version}_amd64.deb" test "$(basename "$deb")" = "kouka_${version}_amd64.deb"

# ---------------------------------------------------------------- metadata (dpkg-deb -I)
info=$(dpkg-deb -I "$deb")
field() { dpkg-deb -f "$deb" "$1"; }
check "Package: kouka" test "$(field Package)" = kouka
check "Version: $version (KoukaVersion.swift)" test "$(field Version)" = "$version"
check "Architecture: amd64" test "$(field Architecture)" = amd64
depends=$(field Depends)
echo "     Depends: $depends"
depends_names=$(sed -e 's/([^)]*)//g' -e 's/[|,]/ /g' <<<"$depends" | tr -s ' ' '\n' | sed '/^$/d')
for package in libc6 libcsv3 libxlsxwriter4 libsqlite3-0 libssl3 libstdc++6 libgcc-s1 adduser; do
  check "Depends names $package" has_line "$depends_names" "$package"
done
check "Depends names no Swift runtime or toolchain" lacks_text "$depends" swift
check "conffiles is /etc/kouka/kouka.toml" test "$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)" = /etc/kouka/kouka.toml
for script in postinst postrm; do
  check "$script is in the package, executable" grep -qE "^ +[0-9]+ bytes, +[0-9]+ lines +\* +$script " <<<"$info"
  dpkg-deb --ctrl-tarfile "$deb" | tar -xO "./$script" >"$tmp/$script"
  check "$script parses (sh -n)" sh -n "$tmp/$script"
done
postinst=$(cat "$tmp/postinst")
check "postinst creates the kouka system user" has_text "$postinst" "adduser --system"
check "postinst makes /var/lib/kouka 0750 kouka:kouka" has_text "$postinst" "install -d -o kouka -g kouka -m 0750"
check "postinst gives the configuration group kouka, mode 0640" has_text "$postinst" 'chmod 0640 "$CONFIG"'
check "postrm never deletes the data, not even on purge" bash -c '! grep -q "rm -rf /var/lib/kouka" "$1" && grep -q "/var/lib/kouka .* is kept" "$1"' _ "$tmp/postrm"

# ---------------------------------------------------------------- contents (dpkg-deb -c)
contents=$(dpkg-deb -c "$deb" | awk '{ print $1, $2, $6 }')
for job in kouka-nightly kouka-report kouka-audit; do
  check "/usr/bin/$job root 0755" has_line "$contents" "-rwxr-xr-x root/root ./usr/bin/$job"
  check "man page $job(1)" has_line "$contents" "-rw-r--r-- root/root ./usr/share/man/man1/$job.1.gz"
done
check "man page kouka.toml(5)" has_line "$contents" "-rw-r--r-- root/root ./usr/share/man/man5/kouka.toml.5.gz"
check "/etc/kouka/kouka.toml root 0640" has_line "$contents" "-rw-r----- root/root ./etc/kouka/kouka.toml"
for unit in kouka-nightly.service kouka-nightly.timer kouka-report-month.service kouka-report-month.timer \
  kouka-report-year-to-date.service kouka-report-year-to-date.timer kouka-report-closing.service \
  kouka-report-closing.timer kouka-report@.service; do
  check "unit $unit" has_line "$contents" "-rw-r--r-- root/root ./usr/lib/systemd/system/$unit"
done
check "cron example" has_line "$contents" "-rw-r--r-- root/root ./usr/share/doc/kouka/examples/kouka.cron.d"
check "copyright" has_line "$contents" "-rw-r--r-- root/root ./usr/share/doc/kouka/copyright"
check "changelog" has_line "$contents" "-rw-r--r-- root/root ./usr/share/doc/kouka/changelog.gz"
check "nothing outside /usr and /etc/kouka" test -z "$(awk '{print $3}' <<<"$contents" | grep -vE '^\./$|^\./usr/|^\./etc/$|^\./etc/kouka/')"

root="$tmp/root"
dpkg -x "$deb" "$root"

# Every library the unpacked jobs load (ldd: libminizip and zlib through libxlsxwriter too) is in a
# package that Depends brings, directly or through the Depends of those packages.
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $depends_names | grep -v '^ ' | sort -u)
for job in kouka-nightly kouka-report kouka-audit; do
  check "$job loads no library that is missing" test -z "$(ldd "$root/usr/bin/$job" | grep 'not found')"
  for library in $(ldd "$root/usr/bin/$job" | awk '$3 ~ /^\// { print $3 }'); do
    # dpkg knows a file by the path its package gives, /lib or /usr/lib, whichever merged /usr shows.
    owner=$( { dpkg -S "$library" || dpkg -S "$(readlink -f "$library")" || true; } 2>/dev/null | head -n 1 | cut -d: -f1)
    check "$job: $(basename "$library") (${owner:-no package}) comes with Depends" has_line "$closure" "${owner:-none}"
  done
done
# A job that glibc before 2.36 cannot load (packed relative relocations, DT_RELR) must not install there.
if readelf -d "$root/usr/bin/kouka-nightly" | grep -q '(RELR)'; then
  check "jobs with packed relocations (DT_RELR): Depends asks libc6 (>= 2.36)" grep -qF 'libc6 (>= 2.36)' <<<"$depends"
fi
for package in libminizip1 zlib1g; do
  check "Depends brings $package" has_line "$closure" "$package"
done

# ---------------------------------------------------------------- configuration and schedules
config=$(cat "$root/etc/kouka/kouka.toml")
check "config: database under /var/lib/kouka" has_line "$config" 'database = "/var/lib/kouka/kouka.sqlite"'
check "config: output under /var/lib/kouka" has_line "$config" 'output = "/var/lib/kouka/reports"'
check "config: catalog absolute" has_line "$config" 'catalog = "/var/lib/kouka/catalog.csv"'
units=$(cat "$root"/usr/lib/systemd/system/kouka-*)
check "no unit appends stdout to a file" lacks_text "$units" "append:"
check "units run the jobs from /usr/bin" test -z "$(grep '^ExecStart=' <<<"$units" | grep -v "/usr/bin/kouka-")"
check "nightly unit writes its summary with --summary" has_text "$units" \
  "ExecStart=/usr/bin/kouka-nightly --config /etc/kouka/kouka.toml --summary /var/lib/kouka/nightly-summary.json"
check "every job unit waits for /var/lib/kouka's volume" \
  test -z "$(grep -L '^RequiresMountsFor=/var/lib/kouka$' "$root"/usr/lib/systemd/system/kouka-*.service)"
check "nightly unit takes exit 1 (findings) as done" grep -qx "SuccessExitStatus=1" "$root/usr/lib/systemd/system/kouka-nightly.service"
check "report units fail on exit 1 (a restated or 速報 set is looked at)" \
  test -z "$(grep -l '^SuccessExitStatus' "$root"/usr/lib/systemd/system/kouka-report*.service)"
cron="$root/usr/share/doc/kouka/examples/kouka.cron.d"
check "cron example pipes nothing (the job's exit code stays cron's)" test -z "$(grep -E '^[0-9*]' "$cron" | grep '|')"
check "cron nightly writes its summary with --summary" grep -qF -- "--summary /var/lib/kouka/nightly-summary.json" "$cron"

# Each schedule's command, with date(1) answering for a given day and the job replaced by echo: the
# arguments it would get. Units are unescaped as systemd does ($$ → $, %% → %), cron lines as cron
# does (\% → %).
mkdir -p "$tmp/fake"
cat >"$tmp/fake/date" <<EOF
#!/bin/sh
# date(1) on KOUKA_TEST_TODAY: "date +FMT" prints that day; "date -d EXPR" is left to the real date.
case "\$1" in -d) exec $(command -v date) "\$@" ;; *) exec $(command -v date) -d "\$KOUKA_TEST_TODAY" "\$@" ;; esac
EOF
chmod +x "$tmp/fake/date"
unit_args() { # unit_args UNIT DAY
  local command
  command=$(sed -n 's/^ExecStart=//p' "$root/usr/lib/systemd/system/$1" | sed -e 's/\$\$/$/g' -e 's/%%/%/g' \
    -e "s|^/bin/sh -c '||" -e "s|'\$||" -e 's|exec /usr/bin/kouka-report|echo|')
  KOUKA_TEST_TODAY=$2 PATH="$tmp/fake:$PATH" sh -c "$command"
}
cron_args() { # cron_args 'MINUTE HOUR DAY MONTH' DAY
  local command
  command=$(grep -E "^$1 " "$cron" | sed -e 's/^\([^ ]* *\)\{5\}kouka *//' -e 's/\\%/%/g' \
    -e 's|systemd-cat -t kouka-report kouka-report|echo|')
  KOUKA_TEST_TODAY=$2 PATH="$tmp/fake:$PATH" sh -c "$command"
}
expect_args() { # expect_args WHAT EXPECTED ACTUAL
  check "$1: $2" test "$3" = "--config /etc/kouka/kouka.toml $2"
}
for day_month in "2025-04-01 2025-03" "2025-05-01 2025-04" "2025-01-01 2024-12" "2025-03-31 2025-02"; do
  set -- $day_month
  expect_args "month unit on $1" "--month $2" "$(unit_args kouka-report-month.service "$1")"
  expect_args "month cron on $1" "--month $2" "$(cron_args '0 4 1 \*' "$1")"
done
# The month made again on the 10th, settled (PeriodSettling): the month before, also in January and April.
for day_month in "2025-04-10 2025-03" "2025-01-10 2024-12" "2025-03-10 2025-02"; do
  set -- $day_month
  expect_args "month unit on $1" "--month $2" "$(unit_args kouka-report-month.service "$1")"
  expect_args "settled month cron on $1" "--month $2" "$(cron_args '0 5 10 \*' "$1")"
done
for day_year in "2025-04-01 2024" "2025-05-01 2025" "2026-01-01 2025" "2026-03-01 2025"; do
  set -- $day_year
  expect_args "year-to-date unit on $1" "--fiscal-year $2" "$(unit_args kouka-report-year-to-date.service "$1")"
  expect_args "year-to-date cron on $1" "--fiscal-year $2" "$(cron_args '30 4 1 \*' "$1")"
done
for day_year in "2025-04-10 2024" "2025-06-20 2024" "2026-02-01 2024"; do
  set -- $day_year
  expect_args "closing unit on $1" "--fiscal-year $2" "$(unit_args kouka-report-closing.service "$1")"
  expect_args "closing cron on $1" "--fiscal-year $2" "$(cron_args '0 5 10 4' "$1")"
done

# ---------------------------------------------------------------- man pages
for job in kouka-nightly kouka-report kouka-audit; do
  page=$(MANWIDTH=200 man -l "$root/usr/share/man/man1/$job.1.gz" 2>&1)
  help=$(env -i PATH=/usr/bin:/bin "$root/usr/bin/$job" --help 2>&1)
  subcommands=$(sed -n '/^SUBCOMMANDS:/,/^$/p' <<<"$help" | awk 'NR > 1 && /^  [a-z]/ { print $1 }')
  for subcommand in "" $subcommands; do
    [ -z "$subcommand" ] || help=$(env -i PATH=/usr/bin:/bin "$root/usr/bin/$job" "$subcommand" --help 2>&1)
    [ -z "$subcommand" ] || check "man $job has the subcommand $subcommand" grep -qE "^ +$subcommand( |$)" <<<"$page"
    for option in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
      check "man $job ${subcommand:+$subcommand }lists $option as --help does" has_text "$page" "$option"
    done
  done
done
check "man 5 kouka.toml renders without warnings" test -z "$(man --warnings -l "$root/usr/share/man/man5/kouka.toml.5.gz" 2>&1 >/dev/null)"

# ---------------------------------------------------------------- the sample city, unpacked jobs
city="$tmp/city"
mkdir -p "$city"
cp -R SampleLogs "$city/SampleLogs"
run() { env -i PATH=/usr/bin:/bin HOME="$tmp" "$root/usr/bin/$@"; }
set +e
run kouka-nightly --config "$city/SampleLogs/kouka.toml" >"$tmp/nightly.json" 2>"$tmp/nightly.log"
nightly=$?
set -e
check "unpacked kouka-nightly ran the sample city (exit $nightly: 0 or 1)" test "$nightly" -le 1
[ "$nightly" -le 1 ] || tail -n 20 "$tmp/nightly.log" >&2
run_into() { local summary=$1; shift; run "$@" >"$summary"; }
check "unpacked kouka-report --fiscal-year 2024" \
  run_into "$tmp/report.json" kouka-report --config "$city/SampleLogs/kouka.toml" --fiscal-year 2024 --quiet
check "unpacked kouka-report --month 2024-05" \
  run_into "$tmp/month.json" kouka-report --config "$city/SampleLogs/kouka.toml" --month 2024-05 --quiet
check "unpacked kouka-audit verify" \
  run_into "$tmp/verify.json" kouka-audit verify --config "$city/SampleLogs/kouka.toml" --quiet
# The nightly unit's own command line, pointed at the sample city: the summary it names is one JSON
# document after each of two runs, and the history gets a line per run.
if run kouka-nightly --help 2>&1 | grep -qF -- "--summary"; then
  command=$(sed -n 's/^ExecStart=//p' "$root/usr/lib/systemd/system/kouka-nightly.service" \
    | sed -e "s|/usr/bin/|$root/usr/bin/|" -e "s|/etc/kouka/kouka.toml|$city/SampleLogs/kouka.toml|" \
          -e "s|/var/lib/kouka/|$tmp/|")
  for night in 1 2; do
    set +e; env -i PATH=/usr/bin:/bin $command >/dev/null 2>&1; code=$?; set -e
    check "nightly unit's command, night $night (exit $code: 0 or 1)" test "$code" -le 1
    check "nightly unit's summary is one JSON document after night $night" jq -e .exitCode "$tmp/nightly-summary.json"
  done
  check "nightly unit's summary history has a line per run" test "$(wc -l <"$tmp/nightly-summary.json.jsonl")" -eq 2
else
  echo "skip nightly unit's command: this kouka-nightly has no --summary yet (branch serverrun adds it)"
fi

reports="$city/out/reports"
for file in FY2024/kouka-FY2024.html FY2024/kouka-FY2024.xlsx FY2024/kouka-FY2024.json FY2024/kouka-FY2024.md \
  FY2024/SHA256SUMS 2024-05/SHA256SUMS; do
  check "report $file" test -s "$reports/$file"
done
check "FY2024 report set checks (sha256sum -c)" sh -c "cd '$reports/FY2024' && sha256sum --quiet -c SHA256SUMS"
rpa() { jq -r '.targets[] | select(.metric == "rpa-hours") | .actual' "$reports/FY2024/kouka-FY2024.json"; }
expected=$(jq -r '.rpaHoursByFiscalYear["2024"]' SampleLogs/expected-hours.json)
actual=$(rpa 2>/dev/null || echo "none")
check "FY2024 RPA hours $actual = expected $expected" \
  jq -en --arg a "$actual" --argjson e "$expected" '($a | tonumber) - $e | (if . < 0 then -. else . end) < 0.005'

if [ "$failures" -gt 0 ]; then
  echo "test-deb: $failures check(s) failed" >&2
  exit 1
fi
echo "test-deb: all checks passed ($(basename "$deb"))"
