# Boot ticks bare vs under xmhf-ng by CPU count (gnuplot; run.sh passes
# datafile and outfile).
set terminal pngcairo size 800,480 noenhanced
set output outfile
set title "Debian boot to the init marker in Bochs 2.7 (CPU 0 TSC)"
set ylabel "emulated ticks (millions)"
set xlabel "CPUs"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key left top
set yrange [0:*]
plot datafile using ($2/1e6):xtic(1) title "bare", '' using ($3/1e6) title "under xmhf-ng"
