#!/usr/bin/env bash
# Issue 4, the seed bug: a build whose INIT-state TR access rights are 0x83
# (16-bit busy TSS) must be stopped by our checker before the AP's VM entry
# into IA-32e mode, naming the SDM rule; Bochs must never see a failed entry.
# (The default 0x8b build booting all CPUs is tests/boot/hv_debian_smp.sh.)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

variant=$BUILD_DIR/variant-tr83
make -s -C "$REPO_ROOT" BUILD="$variant" HV_DEFS=-DINIT_TR_AR=0x83 "$variant/xmhf-ng.bin" >&2 || exit 1
hv_setup seed_tr83_regression "$variant/xmhf-ng.bin"
hv_bochs_boot "$HV_ISO" "$HV_DISK" 2 'xmhf-ng: halted' --timeout 300 --no-default-fail

boot_assert "hypervisor stopped itself" [ "$HV_RC" -eq 0 ]
boot_assert "checker names the TR rule and clause on the AP" serial_has "$HV_SERIAL" \
	'^VMCS check: CPU 1: guest TR type invalid for IA-32e-mode guest \(SDM 26\.3\.1\.2\) field VMCS_GUEST_TR_AR = 0x83'
boot_assert "dump shows the decoded TR" serial_has "$HV_SERIAL" \
	'^vmcs: CPU 1 VMCS_GUEST_TR_AR 0x0+83 \[ type=3 S=system dpl=0 P \]'
boot_assert "it happened entering IA-32e mode" serial_has "$HV_SERIAL" \
	'^vmcs: CPU 1 VMCS_GUEST_IA32_EFER 0x[0-9a-f]+ \[.*LMA.*LME.*\]'
boot_assert "no VMENTER FAIL: caught before the CPU saw it" hv_no_vmenter_fail
boot_assert "guest did not bring up the AP" serial_lacks "$HV_SERIAL" 'smp: Brought up 1 node, 2 CPUs'
boot_test_result 0
