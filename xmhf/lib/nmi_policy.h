/* When a pending guest NMI can be injected, with virtual NMIs on. */
#ifndef XMHF_LIB_NMI_POLICY_H
#define XMHF_LIB_NMI_POLICY_H
#include "types.h"

enum nmi_decision {
	NMI_INJECT,		/* inject at this entry */
	NMI_INJECT_CLEAR_STI,	/* clear blocking by STI, then inject */
	NMI_WAIT_WINDOW,	/* NMI-window exiting; inject at that exit */
};

/* interruptibility: the guest-state field; entry_intr_info: what this entry
 * injects already (SDM 24.4.2, 24.8.3). */
enum nmi_decision nmi_decide(u32 interruptibility, u32 entry_intr_info);

#endif
