#!/usr/bin/env bash
# Issue 2: GRUB loads the image in QEMU TCG with 2 CPUs; every CPU reports in
# 64-bit mode; the machine has no VMX and says so in one line (what follows,
# the native boot of the guest, is tests/boot/bad_input_no_vmx.sh).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init loader_qemu_smp2
boot_require qemu-system-x86_64 grub-mkrescue xorriso
disk=$(boot_guest_disk) || boot_test_result 1
iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin") || boot_test_result 1
serial=$BOOT_TEST_DIR/serial.log
rc=0
"$TOOLS/qemu-run.sh" --disk "$disk" --cdrom "$iso" --cpus 2 --serial "$serial" \
	--timeout 120 --expect 'booting the guest natively' || rc=$?

boot_assert "banner" serial_has "$serial" 'xmhf-ng 0\.1 \(build [^)]+\): hypervisor at 0x[0-9a-f]+-0x[0-9a-f]+'
boot_assert "MADT lists 2 CPUs" serial_has "$serial" 'ACPI MADT lists 2 enabled CPUs'
boot_assert "CPU 0 in 64-bit mode" serial_has "$serial" '^CPU 0: lapic=[0-9]+ .* mode=64-bit '
boot_assert "CPU 1 in 64-bit mode" serial_has "$serial" '^CPU 1: lapic=[0-9]+ .* mode=64-bit '
boot_assert "all CPUs online" serial_has "$serial" 'xmhf-ng: all 2 CPUs online in 64-bit mode'
boot_assert "no-VMX line" serial_has "$serial" 'xmhf-ng: this CPU has no VMX \(CPUID.1:ECX.VMX = 0\)'
boot_assert "hands the machine to the guest natively, no fault" [ "$rc" -eq 0 ]
boot_test_result 0
