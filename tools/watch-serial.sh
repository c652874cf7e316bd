#!/usr/bin/env bash
# Watches an emulator's serial log until a line matches the expected or a
# failure pattern, the timeout passes, or the emulator process exits.
# Used by tools/bochs-run.sh and tools/qemu-run.sh; does not kill the process.
# usage: tools/watch-serial.sh PID SERIAL_LOG TIMEOUT_S EXPECT_REGEX FAIL_REGEX [COUNT]
#   (extended regexes; an empty EXPECT_REGEX waits until exit or timeout;
#   COUNT, default 1: the expected line is the COUNT-th line matching it)
# exit: 0 expected line seen, 1 failure line seen (printed), 2 timeout (last 20
#   serial lines printed), 3 process exited before the expected line.
set -euo pipefail

[ $# -eq 5 ] || [ $# -eq 6 ] ||
	{ echo "usage: $0 PID SERIAL_LOG TIMEOUT_S EXPECT_REGEX FAIL_REGEX [COUNT]" >&2; exit 64; }
pid=$1 log=$2 timeout=$3 expect=$4 fail=$5 count=${6:-1}
case $count in ''|*[!0-9]*|0) echo "watch-serial: COUNT must be a positive number" >&2; exit 64 ;; esac

# The log without a last line still being written (no newline yet), so that
# a pattern never matches half a line.
complete_lines() {
	if [ -n "$(tail -c 1 "$log")" ]; then sed '$d' "$log"; else cat "$log"; fi
}

# Prints the N-th (default first) line of the log matching $1 and succeeds, or fails.
first_match() {
	[ -n "$1" ] && [ -f "$log" ] &&
		complete_lines | grep -a -m"${2:-1}" -E -- "$1" | sed -n "${2:-1}p" | tr -d '\r' | grep -a .
}

check() {
	local line
	if line=$(first_match "$fail"); then
		echo "watch-serial: failure line: $line"
		return 1
	fi
	if line=$(first_match "$expect" "$count"); then
		echo "watch-serial: expected line: $line"
		return 0
	fi
	return 4
}

# Alive and not a zombie (the emulator is our caller's unreaped child).
alive() {
	kill -0 "$pid" 2>/dev/null || return 1
	local st
	st=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null) || return 1
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

deadline=$(( $(date +%s%N) / 1000000 + timeout * 1000 ))
while :; do
	rc=0; check || rc=$?
	[ "$rc" -ne 4 ] && exit "$rc"
	if ! alive; then
		rc=0; check || rc=$?   # the last output may have landed meanwhile
		[ "$rc" -ne 4 ] && exit "$rc"
		echo "watch-serial: emulator exited before the expected line"
		exit 3
	fi
	if [ $(( $(date +%s%N) / 1000000 )) -ge "$deadline" ]; then
		echo "watch-serial: timeout after ${timeout}s; last serial lines:"
		[ -f "$log" ] && tail -n 20 "$log" | tr -d '\r' | sed 's/^/  | /'
		exit 2
	fi
	sleep 0.5
done
