#!/usr/bin/env bash
# Bad boot input: GRUB passes no module (mkboot.sh --no-module). The loader
# names the missing `module` line and the runtime halts before VMX (so QEMU
# TCG, which has no VMX, is enough).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init bad_input_no_module
boot_require qemu-system-x86_64 grub-mkrescue xorriso
disk=$BOOT_TEST_DIR/disk.img
dd if=/dev/zero of="$disk" bs=512 count=2048 status=none
iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin" --no-module) || boot_test_result 1
serial=$BOOT_TEST_DIR/serial.log
rc=0
"$TOOLS/qemu-run.sh" --accel tcg --disk "$disk" --cdrom "$iso" --serial "$serial" \
	--timeout 120 --no-default-fail --expect 'xmhf-ng: halted' || rc=$?

boot_assert "missing-module line" serial_has "$serial" \
	'xmhf-ng: no guest boot-sector module: add `module --nounzip \(hd0\)\+1`'
boot_assert "refuses to start the guest" serial_has "$serial" \
	'xmhf-ng: FATAL: cannot start the guest: no boot-sector module'
boot_assert "halted" [ "$rc" -eq 0 ]
boot_assert "stopped before VMX" serial_lacks "$serial" 'has no VMX|VMX controls'
boot_test_result 0
