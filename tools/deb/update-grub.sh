# xmhf_ng_update_grub: regenerates GRUB's menu (grub-mkconfig runs
# /etc/grub.d/20_xmhf_ng) where GRUB 2 is installed and boots this system
# (update-grub on PATH and /boot/grub/grub.cfg present); otherwise says what
# to do and succeeds. Under `dpkg --root` (DPKG_ROOT set) the scripts run
# outside the target system, whose GRUB update-grub would not reach: skipped.
# tools/deb/mkdeb.sh puts this where postinst and postrm say #UPDATE_GRUB#.
xmhf_ng_update_grub() {
	if [ -n "${DPKG_ROOT:-}" ]; then
		echo "xmhf-ng: installed under $DPKG_ROOT: run update-grub in that system" >&2
	elif ! command -v update-grub >/dev/null 2>&1; then
		echo "xmhf-ng: no update-grub (GRUB 2 not installed): menu not updated (docs/install.md)" >&2
	elif [ ! -e /boot/grub/grub.cfg ]; then
		echo "xmhf-ng: no /boot/grub/grub.cfg (GRUB 2 not set up): menu not updated" >&2
	else
		update-grub
	fi
}
