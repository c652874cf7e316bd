#!/usr/bin/env bash
# Bad boot input: each malformed option (`serial=abc`, `boot_drive=zz`,
# `trace=bogus`, `crash=reboot`) gives one cmdline error line, and a
# boot_drive= naming no disk one warning; that option keeps its default
# and the boot goes on: the banner appears (so the serial port kept 115200 8n1
# on 0x3f8) up to the no-VMX line of QEMU TCG and the native boot of the
# guest's boot sector (an endless loop here).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init bad_input_options
boot_require qemu-system-x86_64 grub-mkrescue xorriso
disk=$BOOT_TEST_DIR/disk.img
dd if=/dev/zero of="$disk" bs=512 count=2048 status=none
printf '\xeb\xfe' | dd of="$disk" conv=notrunc status=none		# jmp $
printf '\x55\xaa' | dd of="$disk" bs=1 seek=510 conv=notrunc status=none

# option | the error line the loader must print
cases=(
	'serial=abc|xmhf-ng: cmdline: malformed serial= option "serial=abc": expected BAUD,8n1,IOPORT .*; using the defaults for it'
	'boot_drive=zz|xmhf-ng: cmdline: malformed boot_drive= option "boot_drive=zz": expected a BIOS drive number 0x00-0xff.*; using the defaults for it'
	'trace=bogus|xmhf-ng: cmdline: unknown item "bogus" in trace= option "trace=bogus": expected a comma-separated list of: exits; using the defaults for it'
	'crash=reboot|xmhf-ng: cmdline: malformed crash= option "crash=reboot": expected crash=reset or crash=halt; using the defaults for it'
	'boot_drive=0x85|xmhf-ng: WARNING: DL=0x85 names no hard disk \(the BIOS found 1\): the guest.s boot sector will not read its disk'
)
for c in "${cases[@]}"; do
	opt=${c%%|*} line=${c#*|}
	iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin" -c "$opt") || boot_test_result 1
	serial=$BOOT_TEST_DIR/serial-${opt%%=*}.log
	rc=0
	"$TOOLS/qemu-run.sh" --accel tcg --disk "$disk" --cdrom "$iso" --serial "$serial" \
		--timeout 120 --expect 'booting the guest natively' || rc=$?
	boot_assert "$opt: cmdline error line" serial_has "$serial" "$line"
	boot_assert "$opt: banner after the error" serial_has "$serial" \
		'xmhf-ng [0-9.]+ \(build [^)]+\): hypervisor at 0x'
	boot_assert "$opt: cmdline echoed" serial_has "$serial" "xmhf-ng: cmdline \".* $opt\""
	boot_assert "$opt: boot went on to the VMX check" serial_has "$serial" 'xmhf-ng: this CPU has no VMX'
	boot_assert "$opt: went on to boot the guest" [ "$rc" -eq 0 ]
	[ "$opt" = boot_drive=0x85 ] || boot_assert "$opt: no drive warning for DL=0x80" \
		serial_lacks "$serial" 'WARNING: DL='
done
boot_test_result 0
