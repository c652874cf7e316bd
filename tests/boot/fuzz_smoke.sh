#!/usr/bin/env bash
# Runs every libFuzzer harness (tests/fuzz/) for 3 seconds from its committed
# seeds; fails if any harness finds a crash or a broken invariant. Skipped
# (77) when clang cannot link libFuzzer programs. `make fuzz` runs them longer.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

boot_test_init fuzz_smoke
rc=0
bash "$TOOLS/fuzz.sh" "${FUZZ_SMOKE_SECONDS:-3}" || rc=$?
[ "$rc" -eq 77 ] && boot_test_skip "clang cannot build libFuzzer harnesses (apt-get install -y clang)"
boot_assert "no harness crashed" [ "$rc" -eq 0 ]
boot_test_result 0
