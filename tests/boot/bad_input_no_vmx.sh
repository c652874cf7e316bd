#!/usr/bin/env bash
# Bad boot input: a CPU without VMX (QEMU TCG emulates none). The hypervisor
# must say so in one line, refuse to start, and halt (no guest, no fault).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init bad_input_no_vmx
boot_require qemu-system-x86_64 grub-mkrescue xorriso
disk=$BOOT_TEST_DIR/disk.img
dd if=/dev/zero of="$disk" bs=512 count=2048 status=none
printf '\xeb\xfe' | dd of="$disk" conv=notrunc status=none		# jmp $
printf '\x55\xaa' | dd of="$disk" bs=1 seek=510 conv=notrunc status=none
iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin") || boot_test_result 1
serial=$BOOT_TEST_DIR/serial.log
rc=0
"$TOOLS/qemu-run.sh" --accel tcg --disk "$disk" --cdrom "$iso" --serial "$serial" \
	--timeout 120 --no-default-fail --expect 'xmhf-ng: halted' || rc=$?

boot_assert "banner" serial_has "$serial" 'xmhf-ng [0-9.]+ \(build [^)]+\): hypervisor at 0x'
boot_assert "no-VMX line" serial_has "$serial" 'xmhf-ng: this CPU has no VMX \(CPUID\.1:ECX\.VMX = 0\)'
boot_assert "refuses to start" serial_has "$serial" \
	'xmhf-ng: FATAL: cannot start the hypervisor on this machine \(reason above\)'
boot_assert "halted" [ "$rc" -eq 0 ]
boot_assert "no guest start" serial_lacks "$serial" 'starting the guest'
boot_test_result 0
