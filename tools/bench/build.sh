#!/usr/bin/env bash
# Builds the round-trip benchmark guest disk: boot16.S (GNU as) + bench.c
# (gcc -m32, freestanding) linked flat at 0x7c00 by ld, written to the start
# of a one-cylinder disk (16 heads x 63 sectors) with OUT.geom for Bochs.
# usage: tools/bench/build.sh OUT.img
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/bench/build.sh OUT.img" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$ROOT/tools/bench
OUT=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

gcc -m32 -c -I"$ROOT/include" -o "$WORK/boot16.o" "$SRC/boot16.S"
for c in "$SRC"/bench.c "$ROOT"/tools/guest-boot/com1.c; do
	gcc -m32 -std=gnu11 -O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
		-fno-asynchronous-unwind-tables -mgeneral-regs-only -Wall -Wextra -Werror \
		-I"$ROOT/include" -I"$ROOT/runtime" -I"$ROOT/tools/guest-boot" \
		-c -o "$WORK/$(basename "$c" .c).o" "$c"
done
ld -m elf_i386 -T "$SRC/bench.ld" -o "$WORK/bench.bin" "$WORK/boot16.o" "$WORK/bench.o" "$WORK/com1.o"

HEADS=16 SPT=63
size=$(stat -c %s "$WORK/bench.bin")
[ "$size" -le $(( SPT * 512 )) ] || { echo "bench: program over one track ($size bytes)" >&2; exit 1; }
rm -f "$OUT"
truncate -s $(( HEADS * SPT * 512 )) "$OUT"
dd if="$WORK/bench.bin" of="$OUT" conv=notrunc status=none
echo "1 $HEADS $SPT" >"$OUT.geom"
echo "bench: $OUT ($size bytes of program, $(( (size - 512) / 512 )) sectors after the boot sector)"
