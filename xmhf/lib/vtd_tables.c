/* VT-d translation structures (VT-d spec chapter 9). */
#include "vtd_tables.h"

#define ADDR_MASK 0x000ffffffffff000ULL	/* bits 51:12 */
#define AW39_LIMIT (1ULL << 39)

void vtd_sl_ctx_init(struct pt_ctx *ctx)
{
	/* 9.8: non-leaf entries need R (and W for writes below them). */
	ctx->table_flags = VTD_SL_R | VTD_SL_W;
	ctx->large_flag = VTD_SL_PS;
}

u64 vtd_build_domain(struct pt_ctx *ctx, u64 *pml4, u64 pml4_phys,
		     const struct vtd_domain_spec *spec, bool aw48)
{
	const u64 rw = VTD_SL_R | VTD_SL_W;

	if (!aw48 && spec->limit > AW39_LIMIT)
		return 0;
	if (spec->limit && pt_map(ctx, pml4, 0, 0, spec->limit, rw))
		return 0;
	for (u32 i = 0; i < spec->rmrr_count && i < VTD_MAX_RANGES; i++)
		if (pt_map(ctx, pml4, spec->rmrr[i].base, spec->rmrr[i].base, spec->rmrr[i].len, rw))
			return 0;
	for (u32 i = 0; i < spec->hole_count && i < VTD_MAX_RANGES; i++)
		if (pt_unmap(ctx, pml4, spec->hole[i].base, spec->hole[i].len))
			return 0;
	if (aw48)
		return pml4_phys;
	/* 3.7 / 9.8: a 3-level walk starts at the PDPT level (bits 38:30). */
	return pml4[0] & ADDR_MASK;
}

void vtd_context_entry(u64 e[2], u64 slptptr, bool aw48, u16 did)
{
	e[0] = (slptptr & ADDR_MASK) | VTD_CTX_P;	/* TT = 00b, FPD = 0 */
	e[1] = (aw48 ? VTD_CTX_AW_48 : VTD_CTX_AW_39) | ((u64)did << VTD_CTX_DID_SHIFT);
}

void vtd_root_entry(u64 e[2], u64 context_table_phys)
{
	e[0] = (context_table_phys & ADDR_MASK) | VTD_ROOT_P;
	e[1] = 0;
}

bool vtd_fault_decode(u64 lo, u64 hi, struct vtd_fault *f)
{
	u16 sid = VTD_FRCD_HI_SID(hi);

	if (!(hi & VTD_FRCD_HI_F))
		return false;
	f->bus = (u8)(sid >> 8);
	f->dev = (sid >> 3) & 0x1f;
	f->fn = sid & 7;
	f->read = hi & VTD_FRCD_HI_T;
	f->reason = VTD_FRCD_HI_FR(hi);
	f->addr = lo & ~0xfffULL;
	return true;
}

const char *vtd_fault_reason_name(u8 fr)
{
	switch (fr) {
	case VTD_FR_ROOT_NOT_PRESENT: return "root entry not present";
	case VTD_FR_CTX_NOT_PRESENT: return "context entry not present";
	case VTD_FR_BEYOND_AGAW: return "address beyond the address width";
	case VTD_FR_WRITE: return "write to a page not mapped writable";
	case VTD_FR_READ: return "read of a page not mapped readable";
	default: return "other, see VT-d spec 7.1.3";
	}
}
