#!/usr/bin/env bash
# Builds the web app (web/, TypeScript + Preact) with Vite into OUT_DIR.
# Installs the pinned npm packages (package-lock.json) when they changed.
set -euo pipefail
out=${1:?usage: build-web.sh OUT_DIR}
cd "$(dirname "$0")/../web"
stamp=node_modules/.kith-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
npm run --silent typecheck
KITH_WEB_OUT="$out" npx --no-install vite build --logLevel warn
