#!/usr/bin/env bash
# Issue 14: a whole Debian 12 system (tools/mkguest.sh -g full: systemd, udev,
# Debian's kernel and initrd, ext4 root by UUID, getty on ttyS0) under the
# hypervisor on 2 CPUs. Its boot check (tools/guest-full/xmhf-check.sh, on
# with xmhf.check=1) reports what the system sees, reboots once, then powers
# off early in the next boot. The first boot must reach multi-user.target with `systemctl
# is-system-running` = running, no failed unit, both CPUs online, the
# hypervisor bit set and VMX hidden, and a serial getty prompt; the reboot must
# reset the machine into the hypervisor again (two banners, the guest twice),
# the poweroff must end Bochs by ACPI soft-off, and no VM entry may fail.
# The reboot is Debian's default (ACPI, which Bochs's revision-1 FADT lacks,
# then the 8042): Bochs 2.7 turns the 8042 pulse into a CPU-only reset that
# keeps IA32_FEATURE_CONTROL locked (the SDM 23.7 lock lasts until a power-up
# reset); the Bochs BIOS's POST then writes that MSR without checking the
# lock (rdmsr 0x3a; or eax,5; wrmsr), takes #GP with no IDT and triple
# faults, bare as well as under the hypervisor. As on a chipset,
# reset_on_triple_fault=1 makes that shutdown a platform reset (and
# --magic-break continue lets Bochs's debugger go on after it); a reset more
# than the one reboot shows as a third banner. (reboot=pci, CF9h = 0Eh, gave
# a hard reset after which the BIOS's keyboard self-test timed out with 2
# CPUs: "Keyboard error:21".)
# XMHF_FULL_ARGS adds kernel arguments (e.g. maxcpus=1, to see it fail).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

CPUS=2
hv_setup hv_debian_full "$BUILD_DIR/xmhf-ng.bin" -g full \
	-a "xmhf.check=1${XMHF_FULL_ARGS:+ $XMHF_FULL_ARGS}" -o "$BUILD_DIR/guest/debian-full-check.img"
# No expected line: it runs until the guest powers the machine off.
hv_bochs_boot "$HV_ISO" "$HV_DISK" "$CPUS" '' --timeout 1200 \
	--rc "cpu: reset_on_triple_fault=1" --magic-break continue
LOG=$BOOT_TEST_DIR/serial.txt
tr -d '\r' <"$HV_SERIAL" | sed 's/\x1b\[[0-9;]*m//g' >"$LOG"

# One file per hypervisor start: boot-1.txt, boot-2.txt (from its banner on).
BANNER='^xmhf-ng .*: hypervisor at 0x'
awk -v re="$BANNER" -v dir="$BOOT_TEST_DIR" '$0 ~ re { n++ } n { print > (dir "/boot-" n ".txt") }' "$LOG"
banners=$(grep -c -E "$BANNER" "$LOG" || true)
boot_assert "Bochs exited (rc 3), not timeout or failure line (rc $HV_RC)" [ "$HV_RC" -eq 3 ]
boot_assert "two hypervisor banners (the reboot went through GRUB and the hypervisor again): $banners" \
	[ "$banners" -eq 2 ]

# value BOOT KEY: the value of "KEY=" in boot BOOT's check lines.
value() {
	local f=$BOOT_TEST_DIR/boot-$1.txt
	[ -f "$f" ] || return 0
	sed -n -E "s/.*XMHF-GUEST: full .*[ ]$2=([^ ]*).*/\\1/p; s/.*XMHF-GUEST: full $2=([^ ]*).*/\\1/p" "$f" | head -n 1
}
is() { [ "$(value "$1" "$2")" = "$3" ]; }
f=$BOOT_TEST_DIR/boot-1.txt
boot_assert "boot 1: the guest counts boot 1 on its ext4 root" is 1 boot 1
boot_assert "boot 1: systemctl is-system-running = running ($(value 1 state))" is 1 state running
boot_assert "boot 1: multi-user.target active ($(value 1 multi-user.target))" \
	is 1 multi-user.target active
boot_assert "boot 1: no failed unit ($(value 1 failed_units))" is 1 failed_units none
boot_assert "boot 1: CPUs online 0-$((CPUS - 1)) ($(value 1 online))" is 1 online "0-$((CPUS - 1))"
boot_assert "boot 1: nproc $CPUS ($(value 1 nproc))" is 1 nproc $CPUS
boot_assert "boot 1: hypervisor bit on all $CPUS CPUs ($(value 1 with_hypervisor))" \
	is 1 with_hypervisor $CPUS
boot_assert "boot 1: VMX hidden on all CPUs ($(value 1 with_vmx) show it)" is 1 with_vmx 0
boot_assert "boot 1: serial-getty@ttyS0 active" is 1 serial-getty@ttyS0.service active
boot_assert "boot 1: login prompt on the serial console" serial_has "$f" '^xmhf-guest login:'
for b in 1 2; do
	f=$BOOT_TEST_DIR/boot-$b.txt
	boot_assert "boot $b: root by UUID" serial_has "$f" 'Kernel command line: .*root=UUID=[0-9a-f-]{36} '
	boot_assert "boot $b: smp: Brought up 1 node, $CPUS CPUs" serial_has "$f" \
		"smp: Brought up 1 node, $CPUS CPUs"
done
# Boot 2 only goes as far as a writable root (xmhf-check-early.service),
# counts itself and powers off: the reset and poweroff are what it shows.
boot_assert "boot 2: the guest counts boot 2 on its ext4 root (the reboot kept the disk)" is 2 boot 2
boot_assert "boot 1 reboots" is 1 action reboot
boot_assert "boot 1: the kernel restarts the machine" serial_has "$BOOT_TEST_DIR/boot-1.txt" 'reboot: Restarting system'
boot_assert "boot 2 powers off" is 2 action poweroff
boot_assert "boot 2: the kernel powers down" serial_has "$BOOT_TEST_DIR/boot-2.txt" 'reboot: Power down'
boot_assert "Bochs ended by the guest's ACPI soft power off" \
	grep -a -q 'ACPI control: soft power off' "$HV_BOCHSLOG"
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail
boot_assert "no VMCS check violation" serial_lacks "$LOG" '^VMCS check:'
echo "boot 1: $(grep -a -m1 'XMHF-GUEST: full boot done' "$BOOT_TEST_DIR/boot-1.txt" 2>/dev/null | sed 's/.*boot done: //')"
echo "boot 2: $(grep -a -m1 'XMHF-GUEST: full early' "$BOOT_TEST_DIR/boot-2.txt" 2>/dev/null | sed 's/.*early: //')"
boot_test_result 0
