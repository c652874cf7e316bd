#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c, linked with xmhf/lib)
# with clang (ASan+UBSan) into build/fuzz/ and runs each for SECONDS (default
# 60). Each run starts from the committed seeds tests/fuzz/corpus/NAME/ and
# grows a scratch corpus in build/fuzz/corpus/NAME/; crash inputs land in
# build/fuzz/crashes/NAME/. Exit 0 if no harness crashed, 1 otherwise, 77 if
# clang cannot build libFuzzer programs.
# usage: tools/fuzz.sh [--update-seeds] [SECONDS] [NAME...]
#   --update-seeds   afterwards, minimise the scratch corpus back into the
#                    committed seeds (libFuzzer -merge=1; named seeds are kept,
#                    at most 30 merged SHA-1-named files of spread sizes)
#   NAME             only these harnesses (e.g. e820 cmdline)
set -euo pipefail
cd "$(dirname "$0")/.."

update=0
if [ "${1:-}" = --update-seeds ]; then update=1; shift; fi
secs=${1:-60}
[ $# -gt 0 ] && shift
out=build/fuzz
mkdir -p "$out/obj"

CC=${FUZZ_CC:-clang}
CFLAGS=(-std=gnu11 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer
	-fsanitize=address,undefined -fno-sanitize-recover=all -Iinclude -Ixmhf/lib)
if ! printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){return 0;}\n' |
	"$CC" -x c -fsanitize=fuzzer - -o "$out/probe" 2>/dev/null; then
	echo "fuzz: $CC cannot link -fsanitize=fuzzer (apt-get install -y clang)"
	exit 77
fi

# xmhf/lib once, with coverage instrumentation but without libFuzzer's main.
objs=()
for src in xmhf/lib/*.c; do
	obj=$out/obj/$(basename "$src" .c).o
	"$CC" "${CFLAGS[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
	objs+=("$obj")
done

if [ $# -gt 0 ]; then names=("$@"); else
	names=(); for h in tests/fuzz/fuzz_*.c; do n=$(basename "$h" .c); names+=("${n#fuzz_}"); done
fi

failed=()
for name in "${names[@]}"; do
	bin=$out/fuzz_$name seeds=tests/fuzz/corpus/$name
	work=$out/corpus/$name crashes=$out/crashes/$name/
	"$CC" "${CFLAGS[@]}" -fsanitize=fuzzer "tests/fuzz/fuzz_$name.c" "${objs[@]}" -o "$bin"
	mkdir -p "$seeds" "$work" "$crashes"
	log=$out/$name.log
	# Inputs no larger than the structure each harness reads.
	case $name in
	mmio_decode) max=16 ;; cmdline) max=256 ;; cr_policy|icr|msr_bitmap) max=1024 ;;
	vmcs_check) max=2048 ;; *) max=4096 ;;
	esac
	if "$bin" -max_len=$max -max_total_time="$secs" -artifact_prefix="$crashes" \
		-print_final_stats=1 "$work" "$seeds" >"$log" 2>&1; then
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		cov=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -n 1 |
			sed -n 's/.* cov: \([0-9]*\).*/\1/p')
		echo "fuzz $name: ok, ${execs:-?} runs in ${secs}s, coverage ${cov:-?} edges"
	else
		echo "fuzz $name: CRASH, input in $crashes; log $log:"
		grep -E 'invariant broken|ERROR: |runtime error|SUMMARY' "$log" | head -n 5 | sed 's/^/    /'
		failed+=("$name")
	fi
	if [ "$update" = 1 ]; then
		# Named seeds (hand-written, crash regressions) stay; files named by
		# their SHA-1 (libFuzzer's) are replaced by the merge of what they
		# add beyond the named ones.
		tmp=$out/merge/$name
		rm -rf "$tmp"; mkdir -p "$tmp"
		find "$seeds" -type f -regextype posix-extended ! -regex '.*/[0-9a-f]{40}' -exec cp {} "$tmp/" \;
		"$bin" -merge=1 -max_len=$max "$tmp" "$seeds" "$work" >/dev/null 2>&1
		find "$seeds" -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
		mapfile -t merged < <(find "$tmp" -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -printf '%s %f\n' |
			sort -n | cut -d' ' -f2)
		# At most 30, spread evenly over the sizes (small and large inputs).
		n=${#merged[@]} keep=$(( ${#merged[@]} < 30 ? ${#merged[@]} : 30 ))
		for ((i = 0; i < keep; i++)); do cp "$tmp/${merged[i * n / keep]}" "$seeds/"; done
		echo "fuzz $name: seeds now $(ls "$seeds" | wc -l) files," \
			"$(du -sk --apparent-size "$seeds" | cut -f1) KiB"
	fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: crashed: ${failed[*]}"; exit 1; }
echo "fuzz: ${#names[@]} harnesses, no crash"
