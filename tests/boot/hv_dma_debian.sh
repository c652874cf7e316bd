#!/usr/bin/env bash
# Debian under QEMU TCG q35 + intel-iommu, booted natively by the hypervisor
# (no VMX in TCG) with VT-d DMA protection on: the disk (ICH9 AHCI, bus
# mastering through the identity domain) works up to the marker, the E820 the
# kernel got and /proc/iomem have the hypervisor range reserved (the native
# INT 15h handler), and Linux sees no DMAR table (renamed XMHF), so it does
# not take the IOMMU over.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hv_lib.sh"

boot_test_init hv_dma_debian
boot_require qemu-system-x86_64 grub-mkrescue xorriso
disk=$(boot_guest_disk) || boot_test_result 1
iso=$(hv_boot_iso "$BUILD_DIR/xmhf-ng.bin") || boot_test_result 1
HV_SERIAL=$BOOT_TEST_DIR/serial.log
rc=0
"$TOOLS/qemu-run.sh" --accel tcg --disk "$disk" --cdrom "$iso" --cpus 1 --serial "$HV_SERIAL" \
	--log "$BOOT_TEST_DIR/qemu.log" --timeout 240 --qemu-arg -machine --qemu-arg q35 \
	--qemu-arg -device --qemu-arg intel-iommu \
	--expect 'XMHF-GUEST: MARKER cpus_online=1 done' || rc=$?
read -r lo hi <<<"$(hv_range)"
echo "hypervisor 0x$lo-0x$hi"
boot_assert "DMA protection on" serial_has "$HV_SERIAL" '^xmhf-ng: DMA protection on: 1 VT-d unit'
boot_assert "booted natively" serial_has "$HV_SERIAL" 'booting the guest natively'
boot_assert "Debian reached the marker (AHCI disk DMA works)" [ "$rc" -eq 0 ]
boot_assert "kernel E820: hypervisor range reserved" \
	serial_has "$HV_SERIAL" "BIOS-e820: \[mem 0x0*$lo-0x0*$hi\] reserved"
boot_assert "/proc/iomem: hypervisor range reserved" \
	serial_has "$HV_SERIAL" "XMHF-GUEST: iomem 0*$lo-0*$hi : [Rr]eserved"
boot_assert "Linux sees the renamed table, no DMAR" serial_has "$HV_SERIAL" 'ACPI: XMHF 0x'
boot_assert "no DMAR for Linux" serial_lacks "$HV_SERIAL" 'ACPI: DMAR 0x'
boot_assert "no DMA fault" serial_lacks "$HV_SERIAL" 'xmhf-ng: DMA fault'
boot_assert "no FATAL" serial_lacks "$HV_SERIAL" 'FATAL'
boot_test_result 0
