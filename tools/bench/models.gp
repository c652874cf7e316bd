# Workload ratios per CPU model: xmhf-ng / bare guest TSC ticks (gnuplot;
# run.sh passes datafile and outfile). 1.0 = no overhead.
set terminal pngcairo size 1000,480 noenhanced
set output outfile
set title "Workloads per Bochs CPU model, 2 CPUs (xmhf-ng / bare ticks)"
set ylabel "ratio"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key top right

set yrange [0.9:*]
set grid ytics
set xtics rotate by -20
plot for [i=2:6] datafile using i:xtic(1) title columnhead(i)
