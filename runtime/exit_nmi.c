/* Exit reason 0 with NMI exiting on (SDM 24.6.1, 27.2.2). An NMI that was
 * not our INIT kick belongs to the guest and is injected back (SDM 26.6). */
#include "exit.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "cpu.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/exceptions.h"

void exit_nmi(struct cpu *c, struct guest_regs *r)
{
	u32 info = (u32)vmread(VMCS_EXIT_INTR_INFO);

	if (INTR_INFO_TYPE(info) != INTR_TYPE_NMI)
		vmx_fatal(c, r, "exception exit with an empty exception bitmap");
	cpu_iret_to_self();
	if (vcpu_state(&c->sipi) == VCPU_INIT_PENDING)
		return;		/* our kick: the INIT is taken before VM entry */
	vmwrite(VMCS_ENTRY_INTR_INFO, INTR_INFO_VALID | (INTR_TYPE_NMI << INTR_INFO_TYPE_SHIFT) | VEC_NMI);
}
