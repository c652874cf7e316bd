#!/usr/bin/env bash
# Issue 7: the guest reads and writes the hypervisor's physical range through
# /dev/mem. It must see no hypervisor byte (all-ones, then its own discarded
# write), the hypervisor logs each first access with its integrity check
# unchanged, and the guest keeps running to its marker.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

hv_setup hv_isolation "$BUILD_DIR/xmhf-ng.bin" -o "$BUILD_DIR/guest/hvprobe.img" -a "xmhf.hvprobe=1"
hv_bochs_boot "$HV_ISO" "$HV_DISK" 1 'XMHF-GUEST: MARKER cpus_online=1 done' --timeout 300

read -r base end < <(hv_range)
ff='( ff){16}'
boot_assert "guest kept running to its marker" [ "$HV_RC" -eq 0 ]
boot_assert "probe found the range at 0x$base" serial_has "$HV_SERIAL" "XMHF-GUEST: hvprobe read 0x0*$base:"
boot_assert "read sees all-ones" serial_has "$HV_SERIAL" "XMHF-GUEST: hvprobe read 0x0*$base:$ff"
boot_assert "write completed in the guest" serial_has "$HV_SERIAL" "XMHF-GUEST: hvprobe write 0x0*$base: rc=0"
boot_assert "re-read sees only the guest's own bytes" serial_has "$HV_SERIAL" \
	"XMHF-GUEST: hvprobe reread 0x0*$base: 58 4d 48 46"
boot_assert "untouched page still all-ones" serial_has "$HV_SERIAL" "XMHF-GUEST: hvprobe read 0x0*$base\+0x1000:$ff"
boot_assert "hypervisor logged the read, nothing changed" serial_has "$HV_SERIAL" \
	"^CPU 0: guest read of hypervisor memory at 0x0*$base .*isolated.* integrity: 0 of [0-9]+ regions changed"
boot_assert "hypervisor logged the write, nothing changed" serial_has "$HV_SERIAL" \
	"^CPU 0: guest write of hypervisor memory at 0x0*$base .*isolated.* integrity: 0 of [0-9]+ regions changed"
boot_assert "no FATAL" serial_lacks "$HV_SERIAL" 'FATAL'
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail
boot_test_result 0
