#!/usr/bin/env bash
# Issue 14: idle APs sleep. A guest booted with maxcpus=1 on 4 CPUs never
# starts CPUs 1-3; they wait for its SIPI in VMX root with HLT, not a PAUSE
# spin: each reports waiting=yes, a handful of HLT wake-ups, and idle ticks
# covering most of the run (hypercall 1, runtime/idle.c).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

CPUS=4
hv_setup hv_idle_aps "$BUILD_DIR/xmhf-ng.bin" -o "$BUILD_DIR/guest/idle.img" -a "maxcpus=1 xmhf.stats=1"
hv_bochs_boot "$HV_ISO" "$HV_DISK" "$CPUS" 'xmhf-ng: exits total=' --timeout 300

boot_assert "marker with 1 CPU online" serial_has "$HV_SERIAL" 'XMHF-GUEST: MARKER cpus_online=1 done'
# Kicks a waiting AP gets: the BSP's go-ahead, and one EPT flush request per
# guest MTRR change (runtime/guest_mtrr.c). A PAUSE spin would count millions.
kicks=$((1 + $(grep -a -c '^CPU [0-9]*: guest MTRR .* EPT leaves retyped' "$HV_SERIAL" || true)))
tsc=$(serial_value "$HV_SERIAL" '^XMHF-GUEST: tsc=([0-9]+).*')
boot_assert "guest TSC printed ($tsc)" [ -n "$tsc" ]
for ((ap = 1; ap < CPUS; ap++)); do
	line=$(tr -d '\r' <"$HV_SERIAL" | grep -a -m1 "^xmhf-ng: idle cpu=$ap " || true)
	echo "CPU $ap: $line"
	ticks=$(sed -n -E 's/.* ticks=([0-9]+) .*/\1/p' <<<"$line")
	wakeups=$(sed -n -E 's/.* wakeups=([0-9]+)$/\1/p' <<<"$line")
	boot_assert "CPU $ap still waits for a SIPI" grep -q ' waiting=yes ' <<<"$line"
	boot_assert "CPU $ap: at most $kicks HLT wake-ups, one per kick (saw ${wakeups:-none})" \
		[ "${wakeups:-999999999}" -le "$kicks" ]
	boot_assert "CPU $ap: idle for over half of the guest's TSC (${ticks:-none} of ${tsc:-none})" \
		[ "$(( ${ticks:-0} * 2 ))" -gt "${tsc:-0}" ]
done
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail
boot_test_result 0
