#!/usr/bin/env bash
# `make run`: build the default Debian guest disk and the boot ISO, boot the
# hypervisor with the guest in Bochs (or QEMU+KVM where /dev/kvm exists and
# the host has VMX), and show the serial console live until the guest's
# marker line (or a failure, or the timeout).
# Environment: CPUS (default 2), TIMEOUT (default 600 s), XMHF_CMDLINE (extra
# hypervisor options, e.g. trace=exits), EMULATOR=bochs|qemu (default: auto),
# MODEL (Bochs CPU model, read by tools/bochs-run.sh; default Westmere).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CPUS=${CPUS:-2}
TIMEOUT=${TIMEOUT:-600}
OUT=$ROOT/build/run-main
mkdir -p "$OUT"

disk=$ROOT/build/guest/debian.img
"$ROOT/tools/mkguest.sh" -o "$disk"
"$ROOT/tools/mkboot.sh" -i "$ROOT/build/xmhf-ng.bin" -o "$OUT/boot.iso" -c "${XMHF_CMDLINE:-}"

emulator=${EMULATOR:-}
if [ -z "$emulator" ]; then
	if [ -w /dev/kvm ] && grep -q -w vmx /proc/cpuinfo; then emulator=qemu; else emulator=bochs; fi
fi
serial=$OUT/serial.log
: >"$serial"
echo "== xmhf-ng: booting in $emulator${MODEL:+ ($MODEL)} with $CPUS CPUs; serial console follows (log: $serial)"
tail -n +1 -F "$serial" 2>/dev/null &
tailpid=$!
trap 'kill $tailpid 2>/dev/null || true' EXIT
rc=0
"$ROOT/tools/$emulator-run.sh" --disk "$disk" --cdrom "$OUT/boot.iso" --cpus "$CPUS" \
	--serial "$serial" --timeout "$TIMEOUT" \
	--expect "XMHF-GUEST: MARKER cpus_online=$CPUS done" >"$OUT/runner.log" 2>&1 || rc=$?
sleep 1
kill $tailpid 2>/dev/null || true
echo
cat "$OUT/runner.log"
exit $rc
