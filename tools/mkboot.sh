#!/usr/bin/env bash
# Builds the hypervisor boot CD: grub-mkrescue ISO with /boot/xmhf-ng.bin and a
# grub.cfg (serial console, timeout 0) that multiboots it with the guest
# disk's MBR, (hd0)+1, as its module. Bochs/QEMU boot it with the disk as hd0.
# --chainload builds the same CD without the hypervisor: its one entry
# chainloads (hd0)+1 (make bench's bare path runs the same two GRUBs).
usage() {
	cat >&2 <<'EOF'
usage: tools/mkboot.sh -i IMAGE -o OUT.iso [-c "CMDLINE"] [--no-module] [-g GRUBCFG]
       tools/mkboot.sh --chainload -o OUT.iso
  IMAGE      multiboot image (normally build/xmhf-ng.bin)
  -g         use GRUBCFG as the ISO's grub.cfg instead of the built-in one
             (e.g. the output of tools/grub.d/20_xmhf_ng); -c/--no-module unused
  -c         extra hypervisor command line, appended after
             "serial=115200,8n1,0x3f8 boot_drive=0x80"
  --no-module  do not pass (hd0)+1 as a multiboot module
  --chainload  no hypervisor: the entry chainloads the disk's MBR, (hd0)+1,
             with DL = 0x80 (root=(hd0): GRUB passes $root's BIOS number)
EOF
	exit 2
}
set -euo pipefail

IMAGE='' OUT='' CMDLINE='' MODULE=1 GRUBCFG='' CHAIN=0
while [ $# -gt 0 ]; do
	case $1 in
	-i) IMAGE=$2; shift ;;
	-o) OUT=$2; shift ;;
	-c) CMDLINE=$2; shift ;;
	-g) GRUBCFG=$2; shift ;;
	--no-module) MODULE=0 ;;
	--chainload) CHAIN=1 ;;
	-h|--help) usage ;;
	*) echo "mkboot: unknown argument $1" >&2; usage ;;
	esac
	[ $# -gt 0 ] || usage
	shift
done
if [ "$CHAIN" = 1 ]; then
	if [ -n "$IMAGE$GRUBCFG$CMDLINE" ] || [ "$MODULE" != 1 ] || [ -z "$OUT" ]; then usage; fi
elif [ -z "$IMAGE" ] || [ -z "$OUT" ]; then usage; fi
[ "$CHAIN" = 1 ] || [ -f "$IMAGE" ] || { echo "mkboot: no image $IMAGE" >&2; exit 1; }
[ -z "$GRUBCFG" ] || [ -f "$GRUBCFG" ] || { echo "mkboot: no grub.cfg $GRUBCFG" >&2; exit 1; }
for t in grub-mkrescue xorriso; do
	command -v $t >/dev/null || { echo "mkboot: $t missing (run tools/deps.sh)" >&2; exit 1; }
done
[ -d /usr/lib/grub/i386-pc ] || { echo "mkboot: grub-pc-bin missing (run tools/deps.sh)" >&2; exit 1; }

mkdir -p "$(dirname "$OUT")"
WORK=$(mktemp -d "$(dirname "$OUT")/.mkboot.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/iso/boot/grub"
# Serial console, boot the first entry at once.
cfg_head() {
	printf '%s\n' "serial --unit=0 --speed=115200" "terminal_input serial console" \
		"terminal_output serial console" "set timeout=0" "set default=0"
}
[ "$CHAIN" = 1 ] || cp "$IMAGE" "$WORK/iso/boot/xmhf-ng.bin"
if [ "$CHAIN" = 1 ]; then
	# GRUB's i386-pc chainloader enters the sector at 0x7c00 with DL = the
	# BIOS number of $root (grub_get_root_biosnumber), not of the device it
	# read the sector from: root=(hd0) passes 0x80, as the hypervisor's
	# boot_drive=0x80 does. Left at the CD, DL would be the CD's number,
	# which GRUB's own boot.img happens to replace by 0x80 (it ignores DL
	# outside 0x00-0x0f and 0x80-0x8f), but another MBR would not.
	{
		cfg_head
		echo "menuentry \"disk (hd0), no hypervisor\" {"
		echo "	set root=(hd0)"
		echo "	chainloader (hd0)+1"
		echo "	boot"
		echo "}"
	} >"$WORK/iso/boot/grub/grub.cfg"
elif [ -n "$GRUBCFG" ]; then
	cp "$GRUBCFG" "$WORK/iso/boot/grub/grub.cfg"
else
	{
		cfg_head
		echo "menuentry \"xmhf-ng\" {"
		echo "	multiboot /boot/xmhf-ng.bin serial=115200,8n1,0x3f8 boot_drive=0x80${CMDLINE:+ $CMDLINE}"
		[ "$MODULE" = 1 ] && echo "	module --nounzip (hd0)+1"
		echo "	boot"
		echo "}"
	} >"$WORK/iso/boot/grub/grub.cfg"
fi

# BIOS only (i386-pc); grub-mkrescue writes its chatter to stderr.
if ! grub-mkrescue -d /usr/lib/grub/i386-pc -o "$WORK/out.iso" "$WORK/iso" \
	>"$WORK/log" 2>&1; then
	cat "$WORK/log" >&2
	exit 1
fi
mv "$WORK/out.iso" "$OUT"
if [ "$CHAIN" = 1 ]; then
	echo "mkboot: $OUT ($(stat -c %s "$OUT") bytes), chainloads (hd0)+1, no hypervisor"
	exit 0
fi
if [ -n "$GRUBCFG" ]; then
	echo "mkboot: $OUT ($(stat -c %s "$OUT") bytes), grub.cfg from $GRUBCFG"
	exit 0
fi
echo "mkboot: $OUT ($(stat -c %s "$OUT") bytes), cmdline: serial=115200,8n1,0x3f8 boot_drive=0x80${CMDLINE:+ $CMDLINE}$([ "$MODULE" = 1 ] && echo ', module (hd0)+1')"
