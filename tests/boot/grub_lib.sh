#!/usr/bin/env bash
# Helpers for the tests of the GRUB generator tools/grub.d/20_xmhf_ng
# (grub_generator.sh, deb_package.sh), sourced after lib.sh and boot_test_init.
#   grub_gen GENERATOR ROOT [VAR=VALUE...]  its menu entries for the fake root ROOT,
#                                          run as grub-mkconfig does (sh), without
#                                          grub-mkconfig_lib
#   grub_entry NAME CMDLINE-TAIL DISK [DEVICE-LINES]
#                                          the exact entry expected for /boot/NAME
#   same TEXT FILE                         compares, shows a diff when not

grub_gen() {
	local gen=$1 root=$2 nolib=$BOOT_TEST_DIR/nolib
	shift 2
	mkdir -p "$nolib"
	env -i PATH="$PATH" pkgdatadir="$nolib" XMHF_NG_ROOT="$root" "$@" sh "$gen"
}

grub_entry() {
	printf '%s\n' "menuentry 'xmhf-ng hypervisor ($1)' --class xmhf-ng --class os \$menuentry_id_option 'xmhf-ng-$1' {" \
		"	insmod multiboot"
	[ -z "${4:-}" ] || printf '%s\n' "$4"
	printf '%s\n' "	echo 'Loading xmhf-ng ($1) ...'" \
		"	multiboot /boot/$1 serial=115200,8n1,0x3f8 boot_drive=$2" \
		"	module --nounzip ($3)+1" "}"
}

same() {
	if [ "$1" = "$(cat "$2")" ]; then return 0; fi
	diff -u <(echo "$1") "$2" || true
	return 1
}
