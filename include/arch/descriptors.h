/* Flat segment descriptors (SDM Vol. 3A 3.4.5, Figure 3-8), base 0, used by
 * every GDT we build (loader, AP trampoline, runtime, native boot, our test
 * guests). Plain hex: usable from C and from GNU as. */
#ifndef ARCH_DESCRIPTORS_H
#define ARCH_DESCRIPTORS_H

#define DESC_CODE64 0x00af9a000000ffff	/* P, DPL 0, code XR, L = 1, G */
#define DESC_CODE32 0x00cf9a000000ffff	/* P, DPL 0, code XR, D = 1, G, 4 GiB */
#define DESC_DATA32 0x00cf92000000ffff	/* P, DPL 0, data RW, B = 1, G, 4 GiB */
#define DESC_CODE16 0x00009a000000ffff	/* P, DPL 0, code XR, 16-bit, 64 KiB */
#define DESC_DATA16 0x000092000000ffff	/* P, DPL 0, data RW, 16-bit, 64 KiB */

#endif
