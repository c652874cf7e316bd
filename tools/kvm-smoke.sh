#!/usr/bin/env bash
# Smoke test on real VT-x through nested KVM: boots the hypervisor's boot ISO
# and the Debian guest disk in QEMU/KVM with two CPU profiles, `-cpu host` and
# `-cpu Westmere,vmx=on` (the model Bochs emulates), each to the guest's marker.
# Needs /dev/kvm, a host CPU with VMX and kvm_intel's nested=Y; otherwise
# prints one line "skipped: REASON" and exits 77.
usage() {
	cat >&2 <<'EOF'
usage: tools/kvm-smoke.sh [--iso ISO] [--disk IMG] [--cpus N] [--timeout S]
  --iso      boot ISO (default: built from build/xmhf-ng.bin by tools/mkboot.sh)
  --disk     guest disk (default build/guest/debian.img, built if missing)
  --cpus     guest CPUs (default 2)   --timeout  seconds per profile (default 180)
exit: 0 both profiles reached the marker, 1 a profile failed, 77 skipped
EOF
	exit 64
}
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ISO= DISK=$ROOT/build/guest/debian.img CPUS=2 TIMEOUT=180
while [ $# -gt 0 ]; do
	case $1 in
	--iso) ISO=$2; shift ;;
	--disk) DISK=$2; shift ;;
	--cpus) CPUS=$2; shift ;;
	--timeout) TIMEOUT=$2; shift ;;
	-h|--help) usage ;;
	*) echo "kvm-smoke: unknown argument $1" >&2; usage ;;
	esac
	[ $# -gt 0 ] || usage
	shift
done

skip() { echo "skipped: $*"; exit 77; }
[ -e /dev/kvm ] || skip "no /dev/kvm"
{ exec 3<>/dev/kvm; } 2>/dev/null || skip "/dev/kvm cannot be opened read-write by $(id -un)"
exec 3>&-
grep -qw vmx /proc/cpuinfo || skip "host CPU has no VMX (no vmx flag in /proc/cpuinfo; this /dev/kvm is not hardware VT-x)"
NESTED=/sys/module/kvm_intel/parameters/nested
[ -r "$NESTED" ] || skip "kvm_intel not loaded ($NESTED missing)"
case $(cat "$NESTED") in
Y|y|1) ;;
*) skip "nested VMX off ($NESTED = $(cat "$NESTED"); modprobe kvm_intel nested=1)" ;;
esac
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 not installed (run tools/deps.sh)"

OUT=$ROOT/build/kvm-smoke
mkdir -p "$OUT"
if [ -z "$ISO" ]; then
	ISO=$OUT/boot.iso
	"$ROOT/tools/mkboot.sh" -i "$ROOT/build/xmhf-ng.bin" -o "$ISO"
fi
[ -f "$DISK" ] || "$ROOT/tools/mkguest.sh" -o "$DISK"

fails=0
# Profile name, then extra QEMU arguments; qemu-run.sh --accel kvm passes
# `-enable-kvm -cpu host`, and a later -cpu replaces it.
run_profile() {
	local name=$1; shift
	local rc=0 t
	t=$(date +%s)
	"$ROOT/tools/qemu-run.sh" --accel kvm --disk "$DISK" --cdrom "$ISO" --cpus "$CPUS" \
		--timeout "$TIMEOUT" --serial "$OUT/serial-$name.log" --log "$OUT/qemu-$name.log" \
		--expect "XMHF-GUEST: MARKER cpus_online=$CPUS done" "$@" || rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "kvm-smoke: $name: marker with $CPUS CPUs after $(( $(date +%s) - t )) s"
	else
		echo "kvm-smoke: $name: FAILED (qemu-run exit $rc), serial $OUT/serial-$name.log"
		fails=$((fails + 1))
	fi
}
run_profile host
run_profile westmere --qemu-arg -cpu --qemu-arg Westmere,vmx=on
[ "$fails" -eq 0 ]
