#!/usr/bin/env bash
# Boots a disk (and optionally a CD-ROM) in QEMU, watching the serial log for
# an expected line or a failure pattern; QEMU is killed before returning.
# Uses KVM with -cpu host when /dev/kvm is usable, else TCG (no VMX there).
usage() {
	cat >&2 <<'EOF'
usage: tools/qemu-run.sh --disk IMG [--cdrom ISO] [--boot cdrom|disk] [--cpus N]
         [--mem MiB] [--serial LOG] [--log QEMULOG] [--timeout S]
         [--expect REGEX] [--expect-count N] [--fail REGEX]... [--no-default-fail]
         [--accel auto|kvm|tcg] [--qemu-arg ARG]...
  --accel auto (default, or $QEMU_ACCEL) uses KVM when /dev/kvm opens and
  the host CPU has vmx or svm.
  Default boot: cdrom if --cdrom is given, else disk. Defaults: 1 CPU,
  512 MiB, 300 s, serial log and QEMU output in build/run/qemu-*/.
  Default failure patterns: Kernel panic | XMHF-GUEST: .*FAILED | FATAL
exit: 0 expected line seen, 1 failure line seen, 2 timeout,
      3 QEMU exited before the expected line, 64 usage error
EOF
	exit 64
}
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=$ROOT/tools
EMU=qemu
. "$TOOLS/emu-lib.sh"
EXTRA=()
ACCEL_MODE=${QEMU_ACCEL:-auto}
emu_option() {
	case $1 in
	--accel) ACCEL_MODE=$2 ;;
	--qemu-arg) EXTRA+=("$2") ;;
	*) return 2 ;;
	esac
}
emu_parse "$@"
emu_check_inputs
case $BOOT in cdrom) BOOTC=d ;; disk) BOOTC=c ;; esac
command -v qemu-system-x86_64 >/dev/null ||
	{ echo "qemu-run: qemu-system-x86_64 missing (run tools/deps.sh)" >&2; exit 64; }
emu_rundir
QLOG=$LOG

case $ACCEL_MODE in
auto)
	ACCEL_MODE=tcg
	# A /dev/kvm without hardware VMX/SVM (e.g. the software-only kvm_pvm)
	# runs GRUB but hangs Linux guests: require the CPU flag as well.
	if grep -qwE 'vmx|svm' /proc/cpuinfo && [ -r /dev/kvm ] && [ -w /dev/kvm ] &&
		{ exec 3<>/dev/kvm; } 2>/dev/null; then
		exec 3>&-
		ACCEL_MODE=kvm
	fi ;;
kvm|tcg) ;;
*) usage ;;
esac
if [ "$ACCEL_MODE" = kvm ]; then ACCEL=(-enable-kvm -cpu host); else ACCEL=(-accel tcg); fi
ARGS=(-m "$MEM" -smp "$CPUS" "${ACCEL[@]}"
	-drive "file=$(abspath "$DISK"),format=raw,if=ide,index=0,media=disk")
[ -n "$CDROM" ] && ARGS+=(-drive "file=$(abspath "$CDROM"),format=raw,if=ide,index=2,media=cdrom,readonly=on")
ARGS+=(-boot "$BOOTC" -serial "file:$SERIAL" -display none -monitor none
	-no-reboot -nodefaults -vga std "${EXTRA[@]}")

start=$(date +%s)
echo "qemu-system-x86_64 ${ARGS[*]}" >"$QLOG"
qemu-system-x86_64 "${ARGS[@]}" </dev/null >>"$QLOG" 2>&1 &
emu_watch $!
[ "$EMU_RC" -ne 3 ] || tail -n 3 "$QLOG" | sed 's/^/qemu-run: /'
echo "qemu-run: serial $SERIAL, qemu output $QLOG"
echo "qemu-run: $EMU_RESULT after $(( $(date +%s) - start )) s (${ACCEL[*]})"
exit "$EMU_RC"
