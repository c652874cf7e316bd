#include "e820_int15.h"

#define MIB 0x100000ULL

/* End of the E820_RAM run that starts at 1 MiB (1 MiB if there is none). */
static u64 ram_end_from_1mib(const struct e820_map *m)
{
	u64 end = MIB;

	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];

		if (e->type == E820_RAM && e->addr <= end && e->addr + e->len > end)
			end = e->addr + e->len;
	}
	return end;
}

static void set16(u32 *reg, u32 v)
{
	*reg = (*reg & ~0xffffu) | (v & 0xffff);
}

static void ext_mem_88(const struct e820_map *m, struct int15_regs *r)
{
	u64 kb = (ram_end_from_1mib(m) - MIB) >> 10;

	set16(&r->eax, kb > EXT_MEM_88_MAX_KB ? EXT_MEM_88_MAX_KB : (u32)kb);
	r->cf = false;
}

static void e801(const struct e820_map *m, struct int15_regs *r)
{
	u64 end = ram_end_from_1mib(m), low = ((end < 16 * MIB ? end : 16 * MIB) - MIB) >> 10;
	u64 high = end > 16 * MIB ? (end - 16 * MIB) >> 16 : 0;

	if (low > E801_LOW_MAX_KB)
		low = E801_LOW_MAX_KB;
	if (high > 0xffff)
		high = 0xffff;
	set16(&r->eax, (u32)low);
	set16(&r->ecx, (u32)low);
	set16(&r->ebx, (u32)high);
	set16(&r->edx, (u32)high);
	r->cf = false;
}

bool e820_int15(const struct e820_map *m, struct int15_regs *r, struct e820_entry *out,
		bool *write_out)
{
	*write_out = false;
	if (((r->eax >> 8) & 0xff) == EXT_MEM_INT15_AH) {
		ext_mem_88(m, r);
		return true;
	}
	if ((r->eax & 0xffff) == E801_INT15_FUNC) {
		e801(m, r);
		return true;
	}
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
