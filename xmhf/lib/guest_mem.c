#include "guest_mem.h"

static bool readable_type(u32 type)
{
	return type == E820_RAM || type == E820_ACPI || type == E820_NVS;
}

/* [gpa, end) inside one entry of an allowed type (the map is sanitized:
 * neighbours of one type are merged, so one entry is enough). */
static bool inside(const struct e820_entry *e, u64 gpa, u64 end)
{
	return gpa >= e->addr && end <= e->addr + e->len;
}

static bool covered(const struct guest_mem_map *m, u64 gpa, u64 end, bool write)
{
	const struct e820_map *fw = m->firmware;

	if (m->ram && inside(m->ram, gpa, end))
		return true;	/* RAM: readable and writable */
	for (u32 i = 0; i < fw->count; i++) {
		const struct e820_entry *e = &fw->e[i];

		if (inside(e, gpa, end))
			return write ? e->type == E820_RAM : readable_type(e->type);
	}
	return false;
}

struct guest_mem_map guest_mem_map_make(const struct e820_map *firmware, u64 hv_base, u64 hv_size,
					u64 limit)
{
	struct guest_mem_map m = { firmware, hv_base, hv_size, limit, NULL };

	for (u32 i = 0; i < firmware->count; i++)
		if (firmware->e[i].type == E820_RAM && (!m.ram || firmware->e[i].len > m.ram->len))
			m.ram = &firmware->e[i];
	return m;
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
	return covered(m, gpa, end, write) ? GMEM_OK : GMEM_NOT_RAM;
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
