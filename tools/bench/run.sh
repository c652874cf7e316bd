#!/usr/bin/env bash
# make bench: boots Debian bare and under xmhf-ng in Bochs (1, 2, 4 CPUs), both
# from the same GRUB CD (bare: its entry chainloads the disk; xmhf-ng: its entry
# loads the hypervisor, which boots the disk), the steady-state workloads of
# tools/guest/xmhf-work.c bare and under xmhf-ng (2 CPUs), the round-trip
# benchmark guest bare and under xmhf-ng, idle APs (a maxcpus=1 guest on 4 CPUs:
# idle ticks, HLT wake-ups and wall time per CPU), the hypervisor up to its memory
# banner with 4 GiB of guest RAM, and the workload guest (boot and workloads) on
# the other CPU models that boot Debian (a Skylake-X run takes about 5 minutes);
# every tick figure twice. Two emulators run at a time (BENCH_JOBS). Logs go to build/bench/logs/, then
# tools/bench/report.py writes the CSV files, results.md (printed) and gnuplot
# draws boot.png and work.png. Asserts nothing about timing.
# usage: tools/bench/run.sh [--repeat N] [--cpus "1 2 4"] [--models "M ..."]
#        [--model-repeat N] [--parts "boot work rt idle mem models"]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=$ROOT/tools
OUT=$ROOT/build/bench
LOGS=$OUT/logs
REPEAT=2
MODEL_REPEAT=2
CPU_LIST="1 2 4"
PARTS="boot work rt idle mem models"
JOBS=${BENCH_JOBS:-2}
# Westmere is the work part's model; Ice Lake and Tiger Lake do not boot Debian
# 6.1 even bare; Lynnfield has no unrestricted guest (the guest runs natively).
MODELS="corei7_sandy_bridge_2600k corei7_ivy_bridge_3770k corei7_haswell_4770 broadwell_ult
	corei7_skylake_x corei3_cnl"
while [ $# -gt 0 ]; do
	case $1 in
	--repeat) REPEAT=$2; shift 2 ;;
	--cpus) CPU_LIST=$2; shift 2 ;;
	--parts) PARTS=$2; shift 2 ;;
	--models) MODELS=$2; shift 2 ;;
	--model-repeat) MODEL_REPEAT=$2; shift 2 ;;
	*) sed -n '14,15p' "$0" >&2; exit 64 ;;
	esac
done

command -v gnuplot >/dev/null || { apt-get update -q && apt-get install -y -q gnuplot-nox; }
make -C "$ROOT" -s all
# Fresh logs for the parts that run; the others' logs stay for report.py.
mkdir -p "$LOGS"
for p in $PARTS; do
	case $p in
	boot|work|rt|idle) rm -f "$LOGS/$p"-r* ;;
	models) rm -f "$LOGS"/model-r* ;;
	mem) rm -f "$LOGS"/mem4g-* ;;
	*) echo "bench: unknown part $p" >&2; exit 64 ;;
	esac
done
"$TOOLS/mkguest.sh" -o "$OUT/debian-stats.img" -a "xmhf.stats=1"
"$TOOLS/mkguest.sh" -o "$OUT/debian-idle.img" -a "maxcpus=1 xmhf.stats=1"
# Workloads (xmhf-work NAME:ARG): each a few tens of M ticks (0.4-2 emulated s).
"$TOOLS/mkguest.sh" -o "$OUT/debian-work.img" -m "ata_piix sd_mod" \
	-e 'XMHF_WORK="hash:32 syscall:50000 disk:2 ipi:2000 idle:2 cpuid:20000"'
# The same for the other models: Ivy Bridge and later have RDRAND, which Bochs
# answers from the host, so KASLR and the kernel's RNG would make every run
# different; without them the runs repeat to the tick (Westmere has no RDRAND).
"$TOOLS/mkguest.sh" -o "$OUT/debian-work-det.img" -m "ata_piix sd_mod" \
	-a "nokaslr clearcpuid=aperfmperf,rdrand,rdseed" \
	-e 'XMHF_WORK="hash:32 syscall:50000 disk:2 ipi:2000 idle:2 cpuid:20000"'
"$TOOLS/mkboot.sh" -i "$ROOT/build/xmhf-ng.bin" -o "$OUT/boot.iso"
"$TOOLS/mkboot.sh" --chainload -o "$OUT/boot-bare.iso"
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

# bench_bg: bench_run in the background once fewer than JOBS runs are going.
bench_bg() {
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
	bench_run "$@" &
}

part() { case " $PARTS " in *" $1 "*) return 0 ;; esac; return 1; }

start=$(date +%s)
for ((rep = 1; rep <= REPEAT; rep++)); do
	part boot && for n in $CPU_LIST; do
		bench_bg "boot-r$rep-bare-c$n" --disk "$OUT/debian-stats.img" \
			--cdrom "$OUT/boot-bare.iso" --cpus "$n" \
			--timeout 900 --expect 'XMHF-GUEST: no hypervisor'
		bench_bg "boot-r$rep-hv-c$n" --disk "$OUT/debian-stats.img" --cdrom "$OUT/boot.iso" \
			--cpus "$n" --timeout 900 --expect 'xmhf-ng: exits total='
	done
	if part work; then
		bench_bg "work-r$rep-bare" --disk "$OUT/debian-work.img" \
			--cdrom "$OUT/boot-bare.iso" --cpus 2 --timeout 900 --expect 'XMHF-GUEST: work done'
		bench_bg "work-r$rep-hv" --disk "$OUT/debian-work.img" --cdrom "$OUT/boot.iso" \
			--cpus 2 --timeout 900 --expect 'XMHF-GUEST: work done'
	fi
	if part idle; then	# CPUs 1-3 never get a SIPI: they wait in VMX root
		bench_bg "idle-r$rep-bare" --disk "$OUT/debian-idle.img" \
			--cdrom "$OUT/boot-bare.iso" --cpus 4 --timeout 900 --expect 'XMHF-GUEST: no hypervisor'
		bench_bg "idle-r$rep-hv" --disk "$OUT/debian-idle.img" --cdrom "$OUT/boot.iso" \
			--cpus 4 --timeout 900 --expect 'xmhf-ng: exits total='
	fi
	if part rt; then
		bench_bg "rt-r$rep-bare" --disk "$OUT/roundtrip.img" --timeout 300 \
			--expect 'XMHF-BENCH: done' --fail 'XMHF-BENCH: FAILED'
		bench_bg "rt-r$rep-hv" --disk "$OUT/roundtrip.img" --cdrom "$OUT/boot.iso" \
			--timeout 300 --expect 'XMHF-BENCH: done' --fail 'XMHF-BENCH: FAILED'
	fi
done
# Bochs 2.7 allows at most 2048 MiB of host memory ("megs"); "memory:
# guest=4096" gives the guest 4 GiB of address space backed on demand.
part mem && for n in $CPU_LIST; do
	bench_bg "mem4g-c$n" --disk "$OUT/debian-stats.img" --cdrom "$OUT/boot.iso" --cpus "$n" \
		--mem 2048 --rc "memory: guest=4096, host=2048" --timeout 300 --expect 'xmhf-ng: memory '
done
part models && for ((rep = 1; rep <= MODEL_REPEAT; rep++)); do
	for m in $MODELS; do
		bench_bg "model-r$rep-bare-$m" --model "$m" --disk "$OUT/debian-work-det.img" \
			--cdrom "$OUT/boot-bare.iso" --cpus 2 --timeout 900 --expect 'XMHF-GUEST: work done'
		bench_bg "model-r$rep-hv-$m" --model "$m" --disk "$OUT/debian-work-det.img" \
			--cdrom "$OUT/boot.iso" --cpus 2 --timeout 900 --expect 'XMHF-GUEST: work done'
	done
done
wait
echo "bench: all runs took $(( $(date +%s) - start )) s"

python3 "$TOOLS/bench/report.py" "$LOGS" "$OUT"
gnuplot -e "datafile='$OUT/boot.dat'; outfile='$OUT/boot.png'" "$TOOLS/bench/boot.gp"
gnuplot -e "datafile='$OUT/work.dat'; outfile='$OUT/work.png'" "$TOOLS/bench/work.gp"
[ ! -f "$OUT/models.dat" ] ||
	gnuplot -e "datafile='$OUT/models.dat'; outfile='$OUT/models.png'" "$TOOLS/bench/models.gp"
echo "bench: wrote $OUT/{boot,exits,work,work_exits,roundtrip,idle,memory,models}.csv," \
	"$OUT/results.md, $OUT/{boot,work,models}.png"
