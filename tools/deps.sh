#!/usr/bin/env bash
# Installs the Debian packages dhrlint needs to build and test, if missing.
# Sourced by the other tools/ scripts; safe to run twice.
set -euo pipefail
# --test adds: chromium (tests/html_test.cpp renders the HTML report headless) and
# libreoffice-writer-nogui (tests/annotate_test.cpp converts annotated copies).
DHRLINT_PACKAGES=(cmake g++ make pkg-config libpugixml-dev libzip-dev zipcmp zipmerge ziptool
  libicu-dev libre2-dev doctest-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libbenchmark-dev wbritish-large dpkg-dev)
# With --test (tools/test.sh): what the tests that check outputs in other
# programs need. Without them those tests say they were skipped.
if [ "${1:-}" = "--test" ]; then
  DHRLINT_PACKAGES+=(chromium libreoffice-writer-nogui)
fi
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

# The SARIF Multitool (npm @microsoft/sarif-multitool-linux, pinned), which
# tests/cli_test.cpp ("cli: --format sarif ...") runs to validate --format sarif with
# GitHub's rules.
# Installed outside the repository; DHRLINT_TOOLS_DIR moves it.
if [ "${1:-}" = "--test" ]; then
  tools_dir="${DHRLINT_TOOLS_DIR:-${HOME:-/root}/.cache/dhrlint-tools}"
  multitool="$tools_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  if [ ! -x "$multitool" ]; then
    if command -v npm >/dev/null 2>&1; then
      echo "dhrlint: installing the SARIF Multitool (npm) into $tools_dir" >&2
      mkdir -p "$tools_dir"
      npm install --prefix "$tools_dir" --no-audit --no-fund --silent \
        @microsoft/sarif-multitool-linux@5.7.0 >/dev/null 2>&1 || true
      [ -f "$multitool" ] && chmod u+x "$multitool"
    fi
    [ -x "$multitool" ] || echo "dhrlint: no SARIF Multitool (needs npm); its test will be skipped" >&2
  fi
fi
