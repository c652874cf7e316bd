#!/usr/bin/env bash
# Issue 14: a second firmware. SeaBIOS (Debian's seabios package) instead of
# the Bochs BIOS: its own E820 layout (reserved high tables at the top of RAM),
# EBDA and INT 15h. Debian boots under the hypervisor to its marker and powers
# off (ACPI S5 ends Bochs), bare and under xmhf-ng side by side, 1 CPU (SeaBIOS
# starts only the BSP in Bochs 2.7). Under xmhf-ng: the checks of
# hv_debian_1cpu (real-mode start at 0000:7c00, the hypervisor range reserved
# in the guest's E820 and /proc/iomem, hypervisor bit, no VMX, no VMENTER
# FAIL, a silent checker), and the guest's E820 is the bare one with only that
# range and the hypervisor's 1 KiB INT 15h handler below the EBDA taken out.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

hv_setup hv_seabios "$BUILD_DIR/xmhf-ng.bin"
[ -f /usr/share/seabios/bios.bin ] || boot_test_skip "seabios not installed (run tools/deps.sh)"
MARKER='XMHF-GUEST: MARKER cpus_online=1 done'

# run NAME [bochs-run args]: one SeaBIOS boot to poweroff, in the background.
run() {
	local name=$1 rc=0; shift
	"$TOOLS/bochs-run.sh" --bios seabios --disk "$HV_DISK" --cpus 1 --timeout 400 \
		--serial "$BOOT_TEST_DIR/$name.serial" --log "$BOOT_TEST_DIR/$name.bochs" \
		"$@" >"$BOOT_TEST_DIR/$name.out" 2>&1 || rc=$?
	echo "${rc:-0}" >"$BOOT_TEST_DIR/$name.rc"
}
t=$(date +%s)
run bare &
run hv --cdrom "$HV_ISO" &
wait
echo "== SeaBIOS bare and under xmhf-ng: wall $(( $(date +%s) - t )) s"
HV_SERIAL=$BOOT_TEST_DIR/hv.serial HV_BOCHSLOG=$BOOT_TEST_DIR/hv.bochs
BARE=$BOOT_TEST_DIR/bare.serial

# e820 LOG: the guest's E820 lines as "START END TYPE" (hex without 0x).
e820() {
	tr -d '\r' <"$1" | sed -n -E 's/^XMHF-GUEST: e820 \[mem 0x0*([0-9a-f]+)-0x0*([0-9a-f]+)\] (.*)$/\1 \2 \3/p'
}
# ram_removed BARE_E820 HV_E820: the RAM ("usable") of the bare map that the
# hv map lacks, as "START END" lines; fails if the hv map has RAM the bare
# one lacks.
ram_removed() {
	python3 - "$1" "$2" <<'EOF'
import sys
def ram(path):
    r = []
    for line in open(path):
        s, e, t = line.split(None, 2)
        if t.strip() == "usable":
            r.append((int(s, 16), int(e, 16) + 1))
    return r
def minus(a, b):
    out = []
    for s, e in a:
        cur = [(s, e)]
        for bs, be in b:
            nxt = []
            for cs, ce in cur:
                if be <= cs or bs >= ce:
                    nxt.append((cs, ce))
                    continue
                if cs < bs: nxt.append((cs, bs))
                if be < ce: nxt.append((be, ce))
            cur = nxt
        out += cur
    return out
bare, hv = ram(sys.argv[1]), ram(sys.argv[2])
extra = minus(hv, bare)
if extra:
    print("hv map has RAM the bare map lacks: %s" % ["%x-%x" % x for x in extra])
    sys.exit(1)
for s, e in minus(bare, hv):
    print("%x %x" % (s, e - 1))
EOF
}

for mode in bare hv; do
	boot_assert "$mode: marker reached" serial_has "$BOOT_TEST_DIR/$mode.serial" "$MARKER"
	boot_assert "$mode: powered off (ACPI S5 ended Bochs)" bash -c \
		"[ \"\$(cat '$BOOT_TEST_DIR/$mode.rc')\" = 3 ] && grep -a -q 'ACPI control: soft power off' '$BOOT_TEST_DIR/$mode.bochs'"
	boot_assert "$mode: SeaBIOS ran (its version line in the Bochs log)" \
		grep -a -q '\[BIOS  \] SeaBIOS (version' "$BOOT_TEST_DIR/$mode.bochs"
	# Revision 1 (116 bytes): no RESET_REG, so reboot=a falls back to the 8042.
	boot_assert "$mode: SeaBIOS's FADT is revision 1" \
		serial_has "$BOOT_TEST_DIR/$mode.serial" 'ACPI: FACP 0x[0-9A-F]+ 000074 \(v01 '
done
boot_assert "bare: no hypervisor" serial_has "$BARE" 'XMHF-GUEST: cpuid hypervisor=no vmx=yes'
boot_assert "hv: guest started in real mode at 0000:7c00" serial_has "$HV_SERIAL" \
	'xmhf-ng: CPU 0: starting the guest at 0000:7c00 in real mode, DL=0x80'
read -r base end < <(hv_range) || true
boot_assert "hv: banner names the hypervisor range" [ -n "${base:-}" ]
boot_assert "hv: guest E820 reserves the hypervisor 0x${base:-?}-0x${end:-?}" serial_has "$HV_SERIAL" \
	"XMHF-GUEST: e820 \[mem 0x0*${base:-x}-0x0*${end:-x}\] reserved"
boot_assert "hv: /proc/iomem shows it reserved" serial_has "$HV_SERIAL" \
	"XMHF-GUEST: iomem 0*${base:-x}-0*${end:-x} : Reserved"
boot_assert "hv: CPUID: hypervisor bit, no VMX" serial_has "$HV_SERIAL" 'XMHF-GUEST: cpuid hypervisor=yes vmx=no'
boot_assert "hv: no VMENTER FAIL in the Bochs log" hv_no_vmenter_fail
boot_assert "hv: no VMCS check violation" serial_lacks "$HV_SERIAL" '^VMCS check:'

e820 "$BARE" >"$BOOT_TEST_DIR/bare.e820"
e820 "$HV_SERIAL" >"$BOOT_TEST_DIR/hv.e820"
echo "bare E820:"; sed 's/^/   /' "$BOOT_TEST_DIR/bare.e820"
echo "hv E820:"; sed 's/^/   /' "$BOOT_TEST_DIR/hv.e820"
# SeaBIOS, unlike the Bochs BIOS (ACPI data), reserves its high tables at the
# top of RAM (512 MiB, the runner's default) as plain reserved memory.
boot_assert "bare: SeaBIOS's E820 layout (a reserved range ending at 512 MiB)" \
	grep -q -E '^[0-9a-f]+ 1fffffff reserved$' "$BOOT_TEST_DIR/bare.e820"
removed=$(ram_removed "$BOOT_TEST_DIR/bare.e820" "$BOOT_TEST_DIR/hv.e820") || removed="FAILED: $removed"
echo "RAM bare but reserved under xmhf-ng: $(echo "$removed" | tr '\n' ',')"
# removed_ok: two ranges, the hypervisor's and one KiB below 640 KiB.
removed_ok() {
	local s e
	[ "$(echo "$removed" | wc -l)" = 2 ] && echo "$removed" | grep -qx "${base:-x} ${end:-x}" || return 1
	read -r s e < <(echo "$removed" | grep -vx "${base:-x} ${end:-x}")
	[ $(( 0x$e - 0x$s + 1 )) = 1024 ] && [ $(( 0x$e )) -lt $(( 0xa0000 )) ]
}
boot_assert "hv: RAM taken from the guest is the hypervisor range and its 1 KiB INT 15h handler" removed_ok
boot_test_result 0
