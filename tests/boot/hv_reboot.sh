#!/usr/bin/env bash
# Issue 14: reboot and poweroff under the hypervisor behave as bare. For each
# Linux reboot method Bochs 2.7 has, the Debian guest boots to its marker,
# calls `reboot -f` (XMHF_FINISH=reboot), the machine resets, and the run ends
# at the second kernel start: bare and under xmhf-ng side by side, each run
# showing the same reset path in the Bochs log, and under xmhf-ng two
# hypervisor banners and two guest starts. Then `poweroff -f` (ACPI S5) ends
# Bochs, bare and under xmhf-ng.
#   default  reboot_type BOOT_ACPI: the FADT of Bochs's BIOS is revision 1
#            with no RESET_REG, so acpi_reboot() returns and Linux uses the
#            8042 (0xFE to port 64h); 2 CPUs: Linux stops the AP first.
#            reboot=a is this same path (BOOT_ACPI is the default type).
#   k        the 8042 directly (1 CPU: one port write by the BSP).
#   t        Linux loads an empty IDT and executes INT3: a triple fault
#            (SDM Vol. 3A 6.15, #DF); bare Bochs resets the platform
#            (reset_on_triple_fault=1, as a chipset does on the shutdown
#            cycle); under xmhf-ng it is a triple-fault VM exit (SDM Vol. 3C
#            27.2, basic reason 2) and the hypervisor resets through 0xCF9.
#            The hypervisor runs keep reset_on_triple_fault=0, so a reset by
#            Bochs itself would end the run with a panic (1 CPU).
# The 8042 reset is a CPU-only reset in Bochs (IA32_FEATURE_CONTROL stays
# locked); the Bochs BIOS's POST then writes that MSR without checking the
# lock bit, takes #GP with no IDT and triple faults: with
# reset_on_triple_fault=1 that becomes the platform reset after which both
# boot again, bare and under xmhf-ng alike (the Bochs log shows the chain).
#   REBOOT_METHODS="default k t" (a subset, or empty) and POWEROFF=1|0 choose
#   what runs.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

METHODS=${REBOOT_METHODS-"default k t"}
POWEROFF=${POWEROFF:-1}
hv_setup hv_reboot "$BUILD_DIR/xmhf-ng.bin"
KERNEL_START='Linux version [0-9]'
BANNER='^xmhf-ng [^ ]+ \(build [^)]*\): hypervisor at 0x'
GUEST_START='xmhf-ng: CPU 0: starting the guest at 0000:7c00 in real mode'
MARKER='XMHF-GUEST: MARKER cpus_online=[0-9]+ done'
# Bochs log lines of each reset and its cause, in order (tools/bochs-run.sh
# reports Bochs's info lines).
RESETS='command 0xfe: reset cpu|CPU reset register = |exception with no resolution|Reset\((HARDWARE|SOFTWARE)\)|ACPI control: soft power off'

# run NAME DISK CPUS [bochs-run args]: one Bochs boot, in the background.
run() {
	local name=$1 disk=$2 cpus=$3 rc=0; shift 3
	"$TOOLS/bochs-run.sh" --disk "$disk" --cpus "$cpus" --timeout 400 \
		--serial "$BOOT_TEST_DIR/$name.serial" --log "$BOOT_TEST_DIR/$name.bochs" \
		"$@" >"$BOOT_TEST_DIR/$name.out" 2>&1 || rc=$?
	echo "${rc:-0}" >"$BOOT_TEST_DIR/$name.rc"
}
count() { tr -d '\r' <"$BOOT_TEST_DIR/$1.serial" | grep -a -c -E -- "$2" || true; }
# The reset chain: the Bochs log's reset lines after power-on, one per line.
chain() {
	grep -a -o -E -- "$RESETS" "$BOOT_TEST_DIR/$1.bochs" | tail -n +2 | tr '\n' ';' || true
}
rc_is() { [ "$(cat "$BOOT_TEST_DIR/$1.rc")" = "$2" ]; }
eq() { [ "$1" = "$2" ]; }

KBD_CHAIN='command 0xfe: reset cpu;Reset(SOFTWARE);exception with no resolution;Reset(HARDWARE);'
for m in $METHODS; do
	case $m in
	default) args=() cpus=2 ;;
	k|t) args=(-a "reboot=$m") cpus=1 ;;
	*) echo "hv_reboot: unknown method $m" >&2; boot_test_result 1 ;;
	esac
	disk=$(boot_guest_disk -o "$BUILD_DIR/guest/reboot-$m.img" "${args[@]}" -e XMHF_FINISH=reboot) ||
		boot_test_result 1
	# A triple fault of the guest must reach the hypervisor, not Bochs's reset.
	hv_tf=1
	[ "$m" = t ] && hv_tf=0
	t=$(date +%s)
	common=(--expect "$KERNEL_START" --expect-count 2 --magic-break continue)
	run "bare-$m" "$disk" "$cpus" "${common[@]}" --rc "cpu: reset_on_triple_fault=1" &
	run "hv-$m" "$disk" "$cpus" "${common[@]}" --rc "cpu: reset_on_triple_fault=$hv_tf" --cdrom "$HV_ISO" &
	wait
	echo "== reboot $m ($cpus CPUs): wall $(( $(date +%s) - t )) s"
	for mode in bare hv; do
		n=$mode-$m
		boot_assert "$m $mode: second kernel start reached" rc_is "$n" 0
		boot_assert "$m $mode: the guest reached its marker and called reboot -f" \
			serial_has "$BOOT_TEST_DIR/$n.serial" "XMHF-GUEST: reboot -f"
		boot_assert "$m $mode: marker with $cpus CPUs online before the reset" \
			serial_has "$BOOT_TEST_DIR/$n.serial" "XMHF-GUEST: MARKER cpus_online=$cpus done"
		boot_assert "$m $mode: the kernel started twice" eq "$(count "$n" "$KERNEL_START")" 2
		echo "   $n reset chain: $(chain "$n")"
	done
	hv=$BOOT_TEST_DIR/hv-$m.serial
	boot_assert "$m hv: two hypervisor banners" eq "$(count "hv-$m" "$BANNER")" 2
	boot_assert "$m hv: the guest started twice from its boot sector" eq "$(count "hv-$m" "$GUEST_START")" 2
	if [ "$cpus" = 2 ]; then
		# The reset took the AP out of VMX operation too; the new hypervisor
		# brings it up again (VMXON) before the guest starts.
		boot_assert "$m hv: CPU 1 in VMX operation on both boots" \
			eq "$(count "hv-$m" '^CPU 1: VMX on, VMCS ready')" 2
	fi
	boot_assert "$m hv: no VMENTER FAIL" bash -c "! grep -a -q 'VMENTER FAIL' '$BOOT_TEST_DIR/hv-$m.bochs'"
	boot_assert "$m hv: no VMCS check violation" serial_lacks "$hv" '^VMCS check:'
	case $m in
	default|k)
		# Revision 1 (116 bytes): no RESET_REG, acpi_reboot() does nothing.
		boot_assert "$m bare: the BIOS's FADT is revision 1" \
			serial_has "$BOOT_TEST_DIR/bare-$m.serial" 'ACPI: FACP 0x[0-9A-F]+ 000074 \(v01 '
		boot_assert "$m bare: 8042 reset, BIOS triple fault, platform reset" eq "$(chain "bare-$m")" "$KBD_CHAIN"
		boot_assert "$m hv: the same chain as bare" eq "$(chain "hv-$m")" "$(chain "bare-$m")" ;;
	t)
		boot_assert "t bare: triple fault, platform reset" eq "$(chain bare-t)" \
			'exception with no resolution;Reset(HARDWARE);'
		boot_assert "t hv: the hypervisor saw the triple fault and reset the machine" \
			serial_has "$hv" '^xmhf-ng: resetting the machine: guest triple fault on CPU 0'
		boot_assert "t hv: its reset went through 0xCF9 (SYS_RST, then RST_CPU)" eq "$(chain hv-t)" \
			'CPU reset register = ;CPU reset register = ;Reset(HARDWARE);'
		boot_assert "t hv: 0xCF9 written 0x02 then 0x06" bash -c \
			"grep -a -o 'CPU reset register = 0x0[0-9a-f]' '$BOOT_TEST_DIR/hv-t.bochs' | tr '\n' ' ' | grep -q '= 0x02 .*= 0x06'" ;;
	esac
done

if [ "$POWEROFF" = 1 ]; then
	# poweroff -f after the marker (tools/guest-init.sh's default): ACPI S5,
	# SLP_TYP 0 with SLP_EN in PM1a_CNT, which Bochs's PIIX4 ACPI model ends
	# the simulation on. No --expect: the run ends when Bochs exits.
	t=$(date +%s)
	run bare-poweroff "$HV_DISK" 1 &
	run hv-poweroff "$HV_DISK" 1 --cdrom "$HV_ISO" &
	wait
	echo "== poweroff (1 CPU): wall $(( $(date +%s) - t )) s"
	for mode in bare hv; do
		n=$mode-poweroff
		boot_assert "poweroff $mode: Bochs exited" rc_is "$n" 3
		boot_assert "poweroff $mode: after the marker" serial_has "$BOOT_TEST_DIR/$n.serial" "$MARKER"
		boot_assert "poweroff $mode: by ACPI soft power off, no reset" eq "$(chain "$n")" 'ACPI control: soft power off;'
	done
	boot_assert "poweroff hv: one hypervisor banner" eq "$(count hv-poweroff "$BANNER")" 1
	boot_assert "poweroff hv: no VMENTER FAIL" bash -c "! grep -a -q 'VMENTER FAIL' '$BOOT_TEST_DIR/hv-poweroff.bochs'"
fi
boot_test_result 0
