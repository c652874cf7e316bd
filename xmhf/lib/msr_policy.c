#include "msr_policy.h"
#include "arch/msr.h"

bool msr_hidden(const struct msr_policy *p, u32 msr)
{
	if ((msr >= MSR_IA32_RTIT_OUTPUT_BASE && msr <= MSR_IA32_RTIT_OUTPUT_MASK_PTRS) ||
	    (msr >= MSR_IA32_RTIT_CTL && msr <= MSR_IA32_RTIT_CR3_MATCH) ||
	    (msr >= MSR_IA32_RTIT_ADDR0_A && msr <= MSR_IA32_RTIT_ADDR3_B))
		return true;
	return !p->pmu_switched && (msr == MSR_IA32_DS_AREA || msr == MSR_IA32_PEBS_ENABLE);
}

const char *msr_write_refused(u32 msr, u64 old, u64 value)
{
	switch (msr) {
	case MSR_IA32_MISC_ENABLE:
		/* XD disable makes EFER.NXE reserved: the next VM exit's host EFER
		 * and the guest's would fail (SDM 26.2.2, 26.3.1.1); a CPUID limit
		 * hides the leaves the hypervisor reads at run time. */
		if ((value & ~old) & MISC_ENABLE_XD_DISABLE)
			return "IA32_MISC_ENABLE XD disable";
		if ((value & ~old) & MISC_ENABLE_LIMIT_CPUID)
			return "IA32_MISC_ENABLE limit CPUID maxval";
		return NULL;
	case MSR_IA32_APIC_BASE:
		/* The hypervisor's kicks and the IPIs it emulates go through this
		 * APIC, at this address (SDM 10.4.3, 10.4.4). */
		if ((value ^ old) & APIC_BASE_ADDR_MASK)
			return "moving the local APIC";
		if (!(value & APIC_BASE_ENABLE))
			return "disabling the local APIC";
		return NULL;
	default:
		return NULL;
	}
}
