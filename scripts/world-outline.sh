#!/usr/bin/env bash
# Regenerates crates/serve/assets/world.svg, the map's world outline, from Natural Earth's
# 1:110m countries (public domain) as published in the npm package world-atlas 2.0.2 (ISC).
# Needs npm (to fetch the package) and python3; run once, commit the output. The Rust build
# never needs Node.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 > /dev/null && tar xzf world-atlas-2.0.2.tgz)
python3 "$root/scripts/world_outline.py" "$work/package/countries-110m.json" \
  > "$root/crates/serve/assets/world.svg"
echo "wrote crates/serve/assets/world.svg ($(wc -c < "$root/crates/serve/assets/world.svg") bytes)"
