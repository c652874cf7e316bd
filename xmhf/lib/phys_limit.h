/* How much physical address space the hypervisor maps, for itself (identity
 * page tables) and for the guest (EPT): all RAM and at least the 4 GiB below,
 * where the chipset's MMIO lives (XMHF64 bug 020: memory above 4 GiB too). */
#ifndef XMHF_LIB_PHYS_LIMIT_H
#define XMHF_LIB_PHYS_LIMIT_H
#include "types.h"
#include "boot/e820.h"

#define PHYS_LIMIT_MIN (4ULL << 30)
#define PHYS_LIMIT_MAX (64ULL << 30)	/* 1 PML4 + 1 PDPT + 64 PDs with 2 MiB pages */

/* End of the mapped space: the top of RAM rounded up to 1 GiB, clamped to
 * [PHYS_LIMIT_MIN, PHYS_LIMIT_MAX]. *clamped tells whether RAM was cut. */
u64 phys_limit(const struct e820_map *m, bool *clamped);

#endif
