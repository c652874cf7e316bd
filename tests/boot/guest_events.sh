#!/usr/bin/env bash
# Guest-triggered events (docs/security.md): tools/guest-events runs VMX
# instructions, GETSEC, VMCALLs, RDMSR/WRMSR, an INIT storm and a SIPI to a
# missing APIC ID, printing each outcome, then triple faults. Run bare and
# under xmhf-ng (2 CPUs: the AP waits for SIPI); the guest must see what
# bare hardware gives (#UD, SDM Vol. 3C 25.1.2 exits + 26.6 injection; #GP
# for a missing MSR), and the hypervisor must report the triple fault and
# (crash=halt) halt.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init guest_events
boot_require bochs grub-mkrescue xorriso gcc as ld
DISK=$BOOT_TEST_DIR/events.img
"$TOOLS/guest-events/build.sh" "$DISK" || boot_test_result 1
# crash=halt: the triple fault ends in the dump and a halt, not a reset.
ISO=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin" -c crash=halt) || boot_test_result 1
# bochs-run.sh sets ignore_bad_msrs=1 (Bochs then reads an unknown MSR as 0);
# a later cpu: line turns it off so a missing MSR is #GP, as on hardware.
MSR_GP=(--rc "cpu: ignore_bad_msrs=0")

# Bare: no --expect, so it runs until the triple fault stops Bochs (exit 3).
BARE=$BOOT_TEST_DIR/bare.serial
BARE_LOG=$BOOT_TEST_DIR/bare.bochs
rc=0
t=$(date +%s)
"$TOOLS/bochs-run.sh" --disk "$DISK" --cpus 2 --serial "$BARE" --log "$BARE_LOG" \
	--timeout 30 "${MSR_GP[@]}" || rc=$?
echo "bochs bare (2 CPUs): wall $(( $(date +%s) - t )) s, exit $rc"
boot_assert "bare: Bochs stopped by the guest (exit 3, saw $rc)" [ "$rc" -eq 3 ]
boot_assert "bare: Bochs reports the triple fault" \
	grep -a -q '3rd (13) exception with no resolution' "$BARE_LOG"

# Under xmhf-ng the FATAL line is the expected outcome, not a failure.
hv_bochs_boot "$ISO" "$DISK" 2 '^xmhf-ng: halted' --timeout 60 --no-default-fail "${MSR_GP[@]}"
boot_assert "hv: reached xmhf-ng: halted" [ "$HV_RC" -eq 0 ]

# outcome LOG PROBE: what the guest printed after "EVENTS: PROBE -> ".
outcome() { tr -d '\r' <"$1" | grep -a -F -m1 "EVENTS: $2 -> " | sed 's/.* -> //' || true; }
# same PROBE WANT: the bare and the hypervisor runs both printed WANT.
same() { [ "$(outcome "$BARE" "$1")" = "$2" ] && [ "$(outcome "$HV_SERIAL" "$1")" = "$2" ]; }
# exits NAME: the count the hypervisor printed for exit reason NAME on CPU 0.
exits() {
	local n
	n=$(serial_value "$HV_SERIAL" "^xmhf-ng: exits cpu=0 reason=[0-9]+ name=$1 count=([0-9]+).*")
	echo "${n:-0}"
}
# at_least NAME N: at least N exits of reason NAME on CPU 0.
at_least() { [ "$(exits "$1")" -ge "$2" ]; }

for p in vmxon vmclear vmptrld vmptrst vmread vmwrite vmlaunch vmresume vmxoff invept invvpid; do
	name=$(echo "$p" | tr a-z A-Z)
	boot_assert "$p: #UD bare and under xmhf-ng" same "$p" '#UD'
	boot_assert "$p: one $name exit, #UD injected" [ "$(exits "$name")" = 1 ]
done
# No exit for these on this CPU: VMFUNC is not enabled, Bochs has no SMX.
boot_assert "vmfunc: #UD bare and under xmhf-ng" same vmfunc '#UD'
boot_assert "getsec: #UD bare and under xmhf-ng" same getsec '#UD'

boot_assert "VMCALL without the magic: #UD bare and under xmhf-ng" same 'vmcall eax=0 (no magic)' '#UD'
boot_assert "hypercall nop: #UD bare" [ "$(outcome "$BARE" 'hypercall nop')" = '#UD' ]
boot_assert "hypercall nop: EAX=0 under xmhf-ng" [ "$(outcome "$HV_SERIAL" 'hypercall nop')" = 'eax=0x0' ]
boot_assert "unknown hypercall: EAX=0xffffffff under xmhf-ng" \
	[ "$(outcome "$HV_SERIAL" 'hypercall 0x1234 (unknown)')" = 'eax=0xffffffff' ]

for p in 'rdmsr 0x12345678' 'rdmsr 0x40000123' 'wrmsr 0x12345678'; do
	boot_assert "$p: #GP bare and under xmhf-ng" same "$p" '#GP'
done
boot_assert "missing-MSR reads exited ($(exits RDMSR) RDMSR exits)" at_least RDMSR 2
boot_assert "missing-MSR write exited ($(exits WRMSR) WRMSR exits)" at_least WRMSR 1
boot_assert "rdmsr TSC: ok bare and under xmhf-ng" same 'rdmsr 0x10 (TSC)' ok
apic_base=$(outcome "$BARE" 'rdmsr 0x1b (APIC base)')
boot_assert "rdmsr APIC base: same value bare and under xmhf-ng ($apic_base)" \
	same 'rdmsr 0x1b (APIC base)' "${apic_base:-none}"
boot_assert "wrmsr APIC base unchanged: ok bare and under xmhf-ng" \
	same 'wrmsr 0x1b (APIC base, same value)' ok

boot_assert "INIT storm: 1000 INITs to APIC ID 1 sent bare and under xmhf-ng" \
	same 'init storm to APIC ID 1' 'ok inits=0x3e8'
boot_assert "SIPI to APIC ID 7: ok bare and under xmhf-ng" same 'sipi to APIC ID 7' ok
boot_assert "every ICR store exited ($(exits EPT_VIOLATION) EPT violations, 2002 stores)" \
	at_least EPT_VIOLATION 2002
boot_assert "the AP was not started by any SIPI" serial_lacks "$HV_SERIAL" '^CPU 1: SIPI vector'
for log in "$BARE" "$HV_SERIAL"; do
	boot_assert "$(basename "$log"): all probes done after the IPIs" \
		[ "$(grep -a -n -m1 'EVENTS: all probes done' "$log" | cut -d: -f1)" -gt \
		  "$(grep -a -n -m1 'EVENTS: sipi to APIC ID 7' "$log" | cut -d: -f1)" ]
done

boot_assert "hv: triple fault reported" \
	serial_has "$HV_SERIAL" '^xmhf-ng: CPU 0: guest triple fault on CPU 0'
boot_assert "hv: VMCS dumped" serial_has "$HV_SERIAL" '^vmcs'
boot_assert "hv: halted" serial_has "$HV_SERIAL" '^xmhf-ng: halted'
boot_assert "hv: no VMENTER FAIL" hv_no_vmenter_fail
boot_test_result 0
