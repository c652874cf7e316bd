#!/usr/bin/env bash
# Builds the guest-arch probe disk (this folder's C and assembly on the shared
# boot sector, entry arch_main; see tools/guest-boot/build.sh). The xAPIC ICR
# store is tools/guest-events/ipi.c's; fault.c and probe.S are tools/guest-boot's.
# usage: tools/guest-arch/build.sh OUT.img
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/guest-arch/build.sh OUT.img" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$ROOT/tools/guest-arch
exec "$ROOT/tools/guest-boot/build.sh" "$1" arch_main \
	"$SRC/arch.c" "$SRC/smp.c" "$SRC/trap.c" "$SRC/probes.S" "$ROOT/tools/guest-events/ipi.c" \
	"$ROOT/tools/guest-boot/fault.c" "$ROOT/tools/guest-boot/probe.S"
