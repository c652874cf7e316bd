/* Exits that end the guest: triple fault and task switch (then the machine
 * resets, as bare hardware would), EPT misconfiguration and every exit reason
 * we did not enable (then it halts). The full state goes to the serial
 * console first, so that the log alone explains what happened. */
#include "exit.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "vmcs_names.h"
#include "format.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_exit_reasons.h"

/* Triple fault (SDM 27.2: reason 2) and task switch (reason 9, which a
 * 32-bit guest reaches through a task gate, e.g. for #DF, and which is not
 * emulated): the guest is dead, as a shut-down CPU is; the machine resets. */
void exit_guest_crash(struct cpu *c, struct guest_regs *r)
{
	char why[96];
	u32 reason = EXIT_REASON_BASIC((u32)vmread(VMCS_EXIT_REASON));

	xsnprintf(why, sizeof(why), "guest %s on CPU %u",
		  reason == EXIT_REASON_TRIPLE_FAULT ? "triple fault" : "task switch (not emulated)",
		  c->index);
	vmx_guest_crash(c, r, why);
}

void exit_fatal(struct cpu *c, struct guest_regs *r)
{
	char why[160];
	u32 reason = (u32)vmread(VMCS_EXIT_REASON);

	xsnprintf(why, sizeof(why), "unhandled VM exit %u (%s), qualification 0x%llx",
		  EXIT_REASON_BASIC(reason), vmx_exit_reason_name(EXIT_REASON_BASIC(reason)),
		  (unsigned long long)vmread(VMCS_EXIT_QUALIFICATION));
	vmx_fatal(c, r, why);
}
