/* One 4-level page-table builder for IA-32e paging (SDM Vol. 3A 4.5) and EPT
 * (SDM Vol. 3C 28.2): both use 512-entry tables indexed by address bits
 * 47:39, 38:30, 29:21, 20:12, hold addresses in bits 51:12 and mark large
 * leaves with bit 7. The callers supply the entry flags. */
#ifndef XMHF_LIB_PAGETABLE_H
#define XMHF_LIB_PAGETABLE_H
#include "types.h"

struct pt_ctx {
	/* A zeroed 4 KiB page: returns its virtual address, stores its physical
	 * address in *phys; NULL when out of memory. */
	u64 *(*alloc)(void *arg, u64 *phys);
	/* Virtual address of the table at physical address phys. */
	u64 (*to_virt)(void *arg, u64 phys);
	void *arg;
	u64 table_flags;	/* non-leaf entries: PTE_P|PTE_W, or EPT R|W|X (7) */
	u64 large_flag;		/* PS, bit 7, in 2 MiB / 1 GiB leaves of both formats */
};

/* An entry is in use iff it is nonzero; pt_unmap writes zero. */

/* Maps [va, va + size) to [pa, pa + size) with leaf entries pa | leaf_flags
 * (plus large_flag for 2 MiB leaves). Uses 2 MiB leaves where va, pa and the
 * remaining size allow it, 4 KiB leaves elsewhere. Mapping 4 KiB pages inside
 * an existing large leaf first splits it into 512 smaller leaves with the
 * same flags. A 2 MiB range over an existing page table fills that table
 * rather than replacing it, so no table is ever dropped. va, pa and size must
 * be 4 KiB aligned and leaf_flags must hold no address bits and not
 * large_flag (bit 7 is PAT in a 4 KiB paging leaf: PAT is not supported). Returns 0, or -1 for bad arguments or when alloc
 * fails (the range is then partly mapped). */
int pt_map(struct pt_ctx *ctx, u64 *pml4, u64 va, u64 pa, u64 size, u64 leaf_flags);

/* Clears the leaves of [va, va + size), splitting large leaves that are only
 * partly covered; tables stay in place. va and size must be 4 KiB aligned.
 * Returns 0, or -1 for bad arguments or when a split cannot allocate. */
int pt_unmap(struct pt_ctx *ctx, u64 *pml4, u64 va, u64 size);

#define PT_NOT_MAPPED UINT64_MAX

/* The address va translates to, or PT_NOT_MAPPED. On success *leaf_flags
 * gets the leaf's bits outside the address field (without large_flag) and
 * *level its level: 1 = 4 KiB, 2 = 2 MiB, 3 = 1 GiB. Either may be NULL. */
u64 pt_lookup(struct pt_ctx *ctx, const u64 *pml4, u64 va, u64 *leaf_flags, unsigned *level);

#endif
