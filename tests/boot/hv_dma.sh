#!/usr/bin/env bash
# VT-d DMA protection (docs/security.md), QEMU TCG q35 + intel-iommu + edu.
# TCG has no VMX, so the hypervisor sets up VT-d and boots tools/guest-dma
# natively. The guest DMAs a pattern RAM -> edu -> RAM (control), then edu ->
# the middle of the hypervisor range (the reserved E820 entry between RAM
# that the native INT 15h handler reports), and halts. The test then reads
# the target through QEMU's monitor (xp): with protection the pattern is not
# there and QEMU's intel-iommu reports the translation failure; the same run
# with dma=off shows the pattern in the hypervisor range, so the check can
# fail. A third run has a 48-bit unit with caching mode (4-level table).
# Waits for fewer than 2 emulators on the machine before each run.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init hv_dma
boot_require qemu-system-x86_64 grub-mkrescue xorriso gcc ld python3
DISK=$BOOT_TEST_DIR/dma.img
"$TOOLS/guest-dma/build.sh" "$DISK" || boot_test_result 1
# The pattern dma.c writes: byte i = 0xa5 ^ (7 i), first 16 bytes.
PATTERN=$(python3 -c 'print(" ".join("%02x" % ((0xa5 ^ (i * 7)) & 0xff) for i in range(16)))')

# run NAME CMDLINE [IOMMU_OPTIONS]: boots, waits for "DMA: done", dumps 16 bytes at the
# target into NAME.xp; sets SERIAL, QLOG.
run() {
	local name=$1 cmdline=$2 iommu=intel-iommu${3:+,$3} iso sock pid t
	iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin" -c "$cmdline") || boot_test_result 1
	mv "$iso" "$BOOT_TEST_DIR/$name.iso"
	SERIAL=$BOOT_TEST_DIR/$name.serial QLOG=$BOOT_TEST_DIR/$name.qemu
	sock=$BOOT_TEST_DIR/$name.mon
	t=$(date +%s)
	qemu-system-x86_64 -machine q35 -m 512 -smp 1 -accel tcg \
		-device "$iommu" -device edu,dma_mask=0xffffffff \
		-drive "file=$DISK,format=raw,if=ide,index=0,media=disk" \
		-drive "file=$BOOT_TEST_DIR/$name.iso,format=raw,if=ide,index=2,media=cdrom,readonly=on" \
		-boot d -serial "file:$SERIAL" -display none -nodefaults -vga std -no-reboot \
		-monitor "unix:$sock,server,nowait" -d guest_errors </dev/null >"$QLOG" 2>&1 &
	pid=$!
	for ((i = 0; i < 120; i++)); do
		grep -a -q -E 'DMA: (done|FAILED)' "$SERIAL" 2>/dev/null && break
		kill -0 $pid 2>/dev/null || break
		sleep 1
	done
	local target
	target=$(serial_value "$SERIAL" '^DMA: done target=(0x[0-9a-f]+).*')
	if [ -n "$target" ]; then
		python3 - "$sock" "$target" >"$BOOT_TEST_DIR/$name.xp" <<'PY' || true
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(5)
def cmd(c):
    s.sendall((c + "\n").encode()); time.sleep(0.5); out = b""
    try:
        while True:
            d = s.recv(65536)
            if not d: break
            out += d
            if len(d) < 65536: break
    except socket.timeout: pass
    return out.decode(errors="replace")
cmd("")
print(cmd("xp /16xb %s" % sys.argv[2]))
cmd("quit")
PY
	fi
	kill -KILL $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	echo "qemu $name: $(( $(date +%s) - t )) s, target ${target:-none}"
	TARGET=$target
}

# bytes NAME: the 16 bytes the monitor printed, as "xx xx ...".
bytes() {
	tr -d '\r' <"$BOOT_TEST_DIR/$1.xp" | grep -a -E '^[0-9a-f]+: ' |
		sed -E 's/^[0-9a-f]+: //; s/0x//g' | tr -s ' \n' ' ' | sed 's/ $//'
}

run on ""
ON_TARGET=$TARGET
EDU_DEV=$(serial_value "$SERIAL" '^DMA: edu at 00:dev=0x0*([0-9a-f]+).*')
hv=$(tr -d '\r' <"$SERIAL" | sed -n -E 's/.*hypervisor at 0x([0-9a-f]+)-0x([0-9a-f]+) .*/\1 \2/p' | head -n 1)
read -r hv_lo hv_hi <<<"$hv"
echo "hypervisor 0x$hv_lo-0x$hv_hi, target $ON_TARGET, pattern $PATTERN, memory: $(bytes on)"
boot_assert "on: VT-d unit found" serial_has "$SERIAL" '^xmhf-ng: VT-d unit 0 at 0xfed90000: version'
boot_assert "on: DMA protection on" serial_has "$SERIAL" '^xmhf-ng: DMA protection on: 1 VT-d unit translate'
boot_assert "on: native INT 15h handler" serial_has "$SERIAL" '^xmhf-ng: native INT 15h handler at'
boot_assert "on: booted natively" serial_has "$SERIAL" 'booting the guest natively'
boot_assert "on: the guest's E820 has the hypervisor range reserved" \
	serial_has "$SERIAL" "^DMA: hypervisor range from E820 base=0x0*$hv_lo\$"
# E801h/88h from the native handler: 64 KiB blocks above 16 MiB up to the
# hypervisor (xmhf/lib/e820_int15.c), 15 MiB below, 88h capped at 0xfc00.
blocks=$(printf '0x%x' $(( (16#$hv_lo - 0x1000000) >> 16 )))
boot_assert "on: E801h counts RAM up to the hypervisor only" \
	serial_has "$SERIAL" "^DMA: e801 bx=$blocks\$"
boot_assert "on: E801h DX = BX, AX = CX = 15 MiB" \
	bash -c "grep -a -q '^DMA: e801 dx=$blocks' '$SERIAL' && grep -a -q '^DMA: e801 ax=0x3c00' '$SERIAL' && grep -a -q '^DMA: e801 cx=0x3c00' '$SERIAL'"
boot_assert "on: 88h capped" serial_has "$SERIAL" '^DMA: 88 ax=0xfc00'
boot_assert "on: control DMA through the identity domain works" \
	serial_has "$SERIAL" '^DMA: control RAM round trip ok'
boot_assert "on: target inside the hypervisor range" \
	[ -n "$ON_TARGET" ] && [ $((ON_TARGET)) -ge $((16#$hv_lo)) ] && [ $((ON_TARGET)) -le $((16#$hv_hi)) ]
boot_assert "on: monitor read the target" [ -n "$(bytes on)" ]
boot_assert "on: the pattern did not land in the hypervisor range" [ "$(bytes on)" != "$PATTERN" ]
boot_assert "on: the DMA read of the range did not return the pattern" \
	serial_has "$SERIAL" '^DMA: read back of the hypervisor range: not the pattern'
boot_assert "on: intel-iommu refused the edu device's DMA to the target" \
	grep -a -q -E "detected translation failure \(dev=00:0*$EDU_DEV:00, iova=$ON_TARGET\)" "$QLOG"
boot_assert "on: the guest finds the DMAR renamed XMHF" \
	serial_has "$SERIAL" '^DMA: the DMAR table is renamed XMHF'
# The unit's fault recording registers (what the hypervisor prints) hold the
# refused write: source ID 00:DD.0, reason 5, the target page.
sid=$(printf '0x%x' $(( (16#${EDU_DEV:-0}) << 3 )))
boot_assert "on: fault record: edu's write to the target, reason 5" \
	serial_has "$SERIAL" "^DMA: fault record sid=$sid reason=0x5 write addr=$ON_TARGET\$"
boot_assert "on: no FATAL" serial_lacks "$SERIAL" 'FATAL'

run off "dma=off"
echo "dma=off: target $TARGET, memory: $(bytes off)"
boot_assert "off: the off line" serial_has "$SERIAL" '^xmhf-ng: DMA protection off: dma=off on the command line'
boot_assert "off: same target" [ "$TARGET" = "$ON_TARGET" ]
boot_assert "off: the pattern landed in the hypervisor range (the check can fail)" \
	[ "$(bytes off)" = "$PATTERN" ]
boot_assert "off: the DMA read returns it" \
	serial_has "$SERIAL" '^DMA: read back of the hypervisor range: the pattern'

# A 48-bit unit with caching mode: the 4-level table, the same outcome.
run on48 "" "aw-bits=48,caching-mode=on"
echo "aw-bits=48: target $TARGET, memory: $(bytes on48)"
boot_assert "on48: 4-level table" serial_has "$SERIAL" \
	'^xmhf-ng: DMA protection on: 1 VT-d unit translate every device through an identity 4-level table'
boot_assert "on48: caching mode seen" serial_has "$SERIAL" '^xmhf-ng: VT-d unit 0 .*SAGAW 0x6.*caching mode'
boot_assert "on48: control DMA works" serial_has "$SERIAL" '^DMA: control RAM round trip ok'
boot_assert "on48: the pattern did not land" [ -n "$(bytes on48)" ] && [ "$(bytes on48)" != "$PATTERN" ]
boot_assert "on48: fault record of the write" \
	serial_has "$SERIAL" "^DMA: fault record sid=$sid reason=0x5 write addr=$ON_TARGET\$"
boot_test_result 0
