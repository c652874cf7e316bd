#!/usr/bin/env bash
# Builds the Debian test guest disk without loop devices or mounting: an MBR
# disk with GRUB (boot.img + core.img at sector 1) and one ext2 partition
# holding Debian's kernel and a busybox initramfs whose /init is
# tools/guest-init.sh. Writes OUT.img.geom ("cylinders heads spt") for Bochs.
usage() {
	cat >&2 <<'EOF'
usage: tools/mkguest.sh [-o OUT.img] [-f cloud-amd64|amd64] [-a "KERNEL ARGS"]
                        [-e "VAR=VALUE ..."] [-m "MODULE ..."] [-F]
  -o  output image (default build/guest/debian.img)
  -f  Debian kernel flavour (default cloud-amd64)
  -a  extra kernel command line arguments (e.g. "xmhf.hotplug=10",
      "xmhf.stats=1": print the hypervisor's exit counters before poweroff)
  -e  shell assignments for /etc/xmhf-guest.env read by /init
      (XMHF_HOTPLUG=N, XMHF_SHELL=1, XMHF_WORK="NAME:ARG ...")
  -m  kernel modules (names, e.g. "ata_piix sd_mod") to put in the initramfs
      with the modules they depend on; /init loads them in order
  -F  rebuild even if the image is up to date
EOF
	exit 2
}
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/build/guest/debian.img
FLAVOUR=cloud-amd64
EXTRA_ARGS=
EXTRA_ENV=
MODULES=
FORCE=0
while getopts o:f:a:e:m:Fh opt; do
	case $opt in
	o) OUT=$OPTARG ;;
	f) FLAVOUR=$OPTARG ;;
	a) EXTRA_ARGS=$OPTARG ;;
	e) EXTRA_ENV=$OPTARG ;;
	m) MODULES=$OPTARG ;;
	F) FORCE=1 ;;
	*) usage ;;
	esac
done
[ $# -ge "$OPTIND" ] && usage
case $FLAVOUR in cloud-amd64|amd64) ;; *) echo "mkguest: unknown flavour $FLAVOUR" >&2; usage ;; esac
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac

HEADS=16
SPT=63
PART_START=2048         # sectors; GRUB's core.img lives in sectors 1..2047
GRUBLIB=/usr/lib/grub/i386-pc
CACHE=$ROOT/build/cache
INIT_SRC=$ROOT/tools/guest-init.sh
GUEST_TOOLS="xmhf-hypercall xmhf-tsc"  # tools/guest/NAME.c -> /bin/NAME
CMDLINE="console=ttyS0,115200 idle=halt clearcpuid=aperfmperf cryptomgr.notests panic=-1"
[ -n "$EXTRA_ARGS" ] && CMDLINE="$CMDLINE $EXTRA_ARGS"

for t in sfdisk mke2fs grub-mkimage cpio dpkg-deb apt-get gcc; do
	command -v "$t" >/dev/null || { echo "mkguest: $t missing (run tools/deps.sh)" >&2; exit 1; }
done
[ -x /bin/busybox ] || { echo "mkguest: /bin/busybox missing (busybox-static)" >&2; exit 1; }
[ -f $GRUBLIB/boot.img ] || { echo "mkguest: grub-pc-bin missing" >&2; exit 1; }

# --- kernel: resolve the metapackage's real package, download once --------
resolve_kernel() {
	apt-cache depends "linux-image-$FLAVOUR" 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n1
}

download_kernel() {
	mkdir -p "$CACHE"
	(cd "$CACHE" && apt-get download -q "$1" >/dev/null 2>"$CACHE/download.log")
}

# Missing or stale package lists (a superseded version is no longer served):
# refresh them once and try again; with no lists at all, a cached kernel works.
kernel_deb() {
	local real deb
	real=$(resolve_kernel)
	if [ -z "$real" ]; then
		apt-get update -qq >/dev/null 2>&1 || true
		real=$(resolve_kernel)
	fi
	if [ -z "$real" ]; then
		deb=$(ls -t "$CACHE"/linux-image-[0-9]*-"$FLAVOUR"_*.deb 2>/dev/null | head -n1)
		[ -n "$deb" ] || { echo "mkguest: cannot resolve linux-image-$FLAVOUR" >&2; return 1; }
		echo "$deb"; return
	fi
	deb=$(ls "$CACHE/${real}"_*.deb 2>/dev/null | head -n1)
	if [ -z "$deb" ]; then
		echo "mkguest: downloading $real" >&2
		if ! download_kernel "$real"; then
			apt-get update -qq >/dev/null 2>&1 || true
			real=$(resolve_kernel)
			download_kernel "$real" || { cat "$CACHE/download.log" >&2; return 1; }
		fi
		deb=$(ls "$CACHE/${real}"_*.deb | head -n1)
	fi
	echo "$deb"
}
DEB=$(kernel_deb)

# xmhf-work (340 KiB gzipped) only where /init runs it: not in every test guest.
case $EXTRA_ENV in *XMHF_WORK=*) GUEST_TOOLS="$GUEST_TOOLS xmhf-work" ;; esac

# --- up-to-date check -------------------------------------------------------
mkdir -p "$(dirname "$OUT")"
STAMP=$OUT.inputs
INPUTS="deb=$(basename "$DEB") cmdline=$CMDLINE env=$EXTRA_ENV${MODULES:+ modules=$MODULES}"
if [ "$FORCE" = 0 ] && [ -f "$OUT" ] && [ -f "$OUT.geom" ] && [ -f "$STAMP" ] &&
	[ "$(cat "$STAMP")" = "$INPUTS" ] &&
	[ "$OUT" -nt "$INIT_SRC" ] && [ "$OUT" -nt "$0" ] && [ "$OUT" -nt "$DEB" ] &&
	[ "$OUT" -nt /bin/busybox ] && [ "$OUT" -nt "$ROOT/runtime/hypercall.h" ] &&
	[ -z "$(find "$ROOT/tools/guest" -newer "$OUT")" ]; then
	echo "mkguest: $OUT up to date ($(cat "$OUT.geom"))"
	exit 0
fi

WORK=$(mktemp -d "$ROOT/build/mkguest.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- kernel image -----------------------------------------------------------
mkdir -p "$WORK/deb"   # the kernel image (and below, only the modules -m asks for)
dpkg-deb --fsys-tarfile "$DEB" | tar -x -C "$WORK/deb" --wildcards './boot/vmlinuz-*'
VMLINUZ=$(ls "$WORK"/deb/boot/vmlinuz-* | head -n1)
KVER=${VMLINUZ##*/vmlinuz-}

# --- initramfs: busybox + /init ---------------------------------------------
IR=$WORK/initramfs
mkdir -p "$IR"/{bin,sbin,etc,proc,sys,dev,tmp,usr/bin,usr/sbin}
cp /bin/busybox "$IR/bin/busybox"
install -m 0755 "$INIT_SRC" "$IR/init"
# Guest tools: static, stripped (the hypercall ABI header is shared with runtime/).
for t in $GUEST_TOOLS; do
	gcc -static -O2 -s -pthread -Wall -Wextra -Werror -I"$ROOT/include" -I"$ROOT/runtime" \
		-o "$IR/bin/$t" "$ROOT/tools/guest/$t.c"
done
# Modules: the .ko files of the kernel package, each after those its modinfo
# "depends=" names; /etc/xmhf-modules lists them in load order.
add_module() {
	local name=$1 ko dep
	case " $MOD_DONE " in *" $name "*) return ;; esac
	ko=$(find "$WORK/deb/lib/modules" -name "$name.ko" | head -n1)
	[ -n "$ko" ] || { echo "mkguest: module $name not in $(basename "$DEB")" >&2; exit 1; }
	for dep in $(tr '\0' '\n' <"$ko" | sed -n 's/^depends=//p' | tr ',' ' '); do
		add_module "$dep"
	done
	MOD_DONE="$MOD_DONE $name"
	cp "$ko" "$IR/lib/modules/$name.ko"
	echo "$name" >>"$IR/etc/xmhf-modules"
}
if [ -n "$MODULES" ]; then
	dpkg-deb --fsys-tarfile "$DEB" | tar -x -C "$WORK/deb" --wildcards './lib/modules/*.ko'
	mkdir -p "$IR/lib/modules"
	MOD_DONE=
	for m in $MODULES; do add_module "$m"; done
fi
if [ -n "$EXTRA_ENV" ]; then
	printf '%s\n' "$EXTRA_ENV" >"$IR/etc/xmhf-guest.env"
fi
if [ "$(id -u)" = 0 ]; then
	mknod -m 600 "$IR/dev/console" c 5 1
	mknod -m 666 "$IR/dev/null" c 1 3
fi
(cd "$IR" && find . -mindepth 1 | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --quiet | gzip -9n) >"$WORK/initrd.img"

# --- /boot of the ext2 partition --------------------------------------------
FS=$WORK/fs
mkdir -p "$FS/boot/grub"
cp "$VMLINUZ" "$FS/boot/vmlinuz"
cp "$WORK/initrd.img" "$FS/boot/initrd.img"
cat >"$FS/boot/grub/grub.cfg" <<EOF
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
set default=0
menuentry "Debian $KVER (xmhf-ng test guest)" {
	echo "Loading Linux $KVER ..."
	linux /boot/vmlinuz $CMDLINE
	initrd /boot/initrd.img
}
EOF

# --- GRUB core.img: diskboot.img + kernel + modules, prefix on partition 1 --
grub-mkimage -O i386-pc -o "$WORK/core.img" -p '(hd0,msdos1)/boot/grub' \
	biosdisk part_msdos ext2 normal configfile linux echo serial terminal \
	search test boot
CORE_BYTES=$(stat -c %s "$WORK/core.img")
CORE_SECTORS=$(( (CORE_BYTES + 511) / 512 ))
if [ "$CORE_SECTORS" -ge "$PART_START" ]; then
	echo "mkguest: core.img too big ($CORE_SECTORS sectors)" >&2; exit 1
fi
# diskboot.img's block list (last 12 bytes of its sector: start u64, len u16,
# segment u16) must cover the rest of core.img, which follows at sector 2.
printf "$(printf '\\x%02x\\x%02x' $(( (CORE_SECTORS - 1) & 255 )) $(( (CORE_SECTORS - 1) >> 8 )))" |
	dd of="$WORK/core.img" bs=1 seek=$(( 0x1fc )) conv=notrunc status=none

# --- sizes: partition fits the files with slack; disk = whole cylinders ---
USED_KIB=$(du -sk "$FS" | cut -f1)
PART_KIB=$(( USED_KIB + USED_KIB / 4 + 4096 ))
CYL_SECTORS=$(( HEADS * SPT ))
CYLS=$(( (PART_START + PART_KIB * 2 + CYL_SECTORS - 1) / CYL_SECTORS ))
DISK_SECTORS=$(( CYLS * CYL_SECTORS ))
PART_SECTORS=$(( DISK_SECTORS - PART_START ))

mke2fs -q -F -t ext2 -L xmhfguest -E root_owner=0:0 -d "$FS" \
	"$WORK/part.img" $(( PART_SECTORS / 2 ))k >/dev/null

IMG=$WORK/disk.img
truncate -s $(( DISK_SECTORS * 512 )) "$IMG"
printf 'label: dos\nlabel-id: 0x786d6867\nunit: sectors\n\nstart=%d, size=%d, type=83, bootable\n' \
	"$PART_START" "$PART_SECTORS" | sfdisk -q "$IMG" >/dev/null
dd if=$GRUBLIB/boot.img of="$IMG" bs=440 count=1 conv=notrunc status=none
dd if="$WORK/core.img" of="$IMG" bs=512 seek=1 conv=notrunc status=none
dd if="$WORK/part.img" of="$IMG" bs=512 seek="$PART_START" conv=notrunc,sparse status=none

mv "$IMG" "$OUT"
echo "$CYLS $HEADS $SPT" >"$OUT.geom"
echo "$INPUTS" >"$STAMP"
echo "$KVER" >"$OUT.kver"
echo "mkguest: $OUT: kernel $KVER, $CYLS cylinders x $HEADS heads x $SPT sectors" \
	"($(( DISK_SECTORS / 2048 )) MiB), cmdline: $CMDLINE"
