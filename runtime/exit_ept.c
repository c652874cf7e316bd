/* EPT violations (SDM 28.2.3.2, qualification Table 27-7): the guest touched
 * guest-physical memory that is not mapped for it (the hypervisor's range, or
 * beyond the mapped space). Reported with the full 64-bit address (XMHF64
 * bug 022) and fatal for now. */
#include "exit.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "format.h"
#include "arch/vmcs_fields.h"

void exit_ept_violation(struct cpu *c, struct guest_regs *r)
{
	char why[192];

	xsnprintf(why, sizeof(why), "EPT violation at guest-physical 0x%llx (qualification 0x%llx, "
		  "guest RIP 0x%llx)", (unsigned long long)vmread(VMCS_GUEST_PHYSICAL_ADDRESS),
		  (unsigned long long)vmread(VMCS_EXIT_QUALIFICATION),
		  (unsigned long long)vmread(VMCS_GUEST_RIP));
	vmx_fatal(c, r, why);
}
