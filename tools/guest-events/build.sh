#!/usr/bin/env bash
# Builds the guest-events probe disk (this folder's C and assembly on the
# shared boot sector, entry events_main; see tools/guest-boot/build.sh).
# usage: tools/guest-events/build.sh OUT.img
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/guest-events/build.sh OUT.img" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$ROOT/tools/guest-events
exec "$ROOT/tools/guest-boot/build.sh" "$1" events_main \
	"$SRC/events.c" "$SRC/ipi.c" "$SRC/probes.S" \
	"$ROOT/tools/guest-boot/fault.c" "$ROOT/tools/guest-boot/probe.S"
