/* What the guest sees of CPUID (SDM Vol. 2A CPUID): a pure function of the
 * host's answer, the VMX controls in use and the guest's own CR4. */
#ifndef XMHF_LIB_CPUID_POLICY_H
#define XMHF_LIB_CPUID_POLICY_H
#include "types.h"
#include "arch/cpuid.h"

/* Hypervisor leaf 0x40000000: EBX ECX EDX = "XMHFngXMHFng"; no PV features
 * (leaves 0x40000001-0x400000ff read as 0). */
#define XMHF_CPUID_SIG_EBX 0x46484d58u	/* "XMHF" */
#define XMHF_CPUID_SIG_ECX 0x4d58676eu	/* "ngXM" */
#define XMHF_CPUID_SIG_EDX 0x676e4648u	/* "HFng" */

struct cpuid_policy {
	u32 proc2;		/* secondary processor-based controls in use */
	bool pmu_switched;	/* IA32_PERF_GLOBAL_CTRL loaded on entry and exit */
};

/* The policy compiled into per-leaf masks once (cpuid_view_init), so that
 * a CPUID exit does not walk the rule table. */
#define CPUID_VIEW_LEAVES 8
struct cpuid_view_leaf {
	u32 leaf, subleaf;
	bool indexed;			/* the leaf has sub-leaves: subleaf must match */
	struct cpuid_regs keep;		/* AND masks: 0 bits are hidden */
};
struct cpuid_view {
	struct cpuid_view_leaf l[CPUID_VIEW_LEAVES];
	unsigned n;
	bool pmu_hidden;		/* leaf 0xa reads as 0 */
	u32 unchanged_low;		/* bit L: leaf L < 32 is the host's answer as is */
};

/* False if the rules need more than CPUID_VIEW_LEAVES leaves (a bug). */
bool cpuid_view_init(struct cpuid_view *v, const struct cpuid_policy *p);
/* Rewrites *r, the host's answer to (leaf, subleaf), into the guest's
 * (nothing to do when cpuid_view_unchanged(v, leaf)).
 * guest_cr4 is the CR4 the guest reads (cr_guest_view()); it is used only
 * for the leaves cpuid_reads_guest_cr4() names, 0 may be passed for others. */
void cpuid_view_rewrite(const struct cpuid_view *v, u64 guest_cr4, u32 leaf, u32 subleaf,
			struct cpuid_regs *r);
static inline bool cpuid_view_unchanged(const struct cpuid_view *v, u32 leaf)
{
	return leaf < 32 && ((v->unchanged_low >> leaf) & 1);
}
static inline bool cpuid_reads_guest_cr4(u32 leaf)
{
	return leaf == CPUID_LEAF_FEATURES || leaf == CPUID_LEAF_EXT_FEATURES;
}
/* cpuid_view_init() then cpuid_view_rewrite(), for one-off queries. */
void cpuid_policy_apply(const struct cpuid_policy *p, u64 guest_cr4, u32 leaf, u32 subleaf,
			struct cpuid_regs *r);

/* One feature the host has and the guest does not see, and why. */
typedef void (*cpuid_hidden_fn)(void *arg, const char *feature, const char *why);
/* Calls fn for each feature bit that host_cpuid reports and the policy
 * hides; returns how many. */
unsigned cpuid_policy_hidden(const struct cpuid_policy *p, cpuid_query_fn host_cpuid,
			     void *host_arg, cpuid_hidden_fn fn, void *arg);

#endif
