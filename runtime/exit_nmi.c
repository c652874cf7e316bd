/* Exit reason 0 with NMI exiting on (SDM 24.6.1, 27.2.2). An NMI that was
 * not our INIT kick belongs to the guest and is injected back (SDM 26.6),
 * at the first entry where nothing else is injected and the guest does not
 * block NMIs; until then it waits (delivered at a later exit). */
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
	c->guest_nmi_pending = true;
}

/* Deliverable when no other event is being injected and the guest is not
 * blocking NMIs (in its NMI handler, or after STI/MOV SS: SDM 24.4.2, 26.3.1.5). */
void guest_nmi_deliver(struct cpu *c)
{
	if ((vmread(VMCS_ENTRY_INTR_INFO) & INTR_INFO_VALID) ||
	    (vmread(VMCS_GUEST_INTERRUPTIBILITY) & (INTR_BLOCK_NMI | INTR_BLOCK_STI | INTR_BLOCK_MOV_SS)))
		return;		/* the NMI waits for a later exit */
	vmwrite(VMCS_ENTRY_INTR_INFO, INTR_INFO_VALID | (INTR_TYPE_NMI << INTR_INFO_TYPE_SHIFT) | VEC_NMI);
	c->guest_nmi_pending = false;
}
