#!/usr/bin/env bash
# tools/debug.sh's set-up in batch: QEMU (TCG) stopped at reset with a GDB stub,
# `gdb -batch` with tools/gdb/xmhf.gdb puts a hardware breakpoint on
# runtime_main (after relocation) and checks what the loader handed over:
# hv_phys_base nonzero and 2 MiB aligned, 1 CPU known, and the hv-* commands run.
# usage: tests/boot/gdb_batch.sh   (exit 0 pass, 1 fail, 77 skipped)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

boot_test_init gdb_batch
boot_require qemu-system-x86_64 gdb grub-mkrescue xorriso
[ -f "$BUILD_DIR/xmhf-ng.elf" ] || { echo "no $BUILD_DIR/xmhf-ng.elf: run make"; boot_test_result 1; }
iso=$BOOT_TEST_DIR/boot.iso
"$TOOLS/mkboot.sh" -i "$BUILD_DIR/xmhf-ng.bin" -o "$iso" || boot_test_result 1
disk=$(boot_guest_disk) || boot_test_result 1

PORT=$((20000 + $$ % 1000))
qemu-system-x86_64 -m 512 -smp 1 -accel tcg \
	-drive "file=$disk,format=raw,if=ide,index=0,media=disk,snapshot=on" \
	-drive "file=$iso,format=raw,if=ide,index=2,media=cdrom,readonly=on" \
	-boot d -serial "file:$BOOT_TEST_DIR/serial.log" -display none -monitor none \
	-no-reboot -nodefaults -vga std -S -gdb "tcp:127.0.0.1:$PORT" \
	</dev/null >"$BOOT_TEST_DIR/qemu.log" 2>&1 &
QPID=$!
trap 'kill -KILL $QPID 2>/dev/null || true; wait $QPID 2>/dev/null || true' EXIT
out=$BOOT_TEST_DIR/gdb.out
t=$(date +%s)
rc=0
(cd "$REPO_ROOT" && timeout 180 gdb -batch -nx -x tools/gdb/xmhf.gdb \
	-ex "target remote 127.0.0.1:$PORT" \
	-ex 'hbreak runtime_main' -ex 'continue' \
	-ex 'info symbol $pc' \
	-ex 'printf "hv_phys_base 0x%llx\n", boot_info.hv_phys_base' \
	-ex 'printf "hv_size 0x%llx\n", boot_info.hv_size' \
	-ex 'printf "cmdline %s\n", boot_info.cmdline' \
	-ex 'hv-cpus' -ex 'hv-vmcs' -ex 'hv-exits' -ex 'printf "done\n"') >"$out" 2>&1 || rc=$?
echo "gdb: exit $rc after $(( $(date +%s) - t )) s"
cat "$out"

base=$(sed -n 's/^hv_phys_base 0x\([0-9a-f]*\)$/\1/p' "$out")
boot_assert "gdb finished" [ "$rc" -eq 0 ]
boot_assert "stopped in runtime_main" grep -qE '^runtime_main( \+ [0-9]+)? in section \.text' "$out"
boot_assert "hv_phys_base read" [ -n "$base" ]
boot_assert "hv_phys_base nonzero and 2 MiB aligned" \
	bash -c "[ -n '$base' ] && (( 0x${base:-0} != 0 && (0x${base:-0} & 0x1fffff) == 0 ))"
boot_assert "cmdline handed over" grep -qx 'cmdline serial=115200,8n1,0x3f8 boot_drive=0x80' "$out"
boot_assert "hv-cpus: one CPU before AP start" grep -qx 'cpu_count = 1' "$out"
boot_assert "hv-cpus: CPU 0 line" grep -q '^CPU 0: apic_id=0 ' "$out"
boot_assert "hv-vmcs ran" grep -q '^vmx_ctls: pin=0x00000000 ' "$out"
boot_assert "all commands ran" grep -qx 'done' "$out"
boot_test_result 0
