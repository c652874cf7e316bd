#!/bin/busybox sh
# shellcheck shell=dash disable=SC1091,SC2013
# /init of the xmhf-ng test guest's initramfs (packed by tools/mkguest.sh with
# busybox-static). Reports what the guest sees as "XMHF-GUEST: ..." lines on
# the console, optionally exercises CPU hotplug, then powers off.
# usage: run by the kernel as /init; reads the kernel command line
#   (xmhf.hotplug=N: offline/online every AP N times; xmhf.stats=1: ask the
#   hypervisor to print its VM-exit counters before poweroff) and, if present,
#   /etc/xmhf-guest.env (shell assignments from mkguest.sh -e; XMHF_HOTPLUG=N
#   as above, XMHF_SHELL=1: start a shell on the console instead of poweroff,
#   XMHF_FINISH=reboot: `reboot -f` instead of `poweroff -f`; the kernel's
#   reboot= argument picks the reset method,
#   XMHF_WORK="NAME:ARG ...": after the marker, run "xmhf-work NAME ARG" for
#   each, the steady-state workloads of make bench). /etc/xmhf-modules (from
#   mkguest.sh -m) lists kernel modules in /lib/modules to load first.
# Report lines are written through /dev/kmsg so that each is one whole printk
# record on the serial console, never interleaved with kernel messages.

/bin/busybox mkdir -p /bin /sbin /usr/bin /usr/sbin /proc /sys /dev /tmp
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null

XMHF_HOTPLUG=
XMHF_STATS=0
XMHF_HVPROBE=0
XMHF_SHELL=0
XMHF_FINISH=poweroff
XMHF_WORK=
[ -r /etc/xmhf-guest.env ] && . /etc/xmhf-guest.env

USE_KMSG=0
if [ -w /dev/kmsg ]; then
	echo on >/proc/sys/kernel/printk_devkmsg 2>/dev/null
	echo N >/sys/module/printk/parameters/time 2>/dev/null
	USE_KMSG=1
fi

say() {
	if [ "$USE_KMSG" = 1 ]; then
		echo "XMHF-GUEST: $*" >/dev/kmsg
	else
		echo "XMHF-GUEST: $*"
	fi
}

# Number of CPUs in a sysfs cpu list such as "0-3,5".
count_cpus() {
	n=0
	for part in $(echo "$1" | tr ',' ' '); do
		case $part in
		*-*) n=$((n + ${part#*-} - ${part%-*} + 1)) ;;
		'') ;;
		*) n=$((n + 1)) ;;
		esac
	done
	echo "$n"
}

online_count() { count_cpus "$(cat /sys/devices/system/cpu/online)"; }

finish() {
	if [ "$XMHF_SHELL" = 1 ]; then
		say "shell (exit to power off)"
		setsid cttyhack sh
	fi
	sync
	case $XMHF_FINISH in
	reboot) say "reboot -f ($(tr ' ' '\n' </proc/cmdline | grep '^reboot=' || echo 'default method'))"
		reboot -f ;;
	*) poweroff -f ;;
	esac
	sleep 5
	say "$XMHF_FINISH FAILED"
	while :; do sleep 3600; done
}

say "uname=$(uname -r)"
if [ -r /etc/xmhf-modules ]; then
	for m in $(cat /etc/xmhf-modules); do
		insmod "/lib/modules/$m.ko" || say "modules FAILED: insmod $m"
	done
	say "modules loaded: $(echo $(cat /etc/xmhf-modules))"
fi
say "cpus_online=$(online_count) possible=$(count_cpus "$(cat /sys/devices/system/cpu/possible)")"

flags=$(awk -F': *' '/^flags/ { print $2; exit }' /proc/cpuinfo)
has_flag() { case " $flags " in *" $1 "*) echo yes ;; *) echo no ;; esac; }
say "cpuid hypervisor=$(has_flag hypervisor) vmx=$(has_flag vmx)"

dmesg | sed -n 's/^.*BIOS-e820: *//p' | while IFS= read -r line; do
	say "e820 $line"
done
grep -i '^[0-9a-f]*-[0-9a-f]* : reserved$' /proc/iomem | while IFS= read -r line; do
	say "iomem $line"
done

for arg in $(cat /proc/cmdline); do
	case $arg in
	xmhf.hotplug=*) XMHF_HOTPLUG=${arg#xmhf.hotplug=} ;;
	xmhf.stats=*) XMHF_STATS=${arg#xmhf.stats=} ;;
	xmhf.hvprobe=*) XMHF_HVPROBE=${arg#xmhf.hvprobe=} ;;
	esac
done

# Offline then online every hotpluggable AP, $1 rounds. Returns 1 on failure.
hotplug() {
	rounds=$1
	want=$(online_count)
	aps=
	for d in /sys/devices/system/cpu/cpu[0-9]*; do
		[ "${d##*/}" = cpu0 ] && continue
		[ -w "$d/online" ] && aps="$aps ${d##*/}"
	done
	say "hotplug rounds=$rounds aps=${aps# }"
	r=1
	while [ "$r" -le "$rounds" ]; do
		for cpu in $aps; do
			f=/sys/devices/system/cpu/$cpu/online
			if ! echo 0 >"$f"; then
				say "hotplug FAILED round $r: offlining $cpu failed"; return 1
			fi
			if [ "$(cat "$f")" != 0 ]; then
				say "hotplug FAILED round $r: $cpu still online"; return 1
			fi
			if ! echo 1 >"$f"; then
				say "hotplug FAILED round $r: onlining $cpu failed"; return 1
			fi
			if [ "$(cat "$f")" != 1 ]; then
				say "hotplug FAILED round $r: $cpu not back online"; return 1
			fi
		done
		got=$(online_count)
		if [ "$got" != "$want" ]; then
			say "hotplug FAILED round $r: cpus_online=$got expected $want"; return 1
		fi
		say "hotplug round $r ok"
		r=$((r + 1))
	done
}

# The hypervisor's range: a reserved E820 entry between two usable ones.
hv_range_base() {
	dmesg | sed -n 's/^.*BIOS-e820: *\[mem 0x\([0-9a-f]*\)-0x[0-9a-f]*\] \(.*\)$/\1 \2/p' |
		awk '{ t[NR] = $2; b[NR] = $1 }
		     END { for (i = 2; i < NR; i++)
			     if (t[i] == "reserved" && t[i-1] == "usable" && t[i+1] == "usable") {
				     print b[i]; exit } }'
}

mem_bytes() { dd if=/dev/mem bs=1 skip=$(($1)) count=16 2>/dev/null | od -An -tx1 | tr -s ' \n' '  '; }

# Read, write, read back the hypervisor's range through /dev/mem.
hvprobe() {
	base=$(hv_range_base)
	[ -n "$base" ] || { say "hvprobe FAILED: no reserved range between usable ones"; return 1; }
	say "hvprobe read 0x$base:$(mem_bytes 0x$base)"
	printf '\130\115\110\106' | dd of=/dev/mem bs=1 seek=$((0x$base)) conv=notrunc 2>/dev/null
	say "hvprobe write 0x$base: rc=$?"
	say "hvprobe reread 0x$base:$(mem_bytes 0x$base)"
	say "hvprobe read 0x$base+0x1000:$(mem_bytes $((0x$base + 0x1000)))"
}

[ "$XMHF_HVPROBE" = 1 ] && hvprobe

if [ -n "$XMHF_HOTPLUG" ]; then
	case $XMHF_HOTPLUG in
	*[!0-9]*) say "hotplug FAILED: bad round count '$XMHF_HOTPLUG'"; finish ;;
	esac
	hotplug "$XMHF_HOTPLUG" || finish
fi

say "uptime=$(cut -d' ' -f1 /proc/uptime)"
# CPU 0's TSC: emulated ticks since power-on under Bochs (tools/bench).
say "$(xmhf-tsc)"
say "MARKER cpus_online=$(online_count) done"
# Interrupt counts by kind, summed over the CPUs (timer, IPIs), then per CPU.
interrupts() {
	awk '$1 ~ /^(LOC|RES|CAL|TLB|CPU0):?$/ || $1 ~ /^[0-9]+:$/' /proc/interrupts |
		awk -v tag="$1" 'NR == 1 { n = NF; next }
			{ line = ""; for (i = 2; i <= n + 1; i++) line = line " " $i
			  print tag " " $1 line }'
}

# Each workload with /proc/interrupts before and after (per CPU counts).
work() {
	case $XMHF_WORK in *disk:*)
		i=0
		while [ ! -b /dev/sda ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
		[ -b /dev/sda ] || say "work FAILED: no /dev/sda" ;;
	esac
	for w in $XMHF_WORK; do
		name=${w%%:*}
		interrupts "work=$name irq_before" | while IFS= read -r l; do say "$l"; done
		out=$(xmhf-work "$name" "${w#*:}") || say "work FAILED: xmhf-work $w exit $?"
		interrupts "work=$name irq_after" | while IFS= read -r l; do say "$l"; done
		echo "$out" | while IFS= read -r l; do say "$l"; done
	done
	say "work done"
}
[ -n "$XMHF_WORK" ] && work

# Under bare hardware the hypercall is #UD: the tool says "no hypervisor".
if [ "$XMHF_STATS" = 1 ]; then
	interrupts "irq" | while IFS= read -r l; do say "$l"; done
	say "$(xmhf-hypercall stats 2>&1)"
fi
finish
