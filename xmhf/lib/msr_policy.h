/* Which guest MSR accesses the hypervisor refuses (SDM Vol. 4 Table 2-2). */
#ifndef XMHF_LIB_MSR_POLICY_H
#define XMHF_LIB_MSR_POLICY_H
#include "types.h"

struct mtrr_state;

struct msr_policy {
	bool pmu_switched;	/* IA32_PERF_GLOBAL_CTRL loaded on VM entry and exit */
	const struct mtrr_state *mtrr;	/* shadowed MTRRs (read and write exit), or NULL */
};

/* MSRs of features the guest's CPUID hides (xmhf/lib/cpuid_policy.c): #GP
 * on RDMSR and WRMSR, as on a CPU without the feature. Intel PT always (its
 * output would bypass EPT); DS_AREA and PEBS_ENABLE without counter switching. */
bool msr_hidden(const struct msr_policy *p, u32 msr);

/* A WRMSR that would break the hypervisor: NULL if allowed, else the reason
 * (the guest gets #GP). old: the MSR's current value. */
const char *msr_write_refused(u32 msr, u64 old, u64 value);

#endif
