#!/usr/bin/env bash
# Isolation attacks (docs/security.md): tools/guest-attack is a malicious
# ring-0 guest (INT 15h with ES:DI in the hypervisor from unreal mode,
# E801h/88h sizes, PAE CR3 in the hypervisor, Processor Trace / MTRR /
# MISC_ENABLE / APIC_BASE MSRs, APIC byte and word stores, an APIC store just
# before an unmapped page, PAE accesses above the EPT's mapped space (4 GiB, a
# 64-bit-BAR-like address), 1000 exit-counter hypercalls, a task switch, a
# triple fault), printing
#     ATTACK: <name> -> <outcome> integrity=<changed>/<checked>
# after each (hypercall 2). Per model (ATTACK_MODELS, default Westmere and
# Skylake-X): one bare run (1 CPU) checked against what bare Bochs gives, and
# one run under xmhf-ng checked against the outcome the hypervisor must give
# (integrity 0 changed after every attack, no halt). Any attack that printed
# no line under xmhf-ng (an earlier attack halted the machine) gets a boot of
# its own, with a disk that runs only that attack, so one halt hides nothing.
# Then a triple fault with crash=halt on the command line: dump and halt.
# ATTACK_HV_IMAGE: hypervisor image (default build/xmhf-ng.bin).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init guest_attack
boot_require bochs grub-mkrescue xorriso gcc as ld
MODELS=${ATTACK_MODELS:-corei5_arrandale_m520 corei7_skylake_x}
HV_IMAGE=${ATTACK_HV_IMAGE:-$BUILD_DIR/xmhf-ng.bin}
DISK=$BOOT_TEST_DIR/attack.img
"$TOOLS/guest-attack/build.sh" "$DISK" >/dev/null || boot_test_result 1
ISO=$(hv_boot_iso "$HV_IMAGE") || boot_test_result 1
HALT_ISO=$BOOT_TEST_DIR/boot-crash-halt.iso
"$TOOLS/mkboot.sh" -i "$HV_IMAGE" -o "$HALT_ISO" -c "crash=halt" >&2 || boot_test_result 1
# A missing MSR is #GP, as on hardware (see guest_events.sh).
MSR_GP=(--rc "cpu: ignore_bad_msrs=0")
ATTACKS=(int15-e820-control int15-unreal-e820 int15-e801 int15-88 pdpte-bad-cr3 msr-pt
	msr-mtrr msr-misc-enable-xd apic-bytewise-memset apic-store-window-crosses-page
	msr-apic-base-move msr-apic-base-disable mmio-above-limit stats-flood task-switch triple-fault)
HV_DONE='ATTACK: all done|xmhf-ng: halted'

# Others run Bochs on this machine too: start ours when fewer than 2 run.

# line LOG NAME: the last "ATTACK: NAME -> ..." line's text after the arrow.
line() { tr -d '\r' <"$1" | grep -a -F "ATTACK: $2 -> " | tail -n 1 | sed 's/^.* -> //' || true; }
# outcome LOG NAME: that text without the integrity field.
outcome() { line "$1" "$2" | sed 's/ integrity=[^ ]*$//'; }
integrity() { line "$1" "$2" | sed -n 's/.* integrity=\([^ ]*\)$/\1/p'; }
# field TEXT KEY: the value of KEY=VALUE in TEXT.
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }
matches() { [[ $1 =~ ^($2)$ ]]; }
is_none() { [ "$1" = none ]; }
is_intact() { [[ $1 =~ ^0/[1-9][0-9]*$ ]]; }
le() { [ -n "$1" ] && [ -n "$2" ] && [ $(( $1 )) -le $(( $2 )) ]; }
gt() { [ -n "$1" ] && [ -n "$2" ] && [ $(( $1 )) -gt $(( $2 )) ]; }
# e801_top TEXT: end of the RAM E801h counts: 16 MiB + BX (or DX) * 64 KiB.
e801_top() { local v; v=$(field "$1" "$2"); [ -n "$v" ] && printf '0x%x' $(( 0x1000000 + v * 0x10000 )); }
# e801_low TEXT: end of the RAM counted by AX (KiB above 1 MiB), also for 88h.
kib_top() { local v; v=$(field "$1" "$2"); [ -n "$v" ] && printf '0x%x' $(( 0x100000 + v * 1024 )); }
mtrr_ok() {
	local o=$1 old back
	old=$(field "$o" old) back=$(field "$o" readback)
	[ "$(field "$o" write-uc)" = ok ] && [ "$(field "$o" restore)" = ok ] && [ -n "$old" ] &&
		[ $(( back )) -eq $(( old & ~0xff )) ]
}
# flood_lines LOG: "xmhf-ng: exits total=" lines between the stats-flood start
# step and its ATTACK line (empty without that line).
flood_lines() {
	tr -d '\r' <"$1" | awk '/ATTACK-STEP: stats-flood start/ { n = 0; on = 1 }
		on && /xmhf-ng: exits total=/ { n++ }
		/ATTACK: stats-flood -> / { if (on) c = n; on = 0 }
		END { if (c != "") print c }'
}
MMIO_RE='maxphyaddr>=39( pa=0x(100000000|7f00000000) read=ok:0x[0-9a-f]+ write=ok readback=ok:0x[0-9a-f]+){2}'
eq() { [ "$1" = "$2" ]; }
# expect RUN NAME TEST [ARG [NOTE]]: asserts TEST OUTCOME ARG on attack NAME's
# outcome in this model's bare or hv run ($BARE, $HV).
expect() {
	local log o
	[ "$1" = bare ] && log=$BARE || log=$HV
	o=$(outcome "$log" "$2")
	boot_assert "$model $1: $2 -> $o${5:+ $5}" "$3" "$o" "${4:-}"
}
# integrity_all RUN TEST NOTE: TEST on every attack's integrity field (the
# triple fault's aside) in this model's bare or hv run.
integrity_all() {
	local log a i
	[ "$1" = bare ] && log=$BARE || log=$HV
	for a in "${ATTACKS[@]}"; do
		[ "$a" = triple-fault ] && continue
		i=$(integrity "$log" "$a")
		boot_assert "$model $1: $a integrity=$i ($3)" "$2" "$i"
	done
}
# fatal_lines LOG: the hypervisor's halting lines.
fatal_lines() { tr -d '\r' <"$1" | grep -a -E 'FATAL|unhandled VM exit|xmhf-ng: halted' || true; }

FAILED_HV=()
for model in $MODELS; do
	echo "== model $model"
	BARE=$BOOT_TEST_DIR/bare-$model.serial BARE_LOG=$BOOT_TEST_DIR/bare-$model.bochs
	rc=0
	t=$(date +%s)
	# Bare: runs until the final triple fault stops Bochs (exit 3).
	"$TOOLS/bochs-run.sh" --model "$model" --disk "$DISK" --serial "$BARE" --log "$BARE_LOG" \
		--timeout 60 "${MSR_GP[@]}" >/dev/null || rc=$?
	echo "bochs bare ($model): wall $(( $(date +%s) - t )) s, exit $rc"
	tr -d '\r' <"$BARE" | grep -a '^ATTACK' || true

	# Under xmhf-ng: all attacks in one boot, then each one missing alone.
	HV=$BOOT_TEST_DIR/hv-$model.serial
	: >"$HV"
	runs=0 range=
	for a in "${ATTACKS[@]}"; do
		[ -z "$(line "$HV" "$a")" ] || continue
		if [ "$runs" -eq 0 ]; then d=$DISK; else
			d=$BOOT_TEST_DIR/attack-$a.img
			"$TOOLS/guest-attack/build.sh" "$d" "$a" >/dev/null || boot_test_result 1
		fi
		runs=$((runs + 1))
		hv_bochs_boot "$ISO" "$d" 1 "$HV_DONE" --model "$model" --timeout 60 --no-default-fail \
			"${MSR_GP[@]}" >/dev/null
		echo "hv boot $runs ($model, ${d##*/}): exit $HV_RC"
		cp "$HV_BOCHSLOG" "$BOOT_TEST_DIR/hv-$model-$runs.bochs" 2>/dev/null || true
		cp "$HV_SERIAL" "$BOOT_TEST_DIR/hv-$model-$runs.serial"
		boot_assert "$model hv boot $runs: no VMENTER FAIL" hv_no_vmenter_fail
		tr -d '\r' <"$HV_SERIAL" | grep -a -E '^ATTACK|FATAL|unhandled VM exit|halted|unsupported|refused' || true
		cat "$HV_SERIAL" >>"$HV"
		[ "$runs" -gt 1 ] || range=$(hv_range)
		[ "$runs" -eq 1 ] || [ -n "$(line "$HV_SERIAL" "$a")" ] ||
			FAILED_HV+=("$model $a: no ATTACK line; $(fatal_lines "$HV_SERIAL" | head -n 2 | tr '\n' ' ')")
	done
	hv_base=0x${range%% *}
	[ -n "${range:-}" ] || { hv_base=0x1fc00000; echo "no banner: hypervisor base taken as $hv_base"; }
	echo "hypervisor base $hv_base (from the banner)"

	# --- bare: what Bochs itself gives.
	boot_assert "$model bare: Bochs stopped by the triple fault (exit 3, saw $rc)" [ "$rc" -eq 3 ]
	boot_assert "$model bare: Bochs reports the triple fault" \
		grep -a -q '3rd (13) exception with no resolution' "$BARE_LOG"
	integrity_all bare is_none "none wanted"
	expect bare int15-e820-control matches 'cf=0 eax=0x534d4150 ecx=0x14 base=0x0 type=0x1'
	expect bare int15-unreal-e820 matches 'cf=0 eax=0x534d4150 ecx=0x14'
	o=$(outcome "$BARE" int15-e801)
	boot_assert "$model bare: int15-e801 -> $o: RAM counted past the hypervisor base ($(e801_top "$o" bx) > $hv_base)" \
		gt "$(e801_top "$o" bx)" "$hv_base"
	expect bare int15-88 matches 'cf=0 ax=0x[0-9a-f]+ .*'
	expect bare pdpte-bad-cr3 eq 'skipped (bare)'
	expect bare msr-pt eq 'wrmsr-rtit-ctl=#GP rdmsr-rtit-output-base=#GP'
	expect bare msr-mtrr mtrr_ok
	expect bare msr-misc-enable-xd matches 'rdmsr=.*'
	expect bare apic-bytewise-memset eq 'skipped (bare)'
	expect bare apic-store-window-crosses-page eq 'after-store=#PF cr2=0x24000 tpr=0x0'
	expect bare msr-apic-base-move eq 'write-move=ok base=0xfef00000 apic-id-moved=0x0 restore=ok apic-id=0x0'
	expect bare msr-apic-base-disable matches 'write-en-clear=ok .*'
	expect bare mmio-above-limit matches "$MMIO_RE"
	expect bare stats-flood eq 'skipped (bare)'
	expect bare task-switch eq 'jmp-tss=ok task-b-ran=1 back-in-task-a'

	# --- under xmhf-ng: the outcome after the isolation fixes.
	integrity_all hv is_intact "0 changed"
	expect hv int15-e820-control matches 'cf=0 eax=0x534d4150 ecx=0x14 base=0x0 type=0x1'
	expect hv int15-unreal-e820 eq 'cf=1 ah=0x86' "(refused: cf=1 ah=0x86)"
	o=$(outcome "$HV" int15-e801)
	boot_assert "$model hv: int15-e801 -> $o: RAM stops at the hypervisor (BX: $(e801_top "$o" bx) <= $hv_base)" \
		le "$(e801_top "$o" bx)" "$hv_base"
	boot_assert "$model hv: int15-e801: DX: $(e801_top "$o" dx) <= $hv_base, AX: $(kib_top "$o" ax) <= $hv_base" \
		eval 'le "$(e801_top "$o" dx)" "$hv_base" && le "$(kib_top "$o" ax)" "$hv_base"'
	o=$(outcome "$HV" int15-88)
	boot_assert "$model hv: int15-88 -> $o: $(kib_top "$o" ax) <= $hv_base" le "$(kib_top "$o" ax)" "$hv_base"
	expect hv pdpte-bad-cr3 eq 'mov-cr0-pg=#GP' "(#GP)"
	expect hv msr-pt eq 'wrmsr-rtit-ctl=#GP rdmsr-rtit-output-base=#GP'
	expect hv msr-mtrr mtrr_ok '' "(shadowed: accepted, read back)"
	boot_assert "$model hv: the MTRR write went to the shadow and EPT types, not the real MTRR" \
		serial_has "$HV" '^CPU 0: guest MTRR 0x2ff = 0x[0-9a-f]*c00: [0-9]+ EPT leaves retyped'
	boot_assert "$model hv: the firmware MTRRs were shadowed at boot" \
		serial_has "$HV" '^xmhf-ng: guest MTRRs shadowed \([0-9]+ variable ranges'
	# Bochs has no IA32_MISC_ENABLE: the read is #GP as bare; with it, the
	# XD-disable write must be #GP.
	expect hv msr-misc-enable-xd matches 'rdmsr=#GP|rdmsr=0x[0-9a-f]+ write-xd-disable=#GP'
	expect hv apic-bytewise-memset eq 'mov8=ok movb-imm=ok mov16=ok tpr=0x0'
	expect hv apic-store-window-crosses-page eq 'after-store=#PF cr2=0x24000 tpr=0x0'
	expect hv msr-apic-base-disable eq 'write-en-clear=#GP apic-id=0x0' "(#GP, APIC ID 0 still read)"
	expect hv msr-apic-base-move eq 'write-move=#GP base=0xfee00000 apic-id=0x0' "(#GP, APIC still at 0xfee00000)"
	expect hv mmio-above-limit eq "$(outcome "$BARE" mmio-above-limit)" "(reads and writes as bare)"
	expect hv mmio-above-limit matches "$MMIO_RE"
	for pa in 0x100000000 0x7f00000000; do
		boot_assert "$model hv: $pa mapped uncacheable on access" \
			serial_has "$HV" "^CPU 0: guest access to $pa above the mapped space: 2 MiB mapped uncacheable"
	done
	expect hv stats-flood eq 'calls=1000 faults=0 not-ok=0'
	n=$(flood_lines "$HV")
	boot_assert "$model hv: stats-flood: ${n:-no} exit-counter prints for 1000 calls (1..18, rate-limited)" \
		eval '[ -n "$n" ] && [ "$n" -ge 1 ] && [ "$n" -le 18 ]'
	expect hv task-switch matches 'jmp-tss=ok task-b-ran=1 back-in-task-a|machine reset \(next boot\)' "(emulated or reset)"
	expect hv triple-fault eq 'machine reset (next boot)' "(reset)"
	boot_assert "$model hv: the machine booted xmhf-ng again after the triple fault" \
		[ "$(tr -d '\r' <"$BOOT_TEST_DIR/hv-$model-$runs.serial" | grep -a -c 'hypervisor at 0x')" -ge 2 ]
	boot_assert "$model hv: no unhandled VM exit" serial_lacks "$HV" 'unhandled VM exit'
	boot_assert "$model hv: no FATAL" serial_lacks "$HV" 'FATAL'
	fatal_lines "$HV" | sed "s/^/$model hv halt line: /"
done

# crash=halt: a guest triple fault is dumped and the machine halts, as today.
TF=$BOOT_TEST_DIR/attack-triple-fault.img
[ -f "$TF" ] || "$TOOLS/guest-attack/build.sh" "$TF" triple-fault >/dev/null || boot_test_result 1
hv_bochs_boot "$HALT_ISO" "$TF" 1 '^xmhf-ng: halted' --timeout 60 --no-default-fail "${MSR_GP[@]}" >/dev/null
cp "$HV_SERIAL" "$BOOT_TEST_DIR/hv-crash-halt.serial"
boot_assert "crash=halt: reached xmhf-ng: halted (exit $HV_RC)" [ "$HV_RC" -eq 0 ]
boot_assert "crash=halt: triple fault reported" \
	serial_has "$HV_SERIAL" 'unhandled VM exit 2 \(TRIPLE_FAULT\)|triple fault'

for f in "${FAILED_HV[@]}"; do echo "halted: $f"; done
boot_test_result 0
