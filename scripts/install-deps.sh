#!/usr/bin/env bash
# Installs the Debian 12 packages kith needs to build, test and benchmark.
# PostgreSQL 15 is for the shared store (pg_prove, from its own package since
# recommends are not installed, runs the pgTAP policy tests): the tests start throwaway clusters
# of it (scripts/pg-throwaway.sh) on a free port and never use the `15/main`
# cluster Debian's package may create and start on its own.
# Idempotent: asks apt only for what is missing, and runs apt-get update only
# then. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libsqlite3-dev sqlite3
  postgresql-15 libpq-dev postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
  libexpected-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  libphonenumber-dev libprotobuf-dev libicu-dev libstemmer-dev
  libxlsxwriter-dev libminizip-dev libpugixml-dev zlib1g-dev
  python3 khard python3-vobject vdirsyncer
  libcurl4-openssl-dev python3-icalendar python3-aiosmtpd
  libcpp-httplib-dev libargon2-dev libsodium-dev libssl-dev openssl
  libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-spa
  tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-osd tesseract-ocr-script-latn publicsuffix libzbar-dev libqrencode-dev libheif-dev
  imagemagick fonts-dejavu-core fonts-dejavu-extra fonts-liberation2 fonts-lato zbar-tools
  chromium
  libgtest-dev libgmock-dev libbenchmark-dev
  fiu-utils libfiu-dev
  iproute2
  clang-format clang-tidy
)
# The web app is built with npm. Machines that already carry Node.js (often
# from NodeSource, which bundles npm) keep it; others get Debian's. The npm
# packages, the tsdav CardDAV client of tests/dav/tsdav_test.mjs among them,
# are web/package.json's, installed by scripts/build-web.sh (`npm ci`).
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
# Only the benchmarks need these (the peers, and timing tools; radicale is
# the CardDAV server bench/dav/compare.py measures kith against).
if [ "${KITH_DEPS_BENCH:-0}" = "1" ]; then
  packages+=(khard hyperfine time jq python3 wrk radicale curl)
fi

# Only `make fuzz` needs these: clang with libFuzzer and the sanitizer runtimes
# (`make test` replays the fuzz corpora with g++).
if [ "${KITH_DEPS_FUZZ:-0}" = "1" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
