/* Instructions that exit unconditionally (SDM 25.1.2) and have a simple answer. */
#include "exit.h"
#include "msr_safe.h"
#include "arch/exceptions.h"

/* INVD would drop the hypervisor's dirty cache lines too: do WBINVD instead. */
void exit_invd(struct cpu *c, struct guest_regs *r)
{
	(void)c;
	(void)r;
	asm volatile("wbinvd" ::: "memory");
	guest_skip_instruction();
}

/* XSETBV with the guest's values; a value the CPU rejects is #GP in the guest. */
void exit_xsetbv(struct cpu *c, struct guest_regs *r)
{
	u64 v = ((u64)(u32)r->gpr[GPR_RDX] << 32) | (u32)r->gpr[GPR_RAX];

	(void)c;
	if (xsetbv_safe((u32)r->gpr[GPR_RCX], v))
		guest_skip_instruction();
	else
		guest_inject_exception(VEC_GP);
}

/* VMX instructions and GETSEC: the guest sees no VMX or SMX (CPUID hides
 * them), so it gets #UD as on a CPU without them. */
void exit_inject_ud(struct cpu *c, struct guest_regs *r)
{
	(void)c;
	(void)r;
	guest_inject_exception(VEC_UD);
}
