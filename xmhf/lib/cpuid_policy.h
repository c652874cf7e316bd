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

/* Rewrites *r, the host's answer to (leaf, subleaf), into the guest's.
 * guest_cr4 is the CR4 the guest reads (cr_guest_view()). */
void cpuid_policy_apply(const struct cpuid_policy *p, u64 guest_cr4, u32 leaf, u32 subleaf,
			struct cpuid_regs *r);

/* One feature the host has and the guest does not see, and why. */
typedef void (*cpuid_hidden_fn)(void *arg, const char *feature, const char *why);
/* Calls fn for each feature bit that host_cpuid reports and the policy
 * hides; returns how many. */
unsigned cpuid_policy_hidden(const struct cpuid_policy *p, cpuid_query_fn host_cpuid,
			     void *host_arg, cpuid_hidden_fn fn, void *arg);

#endif
