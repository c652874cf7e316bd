#!/usr/bin/env bash
# Issue 10: the same Debian disk boots to its marker with all CPUs online,
# bare and under xmhf-ng, on every Bochs CPU model that boots it bare (2 CPUs
# each; one AP offline/online cycle on $HOTPLUG_MODEL), with no failed VM
# entry and a silent checker. On Nehalem (no unrestricted guest) the
# hypervisor says why in one line and Debian boots natively. Prints, per
# model, power-on-to-marker ticks bare and under xmhf-ng and the VM exits by
# reason (CPU 0's TSC at the marker; clock sync=none: deterministic).
#   MODELS="..." to choose the models (default below), NATIVE_MODEL, HOTPLUG_MODEL.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

MODELS=${MODELS:-"corei5_arrandale_m520 corei7_sandy_bridge_2600k corei7_ivy_bridge_3770k
corei7_haswell_4770 broadwell_ult corei7_skylake_x corei3_cnl"}
NATIVE_MODEL=${NATIVE_MODEL:-corei5_lynnfield_750}
HOTPLUG_MODEL=${HOTPLUG_MODEL:-corei7_skylake_x}
CPUS=2
hv_setup hv_cpu_models "$BUILD_DIR/xmhf-ng.bin" -o "$BUILD_DIR/guest/debian-stats.img" -a "xmhf.stats=1"
HOTPLUG_DISK=$(boot_guest_disk -o "$BUILD_DIR/guest/debian-stats-hotplug.img" \
	-a "xmhf.stats=1 xmhf.hotplug=1") || boot_test_result 1
MARKER="XMHF-GUEST: MARKER cpus_online=$CPUS done"

# run NAME MODEL DISK EXPECT [bochs-run args]: one Bochs boot, in the background.
run() {
	local name=$1 model=$2 disk=$3 expect=$4; shift 4
	"$TOOLS/bochs-run.sh" --model "$model" --disk "$disk" --cpus "$CPUS" --timeout 500 \
		--serial "$BOOT_TEST_DIR/$name.serial" --log "$BOOT_TEST_DIR/$name.bochs" \
		--expect "$expect" "$@" >"$BOOT_TEST_DIR/$name.out" 2>&1
	echo $? >"$BOOT_TEST_DIR/$name.rc"
}
tsc() { serial_value "$BOOT_TEST_DIR/$1.serial" '^XMHF-GUEST: tsc=([0-9]+).*'; }
exits() {
	tr -d '\r' <"$BOOT_TEST_DIR/$1.serial" |
		sed -n -E 's/^xmhf-ng: exits cpu=([0-9]+) reason=[0-9]+ name=([A-Z_0-9]+) count=([0-9]+).*/\2:\1=\3/p' |
		tr '\n' ' '
}

for m in $MODELS; do
	disk=$HV_DISK
	[ "$m" = "$HOTPLUG_MODEL" ] && disk=$HOTPLUG_DISK
	t=$(date +%s)
	run "bare-$m" "$m" "$disk" 'XMHF-GUEST: no hypervisor' &
	run "hv-$m" "$m" "$disk" 'xmhf-ng: exits total=' --cdrom "$HV_ISO" &
	wait
	echo "== $m: wall $(( $(date +%s) - t )) s"
	for mode in bare hv; do
		s=$BOOT_TEST_DIR/$mode-$m.serial
		boot_assert "$m $mode: run ended as expected" [ "$(cat "$BOOT_TEST_DIR/$mode-$m.rc")" = 0 ]
		boot_assert "$m $mode: marker with $CPUS CPUs online" serial_has "$s" "$MARKER"
	done
	s=$BOOT_TEST_DIR/hv-$m.serial
	boot_assert "$m hv: smp: Brought up 1 node, $CPUS CPUs" serial_has "$s" "smp: Brought up 1 node, $CPUS CPUs"
	boot_assert "$m hv: guest sees the hypervisor bit and no VMX" serial_has "$s" 'cpuid hypervisor=yes vmx=no'
	boot_assert "$m hv: no VMENTER FAIL" bash -c "! grep -a -q 'VMENTER FAIL' '$BOOT_TEST_DIR/hv-$m.bochs'"
	boot_assert "$m hv: no VMCS check violation" serial_lacks "$s" '^VMCS check:'
	if [ "$m" = "$HOTPLUG_MODEL" ]; then
		boot_assert "$m hv: AP offlined and onlined once" serial_has "$s" 'XMHF-GUEST: hotplug round 1 ok'
		boot_assert "$m hv: one emulated INIT of CPU 1" \
			[ "$(grep -a -c '^CPU 1: INIT: back to the INIT state' "$s" || true)" = 1 ]
	fi
	b=$(tsc "bare-$m") h=$(tsc "hv-$m")
	echo "model $m: ticks bare=${b:-?} xmhf-ng=${h:-?} ratio=$(awk -v b="${b:-0}" -v h="${h:-0}" 'BEGIN { if (b) printf "%.3f", h / b; else print "?" }')"
	echo "model $m: exits $(exits "hv-$m")"
	grep -a -h '^xmhf-ng: CPUID hides' "$s" | sed "s/^/model $m: /" || true
done

# Nehalem: no unrestricted guest. One line says why, then a native boot.
t=$(date +%s)
run "hv-$NATIVE_MODEL" "$NATIVE_MODEL" "$HV_DISK" "$MARKER" --cdrom "$HV_ISO"
echo "== $NATIVE_MODEL: wall $(( $(date +%s) - t )) s"
s=$BOOT_TEST_DIR/hv-$NATIVE_MODEL.serial
boot_assert "$NATIVE_MODEL: marker with $CPUS CPUs, natively" [ "$(cat "$BOOT_TEST_DIR/hv-$NATIVE_MODEL.rc")" = 0 ]
boot_assert "$NATIVE_MODEL: the reason in one line" serial_has "$s" \
	'^xmhf-ng: VMX lacks required secondary \(EPT, unrestricted guest\) control bits 0x00000080'
boot_assert "$NATIVE_MODEL: native boot announced" serial_has "$s" 'booting the guest natively'
boot_assert "$NATIVE_MODEL: the guest sees no hypervisor" serial_has "$s" 'cpuid hypervisor=no'
echo "model $NATIVE_MODEL: ticks native=$(tsc "hv-$NATIVE_MODEL")"
boot_test_result 0
