#!/usr/bin/env bash
# Architectural state across VM exits: tools/guest-arch runs XSAVE/XSETBV,
# AVX, self-NMIs, a DR0 watchpoint, DEBUGCTL, single steps over exiting
# instructions, RF in a #GP frame, AP start/re-INIT by INIT-SIPI and an
# x2APIC AP start, printing "ARCH: <probe> -> <result>", then triple faults.
# For each Bochs CPU model that runs the hypervisor (ARCH_MODELS, default:
# every model from Westmere on; Nehalem boots natively) it
# runs bare and under xmhf-ng (2 CPUs): every bare result must be the
# success form (or "skipped (no X)", which is not counted as a pass) and the
# hypervisor run must print exactly what bare Bochs printed.
# ARCH_HV_IMAGE: hypervisor image (default build/xmhf-ng.bin).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init guest_arch
boot_require bochs grub-mkrescue xorriso gcc as ld
MODELS=${ARCH_MODELS:-$("$TOOLS/bochs-run.sh" --models | sed 's/corei5_lynnfield_750//')}
HV_IMAGE=${ARCH_HV_IMAGE:-$BUILD_DIR/xmhf-ng.bin}
DISK=$BOOT_TEST_DIR/arch.img
"$TOOLS/guest-arch/build.sh" "$DISK" || boot_test_result 1
ISO=$(hv_boot_iso "$HV_IMAGE") || boot_test_result 1
# bochs-run.sh sets ignore_bad_msrs=1; a later cpu: line makes a missing MSR
# #GP, as on hardware (as in guest_events.sh).
MSR_GP=(--rc "cpu: ignore_bad_msrs=0")

# Probe names in the order the guest prints them, with the bare success form
# (an extended regex over the whole result).
PROBES=(
	'xsave cpuid.osxsave|ok 0 then 1'
	'xsave xgetbv initial|ok xcr0=0x1'
	'xsave xsetbv|ok xcr0=0x[37] size=0x[0-9a-f]+'
	'xsave xsetbv invalid 0x5|ok #GP xcr0=0x[37]'
	'avx vaddps ymm|ok lanes=8'
	'self-nmi|ok nmis=1000'
	'dr0 write watchpoint after cpuid|ok db dr6\.b0=1 eip=next'
	'debugctl lbr after cpuid|ok debugctl=0x1'
	'single-step cpuid|ok eip=next bs=1'
	'single-step rdmsr 0x1b|ok eip=next bs=1'
	'single-step wrmsr efer same value|ok eip=next bs=1'
	'fault rf wrmsr 0x12345678|ok #GP rf=1'
	'fault rf rdmsr 0x12345678|ok #GP rf=1'
	'ap init-sipi-sipi|ok starts=1'
	'ap init storm in hlt then sipi|ok starts=2'
	'x2apic enable|ok x2apic id=0x0'
	'x2apic init-sipi|ok starts=3'
)

# result LOG PROBE: what the guest printed after "ARCH: PROBE -> ".
result() { tr -d '\r' <"$1" | grep -a -F -m1 "ARCH: $2 -> " | sed 's/^.* -> //' || true; }
# matches VALUE REGEX: the whole VALUE matches the extended REGEX.
matches() { [[ $1 =~ ^($2)$ ]]; }
# same A B: A is not empty and B is A.
same() { [ -n "$1" ] && [ "$1" = "$2" ]; }

SUMMARY=()
for model in $MODELS; do
	echo "== model $model"
	BARE=$BOOT_TEST_DIR/bare-$model.serial
	BARE_LOG=$BOOT_TEST_DIR/bare-$model.bochs
	rc=0
	t=$(date +%s)
	# Bare: no --expect, so it runs until the triple fault stops Bochs (exit 3).
	"$TOOLS/bochs-run.sh" --model "$model" --disk "$DISK" --cpus 2 --serial "$BARE" \
		--log "$BARE_LOG" --timeout 90 "${MSR_GP[@]}" || rc=$?
	echo "bochs bare ($model, 2 CPUs): wall $(( $(date +%s) - t )) s, exit $rc"
	boot_assert "$model bare: Bochs stopped by the guest (exit 3, saw $rc)" [ "$rc" -eq 3 ]
	boot_assert "$model bare: Bochs reports the triple fault" \
		grep -a -q '3rd (13) exception with no resolution' "$BARE_LOG"

	# Under xmhf-ng the triple fault is reported and the hypervisor halts.
	hv_bochs_boot "$ISO" "$DISK" 2 '^xmhf-ng: halted|ARCH: all probes done' \
		--model "$model" --timeout 90 --no-default-fail "${MSR_GP[@]}"
	HV=$BOOT_TEST_DIR/hv-$model.serial
	cp "$HV_SERIAL" "$HV" 2>/dev/null || : >"$HV"
	cp "$HV_BOCHSLOG" "$BOOT_TEST_DIR/hv-$model.bochs" 2>/dev/null || true
	boot_assert "$model hv: reached the end (exit 0, saw $HV_RC)" [ "$HV_RC" -eq 0 ]
	boot_assert "$model hv: no VMENTER FAIL" hv_no_vmenter_fail

	for log in "$BARE" "$HV"; do
		boot_assert "$model $(basename "$log"): ARCH: all probes done" \
			serial_has "$log" 'ARCH: all probes done'
	done

	passed=0 skipped=0 differ=0
	for entry in "${PROBES[@]}"; do
		probe=${entry%%|*} want=${entry#*|}
		bare=$(result "$BARE" "$probe")
		hv=$(result "$HV" "$probe")
		case $bare in
		'skipped (no '*)
			skipped=$((skipped + 1))
			echo "skip: $model $probe: $bare (not counted as a pass)" ;;
		*)
			if matches "$bare" "$want"; then passed=$((passed + 1)); fi
			boot_assert "$model bare: $probe -> ${bare:-<no line>}" matches "$bare" "$want" ;;
		esac
		[ "$bare" = "$hv" ] || differ=$((differ + 1))
		boot_assert "$model hv: $probe -> ${hv:-<no line>} (bare: ${bare:-<no line>})" \
			same "$bare" "$hv"
	done
	SUMMARY+=("$model: $passed bare passes, $skipped skipped, $differ differ under xmhf-ng")
done
for s in "${SUMMARY[@]}"; do echo "summary: $s"; done
boot_test_result 0
