#!/usr/bin/env bash
# Issue 2: the image boots in Bochs (Westmere, 2 CPUs); every CPU reports in
# 64-bit mode with its VMX capabilities; the hypervisor relocated itself to
# the top of RAM below 4 GiB.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

hv_setup loader_bochs_smp2 "$BUILD_DIR/xmhf-ng.bin"
hv_bochs_boot "$HV_ISO" "$HV_DISK" 2 'xmhf-ng: all 2 CPUs online in 64-bit mode' --timeout 120

boot_assert "all CPUs online" [ "$HV_RC" -eq 0 ]
for n in 0 1; do
	boot_assert "CPU $n: Westmere, 64-bit, VMX caps" serial_has "$HV_SERIAL" \
		"^CPU $n: lapic=$n family=0x6 model=0x25 stepping=[0-9]+ mode=64-bit vmx=yes feature_control=0x[0-9a-f]+ basic=0x[0-9a-f]+ pinbased=0x[0-9a-f]+ procbased=0x[0-9a-f]+ secondary=0x[0-9a-f]+ exit=0x[0-9a-f]+ entry=0x[0-9a-f]+ cr0_fixed0=0x[0-9a-f]+ cr0_fixed1=0x[0-9a-f]+ cr4_fixed0=0x[0-9a-f]+ cr4_fixed1=0x[0-9a-f]+"
done
read -r base end < <(hv_range)
boot_assert "image relocated below 4 GiB, 2 MiB aligned ($base-$end)" \
	[ $((16#$base % 0x200000)) -eq 0 -a $((16#$end)) -lt $((0x100000000)) -a $((16#$base)) -gt $((0x1000000)) ]
boot_test_result 0
