#!/usr/bin/env bash
# Issue 4: Linux CPU hotplug sends INIT-SIPI-SIPI again to a running AP; the
# guest offlines and re-onlines every AP 10 times and all CPUs end online.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

hv_setup hv_hotplug "$BUILD_DIR/xmhf-ng.bin" -o "$BUILD_DIR/guest/hotplug.img" -a "xmhf.hotplug=10"
hv_bochs_boot "$HV_ISO" "$HV_DISK" 2 'XMHF-GUEST: MARKER cpus_online=2 done' --timeout 500

boot_assert "marker with 2 CPUs online" [ "$HV_RC" -eq 0 ]
boot_assert "10 rounds" serial_has "$HV_SERIAL" 'XMHF-GUEST: hotplug round 10 ok'
inits=$(grep -a -c '^CPU 1: INIT: back to the INIT state' "$HV_SERIAL" || true)
sipis=$(grep -a -c '^CPU 1: SIPI vector' "$HV_SERIAL" || true)
boot_assert "10 emulated INITs to CPU 1 (saw $inits)" [ "$inits" -eq 10 ]
boot_assert "11 SIPI starts of CPU 1 (saw $sipis)" [ "$sipis" -eq 11 ]
boot_assert "no VMENTER FAIL" hv_no_vmenter_fail
boot_test_result 0
