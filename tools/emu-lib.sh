#!/usr/bin/env bash
# Shared by tools/bochs-run.sh and tools/qemu-run.sh (sourced): the common
# options, their checks, and the per-run directory. The caller defines
# usage() and emu_option OPT VALUE for its own options (return 0: VALUE
# used, 1: OPT alone, 2: unknown option), and sets EMU (its name).
#   emu_parse "$@"       sets CPUS MEM CDROM DISK BOOT SERIAL LOG TIMEOUT EXPECT
#                        EXPECT_COUNT FAILS
#   emu_check_inputs     validates disk/cdrom/boot (BOOT defaults to cdrom if given)
#   emu_rundir           RUNDIR=build/run/$EMU-<time>-<pid>; SERIAL and LOG default
#                        into it, made absolute, SERIAL emptied
#   emu_watch PID        watch the serial log, kill the emulator, set EMU_RC/EMU_RESULT
CPUS=1 MEM=512 CDROM='' DISK='' BOOT='' SERIAL='' LOG='' TIMEOUT=300 EXPECT='' EXPECT_COUNT=1
FAILS=('Kernel panic' 'XMHF-GUEST: .*FAILED' 'FATAL')

emu_parse() {
	local rc
	while [ $# -gt 0 ]; do
		case $1 in
		--cpus) CPUS=$2; shift ;;
		--mem) MEM=$2; shift ;;
		--cdrom) CDROM=$2; shift ;;
		--disk) DISK=$2; shift ;;
		--boot) BOOT=$2; shift ;;
		--serial) SERIAL=$2; shift ;;
		--log) LOG=$2; shift ;;
		--timeout) TIMEOUT=$2; shift ;;
		--expect) EXPECT=$2; shift ;;
		--expect-count) EXPECT_COUNT=$2; shift ;;
		--fail) FAILS+=("$2"); shift ;;
		--no-default-fail) FAILS=() ;;
		-h|--help) usage ;;
		*)
			rc=0
			emu_option "$1" "${2-}" || rc=$?
			case $rc in
			0) shift ;;
			1) ;;
			*) echo "$EMU-run: unknown argument $1" >&2; usage ;;
			esac ;;
		esac
		[ $# -gt 0 ] || usage
		shift
	done
}

emu_check_inputs() {
	[ -n "$DISK" ] || usage
	[ -f "$DISK" ] || { echo "$EMU-run: no disk $DISK" >&2; exit 64; }
	[ -z "$CDROM" ] || [ -f "$CDROM" ] || { echo "$EMU-run: no cdrom $CDROM" >&2; exit 64; }
	[ -n "$BOOT" ] || { [ -n "$CDROM" ] && BOOT=cdrom || BOOT=disk; }
	case $BOOT in cdrom|disk) ;; *) usage ;; esac
	[ "$BOOT" = disk ] || [ -n "$CDROM" ] || { echo "$EMU-run: --boot cdrom needs --cdrom" >&2; exit 64; }
}

abspath() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }

emu_rundir() {
	RUNDIR=$ROOT/build/run/$EMU-$(date +%Y%m%d-%H%M%S)-$$
	mkdir -p "$RUNDIR"
	# Prune old run directories: keep the newest 30 and anything under 2 hours old.
	ls -dt "$ROOT"/build/run/"$EMU"-* 2>/dev/null | tail -n +31 |
		while IFS= read -r d; do [ -n "$(find "$d" -maxdepth 0 -mmin +120)" ] && rm -rf "$d"; done || true
	SERIAL=$(abspath "${SERIAL:-$RUNDIR/serial.log}")
	LOG=$(abspath "${LOG:-$RUNDIR/$EMU.log}")
	mkdir -p "$(dirname "$SERIAL")" "$(dirname "$LOG")"
	rm -f "$SERIAL" "$LOG"
	: >"$SERIAL"
}

# emu_watch PID: waits on the serial log (tools/watch-serial.sh) for EXPECT or
# a FAILS pattern, then kills the emulator (it may ignore SIGTERM). Sets
# EMU_RC (0 expected, 1 failure line, 2 timeout, 3 emulator exited) and EMU_RESULT.
emu_kill() { kill -KILL "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; }

emu_watch() {
	EMU_PID=$1
	trap emu_kill EXIT INT TERM
	EMU_RC=0
	"$TOOLS/watch-serial.sh" "$EMU_PID" "$SERIAL" "$TIMEOUT" "$EXPECT" \
		"$(IFS='|'; echo "${FAILS[*]}")" "$EXPECT_COUNT" || EMU_RC=$?
	emu_kill
	trap - EXIT INT TERM
	case $EMU_RC in
	0) EMU_RESULT=expected ;;
	1) EMU_RESULT=failure ;;
	2) EMU_RESULT=timeout ;;
	3) EMU_RESULT=exited ;;
	*) EMU_RESULT="watch error $EMU_RC" ;;
	esac
}
