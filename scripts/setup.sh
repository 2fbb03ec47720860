#!/usr/bin/env bash
# Set-up for bcid-aes: installs what the machine lacks, then the npm packages, then builds.
# Works as root on a fresh Debian 12 (through apt-get) and on a developer laptop
# that already has the libraries (it then installs nothing system-wide).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

missing=()
# canvas (under chartjs-node-canvas) compiles from source against Cairo and Pango:
# no prebuilt binary can be downloaded on a closed network.
if ! pkg-config --exists cairo pangocairo libjpeg librsvg-2.0 2>/dev/null; then
  missing+=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev)
fi
command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# Chromium prints the PDF dossier; poppler checks it in the tests.
if ! [ -x /usr/lib/chromium/chromium ] && ! command -v chromium >/dev/null 2>&1 && [ -z "${BCID_CHROMIUM:-}" ]; then
  missing+=(chromium)
fi
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'DejaVu Sans' || missing+=(fonts-dejavu-core fontconfig)

if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing system packages: ${missing[*]}"
    say "on Debian/Ubuntu: sudo apt-get install ${missing[*]}"
    say "on macOS: brew install pkg-config cairo pango libpng jpeg giflib librsvg poppler; set BCID_CHROMIUM to a Chrome binary"
    exit 1
  fi
fi

# Without a configured nodedir, node-gyp downloads Node headers from the internet;
# Debian's nodejs ships them in /usr/include/node.
if [ -z "${npm_config_nodedir:-}" ] && ! npm config get nodedir 2>/dev/null | grep -q '^/' && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

say "installing npm packages (npm ci)"
npm ci --no-audit --no-fund --loglevel=error
say "building (tsc)"
npm run --silent build
say "ready: ./bin/bcid.js --help"
