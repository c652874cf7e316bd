#!/usr/bin/env bash
# make bench: boots Debian bare and under xmhf-ng in Bochs (1, 2, 4 CPUs), the
# round-trip benchmark guest bare and under xmhf-ng, and the hypervisor up to
# its memory banner with 4 GiB of guest RAM; every tick figure twice. Logs go
# to build/bench/logs/, then tools/bench/report.py writes the CSV files,
# results.md (printed) and gnuplot draws boot.png. Asserts nothing about timing.
# usage: tools/bench/run.sh [--repeat N] [--cpus "1 2 4"]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=$ROOT/tools
OUT=$ROOT/build/bench
LOGS=$OUT/logs
REPEAT=2
CPU_LIST="1 2 4"
while [ $# -gt 0 ]; do
	case $1 in
	--repeat) REPEAT=$2; shift 2 ;;
	--cpus) CPU_LIST=$2; shift 2 ;;
	*) sed -n '8p' "$0" >&2; exit 64 ;;
	esac
done

command -v gnuplot >/dev/null || { apt-get update -q && apt-get install -y -q gnuplot-nox; }
make -C "$ROOT" -s all
rm -rf "$LOGS"
mkdir -p "$LOGS"
"$TOOLS/mkguest.sh" -o "$OUT/debian-stats.img" -a "xmhf.stats=1"
"$TOOLS/mkboot.sh" -i "$ROOT/build/xmhf-ng.bin" -o "$OUT/boot.iso"
"$TOOLS/bench/build.sh" "$OUT/roundtrip.img"

# bench_run NAME bochs-run.sh args...: serial log NAME.serial, wall seconds
# and bochs-run's exit code in NAME.wall and NAME.rc.
bench_run() {
	local name=$1 t rc=0; shift
	t=$(date +%s)
	"$TOOLS/bochs-run.sh" --serial "$LOGS/$name.serial" --log "$LOGS/$name.bochs" "$@" \
		>"$LOGS/$name.out" 2>&1 || rc=$?
	echo $(( $(date +%s) - t )) >"$LOGS/$name.wall"
	echo "$rc" >"$LOGS/$name.rc"
	echo "bench: $name: exit $rc, $(cat "$LOGS/$name.wall") s"
}

start=$(date +%s)
for ((rep = 1; rep <= REPEAT; rep++)); do
	for n in $CPU_LIST; do
		bench_run "boot-r$rep-bare-c$n" --disk "$OUT/debian-stats.img" --cpus "$n" \
			--timeout 900 --expect 'XMHF-GUEST: no hypervisor'
		bench_run "boot-r$rep-hv-c$n" --disk "$OUT/debian-stats.img" --cdrom "$OUT/boot.iso" \
			--cpus "$n" --timeout 900 --expect 'xmhf-ng: exits total='
	done
	bench_run "rt-r$rep-bare" --disk "$OUT/roundtrip.img" --timeout 300 \
		--expect 'XMHF-BENCH: done' --fail 'XMHF-BENCH: FAILED'
	bench_run "rt-r$rep-hv" --disk "$OUT/roundtrip.img" --cdrom "$OUT/boot.iso" --timeout 300 \
		--expect 'XMHF-BENCH: done' --fail 'XMHF-BENCH: FAILED'
done
# Bochs 2.7 allows at most 2048 MiB of host memory ("megs"); "memory:
# guest=4096" gives the guest 4 GiB of address space backed on demand.
for n in $CPU_LIST; do
	bench_run "mem4g-c$n" --disk "$OUT/debian-stats.img" --cdrom "$OUT/boot.iso" --cpus "$n" \
		--mem 2048 --rc "memory: guest=4096, host=2048" --timeout 300 --expect 'xmhf-ng: memory '
done
echo "bench: all runs took $(( $(date +%s) - start )) s"

python3 "$TOOLS/bench/report.py" "$LOGS" "$OUT"
gnuplot -e "datafile='$OUT/boot.dat'; outfile='$OUT/boot.png'" "$TOOLS/bench/boot.gp"
echo "bench: wrote $OUT/{boot,exits,roundtrip,memory}.csv, $OUT/results.md, $OUT/boot.png"
