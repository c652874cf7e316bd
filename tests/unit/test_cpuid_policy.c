#include "check.h"
#include "cpuid_policy.h"

int main(void)
{
	struct cpuid_regs r = { 0x206c2, 0x10800, 0xffffffff & ~CPUID1_ECX_HYPERVISOR, 0xbfebfbff };
	struct cpuid_regs before = r;

	cpuid_policy_apply(1, 0, &r);
	CHECK(!(r.ecx & CPUID1_ECX_VMX));
	CHECK(!(r.ecx & CPUID1_ECX_SMX));
	CHECK(r.ecx & CPUID1_ECX_HYPERVISOR);
	CHECK((r.ecx | CPUID1_ECX_VMX | CPUID1_ECX_SMX) == (before.ecx | CPUID1_ECX_HYPERVISOR));
	CHECK(r.eax == before.eax && r.ebx == before.ebx && r.edx == before.edx);

	r = before;
	cpuid_policy_apply(7, 0, &r);
	CHECK(memcmp(&r, &before, sizeof(r)) == 0);
	return CHECK_DONE();
}
