#!/usr/bin/env bash
# Boots a disk (and optionally a CD-ROM) in Bochs with VMX (CPU model from
# --model or $MODEL, default corei5_arrandale_m520: Westmere),
# watching the serial log for an expected line or a failure pattern; Bochs is
# always killed (SIGKILL; it ignores SIGTERM) before this script returns.
usage() {
	cat >&2 <<'EOF'
usage: tools/bochs-run.sh --disk IMG [--cdrom ISO] [--boot cdrom|disk] [--cpus N]
         [--mem MiB] [--serial LOG] [--log BOCHSLOG] [--timeout S]
         [--expect REGEX] [--expect-count N] [--fail REGEX]... [--no-default-fail]
         [--ips N] [--rc "BOCHSRC LINE"]... [--magic-break stop|continue|off]
         [--model NAME] [--bios bochs|seabios]
  IMG.geom ("cylinders heads spt", written by tools/mkguest.sh) gives the
  disk geometry. Default boot: cdrom if --cdrom is given, else disk.
  Defaults: 1 CPU, 512 MiB, 300 s, ips 50000000 (or $BOCHS_IPS; the guest TSC
  runs at ips Hz), serial/log/bochsrc in build/run/bochs-*/.
  Default failure patterns: Kernel panic | XMHF-GUEST: .*FAILED | FATAL
  --model: a Bochs 2.7 CPU model (bochs-run.sh --models lists those with
  VMX); default $MODEL or corei5_arrandale_m520.
  --expect-count N: the expected line is the N-th line matching REGEX
  (e.g. 2 for the second boot after a reset).
  --bios: the system BIOS, bochs (default, Bochs's rombios) or seabios
  (Debian's seabios package, /usr/share/seabios/bios.bin; it starts only
  one CPU in Bochs 2.7, so --cpus must be 1).
  --rc adds a line to the generated bochsrc. --magic-break: what xchg bx,bx
  does: stop (default; Bochs stops and exits, result "exited"), continue
  (the stop is logged in the run's stdout file, then it goes on), off.
exit: 0 expected line seen, 1 failure line seen, 2 timeout,
      3 Bochs exited before the expected line, 64 usage error
EOF
	exit 64
}
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=$ROOT/tools
EMU=bochs
. "$TOOLS/emu-lib.sh"
IPS=${BOCHS_IPS:-50000000}
EXTRA_RC=()
MAGIC=stop
MODEL=${MODEL:-corei5_arrandale_m520}
BIOS=bochs
# Bochs 2.7 CPU models with VMX (docs/testing.md lists what each one has).
MODELS="corei5_lynnfield_750 corei5_arrandale_m520 corei7_sandy_bridge_2600k
corei7_ivy_bridge_3770k corei7_haswell_4770 broadwell_ult corei7_skylake_x corei3_cnl
corei7_icelake_u tigerlake"
[ "${1-}" = --models ] && { echo $MODELS; exit 0; }
emu_option() {
	case $1 in
	--model) MODEL=$2 ;;
	--ips) IPS=$2 ;;
	--rc) EXTRA_RC+=("$2") ;;
	--magic-break) MAGIC=$2 ;;
	--bios) BIOS=$2 ;;
	*) return 2 ;;
	esac
}
emu_parse "$@"
emu_check_inputs
[ -f "$DISK.geom" ] || { echo "bochs-run: no geometry file $DISK.geom" >&2; exit 64; }
case $MAGIC in stop|continue|off) ;; *) usage ;; esac
case $BIOS in
bochs) ROMIMAGE="file=/usr/share/bochs/BIOS-bochs-latest, options=fastboot" ;;
seabios)
	ROMIMAGE="file=/usr/share/seabios/bios.bin"
	[ -f /usr/share/seabios/bios.bin ] || { echo "bochs-run: seabios missing (run tools/deps.sh)" >&2; exit 64; }
	[ "$CPUS" = 1 ] || { echo "bochs-run: SeaBIOS starts only one CPU in Bochs: use --cpus 1" >&2; exit 64; } ;;
*) echo "bochs-run: unknown BIOS $BIOS (bochs or seabios)" >&2; exit 64 ;;
esac
case " $(echo $MODELS) " in *" $MODEL "*) ;; *) echo "bochs-run: unknown CPU model $MODEL (one of: $(echo $MODELS))" >&2; exit 64 ;; esac
read -r CYLS HEADS SPT <"$DISK.geom"
command -v bochs >/dev/null || { echo "bochs-run: bochs missing (run tools/deps.sh)" >&2; exit 64; }
emu_rundir
BOCHSLOG=$LOG

RC=$RUNDIR/bochsrc
{
	echo "megs: $MEM"
	echo "cpu: model=$MODEL, count=$CPUS, ips=$IPS, quantum=16, reset_on_triple_fault=0, ignore_bad_msrs=1"
	echo "romimage: $ROMIMAGE"
	echo "vgaromimage: file=/usr/share/vgabios/vgabios.bin"
	echo "display_library: term"
	echo "pci: enabled=1, chipset=i440fx"
	echo "ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14"
	echo "ata0-master: type=disk, path=\"$(abspath "$DISK")\", mode=volatile, cylinders=$CYLS, heads=$HEADS, spt=$SPT, translation=lba"
	echo "ata1: enabled=1, ioaddr1=0x170, ioaddr2=0x370, irq=15"
	[ -n "$CDROM" ] && echo "ata1-master: type=cdrom, path=\"$(abspath "$CDROM")\", status=inserted"
	if [ "$BOOT" = cdrom ]; then echo "boot: cdrom, disk"; else echo "boot: disk"; fi
	echo "floppy_bootsig_check: disabled=1"
	echo "com1: enabled=1, mode=file, dev=\"$SERIAL\""
	echo "clock: sync=none, time0=1262304000"
	[ "$MAGIC" = off ] || echo "magic_break: enabled=1"
	echo "mouse: enabled=0"
	echo "log: \"$BOCHSLOG\""
	echo "debug: action=ignore"
	echo "info: action=report"
	echo "error: action=report"
	echo "panic: action=fatal"
	for l in "${EXTRA_RC[@]}"; do echo "$l"; done
} >"$RC"
# Debugger commands: continue; at each magic break the next line is read,
# and at the end of the file stdin (/dev/null), whose EOF makes Bochs quit.
if [ "$MAGIC" = continue ]; then
	for ((i = 0; i < 10000; i++)); do echo c; done
else
	echo c
fi >"$RUNDIR/cmds"

start=$(date +%s)
TERM=dumb bochs -q -f "$RC" -rc "$RUNDIR/cmds" -unlock \
	</dev/null >"$RUNDIR/stdout" 2>&1 &
emu_watch $!
if [ "$EMU_RC" -eq 3 ]; then
	grep -a -h '>>PANIC<<' "$BOCHSLOG" "$RUNDIR/stdout" 2>/dev/null | tail -n 3 | sed 's/^/bochs-run: /' || true
	if grep -a -q 'fgets() returned ERROR' "$RUNDIR/stdout"; then
		echo "bochs-run: stopped at a magic break (xchg bx,bx):"
		grep -a -E '^\([0-9]+\)[ .]*\[' "$RUNDIR/stdout" | tail -n 1 | sed 's/^/bochs-run:   /'
	fi
fi
vmfail=$(grep -a -c 'VMENTER FAIL' "$BOCHSLOG" 2>/dev/null || true)
echo "bochs-run: serial $SERIAL, bochs log $BOCHSLOG"
echo "bochs-run: model $MODEL, $EMU_RESULT after $(( $(date +%s) - start )) s; VMENTER FAIL lines: ${vmfail:-0}"
exit "$EMU_RC"
