#!/usr/bin/env bash
# Bad boot input: the malformed option `boot_drive=zz` on the command line.
# The loader prints one cmdline error line, keeps the default for that option
# and boots on: the banner appears. QEMU TCG (no VMX) then halts on the no-VMX
# line.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init bad_input_boot_drive_option
boot_require qemu-system-x86_64 grub-mkrescue xorriso
disk=$BOOT_TEST_DIR/disk.img
dd if=/dev/zero of="$disk" bs=512 count=2048 status=none
iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin" -c 'boot_drive=zz') || boot_test_result 1
serial=$BOOT_TEST_DIR/serial.log
rc=0
"$TOOLS/qemu-run.sh" --accel tcg --disk "$disk" --cdrom "$iso" --serial "$serial" \
	--timeout 120 --no-default-fail --expect 'xmhf-ng: halted' || rc=$?

boot_assert "cmdline error line" serial_has "$serial" \
	'xmhf-ng: cmdline: malformed boot_drive= option "boot_drive=zz": expected a BIOS drive number 0x00-0xff.*; using the defaults for it'
boot_assert "banner after the error" serial_has "$serial" 'xmhf-ng [0-9.]+ \(build [^)]+\): hypervisor at 0x'
boot_assert "cmdline echoed" serial_has "$serial" 'xmhf-ng: cmdline ".* boot_drive=zz"'
boot_assert "boot went on to the VMX check" serial_has "$serial" 'xmhf-ng: this CPU has no VMX'
boot_assert "halted" [ "$rc" -eq 0 ]
boot_test_result 0
