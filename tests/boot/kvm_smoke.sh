#!/usr/bin/env bash
# Runs tools/kvm-smoke.sh: the hypervisor on real VT-x through nested KVM, two
# CPU profiles, 2 guest CPUs. Skipped (77) where the host has no nested VMX.
# usage: tests/boot/kvm_smoke.sh   (exit 0 pass, 1 fail, 77 skipped)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

boot_test_init kvm_smoke
rc=0
"$TOOLS/kvm-smoke.sh" --cpus 2 || rc=$?
[ "$rc" -eq 77 ] && exit 77
boot_assert "both KVM profiles reached the guest marker" [ "$rc" -eq 0 ]
boot_test_result 0
