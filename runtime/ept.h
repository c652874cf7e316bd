#ifndef RUNTIME_EPT_H
#define RUNTIME_EPT_H
#include "types.h"
#include "boot/e820.h"

/* Identity EPT for guest-physical [0, limit) with 2 MiB pages where the memory
 * type is uniform, 4 KiB pages elsewhere; [hv_base, hv_base+hv_size) is left
 * not present and apic_page read-only. Returns the EPTP (SDM 24.6.11). */
u64 ept_build(const struct e820_map *m, u64 limit, u64 hv_base, u64 hv_size, u64 apic_page);
u64 ept_limit(const struct e820_map *m);
extern u64 ept_pml4_phys;
struct mem_region;
/* The table pages in use (integrity.c). */
struct mem_region ept_tables(void);
/* Table pages taken from the static pool, and the pool's size. */
void ept_pool_usage(unsigned *used, unsigned *total);
/* Map one 4 KiB guest page to host page hpa with EPT entry flags (after boot,
 * from any CPU). */
void ept_map_page(u64 gpa, u64 hpa, u64 flags);

#endif
