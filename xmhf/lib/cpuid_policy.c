#include "cpuid_policy.h"

void cpuid_policy_apply(u32 leaf, u32 subleaf, struct cpuid_regs *r)
{
	(void)subleaf;
	if (leaf == CPUID_LEAF_FEATURES) {
		r->ecx &= ~(CPUID1_ECX_VMX | CPUID1_ECX_SMX);
		r->ecx |= CPUID1_ECX_HYPERVISOR;
	}
}
