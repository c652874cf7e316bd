#!/usr/bin/env bash
# Bad boot input: a CPU without VMX (QEMU TCG emulates none). The hypervisor
# says so in one line and does not leave the machine dead: it boots the
# guest's boot sector natively, and Debian comes up on both CPUs without it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init bad_input_no_vmx
boot_require qemu-system-x86_64 grub-mkrescue xorriso
disk=$(boot_guest_disk) || boot_test_result 1
iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin") || boot_test_result 1
serial=$BOOT_TEST_DIR/serial.log
rc=0
"$TOOLS/qemu-run.sh" --accel tcg --disk "$disk" --cdrom "$iso" --cpus 2 --serial "$serial" \
	--timeout 180 --expect 'XMHF-GUEST: MARKER cpus_online=2 done' || rc=$?

boot_assert "banner" serial_has "$serial" 'xmhf-ng [0-9.]+ \(build [^)]+\): hypervisor at 0x'
boot_assert "no-VMX line" serial_has "$serial" 'xmhf-ng: this CPU has no VMX \(CPUID\.1:ECX\.VMX = 0\)'
boot_assert "native boot line" serial_has "$serial" \
	'xmhf-ng: VMX cannot run on this machine \(reason above\): booting the guest natively, without the hypervisor \(DL=0x80\)'
boot_assert "Debian up on both CPUs, natively" [ "$rc" -eq 0 ]
boot_assert "no VM entry attempted" serial_lacks "$serial" 'starting the guest'
boot_assert "no FATAL" serial_lacks "$serial" 'FATAL'
boot_test_result 0
