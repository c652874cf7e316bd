#include "mtrr.h"
#include "arch/msr.h"

#define PAGE 0x1000ULL

static u32 var_count(const struct mtrr_state *s)
{
	u32 n = MTRRCAP_VCNT(s->cap);

	return n > MTRR_MAX_VAR ? MTRR_MAX_VAR : n;
}

/* Fixed-range MSR index 0..10 (SDM Table 11-9), or -1. */
static int fixed_index(u32 msr)
{
	if (msr == MSR_IA32_MTRR_FIX64K_00000)
		return 0;
	if (msr == MSR_IA32_MTRR_FIX16K_80000 || msr == MSR_IA32_MTRR_FIX16K_A0000)
		return 1 + (int)(msr - MSR_IA32_MTRR_FIX16K_80000);
	if (msr >= MSR_IA32_MTRR_FIX4K_C0000 && msr <= MSR_IA32_MTRR_FIX4K_F8000)
		return 3 + (int)(msr - MSR_IA32_MTRR_FIX4K_C0000);
	return -1;
}

static u64 *slot(struct mtrr_state *s, u32 msr)
{
	int f = fixed_index(msr);

	if (msr == MSR_IA32_MTRR_DEF_TYPE)
		return &s->def_type;
	if (f >= 0)
		return (s->cap & MTRRCAP_FIX) ? &s->fixed[f] : NULL;
	if (msr >= MSR_IA32_MTRR_PHYSBASE0 && msr < MSR_IA32_MTRR_PHYSBASE0 + 2 * var_count(s)) {
		u32 i = (msr - MSR_IA32_MTRR_PHYSBASE0) / 2;

		return (msr & 1) ? &s->mask[i] : &s->base[i];
	}
	return NULL;
}

bool mtrr_is_msr(const struct mtrr_state *s, u32 msr)
{
	return slot((struct mtrr_state *)s, msr) != NULL;
}

bool mtrr_read(const struct mtrr_state *s, u32 msr, u64 *v)
{
	const u64 *p = slot((struct mtrr_state *)s, msr);

	if (p)
		*v = *p;
	return p != NULL;
}

static bool valid_type(u64 t)
{
	return t < 8 && (MTRR_TYPE_VALID_MASK & (1u << t));
}

bool mtrr_write(struct mtrr_state *s, u32 msr, u64 v)
{
	u64 *p = slot(s, msr);
	u64 addr_rsvd = ~((1ULL << (s->maxphyaddr ? s->maxphyaddr : 36)) - 1) | ~MTRR_ADDR_MASK;

	if (!p)
		return false;
	if (msr == MSR_IA32_MTRR_DEF_TYPE) {
		if ((v & MTRR_DEF_RSVD) || !valid_type(v & MTRR_DEF_TYPE_MASK))
			return false;
	} else if (fixed_index(msr) >= 0) {
		for (unsigned b = 0; b < 8; b++)
			if (!valid_type((v >> (8 * b)) & 0xff))
				return false;
	} else if (msr & 1) {			/* PHYSMASKn: 11 valid, 10:0 reserved */
		if (v & addr_rsvd & ~MTRR_PHYSMASK_VALID)
			return false;
	} else if ((v & addr_rsvd & ~0xffULL) || !valid_type(v & 0xff)) {	/* PHYSBASEn */
		return false;
	}
	*p = v;
	return true;
}

/* The fixed ranges of the first MiB (SDM Table 11-9). */
static int fixed_type(const struct mtrr_state *s, u64 addr)
{
	unsigned idx, byte;

	if (addr < 0x80000) {
		idx = 0;
		byte = (unsigned)(addr >> 16);
	} else if (addr < 0xc0000) {
		idx = 1 + (unsigned)((addr - 0x80000) >> 17);
		byte = (unsigned)((addr >> 14) & 7);
	} else {
		idx = 3 + (unsigned)((addr - 0xc0000) >> 15);
		byte = (unsigned)((addr >> 12) & 7);
	}
	return (int)((s->fixed[idx] >> (8 * byte)) & 0xff);
}

int mtrr_page_type(const struct mtrr_state *s, u64 addr)
{
	int type = -1;

	if (!(s->def_type & MTRR_DEF_E))
		return MTRR_TYPE_UC;
	if ((s->def_type & MTRR_DEF_FE) && (s->cap & MTRRCAP_FIX) && addr < 0x100000)
		return fixed_type(s, addr);
	for (u32 i = 0; i < var_count(s); i++) {
		u64 m = s->mask[i] & MTRR_ADDR_MASK;
		int t = (int)(s->base[i] & 0xff);

		if (!(s->mask[i] & MTRR_PHYSMASK_VALID) || (addr & m) != (s->base[i] & m))
			continue;
		/* Overlaps: UC wins, WT beats WB; other mixes are undefined: UC. */
		if (type < 0 || type == t)
			type = t;
		else if (type == MTRR_TYPE_UC || t == MTRR_TYPE_UC)
			type = MTRR_TYPE_UC;
		else if ((type == MTRR_TYPE_WT && t == MTRR_TYPE_WB) ||
			 (type == MTRR_TYPE_WB && t == MTRR_TYPE_WT))
			type = MTRR_TYPE_WT;
		else
			type = MTRR_TYPE_UC;
	}
	return type < 0 ? (int)(s->def_type & MTRR_DEF_TYPE_MASK) : type;
}

/* Every byte of an aligned power-of-two range matches each variable range
 * alike when no mask bit falls inside it, and no fixed range is in play. */
static bool uniform(const struct mtrr_state *s, u64 base, u64 len)
{
	if ((len & (len - 1)) || (base & (len - 1)))
		return false;
	if ((s->def_type & MTRR_DEF_E) && (s->def_type & MTRR_DEF_FE) && base < 0x100000)
		return false;
	for (u32 i = 0; i < var_count(s); i++)
		if ((s->mask[i] & MTRR_PHYSMASK_VALID) && (s->mask[i] & MTRR_ADDR_MASK & (len - 1)))
			return false;
	return true;
}

int mtrr_range_type(const struct mtrr_state *s, u64 base, u64 len)
{
	int t = mtrr_page_type(s, base);

	if (!(s->def_type & MTRR_DEF_E) || uniform(s, base, len))
		return t;
	for (u64 a = base + PAGE; a < base + len; a += PAGE)
		if (mtrr_page_type(s, a) != t)
			return MTRR_RANGE_MIXED;
	return t;
}
