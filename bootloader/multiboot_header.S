/* Multiboot 1 header with the a.out kludge (Multiboot 0.6.96, 3.1.1-3.1.3):
 * flags bit 1 = memory map wanted, bit 16 = load addresses below are valid. */
#include "boot/multiboot.h"
#include "layout.h"

#define MB_HEADER_FLAGS ((1 << 1) | (1 << 16))

	.section .multiboot, "a"
	.align 4
mb_header:
	.long MULTIBOOT_HEADER_MAGIC
	.long MB_HEADER_FLAGS
	.long -(MULTIBOOT_HEADER_MAGIC + MB_HEADER_FLAGS)
	.long mb_header		/* header_addr */
	.long LOAD_PHYS		/* load_addr */
	.long _load_end_phys	/* load_end_addr */
	.long _bss_end_phys	/* bss_end_addr */
	.long _start32		/* entry_addr */
