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

/* Makes [base, base + size) not present (4 KiB aligned; before the guest runs). */
void ept_unmap_range(u64 base, u64 size);
/* Map the 2 MiB around a guest-physical address above the mapped space. */
bool ept_map_beyond_limit(u64 gpa);
/* INVEPT of the guest's EPT on this CPU. */
void ept_flush_this_cpu(void);
/* Memory type of [base, base + len), or EPT_RANGE_MIXED (ept_memtype.h). */
typedef int (*ept_range_type_fn)(void *arg, u64 base, u64 len);
/* Sets the memory type of every guest leaf from type_of (2 MiB leaves split
 * where the type is mixed); the hypervisor range and the APIC page keep
 * theirs. Returns how many leaves changed; the caller flushes (INVEPT). */
unsigned ept_retype(ept_range_type_fn type_of, void *arg);

#endif
