#!/usr/bin/env bash
# Bad boot input: module 1 (the disk's first sector) has no 55 AA signature.
# The check runs before VMX is turned on (a bad module is refused both by the
# VMX path and by the native boot without VMX): one FATAL line naming the
# signature, then halt, no VM entry. Run in Bochs, where VMX would be usable.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init bad_input_not_boot_sector
boot_require bochs grub-mkrescue xorriso
disk=$BOOT_TEST_DIR/disk.img
dd if=/dev/zero of="$disk" bs=512 count=$((2 * 16 * 63)) status=none
printf '\xeb\xfe' | dd of="$disk" conv=notrunc status=none	# code, but no 55 AA at 510
echo "2 16 63" >"$disk.geom"
iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin") || boot_test_result 1
hv_bochs_boot "$iso" "$disk" 1 'xmhf-ng: halted' --timeout 300 --no-default-fail

boot_assert "caught before VMX is turned on" serial_lacks "$HV_SERIAL" 'xmhf-ng: VMX controls pin='
boot_assert "not-a-boot-sector line" serial_has "$HV_SERIAL" \
	'xmhf-ng: FATAL: module 1 is not a boot sector \(no 55 AA signature at offset 510\)'
boot_assert "halted" [ "$HV_RC" -eq 0 ]
boot_assert "no guest start" serial_lacks "$HV_SERIAL" 'starting the guest'
boot_assert "no VM entry attempted" hv_no_vmenter_fail
boot_test_result 0
