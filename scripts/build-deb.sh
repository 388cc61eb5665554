#!/usr/bin/env bash
# Builds kouka_<version>_amd64.deb (make deb) from the release build, then runs lintian on it.
# The version is the one the reports state (Sources/Kouka/Runtime/Support/KoukaVersion.swift).
#
#   scripts/build-deb.sh [OUTPUT-FOLDER]     (default: the repository's root)
#
# Environment: KOUKA_MAINTAINER ("Name <address>") for the Maintainer field and changelog;
# KOUKA_BUILD_LOCK, a file that serialises swift builds on a shared machine (flock), if it exists;
# KOUKA_DEB_SCRATCH, a build folder for the release build other than SwiftPM's .build, which a running build or
# test holds locked (.ci/run builds the package beside the tests this way);
# SOURCE_DATE_EPOCH (default: the last commit's time) for reproducible file times and man page dates.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
mkdir -p "${1:-.}"
out_dir=$(cd "${1:-.}" && pwd)

fail() { echo "build-deb: $*" >&2; exit 1; }

# ---------------------------------------------------------------- tools, on a new machine too
scripts/ensure-deps.sh
missing=()
command -v dpkg-deb >/dev/null || missing+=(dpkg)
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)
command -v lintian >/dev/null || missing+=(lintian)
command -v strip >/dev/null || missing+=(binutils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-deb: installing ${missing[*]} (Debian packages)" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "run as root or install sudo to install ${missing[*]}"
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- version, maintainer, dates
version_file=Sources/Kouka/Runtime/Support/KoukaVersion.swift
version=$(sed -n 's/^[[:space:]]*package static let current = "\([^"]*\)".*/\1/p' "$version_file")
[ -n "$version" ] || fail "no 'package static let current = \"…\"' in $version_file"
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~]*$ ]] || fail "version '$version' in $version_file is not a Debian version (digits first; letters, digits, . + ~)"
maintainer=${KOUKA_MAINTAINER:-Kouka maintainers <kouka@city.example.jp>}
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH
export LC_ALL=C.UTF-8 TZ=UTC

deb="$out_dir/kouka_${version}_amd64.deb"
work=.build/deb
pkg="$work/kouka_${version}_amd64"
rm -rf "$work" "$deb"
mkdir -p "$work"

# The Swift runtime linked in: the server needs no Swift toolchain. PIE and RELRO as Swift links
# them, and bind-now, as Debian hardens its own packages.
build_flags=(-c release --static-swift-stdlib -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now)
lock=(); [ -n "${KOUKA_BUILD_LOCK:-}" ] && lock=(flock "$KOUKA_BUILD_LOCK")
[ -n "${KOUKA_DEB_SCRATCH:-}" ] && build_flags+=(--scratch-path "$KOUKA_DEB_SCRATCH")
jobs=(kouka-nightly kouka-report kouka-audit)

# ---------------------------------------------------------------- the release build
"${lock[@]}" swift build "${build_flags[@]}" >&2
bin=$(swift build "${build_flags[@]}" --show-bin-path)
for job in "${jobs[@]}"; do
  [ -x "$bin/$job" ] || fail "$bin/$job was not built"
  if ldd "$bin/$job" | grep -q 'libswift\|libFoundation\|lib_Foundation'; then
    fail "$job links the Swift runtime dynamically; it must be built with --static-swift-stdlib"
  fi
done

# ---------------------------------------------------------------- man pages
# The jobs' pages come from their argument definitions (JobCommand), so they cannot drift from --help:
# each packaged binary writes its own page. kouka.toml(5) is written by hand from the README.
man_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
mkdir -p "$work/man"
for job in "${jobs[@]}"; do
  "$bin/$job" --manual-page "$man_date" > "$work/man/$job.1"
  [ -s "$work/man/$job.1" ] || fail "$job --manual-page wrote no $job.1"
done

# ---------------------------------------------------------------- the tree
install -d -m 0755 "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/lib/systemd/system" \
  "$pkg/usr/share/doc/kouka/examples" "$pkg/usr/share/man/man1" "$pkg/usr/share/man/man5" \
  "$pkg/usr/share/lintian/overrides" "$pkg/etc/kouka"
for job in "${jobs[@]}"; do
  install -m 0755 "$bin/$job" "$pkg/usr/bin/$job"
  # As dh_strip does: the symbols stay in the build, not on the server.
  strip --remove-section=.comment --remove-section=.note --strip-unneeded "$pkg/usr/bin/$job"
  gzip -9n < "$work/man/$job.1" > "$pkg/usr/share/man/man1/$job.1.gz"
done
install -m 0644 Packaging/systemd/*.service Packaging/systemd/*.timer "$pkg/usr/lib/systemd/system/"
install -m 0644 Packaging/cron/kouka "$pkg/usr/share/doc/kouka/examples/kouka.cron.d"
install -m 0644 Packaging/debian/copyright "$pkg/usr/share/doc/kouka/copyright"
sed -e "s/@VERSION@/$version/g" -e "s/@MAINTAINER@/$maintainer/g" \
    -e "s/@DATE@/$(date -u -R -d "@$SOURCE_DATE_EPOCH")/g" Packaging/debian/changelog.in \
  | gzip -9n > "$pkg/usr/share/doc/kouka/changelog.gz"
gzip -9n < Packaging/man/kouka.toml.5 > "$pkg/usr/share/man/man5/kouka.toml.5.gz"
install -m 0644 Packaging/debian/lintian-overrides "$pkg/usr/share/lintian/overrides/kouka"
# root:root 0640 in the package; postinst gives it group kouka, which does not exist before.
install -m 0640 Packaging/kouka.toml "$pkg/etc/kouka/kouka.toml"
install -m 0644 Packaging/debian/conffiles "$pkg/DEBIAN/conffiles"
install -m 0755 Packaging/debian/postinst Packaging/debian/postrm "$pkg/DEBIAN/"

# ---------------------------------------------------------------- Depends
# The shared libraries the stripped jobs need, with the versions their symbols require, as
# dpkg-shlibdeps computes them for any Debian package (libminizip1 and zlib1g come through
# libxlsxwriter's own Depends); plus adduser, which postinst uses. Not tzdata: the zones come from the
# ICU data linked into Foundation.
mkdir -p "$work/shlibs/debian"
printf 'Source: kouka\n\nPackage: kouka\nArchitecture: amd64\n' > "$work/shlibs/debian/control"
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O "${jobs[@]/#/$root_dir/$pkg/usr/bin/}" 2>"$root_dir/$work/shlibdeps.log") \
  || { cat "$work/shlibdeps.log" >&2; fail "dpkg-shlibdeps failed"; }
shlibs=${shlibs#shlibs:Depends=}
[ -n "$shlibs" ] || fail "dpkg-shlibdeps found no library dependency"
# Jobs linked with packed relative relocations (DT_RELR, see packedRelocations in Package.swift) need glibc 2.36 to load
# at all: dpkg-shlibdeps counts only the symbols they take from it, which older glibc has.
if readelf -d "$pkg/usr/bin/kouka-nightly" | grep -q '(RELR)'; then
  libc=$(grep -o 'libc6 ([^)]*)' <<<"$shlibs" | sed 's/libc6 (>= \(.*\))/\1/')
  [ -n "$libc" ] || fail "dpkg-shlibdeps gave no versioned libc6 dependency: $shlibs"
  if dpkg --compare-versions "$libc" lt 2.36; then shlibs=${shlibs/"libc6 (>= $libc)"/"libc6 (>= 2.36)"}; fi
fi
depends="$shlibs, adduser"

# md5sums of every file but the conffile, as dh_md5sums writes them.
(cd "$pkg" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/md5sums"
installed_size=$(du -k -s --apparent-size --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@MAINTAINER@/$maintainer/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
    -e "s/@DEPENDS@/$depends/" Packaging/debian/control.in > "$pkg/DEBIAN/control"
chmod 0644 "$pkg/DEBIAN/control"

# Every folder 0755 whatever the builder's umask (files got their modes from install -m).
find "$pkg" -type d -exec chmod 0755 {} +
# xz's fastest preset: the three static jobs are 190 MB, which the default preset took 49 s to pack into 49 MB on a
# 2-core machine, and preset 1 takes 15 s for 57 MB.
dpkg-deb --root-owner-group -Zxz -z1 --build "$pkg" "$deb" >&2

# ---------------------------------------------------------------- lintian
# The tags Kouka accepts are overridden in the package, each with its reason
# (Packaging/debian/lintian-overrides); anything else fails the build.
if ! lintian --fail-on error,warning --display-info --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1; then
  cat "$work/lintian.log" >&2
  fail "lintian found tags that Packaging/debian/lintian-overrides does not explain"
fi
sed 's/^/lintian: /' "$work/lintian.log" >&2
echo "$deb"
