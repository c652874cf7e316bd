#include "hv_layout.h"
#include "max_cpus.h"
#include "format.h"

u32 hv_cpu_slots(bool madt_ok, u32 madt_count)
{
	if (!madt_ok || madt_count == 0)
		return 1;
	return madt_count < MAX_CPUS ? madt_count : MAX_CPUS;
}

int hv_layout(u64 image_bytes, u32 cpu_slots, u64 cpu_size, u64 cpu_align,
	      struct hv_layout *out, char *err, size_t errlen)
{
	u64 off, end;

	if (cpu_slots == 0 || cpu_slots > MAX_CPUS) {
		xsnprintf(err, errlen, "layout: %u per-CPU slots (1 to %u)", cpu_slots, MAX_CPUS);
		return -1;
	}
	if (cpu_align == 0 || (cpu_align & (cpu_align - 1)) || cpu_size == 0 ||
	    cpu_size % cpu_align) {
		xsnprintf(err, errlen, "layout: per-CPU slot of %llu bytes at alignment %llu",
			  (unsigned long long)cpu_size, (unsigned long long)cpu_align);
		return -1;
	}
	/* Bounds far below any overflow: the range must fit below 4 GiB anyway. */
	if (image_bytes > (1ULL << 32) || cpu_size > (1ULL << 32) / MAX_CPUS) {
		xsnprintf(err, errlen, "layout: image of %llu bytes, per-CPU slot of %llu bytes: "
			  "too big", (unsigned long long)image_bytes, (unsigned long long)cpu_size);
		return -1;
	}
	off = ALIGN_UP(image_bytes, cpu_align);
	end = off + (u64)cpu_slots * cpu_size;
	*out = (struct hv_layout){ off, cpu_slots, ALIGN_UP(end, LARGE_PAGE_SIZE) };
	return 0;
}
