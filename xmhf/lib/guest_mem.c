#include "guest_mem.h"

static bool readable_type(u32 type)
{
	return type == E820_RAM || type == E820_ACPI || type == E820_NVS;
}

/* [gpa, end) inside one entry of an allowed type (the map is sanitized:
 * neighbours of one type are merged, so one entry is enough). */
static bool covered(const struct e820_map *m, u64 gpa, u64 end, bool write)
{
	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];

		if (gpa >= e->addr && end <= e->addr + e->len)
			return write ? e->type == E820_RAM : readable_type(e->type);
	}
	return false;
}

enum guest_mem_result guest_mem_check(const struct guest_mem_map *m, u64 gpa, u64 len, bool write)
{
	u64 end = gpa + len;

	if (!len || end < gpa)
		return GMEM_WRAPS;
	if (gpa < m->hv_base + m->hv_size && end > m->hv_base)
		return GMEM_HYPERVISOR;
	if (end > m->limit)
		return GMEM_BEYOND_LIMIT;
	if (!write && gpa < GUEST_MEM_LEGACY_END) {
		if (end <= GUEST_MEM_LEGACY_END)
			return GMEM_OK;
		gpa = GUEST_MEM_LEGACY_END;	/* the rest must be RAM, ACPI or NVS */
	}
	return covered(m->firmware, gpa, end, write) ? GMEM_OK : GMEM_NOT_RAM;
}

const char *guest_mem_result_name(enum guest_mem_result r)
{
	switch (r) {
	case GMEM_OK:
		return "ok";
	case GMEM_WRAPS:
		return "empty or wrapping range";
	case GMEM_HYPERVISOR:
		return "inside the hypervisor's range";
	case GMEM_BEYOND_LIMIT:
		return "above the mapped guest-physical space";
	default:
		return "not guest RAM";
	}
}
