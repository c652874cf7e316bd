#include "ept_memtype.h"
#include "arch/vmx_controls.h"

/* Bytes of [base, base+len) covered by E820 RAM (the map is sanitized: no overlaps). */
static u64 ram_bytes(const struct e820_map *m, u64 base, u64 len)
{
	u64 end = base + len, n = 0;

	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];
		u64 lo = e->addr > base ? e->addr : base;
		u64 hi = e->addr + e->len < end ? e->addr + e->len : end;

		if (e->type == E820_RAM && lo < hi)
			n += hi - lo;
	}
	return n;
}

int ept_range_memtype(const struct e820_map *m, u64 base, u64 len)
{
	u64 ram = ram_bytes(m, base, len);

	if (ram == len)
		return (int)EPT_MEMTYPE_WB;
	return ram ? EPT_RANGE_MIXED : (int)EPT_MEMTYPE_UC;
}
