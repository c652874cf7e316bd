/* Instructions that exit unconditionally (SDM 25.1.2) and have a simple answer. */
#include "exit.h"
#include "msr_safe.h"
#include "xcr0.h"
#include "cpu.h"
#include "arch/cpuid.h"
#include "arch/exceptions.h"

/* INVD would drop the hypervisor's dirty cache lines too: do WBINVD instead. */
void exit_invd(struct cpu *c, struct guest_regs *r)
{
	(void)c;
	(void)r;
	asm volatile("wbinvd" ::: "memory");
	guest_skip_instruction();
}

/* XSETBV: CPL > 0 and CR4.OSXSAVE = 0 fault before the exit (SDM 25.1.1);
 * what is left is the value check (SDM Vol. 1 13.3), then the write itself
 * in VMX root, where host CR4.OSXSAVE is set (vmx_on.c). XCR0 is not
 * switched at VM entry or exit; the hypervisor never uses extended state
 * (-mgeneral-regs-only), so the register is the guest's alone. */
void exit_xsetbv(struct cpu *c, struct guest_regs *r)
{
	u32 xcr = (u32)r->gpr[GPR_RCX];
	u64 v = ((u64)(u32)r->gpr[GPR_RDX] << 32) | (u32)r->gpr[GPR_RAX];
	struct cpuid_regs d = cpuid(CPUID_LEAF_XSAVE, 0);

	(void)c;
	if (xsetbv_allowed(xcr, v, ((u64)d.edx << 32) | d.eax) && xsetbv_safe(xcr, v))
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
