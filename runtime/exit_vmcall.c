/* VMCALL: our INT 15h stub first, then the hypercall ABI (hypercall.h). Any
 * other VMCALL gets #UD, as VMCALL outside VMX non-root operation would (SDM
 * Vol. 2B VMCALL). */
#include "exit.h"
#include "int15_hook.h"
#include "hypercall.h"
#include "arch/exceptions.h"

void exit_vmcall(struct cpu *c, struct guest_regs *r)
{
	if (int15_hook_is_caller()) {
		int15_hook_handle(c, r);
		return;
	}
	if (hypercall_is_ours(r)) {
		hypercall_handle(c, r);
		return;
	}
	guest_inject_exception(VEC_UD);
}
