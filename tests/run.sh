#!/usr/bin/env bash
# Runs every test: host unit tests (build/tests/test_*) then emulator boot tests
# (tests/boot/*.sh; exit 0 = pass, 77 = skipped, anything else = fail).
# Ends with the line "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
logs=build/test-logs
mkdir -p "$logs"
pass=0 fail=0 skip=0
failed_names=()

run_one() {
	local name=$1; shift
	local log="$logs/${name//[:\/]/_}.log" start rc
	start=$(date +%s)
	"$@" >"$log" 2>&1 </dev/null
	rc=$?
	local dur=$(( $(date +%s) - start ))
	case $rc in
	0) pass=$((pass + 1)); echo "PASS $name (${dur}s)" ;;
	77) skip=$((skip + 1)); echo "SKIP $name: $(tail -n 1 "$log")" ;;
	*) fail=$((fail + 1)); failed_names+=("$name")
	   echo "FAIL $name (exit $rc, ${dur}s); last lines of $log:"
	   tail -n 25 "$log" | sed 's/^/    /' ;;
	esac
}

filter=${TESTS:-}
for t in build/tests/test_*; do
	[ -x "$t" ] || continue
	name="unit:$(basename "$t")"
	[ -n "$filter" ] && [[ $name != *$filter* ]] && continue
	run_one "$name" "$t"
done
for t in tests/boot/*.sh; do
	case $(basename "$t") in *lib.sh) continue ;; esac
	name="boot:$(basename "$t" .sh)"
	[ -n "$filter" ] && [[ $name != *$filter* ]] && continue
	run_one "$name" bash "$t"
done
[ ${#failed_names[@]} -gt 0 ] && echo "failed: ${failed_names[*]}"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
