/* The INT 15h AX=E820h answer the guest's boot loader gets from us
 * (ACPI 6.x 15.1 "INT 15H, E820H - Query System Address Map"). */
#ifndef XMHF_LIB_E820_INT15_H
#define XMHF_LIB_E820_INT15_H
#include "types.h"
#include "e820.h"

#define E820_INT15_FUNC 0xe820
#define E820_SMAP 0x534d4150u	/* 'SMAP' */

struct int15_regs {
	u32 eax, ebx, ecx, edx;
	bool cf;			/* carry flag on return: set = error / end */
};

/* Handles the call if EAX is E820h: fills *out (20-byte entry) and the output
 * registers, and returns true; returns false for every other function, which
 * the caller chains to the BIOS. *write_out tells whether *out is valid. */
bool e820_int15(const struct e820_map *m, struct int15_regs *r, struct e820_entry *out,
		bool *write_out);

#endif
