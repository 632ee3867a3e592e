#!/usr/bin/env bash
# Installs the Debian packages dhrlint needs to build and test, if missing.
# Sourced by the other tools/ scripts; safe to run twice.
set -euo pipefail
DHRLINT_PACKAGES=(cmake g++ make pkg-config libpugixml-dev libzip-dev zipcmp zipmerge ziptool
  libicu-dev libre2-dev doctest-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libbenchmark-dev wbritish-large dpkg-dev libreoffice-writer-nogui)
missing=()
for p in "${DHRLINT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "dhrlint: installing Debian packages: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
