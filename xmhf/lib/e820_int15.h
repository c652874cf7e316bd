/* The INT 15h memory-size answers the guest's boot loader gets from us, all
 * from the edited map: AX=E820h (ACPI 6.x 15.1 "INT 15H, E820H - Query
 * System Address Map"), and the older AX=E801h and AH=88h, which count the
 * RAM that runs without a hole from 1 MiB up (so they stop below the
 * hypervisor's range, which the firmware's own answer would not). */
#ifndef XMHF_LIB_E820_INT15_H
#define XMHF_LIB_E820_INT15_H
#include "types.h"
#include "e820.h"

#define E820_INT15_FUNC 0xe820
#define E801_INT15_FUNC 0xe801
#define EXT_MEM_INT15_AH 0x88
#define INT15_ERR_UNSUPPORTED 0x86	/* AH on error: function not supported */
/* AH=88h: at most 64 MiB - 1 MiB, in KiB (as CMOS-based BIOSes and SeaBIOS). */
#define EXT_MEM_88_MAX_KB 0xfc00u
/* AX=E801h: KiB between 1 MiB and 16 MiB (at most 15 MiB), then 64 KiB blocks. */
#define E801_LOW_MAX_KB 0x3c00u
#define E820_SMAP 0x534d4150u	/* 'SMAP' */

struct int15_regs {
	u32 eax, ebx, ecx, edx;
	bool cf;			/* carry flag on return: set = error / end */
};

/* Handles E820h (fills *out, the 20-byte entry; *write_out tells whether it
 * is valid), E801h and 88h: sets the output registers and returns true.
 * Returns false for every other function, which the caller chains to the BIOS. */
bool e820_int15(const struct e820_map *m, struct int15_regs *r, struct e820_entry *out,
		bool *write_out);

#endif
