#!/usr/bin/env bash
# Each layer may include only the layers DESIGN.md lets it use. The link
# lines in src/CMakeLists.txt say the same; this catches header-only leaks.
set -euo pipefail
src=${1:?usage: layering_test.sh SRC_DIR}
declare -A allowed=(
  [domain]="domain"
  [formats]="domain formats"
  [store]="domain store"
  [search]="domain store search"
  [demo]="domain demo"
  [agenda]="domain agenda"
  [scan]="domain formats scan"
  [mail]="domain mail"
  [app]="domain store search formats demo agenda scan mail app"
  [cli]="domain store search formats agenda app http cli"
  [dav]="domain store formats app dav"
  [http]="domain store search formats agenda app dav http"
)
status=0
for layer in "${!allowed[@]}"; do
  [ -d "$src/$layer" ] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    included=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    if ! grep -qw "$included" <<<"${allowed[$layer]}"; then
      echo "layering: $file includes $included/, which $layer/ may not use" >&2
      status=1
    fi
  done < <(grep -rnE '^#include "[a-z_]+/' "$src/$layer" || true)
done
if [ "$status" -eq 0 ]; then echo "layering: every include respects the layers"; fi
exit "$status"
