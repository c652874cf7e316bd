/* CPUID exits unconditionally in VMX non-root (SDM 25.1.2); the answer is
 * the host's, rewritten by xmhf/lib/cpuid_policy.c for the guest's CR4
 * (read only for the leaves that show CR4 bits). The policy is compiled
 * into guest_cpuid_view once, when the controls are chosen. */
#include "exit.h"
#include "vmcs.h"
#include "vmcs_setup.h"
#include "cpu.h"
#include "cr_policy.h"
#include "arch/vmcs_fields.h"

struct cpuid_policy guest_cpuid_policy;
struct cpuid_view guest_cpuid_view;

void exit_cpuid(struct cpu *c, struct guest_regs *r)
{
	u32 leaf = (u32)r->gpr[GPR_RAX], sub = (u32)r->gpr[GPR_RCX];
	struct cpuid_regs out = cpuid(leaf, sub);

	(void)c;
	if (!cpuid_view_unchanged(&guest_cpuid_view, leaf)) {
		u64 cr4 = 0;

		if (cpuid_reads_guest_cr4(leaf))
			cr4 = cr_guest_view(vmread(VMCS_GUEST_CR4), vmread(VMCS_CR4_READ_SHADOW),
					    vmread(VMCS_CR4_GUEST_HOST_MASK));
		cpuid_view_rewrite(&guest_cpuid_view, cr4, leaf, sub, &out);
	}
	r->gpr[GPR_RAX] = out.eax;
	r->gpr[GPR_RBX] = out.ebx;
	r->gpr[GPR_RCX] = out.ecx;
	r->gpr[GPR_RDX] = out.edx;
	guest_skip_instruction();
}
