/* Layout of the hypervisor's reserved physical range: the image (text, data,
 * bss) from offset 0, then one per-CPU slot for each CPU the MADT lists, the
 * whole rounded up to 2 MiB so the loader maps it with large pages and the
 * guest's E820, EPT and VT-d tables hide it as one range. */
#ifndef XMHF_LIB_HV_LAYOUT_H
#define XMHF_LIB_HV_LAYOUT_H
#include "types.h"

struct hv_layout {
	u64 percpu_offset;	/* first per-CPU slot, from the range's start */
	u32 cpu_slots;
	u64 size;		/* the whole range, a multiple of 2 MiB */
};

/* How many per-CPU slots to allocate: every CPU the MADT lists (the BSP is
 * among them), or 1 without a usable MADT. Never more than MAX_CPUS (the
 * MADT parser caps its list there). */
u32 hv_cpu_slots(bool madt_ok, u32 madt_count);

/* image_bytes: the image from its start to the end of its bss; cpu_slots
 * slots of cpu_size bytes each follow it at cpu_align (a power of two that
 * divides cpu_size, so every slot is aligned). Returns 0, or -1 with one
 * message in err (no slots, more than MAX_CPUS, bad alignment, overflow). */
int hv_layout(u64 image_bytes, u32 cpu_slots, u64 cpu_size, u64 cpu_align,
	      struct hv_layout *out, char *err, size_t errlen);

#endif
