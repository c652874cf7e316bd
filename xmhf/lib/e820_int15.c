#include "e820_int15.h"

bool e820_int15(const struct e820_map *m, struct int15_regs *r, struct e820_entry *out,
		bool *write_out)
{
	*write_out = false;
	if ((r->eax & 0xffff) != E820_INT15_FUNC || (r->eax >> 16) != 0)
		return false;
	int last = r->edx == E820_SMAP && r->ecx >= sizeof(struct e820_entry)
			   ? e820_get(m, r->ebx, out) : -1;

	if (last < 0) {
		r->cf = true;
		return true;
	}
	*write_out = true;
	r->eax = E820_SMAP;
	r->ecx = sizeof(struct e820_entry);
	r->ebx = last ? 0 : r->ebx + 1;		/* EBX = 0 after the last entry */
	r->cf = false;
	return true;
}
