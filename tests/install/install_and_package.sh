#!/usr/bin/env bash
# tests/install/install_and_package.sh BUILD_DIR VERSION: what a CI job without
# a compiler relies on. `cmake --install` puts a working dhrlint under a
# prefix; `cpack` builds a Debian package that names dhrlint, this version and
# the shared libraries it needs, and holds the binary and the documentation.
set -euo pipefail
build="$1"; version="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
"$work/prefix/bin/dhrlint" --version | grep -qx "dhrlint $version"
test -f "$work/prefix/share/doc/dhrlint/README.md"
test -f "$work/prefix/share/doc/dhrlint/CHANGELOG.md"

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/deb" >/dev/null)
deb="$(ls "$work"/deb/dhrlint_*.deb)"
info="$(dpkg-deb --info "$deb")"
grep -q "Package: dhrlint" <<<"$info"
grep -q "Version: $version" <<<"$info"
for lib in libicu libre2 libpugixml libzip libtomlplusplus; do
  grep -q "Depends:.*$lib" <<<"$info" || { echo "the package does not depend on $lib"; exit 1; }
done
contents="$(dpkg-deb --contents "$deb")"
grep -q "./usr/bin/dhrlint$" <<<"$contents"
grep -q "./usr/share/doc/dhrlint/CHANGELOG.md$" <<<"$contents"
echo "installed and packaged dhrlint $version: $(basename "$deb")"
