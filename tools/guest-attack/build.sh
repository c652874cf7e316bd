#!/usr/bin/env bash
# Builds the attack guest disk (this folder's C and assembly on the shared
# boot sector, entry attack_entry; see tools/guest-boot/build.sh). With
# ATTACK names, only those attacks run (in the guest's fixed order); without,
# all of them. Names: see the attacks[] table in attack.c.
# usage: tools/guest-attack/build.sh OUT.img [ATTACK...]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: tools/guest-attack/build.sh OUT.img [ATTACK...]" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$ROOT/tools/guest-attack
OUT=$1
shift
for a in "$@"; do
	grep -q "{ \"$a\"," "$SRC/attack.c" || { echo "guest-attack: unknown attack $a" >&2; exit 64; }
done
SEL=$(mktemp -d)
trap 'rm -rf "$SEL"' EXIT
echo "const char attack_selection[] = \"$*\";" >"$SEL/selection.c"
"$ROOT/tools/guest-boot/build.sh" "$OUT" attack_entry \
	"$SRC/lowlevel.S" "$SRC/attack.c" "$SEL/selection.c" "$ROOT/tools/guest-boot/probe.S"
