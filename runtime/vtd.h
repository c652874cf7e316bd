/* DMA protection with VT-d (docs/security.md): every remapping unit the
 * firmware reports translates all device DMA through one identity
 * second-level table in which the hypervisor's range does not exist. Set up
 * on the BSP before any guest code runs; kept for the life of the machine. */
#ifndef RUNTIME_VTD_H
#define RUNTIME_VTD_H
#include "types.h"

/* Finds the DMAR, builds the tables, enables translation on every unit and
 * hides the DMAR from the guest's OS; or says in one line why DMA protection
 * is off (no DMAR, dma=off, a unit it cannot use). limit: the end of the
 * guest-physical space mapped (phys_limit). */
void vtd_init(u64 limit, u64 hv_base, u64 hv_size, bool dma_off);
struct mem_region;
/* The root, context and second-level tables in use (integrity.c); empty
 * while protection is off. */
struct mem_region vtd_tables(void);
/* True while translation is on. */
bool vtd_enabled(void);
/* Register pages of the units (for the EPT guard): index i < count. */
u32 vtd_reg_range_count(void);
void vtd_reg_range(u32 i, u64 *base, u64 *size);
/* Prints every recorded DMA fault once (and clears it). */
void vtd_check_faults(void);
/* vtd_check_faults at most every VTD_POLL_MS, from a VM exit on CPU 0; the
 * test of whether translation is on is inline (it is on every exit). */
extern bool vtd_translation_on;
void vtd_poll_slow(void);
static inline void vtd_poll(void)
{
	if (vtd_translation_on)
		vtd_poll_slow();
}

#endif
