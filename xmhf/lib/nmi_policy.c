#include "nmi_policy.h"
#include "arch/vmx_controls.h"

/* One event per entry (SDM 26.6); an NMI waits while the guest is in its NMI
 * handler (virtual-NMI blocking, cleared by its IRET, SDM 25.3) or after MOV
 * SS. Blocking by STI does not block NMIs on every CPU (SDM 6.8.3), but an
 * NMI may not be injected with it (SDM 26.3.1.5), and NMI-window exits are
 * not held off by it everywhere (Bochs 2.7), so waiting could loop: the NMI
 * goes in and the STI shadow ends, as the NMI handler's IRET would end it. */
enum nmi_decision nmi_decide(u32 interruptibility, u32 entry_intr_info)
{
	if ((entry_intr_info & INTR_INFO_VALID) ||
	    (interruptibility & (INTR_BLOCK_NMI | INTR_BLOCK_MOV_SS)))
		return NMI_WAIT_WINDOW;
	return (interruptibility & INTR_BLOCK_STI) ? NMI_INJECT_CLEAR_STI : NMI_INJECT;
}
