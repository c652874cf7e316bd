/* EPT memory types from the firmware memory map. With EPT the memory type of
 * a guest access comes from the EPT entry combined with the guest PAT; the
 * MTRRs are not consulted (SDM 28.2.6.2). RAM is write-back; everything else
 * (MMIO, ROM, ACPI, holes) is uncacheable. */
#ifndef XMHF_LIB_EPT_MEMTYPE_H
#define XMHF_LIB_EPT_MEMTYPE_H
#include "types.h"
#include "boot/e820.h"

#define EPT_RANGE_MIXED (-1)

/* EPT memory type for [base, base+len): EPT_MEMTYPE_WB when all of it is E820 RAM,
 * EPT_MEMTYPE_UC when none of it is, EPT_RANGE_MIXED otherwise. */
int ept_range_memtype(const struct e820_map *m, u64 base, u64 len);

#endif
