#!/usr/bin/env bash
# Builds the console-attack guest disk (console.c + string_io.S with the
# #UD/#GP recorder and the VMCALL probe of tools/guest-boot on the shared boot sector,
# entry console_main; see tools/guest-boot/build.sh).
# usage: tools/guest-console/build.sh OUT.img
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/guest-console/build.sh OUT.img" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$ROOT/tools/guest-console
exec "$ROOT/tools/guest-boot/build.sh" "$1" console_main \
	"$SRC/console.c" "$SRC/string_io.S" "$ROOT/tools/guest-boot/fault.c" \
	"$ROOT/tools/guest-boot/probe.S"
