#include "phys_limit.h"
#include "e820.h"

u64 phys_limit(const struct e820_map *m, bool *clamped)
{
	u64 limit = ALIGN_UP(e820_ram_top(m), 1ULL << 30);

	*clamped = limit > PHYS_LIMIT_MAX;
	if (limit < PHYS_LIMIT_MIN)
		return PHYS_LIMIT_MIN;
	return *clamped ? PHYS_LIMIT_MAX : limit;
}
