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

# 1. Debian.
hv_bochs_boot "$HV_ISO" "$HV_DISK" 1 '^xmhf-ng: exits total=' --timeout 400
LOG=$BOOT_TEST_DIR/debian.log
tr -d '\r' <"$HV_SERIAL" >"$LOG"
boot_assert "Debian reached its marker" serial_has "$LOG" '^XMHF-GUEST: MARKER cpus_online=1 done$'
boot_assert "Linux found a 16550A on IRQ 4" \
	serial_has "$LOG" 'ttyS0 at I/O 0x3f8 \(irq = 4, base_baud = 115200\) is a 16550A'
boot_assert "Linux's console ran from the first line to the marker" \
	serial_has "$LOG" '^\[    0.000000\] Linux version '
boot_assert "the stats hypercall answered after the summary" \
	serial_has "$LOG" '^XMHF-GUEST: hypercall stats status=0x0$'
boot_assert "the UART's ports exited (IO_INSTRUCTION)" \
	serial_has "$LOG" '^xmhf-ng: exits cpu=0 reason=30 name=IO_INSTRUCTION count=[0-9]+$'
# Every hypervisor line is whole: it starts a line and has its full form.
boot_assert "no hypervisor text inside another line" serial_lacks "$LOG" '.xmhf-ng:'
boot_assert "every exits line whole" \
	bash -c "! grep -a 'xmhf-ng: exits' '$LOG' | grep -a -v -E '^xmhf-ng: exits (cpu=0 reason=[0-9]+ name=[A-Z_0-9]+ count=[0-9]+|total=[0-9]+ cpus=1)$'"
boot_assert "no string-I/O refusal, no dropped bytes" serial_lacks "$LOG" 'string I/O|bytes dropped'
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail

# 2. The attack guest.
DISK=$BOOT_TEST_DIR/console.img
"$TOOLS/guest-console/build.sh" "$DISK" || boot_test_result 1
hv_bochs_boot "$HV_ISO" "$DISK" 1 '^CONSOLE: done' --timeout 120
LOG=$BOOT_TEST_DIR/attack.log
tr -d '\r' <"$HV_SERIAL" >"$LOG"
boot_assert "attack guest finished" serial_has "$LOG" '^CONSOLE: done$'
boot_assert "hypervisor lines while the guest's line was unfinished: whole" \
	serial_has "$LOG" '^xmhf-ng: exits cpu=0 reason=18 name=VMCALL count=1$'
boot_assert "the guest's unfinished line ends before them and continues after them" \
	bash -c "grep -a -A1 -x 'CONSOLE: partial line' '$LOG' | grep -a -q -x 'xmhf-ng: exits cpu=0 reason=18 name=VMCALL count=1' && grep -a -q -x ' continued' '$LOG'"
boot_assert "hypervisor lines during loopback, 5 data bits, divisor 0x77: whole" \
	serial_has "$LOG" '^xmhf-ng: exits cpu=0 reason=18 name=VMCALL count=2$'
boot_assert "both summaries on the log" \
	[ "$(grep -a -c -x 'xmhf-ng: exits total=[0-9]* cpus=1' "$LOG")" -eq 2 ]
boot_assert "no looped-back byte reached the wire" serial_lacks "$LOG" 'zap'
boot_assert "LCR, MCR, DLL read back the guest's values" \
	serial_has "$LOG" '^CONSOLE: readback lcr=0x0 mcr=0x19 dll=0x77 '
boot_assert "the loopback byte came back at once, masked to 5 bits" \
	serial_has "$LOG" ' loop_dr=0x1 loop_rbr=0x1a$'
boot_assert "REP OUTSB on the UART: #GP(0), nothing sent" \
	serial_has "$LOG" '^CONSOLE: rep outsb -> #GP left=0x3$'
boot_assert "string I/O refusal logged" \
	serial_has "$LOG" '^CPU 0: guest string I/O \(REP OUTS, 1 bytes\) at port 0x3f8 on the console UART refused with #GP\(0\)'
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail
boot_test_result 0
