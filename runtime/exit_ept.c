/* EPT violations (SDM 28.2.3.2, qualification Table 27-7). Two are expected:
 * writes to the write-protected APIC page (IPI emulation, apic_guard.c) and
 * the first access to a page of the hypervisor's range (ept_guard.c); an
 * access above the mapped space gets that space extended. Any other one is
 * reported with the full 64-bit address (XMHF64 bug 022) and is fatal. */
#include "exit.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "format.h"
#include "apic_guard.h"
#include "ept_guard.h"
#include "ept.h"
#include "ratelimit.h"
#include "serial.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_exit_reasons.h"

static u32 beyond_logged;

void exit_ept_violation(struct cpu *c, struct guest_regs *r)
{
	char why[192];
	u64 gpa = vmread(VMCS_GUEST_PHYSICAL_ADDRESS);
	u64 q = vmread(VMCS_EXIT_QUALIFICATION);

	if (apic_guard_is_apic_page(gpa) && (q & EPT_QUAL_WRITE)) {
		apic_guard_write(c, r, gpa);
		return;
	}
	if (ept_guard_handle(c, gpa, q))
		return;
	if (ept_map_beyond_limit(gpa)) {
		if (ratelimit_ok(&beyond_logged))
			hv_printf("CPU %u: guest access to 0x%llx above the mapped space: 2 MiB mapped "
				  "uncacheable\n", c->index, (unsigned long long)gpa);
		return;		/* the access is retried */
	}
	xsnprintf(why, sizeof(why), "EPT violation at guest-physical 0x%llx (qualification 0x%llx, "
		  "guest RIP 0x%llx)", (unsigned long long)gpa, (unsigned long long)q,
		  (unsigned long long)vmread(VMCS_GUEST_RIP));
	vmx_fatal(c, r, why);
}
