/* Guest MSR accesses the hypervisor refuses (xmhf/lib/msr_policy.c). */
#include "check.h"
#include "msr_policy.h"
#include "arch/msr.h"
#include "arch/apic.h"

int main(void)
{
	struct msr_policy plain = { false, NULL }, switched = { true, NULL };
	u64 apic = APIC_DEFAULT_BASE | APIC_BASE_ENABLE | APIC_BASE_BSP;

	CHECK(msr_hidden(&plain, MSR_IA32_RTIT_CTL) && msr_hidden(&switched, MSR_IA32_RTIT_CTL));
	CHECK(msr_hidden(&plain, MSR_IA32_RTIT_OUTPUT_BASE) && msr_hidden(&plain, MSR_IA32_RTIT_ADDR3_B));
	CHECK(!msr_hidden(&plain, 0x562) && !msr_hidden(&plain, 0x588));
	CHECK(msr_hidden(&plain, MSR_IA32_DS_AREA) && !msr_hidden(&switched, MSR_IA32_DS_AREA));
	CHECK(msr_hidden(&plain, MSR_IA32_PEBS_ENABLE) && !msr_hidden(&switched, MSR_IA32_PEBS_ENABLE));
	CHECK(!msr_hidden(&plain, MSR_IA32_EFER) && !msr_hidden(&plain, MSR_IA32_PAT));

	CHECK(!msr_write_refused(MSR_IA32_MISC_ENABLE, 0x850089, 0x850089));
	CHECK(msr_write_refused(MSR_IA32_MISC_ENABLE, 0x850089, 0x850089 | MISC_ENABLE_XD_DISABLE));
	CHECK(msr_write_refused(MSR_IA32_MISC_ENABLE, 0x850089, 0x850089 | MISC_ENABLE_LIMIT_CPUID));
	/* Clearing them (what Linux does at boot) is fine. */
	CHECK(!msr_write_refused(MSR_IA32_MISC_ENABLE, 0x850089 | MISC_ENABLE_LIMIT_CPUID, 0x850089));
	CHECK(!msr_write_refused(MSR_IA32_APIC_BASE, apic, apic));
	CHECK(!msr_write_refused(MSR_IA32_APIC_BASE, apic, apic | APIC_BASE_EXTD));	/* x2APIC */
	CHECK_STR(msr_write_refused(MSR_IA32_APIC_BASE, apic, apic & ~APIC_BASE_ENABLE),
		  "disabling the local APIC");
	CHECK_STR(msr_write_refused(MSR_IA32_APIC_BASE, apic, apic + 0x1000), "moving the local APIC");
	CHECK(!msr_write_refused(MSR_IA32_EFER, 0, ~0ULL));	/* not this module's */
	return CHECK_DONE();
}
