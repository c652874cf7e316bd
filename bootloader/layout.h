/* Link-time memory layout shared by the linker script, assembly and C. */
#ifndef BOOTLOADER_LAYOUT_H
#define BOOTLOADER_LAYOUT_H
#include "max_cpus.h"

/* GRUB loads the flat image here (multiboot a.out kludge). */
#define LOAD_PHYS 0x200000
/* The image (after .boot) runs at this virtual address, wherever it sits physically. */
#define KERNEL_VMA 0xFFFFFFFF80000000
/* Real-mode AP trampoline page (SIPI vector = TRAMPOLINE_PHYS >> 12). */
#define TRAMPOLINE_PHYS 0x10000
#define BOOT_STACK_SIZE 16384
/* Where the native boot (no VMX) leaves long mode: below 64 KiB for 16-bit
 * segments, free once the guest's boot sector runs (bootloader/native_chain.S). */
#define CHAIN_PHYS 0x8000

#endif
