/* The guest's MTRRs, kept by the hypervisor (SDM Vol. 3A 11.11). Under EPT
 * the real MTRRs do not apply to guest accesses (SDM 28.2.6.2): the guest's
 * memory types come from EPT, so guest MTRR writes are shadowed here and
 * turned into EPT memory types (XMHF64 bug 054); the real MTRRs, which also
 * type the hypervisor's own accesses, never change. */
#ifndef XMHF_LIB_MTRR_H
#define XMHF_LIB_MTRR_H
#include "types.h"

#define MTRR_MAX_VAR 16
#define MTRR_FIXED_COUNT 11	/* one 64K, two 16K, eight 4K MSRs */
#define MTRR_RANGE_MIXED (-1)

struct mtrr_state {
	u64 cap;			/* IA32_MTRRCAP (read-only) */
	u64 def_type;
	u64 fixed[MTRR_FIXED_COUNT];
	u64 base[MTRR_MAX_VAR], mask[MTRR_MAX_VAR];
	u8 maxphyaddr;			/* for reserved address bits; 0 = 36 */
};

/* True if msr is one of the MTRRs this state holds (not IA32_MTRRCAP). */
bool mtrr_is_msr(const struct mtrr_state *s, u32 msr);
/* RDMSR of an MTRR: true and *v, or false if msr is not one. */
bool mtrr_read(const struct mtrr_state *s, u32 msr, u64 *v);
/* WRMSR: false (the guest gets #GP) for a reserved bit or an invalid type
 * (SDM 11.11.2.1-11.11.2.3), the state then unchanged. */
bool mtrr_write(struct mtrr_state *s, u32 msr, u64 v);
/* Memory type of the 4 KiB page at addr (SDM 11.11.4.1 precedence). */
int mtrr_page_type(const struct mtrr_state *s, u64 addr);
/* The type of [base, base + len) (4 KiB multiples), or MTRR_RANGE_MIXED. */
int mtrr_range_type(const struct mtrr_state *s, u64 base, u64 len);

#endif
