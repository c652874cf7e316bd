/* VMCALL: our INT 15h stub is the only caller we serve. Any other VMCALL gets
 * #UD, as VMCALL outside VMX non-root operation would (SDM Vol. 2B VMCALL). */
#include "exit.h"
#include "int15_hook.h"
#include "arch/exceptions.h"

void exit_vmcall(struct cpu *c, struct guest_regs *r)
{
	(void)c;
	if (!int15_hook_is_caller()) {
		guest_inject_exception(VEC_UD);
		return;
	}
	int15_hook_handle(&r->gpr[GPR_RAX], &r->gpr[GPR_RBX], &r->gpr[GPR_RCX], r->gpr[GPR_RDX],
			  r->gpr[GPR_RDI]);
}
