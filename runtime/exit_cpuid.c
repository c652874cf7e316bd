/* CPUID exits unconditionally in VMX non-root (SDM 25.1.2). */
#include "exit.h"
#include "cpu.h"
#include "cpuid_policy.h"

void exit_cpuid(struct cpu *c, struct guest_regs *r)
{
	u32 leaf = (u32)r->gpr[GPR_RAX], sub = (u32)r->gpr[GPR_RCX];
	struct cpuid_regs out = cpuid(leaf, sub);

	(void)c;
	cpuid_policy_apply(leaf, sub, &out);
	r->gpr[GPR_RAX] = out.eax;
	r->gpr[GPR_RBX] = out.ebx;
	r->gpr[GPR_RCX] = out.ecx;
	r->gpr[GPR_RDX] = out.edx;
	guest_skip_instruction();
}
