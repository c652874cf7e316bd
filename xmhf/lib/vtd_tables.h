/* VT-d translation structures as pure C (VT-d spec rev 3.x/4.x chapter 9):
 * the identity second-level domain, context and root entries, and the
 * decoding of a fault record (10.4.14). Used by runtime/vtd.c; unit-tested
 * in tests/unit/test_vtd.c. */
#ifndef XMHF_LIB_VTD_TABLES_H
#define XMHF_LIB_VTD_TABLES_H
#include "types.h"
#include "pagetable.h"
#include "hw/vtd.h"

struct vtd_range {
	u64 base, len;
};

#define VTD_MAX_RANGES 24

/* What the identity domain maps: [0, limit) read/write, plus the RMRRs
 * (mapped identity even above limit), minus the holes (the hypervisor
 * range, the units' register pages), which win over the RMRRs. */
struct vtd_domain_spec {
	u64 limit;
	u32 rmrr_count, hole_count;
	struct vtd_range rmrr[VTD_MAX_RANGES];
	struct vtd_range hole[VTD_MAX_RANGES];
};

/* The pt_ctx for second-level tables (R|W non-leaf entries, PS leaves). */
void vtd_sl_ctx_init(struct pt_ctx *ctx);
/* Builds the domain into the empty 4-level table pml4 (physical pml4_phys)
 * with 2 MiB leaves where possible. Returns the table root for the context
 * entries: pml4_phys for a 48-bit (4-level) walk, PML4[0]'s PDPT for a
 * 39-bit (3-level) walk (limit must then be at most 512 GiB). 0 on failure
 * (allocation, or a 39-bit domain above 512 GiB). */
u64 vtd_build_domain(struct pt_ctx *ctx, u64 *pml4, u64 pml4_phys,
		     const struct vtd_domain_spec *spec, bool aw48);

/* 9.3 context entry for the domain: present, TT = 0, AW, DID. */
void vtd_context_entry(u64 e[2], u64 slptptr, bool aw48, u16 did);
/* 9.1 root entry pointing at a context table. */
void vtd_root_entry(u64 e[2], u64 context_table_phys);

struct vtd_fault {
	u8 bus, dev, fn;
	bool read;
	u8 reason;
	u64 addr;		/* the faulting page */
};

/* Decodes a fault recording register (lo, hi qwords); false if its F bit
 * is clear (no fault recorded). */
bool vtd_fault_decode(u64 lo, u64 hi, struct vtd_fault *f);
/* A short name for a 7.1.3 fault reason code. */
const char *vtd_fault_reason_name(u8 reason);

#endif
