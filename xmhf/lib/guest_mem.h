/* Which guest-physical bytes the hypervisor may read or write on the guest's
 * behalf (INT 15h buffers, PDPTEs, instruction bytes, page-table walks). The
 * one rule behind copy_from_guest_phys / copy_to_guest_phys (runtime/guest_mem.c). */
#ifndef XMHF_LIB_GUEST_MEM_H
#define XMHF_LIB_GUEST_MEM_H
#include "types.h"
#include "boot/e820.h"

struct guest_mem_map {
	const struct e820_map *firmware;	/* sanitized firmware map */
	u64 hv_base, hv_size;			/* the hypervisor's own range */
	u64 limit;				/* end of the identity-mapped space */
	const struct e820_entry *ram;		/* the largest RAM entry: looked at first */
};

enum guest_mem_result {
	GMEM_OK,
	GMEM_WRAPS,		/* gpa + len overflows, or len is 0 */
	GMEM_HYPERVISOR,	/* a byte lies in the hypervisor's range */
	GMEM_BEYOND_LIMIT,	/* a byte lies above the mapped space */
	GMEM_NOT_RAM,		/* a byte is MMIO or firmware-reserved (writes: not RAM) */
};

#define GUEST_MEM_LEGACY_END 0x100000ULL	/* the first MiB: IVT, BDA, EBDA, BIOS */

/* The map for a sanitized firmware map (entries do not overlap, so the
 * entry looked at first cannot change an answer). */
struct guest_mem_map guest_mem_map_make(const struct e820_map *firmware, u64 hv_base, u64 hv_size,
					u64 limit);

/* Reads may touch E820 RAM, ACPI and NVS memory and the first MiB (the BIOS
 * code a real-mode guest runs); writes only E820 RAM. Never the hypervisor. */
enum guest_mem_result guest_mem_check(const struct guest_mem_map *m, u64 gpa, u64 len, bool write);
const char *guest_mem_result_name(enum guest_mem_result r);

#endif
