#!/usr/bin/env bash
# Builds the round-trip benchmark guest disk (bench.c on the shared boot
# sector, see tools/guest-boot/build.sh).
# usage: tools/bench/build.sh OUT.img
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/bench/build.sh OUT.img" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
exec "$ROOT/tools/guest-boot/build.sh" "$1" bench_main "$ROOT/tools/bench/bench.c"
