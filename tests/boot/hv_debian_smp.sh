#!/usr/bin/env bash
# Issue 4: Debian brings up all its CPUs under the hypervisor with emulated
# INIT-SIPI-SIPI (the seed's scenario), for 2 and 4 CPUs, with no failed VM entry.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

hv_setup hv_debian_smp "$BUILD_DIR/xmhf-ng.bin"
for n in 2 4; do
	hv_bochs_boot "$HV_ISO" "$HV_DISK" "$n" "XMHF-GUEST: MARKER cpus_online=$n done" --timeout 400
	cp "$HV_SERIAL" "$BOOT_TEST_DIR/serial-$n.log"
	boot_assert "$n CPUs: marker with all online" [ "$HV_RC" -eq 0 ]
	boot_assert "$n CPUs: smp: Brought up 1 node, $n CPUs" serial_has "$HV_SERIAL" \
		"smp: Brought up 1 node, $n CPUs"
	for ((ap = 1; ap < n; ap++)); do
		boot_assert "$n CPUs: AP $ap started by emulated SIPI" serial_has "$HV_SERIAL" \
			"^CPU $ap: SIPI vector 0x[0-9a-f]+: guest starts at [0-9a-f]+:0000 in real mode"
	done
	boot_assert "$n CPUs: no VMENTER FAIL" hv_no_vmenter_fail
	boot_assert "$n CPUs: no VMCS check violation" serial_lacks "$HV_SERIAL" '^VMCS check:'
done
boot_test_result 0
