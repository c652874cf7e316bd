/* Exits that end the guest: triple fault (SDM 27.2, reason 2), EPT
 * misconfiguration, and every exit reason we did not enable. The full state
 * goes to the serial console so that the log alone explains the failure. */
#include "exit.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "vmcs_names.h"
#include "format.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_exit_reasons.h"

void exit_fatal(struct cpu *c, struct guest_regs *r)
{
	char why[160];
	u32 reason = (u32)vmread(VMCS_EXIT_REASON);

	xsnprintf(why, sizeof(why), "unhandled VM exit %u (%s), qualification 0x%llx",
		  EXIT_REASON_BASIC(reason), vmx_exit_reason_name(EXIT_REASON_BASIC(reason)),
		  (unsigned long long)vmread(VMCS_EXIT_QUALIFICATION));
	vmx_fatal(c, r, why);
}
