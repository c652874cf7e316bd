# Steady-state workloads: xmhf-ng / bare guest TSC ticks (gnuplot; run.sh
# passes datafile and outfile). 1.0 = no overhead; log scale.
set terminal pngcairo size 800,480 noenhanced
set output outfile
set title "Workloads in a running Debian guest, Bochs 2.7, 2 CPUs (xmhf-ng / bare ticks)"
set ylabel "ratio"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key off
set logscale y
set yrange [0.9:*]
set grid ytics
plot datafile using 2:xtic(1) title "xmhf-ng / bare", \
	'' using ($0):2:(sprintf("%.3f", $2)) with labels offset 0,1 notitle
