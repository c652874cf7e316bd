#!/usr/bin/env bash
# tools/grub.d/20_xmhf_ng: exact menu entries for a fake root (defaults file,
# no defaults file, second disk, extra options, GRUB device lines from a stub
# grub-mkconfig_lib, bad drive), then a boot ISO whose grub.cfg is the
# generator's output boots the Debian guest to its marker in Bochs (1 CPU).
# usage: tests/boot/grub_generator.sh   (exit 0 pass, 1 fail, 77 skipped)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

boot_test_init grub_generator
boot_require bochs grub-mkrescue xorriso
. "$(dirname "$0")/grub_lib.sh"
GEN=$TOOLS/grub.d/20_xmhf_ng

# fake_root DIR [DEFAULTS-FILE]: DIR/boot/xmhf-ng.bin (+ DIR/etc/default/xmhf-ng)
fake_root() {
	mkdir -p "$1/boot" "$1/etc/default"
	cp "$BUILD_DIR/xmhf-ng.bin" "$1/boot/xmhf-ng.bin"
	[ $# -lt 2 ] || cp "$2" "$1/etc/default/xmhf-ng"
}
gen() { grub_gen "$GEN" "$@"; }
[ -f "$BUILD_DIR/xmhf-ng.bin" ] || { echo "no $BUILD_DIR/xmhf-ng.bin: run make"; boot_test_result 1; }

# 1. Installed defaults file: the entry a user gets from update-grub.
r1=$BOOT_TEST_DIR/root1
fake_root "$r1" "$TOOLS/default-xmhf-ng"
gen "$r1" >"$BOOT_TEST_DIR/out1.cfg" 2>"$BOOT_TEST_DIR/err1"
boot_assert "entry from the shipped defaults" same "$(grub_entry xmhf-ng.bin 0x80 hd0)" "$BOOT_TEST_DIR/out1.cfg"
boot_assert "reports the image on stderr like grub-mkconfig" \
	grep -qx "Found xmhf-ng image: $r1/boot/xmhf-ng.bin" "$BOOT_TEST_DIR/err1"

# 2. No defaults file, second disk, extra options, a second image.
r2=$BOOT_TEST_DIR/root2
fake_root "$r2"
gen "$r2" >"$BOOT_TEST_DIR/out2a.cfg"
boot_assert "built-in defaults equal the shipped file" same "$(cat "$BOOT_TEST_DIR/out1.cfg")" "$BOOT_TEST_DIR/out2a.cfg"
printf 'XMHF_NG_BOOT_DRIVE=0x81\nXMHF_NG_EXTRA="trace=exits debug=0x1"\n' >"$r2/etc/default/xmhf-ng"
cp "$BUILD_DIR/xmhf-ng.bin" "$r2/boot/xmhf-ng-debug.bin"
gen "$r2" >"$BOOT_TEST_DIR/out2b.cfg"
boot_assert "boot_drive 0x81 is (hd1), extra options appended, xmhf-ng.bin first" same \
	"$(grub_entry xmhf-ng.bin '0x81 trace=exits debug=0x1' hd1; grub_entry xmhf-ng-debug.bin '0x81 trace=exits debug=0x1' hd1)" \
	"$BOOT_TEST_DIR/out2b.cfg"

# 3. GRUB device lines from grub-mkconfig_lib when GRUB_DEVICE_BOOT is set.
stublib=$BOOT_TEST_DIR/stublib
mkdir -p "$stublib"
cat >"$stublib/grub-mkconfig_lib" <<'EOF'
prepare_grub_to_access_device() { printf 'insmod part_msdos\ninsmod ext2\nset root=%s\n' "'$1'"; }
EOF
env -i PATH="$PATH" pkgdatadir="$stublib" XMHF_NG_ROOT="$r1" GRUB_DEVICE_BOOT=/dev/sda1 \
	sh "$GEN" >"$BOOT_TEST_DIR/out3.cfg" 2>/dev/null
boot_assert "device lines indented inside the entry" same \
	"$(grub_entry xmhf-ng.bin 0x80 hd0 "$(printf '\tinsmod part_msdos\n\tinsmod ext2\n\tset root='"'"'/dev/sda1'"'")")" \
	"$BOOT_TEST_DIR/out3.cfg"

# 4. No image: no entry; a drive number below 0x80 (floppy): refused.
r4=$BOOT_TEST_DIR/root4
mkdir -p "$r4/boot" "$r4/etc/default"
boot_assert "no image, no output" [ -z "$(gen "$r4" 2>/dev/null)" ]
cp "$BUILD_DIR/xmhf-ng.bin" "$r4/boot/xmhf-ng.bin"
echo 'XMHF_NG_BOOT_DRIVE=0x00' >"$r4/etc/default/xmhf-ng"
rc4=0
gen "$r4" >"$BOOT_TEST_DIR/out4.cfg" 2>"$BOOT_TEST_DIR/err4" || rc4=$?
boot_assert "boot drive 0x00 refused" [ "$rc4" -ne 0 ]
boot_assert "with a message" grep -q 'XMHF_NG_BOOT_DRIVE=0x00 is not a hard disk' "$BOOT_TEST_DIR/err4"

# 5. Boot it: grub.cfg = what 00_header writes for GRUB_TERMINAL=serial and
# GRUB_TIMEOUT=0, then the generator's output.
cfg=$BOOT_TEST_DIR/grub.cfg
{
	echo "serial --unit=0 --speed=115200"
	echo "terminal_input serial console"
	echo "terminal_output serial console"
	echo "set default=0"
	echo "set timeout=0"
	echo "menuentry_id_option=--id"
	cat "$BOOT_TEST_DIR/out1.cfg"
} >"$cfg"
disk=$(boot_guest_disk) || boot_test_result 1
iso=$BOOT_TEST_DIR/boot.iso
"$TOOLS/mkboot.sh" -i "$BUILD_DIR/xmhf-ng.bin" -o "$iso" -g "$cfg" || boot_test_result 1
serial=$BOOT_TEST_DIR/serial.log
rc=0
t=$(date +%s)
"$TOOLS/bochs-run.sh" --disk "$disk" --cdrom "$iso" --cpus 1 --timeout 300 \
	--serial "$serial" --log "$BOOT_TEST_DIR/bochs.log" \
	--expect 'XMHF-GUEST: MARKER cpus_online=1 done' || rc=$?
echo "bochs (1 CPU): wall $(( $(date +%s) - t )) s, exit $rc"
boot_assert "guest reached its marker" [ "$rc" -eq 0 ]
boot_assert "GRUB ran the generated entry" serial_has "$serial" "Loading xmhf-ng \\(xmhf-ng.bin\\) \\.\\.\\."
boot_assert "hypervisor got the generator's options" \
	serial_has "$serial" '^xmhf-ng: cmdline "serial=115200,8n1,0x3f8 boot_drive=0x80"'
boot_test_result 0
