#!/usr/bin/env bash
# Builds a Debian test guest disk without loop devices or mounting: an MBR
# disk with GRUB (boot.img + core.img at sector 1) and one partition that
# GRUB boots. Two kinds (-g):
#   busybox  an ext2 partition with Debian's kernel and a busybox initramfs
#            whose /init is tools/guest-init.sh (the default)
#   full     a whole Debian 12 system (mmdebstrap from this machine's apt
#            sources: systemd, udev, initramfs-tools, Debian's kernel and its
#            own initrd) on an ext4 root found by UUID, a getty on ttyS0, and
#            tools/guest-full/ (the boot check run with xmhf.check=1)
# Writes OUT.img.geom ("cylinders heads spt") for Bochs.
usage() {
	cat >&2 <<'EOF2'
usage: tools/mkguest.sh [-g busybox|full] [-o OUT.img] [-f cloud-amd64|amd64]
                        [-a "KERNEL ARGS"] [-e "VAR=VALUE ..."] [-m "MODULE ..."] [-F]
  -g  guest kind (default busybox; see the head of this script)
  -o  output image (default build/guest/debian.img, for full
      build/guest/debian-full.img)
  -f  Debian kernel flavour (default cloud-amd64)
  -a  extra kernel command line arguments (e.g. "xmhf.hotplug=10",
      "xmhf.stats=1": print the hypervisor's exit counters before poweroff;
      full: "xmhf.check=1": report the boot, reboot once, then power off)
  -e  busybox: shell assignments for /etc/xmhf-guest.env read by /init
      (XMHF_HOTPLUG=N, XMHF_SHELL=1, XMHF_FINISH=reboot, XMHF_WORK="NAME:ARG ...")
  -m  busybox: kernel modules (names, e.g. "ata_piix sd_mod") to put in the
      initramfs with the modules they depend on; /init loads them in order
  -F  rebuild even if the image is up to date (full: also the cached rootfs)
The full guest's root filesystem is cached in build/cache/rootfs-full-KEY/,
KEY a hash of the mmdebstrap recipe and the apt sources; root has no password.
EOF2
	exit 2
}
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KIND=busybox
OUT=
FLAVOUR=cloud-amd64
EXTRA_ARGS=
EXTRA_ENV=
MODULES=
FORCE=0
while getopts g:o:f:a:e:m:Fh opt; do
	case $opt in
	g) KIND=$OPTARG ;;
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
case $KIND in
busybox) : "${OUT:=$ROOT/build/guest/debian.img}" ;;
full) : "${OUT:=$ROOT/build/guest/debian-full.img}"
	[ -z "$EXTRA_ENV" ] || { echo "mkguest: -e is for the busybox guest" >&2; usage; } ;;
*) echo "mkguest: unknown guest kind $KIND" >&2; usage ;;
esac
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac

HEADS=16
SPT=63
PART_START=2048         # sectors; GRUB's core.img lives in sectors 1..2047
GRUBLIB=/usr/lib/grub/i386-pc
CACHE=$ROOT/build/cache
INIT_SRC=$ROOT/tools/guest-init.sh
FULL_SRC=$ROOT/tools/guest-full
GUEST_TOOLS="xmhf-hypercall xmhf-tsc"  # tools/guest/NAME.c -> /bin/NAME (full: /usr/local/bin)
# xmhf-work (340 KiB gzipped) only where /init runs it: not in every test guest.
case $EXTRA_ENV in *XMHF_WORK=*) GUEST_TOOLS="$GUEST_TOOLS xmhf-work" ;; esac
CMDLINE="console=ttyS0,115200 idle=halt clearcpuid=aperfmperf cryptomgr.notests panic=-1"
[ -n "$EXTRA_ARGS" ] && CMDLINE="$CMDLINE $EXTRA_ARGS"

need=(sfdisk mke2fs grub-mkimage gcc sha256sum)
case $KIND in
busybox) need+=(cpio dpkg-deb apt-get) ;;
full) need+=(mmdebstrap) ;;
esac
for t in "${need[@]}"; do
	command -v "$t" >/dev/null || { echo "mkguest: $t missing (run tools/deps.sh)" >&2; exit 1; }
done
[ "$KIND" = full ] || [ -x /bin/busybox ] || { echo "mkguest: /bin/busybox missing (busybox-static)" >&2; exit 1; }
[ -f $GRUBLIB/boot.img ] || { echo "mkguest: grub-pc-bin missing" >&2; exit 1; }

# Guest tools: static, stripped (the hypercall ABI header is shared with runtime/).
build_guest_tools() {
	local dir=$1 t
	mkdir -p "$dir"
	for t in $GUEST_TOOLS; do
		gcc -static -O2 -s -pthread -Wall -Wextra -Werror -I"$ROOT/include" -I"$ROOT/runtime" \
			-o "$dir/$t" "$ROOT/tools/guest/$t.c"
	done
}

# Newer than OUT: any file given (directories: any file in them).
newer_than_out() {
	[ -n "$(find "$@" -newer "$OUT" -print -quit)" ]
}

# --- busybox guest: kernel from the metapackage's real package, downloaded once
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

# add_module IR NAME: the kernel package's NAME.ko into IR/lib/modules, each
# after those its modinfo "depends=" names; IR/etc/xmhf-modules lists them in
# load order.
add_module() {
	local ir=$1 name=$2 ko dep
	case " $MOD_DONE " in *" $name "*) return ;; esac
	ko=$(find "$WORK/deb/lib/modules" -name "$name.ko" | head -n1)
	[ -n "$ko" ] || { echo "mkguest: module $name not in $(basename "$DEB")" >&2; exit 1; }
	for dep in $(tr '\0' '\n' <"$ko" | sed -n 's/^depends=//p' | tr ',' ' '); do
		add_module "$ir" "$dep"
	done
	MOD_DONE="$MOD_DONE $name"
	cp "$ko" "$ir/lib/modules/$name.ko"
	echo "$name" >>"$ir/etc/xmhf-modules"
}

# busybox_fs FS: Debian's kernel at FS/boot/vmlinuz, the busybox initramfs at
# FS/boot/initrd.img.
busybox_fs() {
	local fs=$1 ir=$WORK/initramfs vmlinuz
	mkdir -p "$WORK/deb"   # the kernel image (and below, only the modules -m asks for)
	dpkg-deb --fsys-tarfile "$DEB" | tar -x -C "$WORK/deb" --wildcards './boot/vmlinuz-*'
	vmlinuz=$(ls "$WORK"/deb/boot/vmlinuz-* | head -n1)
	KVER=${vmlinuz##*/vmlinuz-}
	mkdir -p "$ir"/{bin,sbin,etc,proc,sys,dev,tmp,usr/bin,usr/sbin}
	cp /bin/busybox "$ir/bin/busybox"
	install -m 0755 "$INIT_SRC" "$ir/init"
	build_guest_tools "$ir/bin"
	if [ -n "$MODULES" ]; then
		dpkg-deb --fsys-tarfile "$DEB" | tar -x -C "$WORK/deb" --wildcards './lib/modules/*.ko'
		mkdir -p "$ir/lib/modules"
		MOD_DONE=
		for m in $MODULES; do add_module "$ir" "$m"; done
	fi
	if [ -n "$EXTRA_ENV" ]; then
		printf '%s\n' "$EXTRA_ENV" >"$ir/etc/xmhf-guest.env"
	fi
	if [ "$(id -u)" = 0 ]; then
		mknod -m 600 "$ir/dev/console" c 5 1
		mknod -m 666 "$ir/dev/null" c 1 3
	fi
	mkdir -p "$fs/boot/grub"
	cp "$vmlinuz" "$fs/boot/vmlinuz"
	(cd "$ir" && find . -mindepth 1 | LC_ALL=C sort |
		cpio -o -H newc -R 0:0 --quiet | gzip -9n) >"$fs/boot/initrd.img"
	LINUX=/boot/vmlinuz
	INITRD=/boot/initrd.img
}

# --- full guest: a Debian 12 root filesystem by mmdebstrap, cached -----------
# This machine's apt sources, pasted into the guest's sources by mmdebstrap.
host_sources() {
	local f
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && grep -q -E '^[[:space:]]*[^#[:space:]]' "$f" && echo "$f"
	done
	return 0
}

# The recipe: everything that decides the root filesystem's contents. The
# initrd is built by initramfs-tools inside the chroot; MODULES=list with the
# disk's drivers keeps it small (ext4 is built into the cloud kernel), and
# lz4 unpacks in a third of zstd's time in Bochs.
FULL_SUITE=bookworm
FULL_PKGS="systemd,systemd-sysv,udev,initramfs-tools,lz4,e2fsprogs,linux-image-$FLAVOUR"
FULL_MODULES="ata_piix sd_mod ext4"
FULL_ARGS=(--variant=minbase --include="$FULL_PKGS" --aptopt='APT::Install-Recommends "false"'
	--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*'
	--dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*'
	--setup-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/usr/share/initramfs-tools/modules.d"'
	--setup-hook='printf "MODULES=list\nCOMPRESS=lz4\n" >"$1/etc/initramfs-tools/conf.d/xmhf-guest.conf"'
	--setup-hook="printf '%s\\n' $FULL_MODULES >\"\$1/usr/share/initramfs-tools/modules.d/xmhf-guest.conf\"")

# full_rootfs: sets ROOTFS to the cached root filesystem directory, built if
# missing (older cached ones are removed).
full_rootfs() {
	local key sources t
	mapfile -t sources < <(host_sources)
	[ ${#sources[@]} -gt 0 ] || { echo "mkguest: no apt sources in /etc/apt" >&2; return 1; }
	key=$( { echo "$FULL_SUITE"; printf '%s\n' "${FULL_ARGS[@]}"; mmdebstrap --version;
		cat "${sources[@]}"; } | sha256sum | cut -c1-16)
	ROOTFS=$CACHE/rootfs-full-$key
	if [ "$FORCE" = 1 ] || [ ! -f "$ROOTFS.done" ]; then
		rm -rf "$ROOTFS" "$ROOTFS.done" "$ROOTFS.log"
		mkdir -p "$CACHE"
		echo "mkguest: building the full guest's rootfs with mmdebstrap (log $ROOTFS.log)" >&2
		t=$(date +%s)
		if ! mmdebstrap "${FULL_ARGS[@]}" "$FULL_SUITE" "$ROOTFS" "${sources[@]}" >"$ROOTFS.log" 2>&1; then
			tail -n 20 "$ROOTFS.log" >&2
			rm -rf "$ROOTFS"
			echo "mkguest: mmdebstrap failed" >&2
			return 1
		fi
		echo "$(( $(date +%s) - t )) s, $(du -sm "$ROOTFS" | cut -f1) MiB" >"$ROOTFS.done"
		echo "mkguest: rootfs built: $(cat "$ROOTFS.done")" >&2
		for t in "$CACHE"/rootfs-full-*.done; do
			[ "$t" = "$ROOTFS.done" ] || rm -rf "${t%.done}" "$t" "${t%.done}.log"
		done
	fi
}

# full_fs FS UUID: a copy of the cached rootfs with this image's settings.
full_fs() {
	local fs=$1 uuid=$2 vmlinuz
	cp -a "$ROOTFS" "$fs"
	vmlinuz=$(ls "$fs"/boot/vmlinuz-* | head -n1)
	KVER=${vmlinuz##*/vmlinuz-}
	[ -f "$fs/boot/initrd.img-$KVER" ] || { echo "mkguest: no initrd for $KVER in the rootfs" >&2; return 1; }
	LINUX=/boot/vmlinuz-$KVER
	INITRD=/boot/initrd.img-$KVER
	CMDLINE="root=UUID=$uuid ro $CMDLINE"
	echo "UUID=$uuid / ext4 errors=remount-ro 0 1" >"$fs/etc/fstab"
	echo xmhf-guest >"$fs/etc/hostname"
	printf '127.0.0.1\tlocalhost\n127.0.1.1\txmhf-guest\n' >"$fs/etc/hosts"
	# A fixed machine ID: not a first boot (no systemd-firstboot prompts).
	echo "${uuid//-/}" >"$fs/etc/machine-id"
	sed -i 's/^root:[^:]*:/root::/' "$fs/etc/shadow"   # test guest: root, no password
	build_guest_tools "$fs/usr/local/bin"
	install -m 0755 "$FULL_SRC/xmhf-check.sh" "$fs/usr/local/sbin/xmhf-check"
	install -m 0644 "$FULL_SRC/xmhf-check.service" "$FULL_SRC/xmhf-check-early.service" \
		"$fs/etc/systemd/system/"
	# Serial console only: no gettys on the VGA consoles (getty@tty1, and
	# Debian's getty-static, which starts tty2-6 when there is no logind).
	rm -f "$fs/etc/systemd/system/getty.target.wants/getty@tty1.service"
	ln -sf /dev/null "$fs/etc/systemd/system/getty-static.service"
	mkdir -p "$fs/etc/systemd/system/multi-user.target.wants"
	ln -sf /etc/systemd/system/xmhf-check.service "$fs/etc/systemd/system/multi-user.target.wants/"
	mkdir -p "$fs/etc/systemd/system/sysinit.target.wants"
	ln -sf /etc/systemd/system/xmhf-check-early.service "$fs/etc/systemd/system/sysinit.target.wants/"
	mkdir -p "$fs/boot/grub"
}

# --- shared: grub.cfg, GRUB core.img, partition and disk ---------------------
# write_grub_cfg FS TITLE
write_grub_cfg() {
	cat >"$1/boot/grub/grub.cfg" <<EOG
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
set default=0
menuentry "$2" {
	echo "Loading Linux $KVER ..."
	linux $LINUX $CMDLINE
	initrd $INITRD
}
EOG
}

# make_core_img CORE: diskboot.img + kernel + modules, prefix on partition 1.
make_core_img() {
	local core=$1 sectors
	grub-mkimage -O i386-pc -o "$core" -p '(hd0,msdos1)/boot/grub' \
		biosdisk part_msdos ext2 normal configfile linux echo serial terminal \
		search test boot
	sectors=$(( ($(stat -c %s "$core") + 511) / 512 ))
	if [ "$sectors" -ge "$PART_START" ]; then
		echo "mkguest: core.img too big ($sectors sectors)" >&2; exit 1
	fi
	# diskboot.img's block list (last 12 bytes of its sector: start u64, len u16,
	# segment u16) must cover the rest of core.img, which follows at sector 2.
	printf "$(printf '\\x%02x\\x%02x' $(( (sectors - 1) & 255 )) $(( (sectors - 1) >> 8 )))" |
		dd of="$core" bs=1 seek=$(( 0x1fc )) conv=notrunc status=none
}

# make_disk FS IMG MKE2FS_ARGS...: partition = files + slack, disk = whole
# cylinders; sets CYLS and DISK_SECTORS.
make_disk() {
	local fs=$1 img=$2; shift 2
	local used_kib part_kib cyl_sectors part_sectors
	used_kib=$(du -sk "$fs" | cut -f1)
	part_kib=$(( used_kib + used_kib / 4 + 4096 ))
	cyl_sectors=$(( HEADS * SPT ))
	CYLS=$(( (PART_START + part_kib * 2 + cyl_sectors - 1) / cyl_sectors ))
	DISK_SECTORS=$(( CYLS * cyl_sectors ))
	part_sectors=$(( DISK_SECTORS - PART_START ))
	mke2fs -q -F "$@" -E root_owner=0:0 -d "$fs" \
		"$WORK/part.img" $(( part_sectors / 2 ))k >/dev/null
	make_core_img "$WORK/core.img"
	truncate -s $(( DISK_SECTORS * 512 )) "$img"
	printf 'label: dos\nlabel-id: 0x786d6867\nunit: sectors\n\nstart=%d, size=%d, type=83, bootable\n' \
		"$PART_START" "$part_sectors" | sfdisk -q "$img" >/dev/null
	dd if=$GRUBLIB/boot.img of="$img" bs=440 count=1 conv=notrunc status=none
	dd if="$WORK/core.img" of="$img" bs=512 seek=1 conv=notrunc status=none
	dd if="$WORK/part.img" of="$img" bs=512 seek="$PART_START" conv=notrunc,sparse status=none
}

# --- inputs and the up-to-date check ----------------------------------------
mkdir -p "$(dirname "$OUT")"
STAMP=$OUT.inputs
case $KIND in
busybox)
	DEB=$(kernel_deb)
	INPUTS="deb=$(basename "$DEB") cmdline=$CMDLINE env=$EXTRA_ENV${MODULES:+ modules=$MODULES}"
	DEPS=("$INIT_SRC" "$DEB" /bin/busybox) ;;
full)
	full_rootfs
	INPUTS="kind=full rootfs=$(basename "$ROOTFS") cmdline=$CMDLINE"
	DEPS=("$FULL_SRC" "$ROOTFS.done") ;;
esac
DEPS+=("$0" "$ROOT/runtime/hypercall.h" "$ROOT/tools/guest")
if [ "$FORCE" = 0 ] && [ -f "$OUT" ] && [ -f "$OUT.geom" ] && [ -f "$STAMP" ] &&
	[ "$(cat "$STAMP")" = "$INPUTS" ] && ! newer_than_out "${DEPS[@]}"; then
	echo "mkguest: $OUT up to date ($(cat "$OUT.geom"))"
	exit 0
fi

WORK=$(mktemp -d "$ROOT/build/mkguest.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
FS=$WORK/fs
IMG=$WORK/disk.img
case $KIND in
busybox)
	busybox_fs "$FS"
	write_grub_cfg "$FS" "Debian $KVER (xmhf-ng test guest)"
	make_disk "$FS" "$IMG" -t ext2 -L xmhfguest ;;
full)
	# The root's UUID follows from the inputs: the same inputs, the same disk.
	UUID=$(echo "$INPUTS" | sha256sum | sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*/\1-\2-4\3-8\4-\5/')
	full_fs "$FS" "$UUID"
	write_grub_cfg "$FS" "Debian GNU/Linux 12, $KVER (xmhf-ng full guest)"
	make_disk "$FS" "$IMG" -t ext4 -L xmhfroot -U "$UUID" ;;
esac

mv "$IMG" "$OUT"
echo "$CYLS $HEADS $SPT" >"$OUT.geom"
echo "$INPUTS" >"$STAMP"
echo "$KVER" >"$OUT.kver"
echo "mkguest: $OUT: $KIND guest, kernel $KVER, $CYLS cylinders x $HEADS heads x $SPT sectors" \
	"($(( DISK_SECTORS / 2048 )) MiB), cmdline: $CMDLINE"
