#!/usr/bin/env bash
# Builds one of our boot-sector test guests: the boot sector of
# tools/bench/boot16.S (INT 13h load, flat 32-bit protected mode, then a call
# to bench_main, bound to ENTRY) + the given C/assembly files + com1.c
# (probe.S and fault.c here are for the guests that list them),
# linked flat at 0x7c00 by tools/bench/bench.ld and written to the start of a
# one-cylinder disk (16 heads x 63 sectors) with OUT.geom for Bochs.
# usage: tools/guest-boot/build.sh OUT.img ENTRY FILE.c|FILE.S...
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: tools/guest-boot/build.sh OUT.img ENTRY FILE..." >&2; exit 64; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/tools/bench
OUT=$1 ENTRY=$2
shift 2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

objs=("$WORK/boot16.o")
gcc -m32 -c -I"$ROOT/include" -o "$WORK/boot16.o" "$BENCH/boot16.S"
n=0
for f in "$@" "$ROOT/tools/guest-boot/com1.c"; do
	n=$((n + 1))
	o=$WORK/$n-$(basename "${f%.*}").o	# numbered: two folders may share a name
	case $f in
	*.S) gcc -m32 -c -I"$ROOT/include" -I"$ROOT/runtime" -I"$ROOT/tools/guest-boot" -o "$o" "$f" ;;
	*) gcc -m32 -std=gnu11 -O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
		-fno-asynchronous-unwind-tables -mgeneral-regs-only -Wall -Wextra -Werror \
		-I"$ROOT/include" -I"$ROOT/runtime" -I"$ROOT/tools/guest-boot" -c -o "$o" "$f" ;;
	esac
	objs+=("$o")
done
defsym=()
[ "$ENTRY" = bench_main ] || defsym=(--defsym "bench_main=$ENTRY")
ld -m elf_i386 -T "$BENCH/bench.ld" "${defsym[@]}" -o "$WORK/guest.bin" "${objs[@]}"

HEADS=16 SPT=63
size=$(stat -c %s "$WORK/guest.bin")
[ "$size" -le $(( SPT * 512 )) ] || { echo "guest-boot: program over one track ($size bytes)" >&2; exit 1; }
rm -f "$OUT"
truncate -s $(( HEADS * SPT * 512 )) "$OUT"
dd if="$WORK/guest.bin" of="$OUT" conv=notrunc status=none
echo "1 $HEADS $SPT" >"$OUT.geom"
echo "guest-boot: $OUT ($size bytes of program, $(( (size - 512) / 512 )) sectors after the boot sector)"
