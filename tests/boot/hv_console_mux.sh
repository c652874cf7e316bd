#!/usr/bin/env bash
# The console UART is the hypervisor's (docs/security.md, "Console UART"):
# 1. Debian under xmhf-ng (1 CPU, xmhf.stats=1): Linux's 8250 driver programs
#    the UART (divisor, LCR, IER, FCR, MCR) through the mux, still finds a
#    16550A on IRQ 4, prints every line of its console and reaches its
#    marker; the exit-statistics lines the hypervisor prints while Linux runs
#    (hypercall 1) are whole lines.
# 2. The attack guest (tools/guest-console): loopback, 5 data bits and a wrong
#    divisor, then hypercall 1: the hypervisor's lines are on the serial log
#    intact, a guest line left unfinished continues after them, LCR/MCR/DLL
#    read back the guest's values, the loopback byte comes back, REP OUTSB
#    gets #GP(0).
# HV_IMAGE=path runs it against another build (e.g. one without the mux).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

IMAGE=${HV_IMAGE:-$BUILD_DIR/xmhf-ng.bin}
hv_setup hv_console_mux "$IMAGE" -a "xmhf.stats=1" -o "$BUILD_DIR/guest/debian-stats.img"

# boot_log DISK MARKER TIMEOUT NAME: one boot (1 CPU); LOG = its serial log
# without CRs, as BOOT_TEST_DIR/NAME.
boot_log() {
	hv_bochs_boot "$HV_ISO" "$1" 1 "$2" --timeout "$3"
	LOG=$BOOT_TEST_DIR/$4
	tr -d '\r' <"$HV_SERIAL" >"$LOG"
}
# has WHAT REGEX: asserts a line of LOG matches REGEX.
has() { boot_assert "$1" serial_has "$LOG" "$2"; }

# 1. Debian.
boot_log "$HV_DISK" '^xmhf-ng: exits total=' 400 debian.log
has "Debian reached its marker" '^XMHF-GUEST: MARKER cpus_online=1 done$'
has "Linux found a 16550A on IRQ 4" 'ttyS0 at I/O 0x3f8 \(irq = 4, base_baud = 115200\) is a 16550A'
has "Linux's console ran from the first line to the marker" '^\[    0.000000\] Linux version '
has "the stats hypercall answered after the summary" '^XMHF-GUEST: hypercall stats status=0x0$'
has "the UART's ports exited (IO_INSTRUCTION)" '^xmhf-ng: exits cpu=0 reason=30 name=IO_INSTRUCTION count=[0-9]+$'
# Every hypervisor line is whole: it starts a line and has its full form.
boot_assert "no hypervisor text inside another line" serial_lacks "$LOG" '.xmhf-ng:'
boot_assert "every exits line whole" \
	bash -c "! grep -a 'xmhf-ng: exits' '$LOG' | grep -a -v -E '^xmhf-ng: exits (cpu=0 reason=[0-9]+ name=[A-Z_0-9]+ count=[0-9]+|total=[0-9]+ cpus=1)$'"
boot_assert "no string-I/O refusal, no dropped bytes" serial_lacks "$LOG" 'string I/O|bytes dropped'
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail

# 2. The attack guest.
DISK=$BOOT_TEST_DIR/console.img
"$TOOLS/guest-console/build.sh" "$DISK" || boot_test_result 1
boot_log "$DISK" '^CONSOLE: done' 120 attack.log
has "attack guest finished" '^CONSOLE: done$'
has "hypervisor lines while the guest's line was unfinished: whole" '^xmhf-ng: exits cpu=0 reason=18 name=VMCALL count=1$'
boot_assert "the guest's unfinished line ends before them and continues after them" \
	bash -c "grep -a -A1 -x 'CONSOLE: partial line' '$LOG' | tail -n 1 | grep -a -q -E '^xmhf-ng: (idle|exits) cpu=0 ' && grep -a -q -x ' continued' '$LOG'"
has "hypervisor lines during loopback, 5 data bits, divisor 0x77: whole" '^xmhf-ng: exits cpu=0 reason=18 name=VMCALL count=2$'
boot_assert "both summaries on the log" \
	[ "$(grep -a -c -x 'xmhf-ng: exits total=[0-9]* cpus=1' "$LOG")" -eq 2 ]
boot_assert "no looped-back byte reached the wire" serial_lacks "$LOG" 'zap'
has "LCR, MCR, DLL read back the guest's values" '^CONSOLE: readback lcr=0x0 mcr=0x19 dll=0x77 '
has "the loopback byte came back at once, masked to 5 bits" ' loop_dr=0x1 loop_rbr=0x1a$'
has "REP OUTSB on the UART: #GP(0), nothing sent" '^CONSOLE: rep outsb -> #GP left=0x3$'
has "string I/O refusal logged" '^CPU 0: guest string I/O \(REP OUTS, 1 bytes\) at port 0x3f8 on the console UART refused with #GP\(0\)'
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail
boot_test_result 0
