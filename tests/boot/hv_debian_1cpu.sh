#!/usr/bin/env bash
# Issue 3: Debian's kernel boots under the hypervisor (1 CPU) from the guest
# disk's own boot sector; the guest's E820 hides the hypervisor; CPUID shows
# the hypervisor bit and no VMX; Bochs saw no failed VM entry.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

hv_setup hv_debian_1cpu "$BUILD_DIR/xmhf-ng.bin"
hv_bochs_boot "$HV_ISO" "$HV_DISK" 1 'XMHF-GUEST: MARKER cpus_online=1 done' --timeout 300

boot_assert "marker reached" [ "$HV_RC" -eq 0 ]
boot_assert "guest started in real mode at 0000:7c00" serial_has "$HV_SERIAL" \
	'xmhf-ng: CPU 0: starting the guest at 0000:7c00 in real mode, DL=0x80'
read -r base end < <(hv_range)
boot_assert "guest E820 reserves the hypervisor 0x$base-0x$end" serial_has "$HV_SERIAL" \
	"XMHF-GUEST: e820 \[mem 0x0*$base-0x0*$end\] reserved"
boot_assert "/proc/iomem shows it reserved" serial_has "$HV_SERIAL" "XMHF-GUEST: iomem 0*$base-0*$end : Reserved"
boot_assert "CPUID: hypervisor bit, no VMX" serial_has "$HV_SERIAL" 'XMHF-GUEST: cpuid hypervisor=yes vmx=no'
boot_assert "no VMENTER FAIL in the Bochs log" hv_no_vmenter_fail
boot_assert "no VMCS check violation" serial_lacks "$HV_SERIAL" '^VMCS check:'
boot_test_result 0
