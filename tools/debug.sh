#!/usr/bin/env bash
# `make debug`: boots the hypervisor in QEMU stopped at the first instruction
# with a GDB stub, and attaches GDB with tools/gdb/xmhf.gdb (symbols of
# build/xmhf-ng.elf, commands hv-cpus, hv-vmcs, hv-exits).
# TCG has no VMX: under it the hypervisor stops after its CPU checks, which is
# enough to debug the loader, relocation and AP start; --accel kvm on a host
# with nested VMX debugs the VMX runtime too.
usage() {
	cat >&2 <<'EOF'
usage: tools/debug.sh [--accel tcg|kvm] [--cpus N] [-c "CMDLINE"] [--disk IMG] [--port N]
                      [--gdb-arg ARG]...
  Defaults: tcg, 1 CPU, guest disk build/guest/debian.img (built if missing),
  port 1234 (or $XMHF_GDB_PORT). Serial log: build/debug/serial.log.
  Start with: hbreak runtime_main   then   continue
EOF
	exit 64
}
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ACCEL=tcg CPUS=1 CMDLINE= DISK=$ROOT/build/guest/debian.img PORT=${XMHF_GDB_PORT:-1234}
GDB_ARGS=()
while [ $# -gt 0 ]; do
	case $1 in
	--accel) ACCEL=$2; shift ;;
	--cpus) CPUS=$2; shift ;;
	-c) CMDLINE=$2; shift ;;
	--disk) DISK=$2; shift ;;
	--port) PORT=$2; shift ;;
	--gdb-arg) GDB_ARGS+=("$2"); shift ;;
	-h|--help) usage ;;
	*) echo "debug: unknown argument $1" >&2; usage ;;
	esac
	[ $# -gt 0 ] || usage
	shift
done
case $ACCEL in
tcg) ACCEL_ARGS=(-accel tcg) ;;
kvm) ACCEL_ARGS=(-enable-kvm -cpu host) ;;
*) usage ;;
esac
for t in qemu-system-x86_64 gdb; do
	command -v $t >/dev/null || { echo "debug: $t missing (run tools/deps.sh)" >&2; exit 1; }
done
[ -f "$ROOT/build/xmhf-ng.elf" ] || { echo "debug: no build/xmhf-ng.elf: run make" >&2; exit 1; }

OUT=$ROOT/build/debug
mkdir -p "$OUT"
"$ROOT/tools/mkboot.sh" -i "$ROOT/build/xmhf-ng.bin" -o "$OUT/boot.iso" ${CMDLINE:+-c "$CMDLINE"}
[ -f "$DISK" ] || "$ROOT/tools/mkguest.sh" -o "$DISK"

qemu-system-x86_64 -m 512 -smp "$CPUS" "${ACCEL_ARGS[@]}" \
	-drive "file=$DISK,format=raw,if=ide,index=0,media=disk" \
	-drive "file=$OUT/boot.iso,format=raw,if=ide,index=2,media=cdrom,readonly=on" \
	-boot d -serial "file:$OUT/serial.log" -display none -monitor none -no-reboot \
	-nodefaults -vga std -S -gdb "tcp:127.0.0.1:$PORT" </dev/null >"$OUT/qemu.log" 2>&1 &
QPID=$!
trap 'kill -KILL $QPID 2>/dev/null || true; wait $QPID 2>/dev/null || true' EXIT
echo "debug: QEMU pid $QPID stopped at reset, GDB stub on port $PORT, serial $OUT/serial.log"
cd "$ROOT"
gdb -q -x tools/gdb/xmhf.gdb -ex "target remote 127.0.0.1:$PORT" "${GDB_ARGS[@]}"
