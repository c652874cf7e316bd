#!/usr/bin/env bash
# Helpers for boot tests that run the hypervisor (sourced after lib.sh).
#   hv_boot_iso IMAGE [mkboot.sh args]   boot ISO in BOOT_TEST_DIR, prints its path
#   hv_bochs_boot ISO DISK CPUS EXPECT [bochs-run.sh args]   sets HV_SERIAL, HV_BOCHSLOG, HV_RC
#   hv_no_vmenter_fail                   true if the Bochs log has no VMENTER FAIL line
#   hv_range                             "BASE END" (hex, no 0x) from the banner

hv_boot_iso() {
	local image=$1; shift
	local iso=$BOOT_TEST_DIR/boot.iso
	"$TOOLS/mkboot.sh" -i "$image" -o "$iso" "$@" >&2 || return 1
	echo "$iso"
}

hv_bochs_boot() {
	local iso=$1 disk=$2 cpus=$3 expect=$4; shift 4
	HV_SERIAL=$BOOT_TEST_DIR/serial.log
	HV_BOCHSLOG=$BOOT_TEST_DIR/bochs.log
	HV_RC=0
	local t=$(date +%s)
	"$TOOLS/bochs-run.sh" --disk "$disk" --cdrom "$iso" --cpus "$cpus" \
		--serial "$HV_SERIAL" --log "$HV_BOCHSLOG" --expect "$expect" "$@" || HV_RC=$?
	echo "bochs ($cpus CPUs): wall $(( $(date +%s) - t )) s, exit $HV_RC"
}

hv_no_vmenter_fail() { ! grep -a -q 'VMENTER FAIL' "$HV_BOCHSLOG"; }

hv_range() {
	tr -d '\r' <"$HV_SERIAL" | sed -n -E 's/.*hypervisor at 0x([0-9a-f]+)-0x([0-9a-f]+) .*/\1 \2/p' | head -n 1
}

serial_lacks() { ! serial_has "$@"; }

# hv_setup NAME IMAGE [mkguest.sh args]: init, needs, guest disk and boot ISO
# (HV_DISK, HV_ISO); any failure ends the test.
hv_setup() {
	local name=$1 image=$2; shift 2
	boot_test_init "$name"
	boot_require bochs grub-mkrescue xorriso
	HV_DISK=$(boot_guest_disk "$@") || boot_test_result 1
	HV_ISO=$(hv_boot_iso "$image") || boot_test_result 1
}
