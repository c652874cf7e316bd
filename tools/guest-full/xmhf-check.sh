#!/bin/bash
# Boot check of the xmhf-ng full guest (installed as /usr/local/sbin/xmhf-check
# by tools/mkguest.sh -g full, run by xmhf-check.service with xmhf.check=1).
# Reports what the booted system sees as "XMHF-GUEST: full ..." lines through
# /dev/kmsg (whole records on the serial console, with the kernel's
# timestamp), counts boots in /var/lib/xmhf-check/boots on the ext4 root,
# then reboots. `xmhf-check early` (xmhf-check-early.service, the next boot,
# as soon as the root is writable) counts the boot and powers off.
# It reports values only; tests/boot/hv_debian_full.sh judges them.
set -u
echo on >/proc/sys/kernel/printk_devkmsg
say() { echo "<5>XMHF-GUEST: full $*" >/dev/kmsg; }

count_boot() {
	mkdir -p /var/lib/xmhf-check
	boot=$(( $(cat /var/lib/xmhf-check/boots 2>/dev/null || echo 0) + 1 ))
	echo "$boot" >/var/lib/xmhf-check/boots
	sync
	say "boot=$boot"
}
if [ "${1:-}" = early ]; then
	count_boot
	say "early: $(xmhf-tsc) action=poweroff"
	systemctl poweroff
	exit 0
fi

state=$(systemctl is-system-running --wait)
tsc=$(xmhf-tsc)
say "boot done: state=$state uptime=$(cut -d' ' -f1 /proc/uptime) $tsc"

count_boot
say "multi-user.target=$(systemctl is-active multi-user.target)"
failed=$(systemctl list-units --state=failed --plain --no-legend | awk '{printf "%s%s", s, $1; s=","}')
say "failed_units=${failed:-none}"
say "cpus online=$(cat /sys/devices/system/cpu/online) present=$(cat /sys/devices/system/cpu/present) nproc=$(nproc)"
say "cpuinfo processors=$(grep -c '^processor' /proc/cpuinfo)" \
	"with_hypervisor=$(grep '^flags' /proc/cpuinfo | grep -c -w hypervisor)" \
	"with_vmx=$(grep '^flags' /proc/cpuinfo | grep -c -w vmx)"
getty=serial-getty@ttyS0.service
for _ in $(seq 100); do
	[ "$(systemctl is-active $getty)" = active ] && break
	sleep 0.1
done
say "getty $getty=$(systemctl is-active $getty)"
say "action=reboot"
systemctl reboot
