#!/usr/bin/env bash
# `make run`: build the default Debian guest disk and the boot ISO, boot the
# hypervisor with the guest in Bochs (or QEMU+KVM where /dev/kvm exists and
# the host has VMX), and show the serial console live until the guest's
# marker line (or a failure, or the timeout).
# `make run GUEST=full`: the whole Debian 12 system (tools/mkguest.sh -g full)
# instead, shown up to its serial getty's login prompt.
# Environment: GUEST=busybox|full (default busybox), CPUS (default 2),
# TIMEOUT (default 600 s; full: 1200 s), XMHF_CMDLINE (extra
# hypervisor options, e.g. trace=exits), EMULATOR=bochs|qemu (default: auto),
# MODEL (Bochs CPU model, read by tools/bochs-run.sh; default Westmere).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CPUS=${CPUS:-2}
GUEST=${GUEST:-busybox}
OUT=$ROOT/build/run-main
mkdir -p "$OUT"

case $GUEST in
busybox)
	disk=$ROOT/build/guest/debian.img
	TIMEOUT=${TIMEOUT:-600}
	expect="XMHF-GUEST: MARKER cpus_online=$CPUS done" ;;
full)
	disk=$ROOT/build/guest/debian-full.img
	TIMEOUT=${TIMEOUT:-1200}
	# agetty writes /etc/issue ("Debian GNU/Linux 12 HOST ttyS0") and the
	# login prompt together; the prompt has no newline to match on.
	expect='^Debian GNU/Linux 12 .* ttyS0' ;;
*) echo "run: unknown GUEST=$GUEST (busybox or full)" >&2; exit 2 ;;
esac
"$ROOT/tools/mkguest.sh" -g "$GUEST" -o "$disk"
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
	--expect "$expect" >"$OUT/runner.log" 2>&1 || rc=$?
sleep 1
kill $tailpid 2>/dev/null || true
echo
cat "$OUT/runner.log"
exit $rc
