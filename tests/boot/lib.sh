#!/usr/bin/env bash
# Shared helpers for the emulator boot tests (tests/boot/*.sh), sourced after
# `set -euo pipefail`. Convention: a test exits 0 pass, 1 fail, 77 skipped.
# usage: . "$(dirname "$0")/lib.sh"   then   boot_test_init NAME
#   REPO_ROOT, BUILD_DIR, TOOLS          paths (repo root, build/, tools/)
#   boot_test_init NAME                  sets BOOT_TEST_DIR=build/boot-tests/NAME (emptied)
#   boot_require CMD...                  skip (77) unless every command exists
#   boot_guest_disk [mkguest.sh args]    builds the guest disk, prints its path
#   serial_has LOG REGEX                 true if a line of LOG matches REGEX
#   serial_value LOG SED_REGEX           first \1 capture of SED_REGEX in LOG
#   boot_assert DESCRIPTION CMD...       runs CMD; on failure records it
#   boot_test_result [RC]                prints PASS/FAIL summary, exits 0 or 1
#   boot_test_skip REASON                prints the reason, exits 77
#   boot_elapsed                         seconds since boot_test_init

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=$REPO_ROOT/build
TOOLS=$REPO_ROOT/tools
BOOT_TEST_NAME=
BOOT_TEST_DIR=
BOOT_TEST_START=
BOOT_TEST_FAILURES=0

boot_test_init() {
	BOOT_TEST_NAME=$1
	BOOT_TEST_DIR=$BUILD_DIR/boot-tests/$1
	rm -rf "$BOOT_TEST_DIR"
	mkdir -p "$BOOT_TEST_DIR"
	BOOT_TEST_START=$(date +%s)
	echo "== boot test $1 ($(date -u +%FT%TZ))"
}

boot_elapsed() { echo $(( $(date +%s) - BOOT_TEST_START )); }

boot_test_skip() {
	echo "SKIP ${BOOT_TEST_NAME:-boot test}: $*"
	exit 77
}

boot_require() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || boot_test_skip "$c not installed (run tools/deps.sh)"
	done
}

boot_guest_disk() {
	local out=$BUILD_DIR/guest/debian.img a
	local args=("$@")
	for ((a = 0; a < ${#args[@]}; a++)); do
		[ "${args[a]}" = -o ] && out=${args[a + 1]}
	done
	"$TOOLS/mkguest.sh" "$@" >&2 || return 1
	echo "$out"
}

serial_has() { grep -a -q -E -- "$2" "$1"; }

serial_value() { tr -d '\r' <"$1" | sed -n -E "s/$2/\\1/p" | head -n 1; }

boot_assert() {
	local what=$1; shift
	if "$@"; then
		echo "ok: $what"
	else
		echo "NOT OK: $what"
		BOOT_TEST_FAILURES=$((BOOT_TEST_FAILURES + 1))
	fi
}

boot_test_result() {
	local rc=${1:-0}
	if [ "$rc" -eq 77 ]; then
		boot_test_skip "skipped"
	fi
	if [ "$rc" -ne 0 ] || [ "$BOOT_TEST_FAILURES" -ne 0 ]; then
		echo "FAIL $BOOT_TEST_NAME after $(boot_elapsed) s ($BOOT_TEST_FAILURES failed checks, rc $rc); logs in $BOOT_TEST_DIR"
		exit 1
	fi
	echo "PASS $BOOT_TEST_NAME after $(boot_elapsed) s"
	exit 0
}
