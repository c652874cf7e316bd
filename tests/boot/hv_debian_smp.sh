#!/usr/bin/env bash
# Issues 4 and 14: Debian brings up all its CPUs under the hypervisor with
# emulated INIT-SIPI-SIPI (the seed's scenario), for 8 and 12 CPUs (more than
# the old MAX_CPUS of 8), with no failed VM entry. The hypervisor must have
# started every CPU of the MADT, with one per-CPU slot each. 2-CPU Debian
# boots to the same marker are in hv_hotplug and hv_cpu_models.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

hv_setup hv_debian_smp "$BUILD_DIR/xmhf-ng.bin"
for n in 8 12; do
	# The marker with any other count fails at once (CPUs left out).
	others=$(seq 1 64 | grep -vx "$n" | paste -sd '|')
	hv_bochs_boot "$HV_ISO" "$HV_DISK" "$n" "XMHF-GUEST: MARKER cpus_online=$n done" --timeout 600 \
		--fail "XMHF-GUEST: MARKER cpus_online=($others) done"
	cp "$HV_SERIAL" "$BOOT_TEST_DIR/serial-$n.log"
	boot_assert "$n CPUs: marker with all online" [ "$HV_RC" -eq 0 ]
	boot_assert "$n CPUs: MADT lists $n" serial_has "$HV_SERIAL" "^xmhf-ng: ACPI MADT lists $n enabled CPUs"
	boot_assert "$n CPUs: all $n started by the hypervisor" serial_has "$HV_SERIAL" \
		"^xmhf-ng: all $n CPUs online in 64-bit mode"
	boot_assert "$n CPUs: $n per-CPU slots" serial_has "$HV_SERIAL" \
		"^xmhf-ng: memory image=[0-9]+ KiB loaded=[0-9]+ KiB percpu=[0-9]+ KiBx$n ept_pool="
	read -r base end < <(hv_range)
	boot_assert "$n CPUs: guest E820 reserves the whole range 0x$base-0x$end" serial_has \
		"$HV_SERIAL" "XMHF-GUEST: e820 \[mem 0x0*$base-0x0*$end\] reserved"
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
