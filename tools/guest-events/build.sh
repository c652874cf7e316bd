#!/usr/bin/env bash
# Builds the guest-events probe disk: the boot sector of tools/bench/boot16.S
# (INT 13h load, flat 32-bit mode, then a call to bench_main, here bound to
# events_main) + this folder's C and assembly, linked flat at 0x7c00 by
# tools/bench/bench.ld, written to the start of a one-cylinder disk (16 heads
# x 63 sectors) with OUT.geom for Bochs.
# usage: tools/guest-events/build.sh OUT.img
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/guest-events/build.sh OUT.img" >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$ROOT/tools/guest-events
BENCH=$ROOT/tools/bench
OUT=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

gcc -m32 -c -I"$ROOT/include" -o "$WORK/boot16.o" "$BENCH/boot16.S"
gcc -m32 -c -o "$WORK/probes.o" "$SRC/probes.S"
for c in "$SRC"/events.c "$SRC"/trap.c "$SRC"/ipi.c "$ROOT"/tools/guest-boot/com1.c; do
	gcc -m32 -std=gnu11 -O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
		-fno-asynchronous-unwind-tables -mgeneral-regs-only -Wall -Wextra -Werror \
		-I"$ROOT/include" -I"$ROOT/runtime" -I"$ROOT/tools/guest-boot" \
		-c -o "$WORK/$(basename "$c" .c).o" "$c"
done
ld -m elf_i386 -T "$BENCH/bench.ld" --defsym bench_main=events_main -o "$WORK/events.bin" \
	"$WORK/boot16.o" "$WORK"/{events,trap,ipi,com1,probes}.o

HEADS=16 SPT=63
size=$(stat -c %s "$WORK/events.bin")
[ "$size" -le $(( SPT * 512 )) ] || { echo "guest-events: program over one track ($size bytes)" >&2; exit 1; }
rm -f "$OUT"
truncate -s $(( HEADS * SPT * 512 )) "$OUT"
dd if="$WORK/events.bin" of="$OUT" conv=notrunc status=none
echo "1 $HEADS $SPT" >"$OUT.geom"
echo "guest-events: $OUT ($size bytes of program)"
