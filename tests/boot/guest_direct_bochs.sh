#!/usr/bin/env bash
# CONTROL test: the Debian guest disk boots directly (no hypervisor) in Bochs
# with 2 CPUs and reports both online, VMX visible, no hypervisor bit.
# usage: tests/boot/guest_direct_bochs.sh   (exit 0 pass, 1 fail, 77 skipped)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

boot_test_init guest_direct_bochs
boot_require bochs sfdisk mke2fs grub-mkimage cpio dpkg-deb

t0=$(date +%s)
disk=$(boot_guest_disk) || { echo "guest disk build failed"; boot_test_result 1; }
echo "guest disk: $disk ($(cat "$disk.geom")), ready after $(( $(date +%s) - t0 )) s"

serial=$BOOT_TEST_DIR/serial.log
t1=$(date +%s)
rc=0
"$TOOLS/bochs-run.sh" --disk "$disk" --cpus 2 --timeout 240 \
	--serial "$serial" --log "$BOOT_TEST_DIR/bochs.log" \
	--expect 'XMHF-GUEST: MARKER cpus_online=2 done' || rc=$?
echo "bochs direct boot: wall $(( $(date +%s) - t1 )) s, exit $rc"

boot_assert "marker with 2 CPUs online" [ "$rc" -eq 0 ]
boot_assert "kernel brought up 2 CPUs" serial_has "$serial" 'smp: Brought up 1 node, 2 CPUs'
boot_assert "guest kernel is $(cat "$disk.kver")" \
	serial_has "$serial" "XMHF-GUEST: uname=$(cat "$disk.kver")"
boot_assert "2 CPUs possible and online" serial_has "$serial" 'XMHF-GUEST: cpus_online=2 possible=2'
boot_assert "no hypervisor bit, VMX visible" serial_has "$serial" 'XMHF-GUEST: cpuid hypervisor=no vmx=yes'
boot_assert "e820 map reported" serial_has "$serial" 'XMHF-GUEST: e820 \[mem 0x0+100000-0x[0-9a-f]+\] usable'

echo "info: guest TSC $(serial_value "$serial" '.*tsc: Detected ([0-9.]+ MHz).*'), guest uptime $(serial_value "$serial" '.*XMHF-GUEST: uptime=([0-9.]+).*') s"
boot_test_result "$rc"
