/* Guest register access and event injection used by all exit handlers. */
#include "exit.h"
#include "vmcs.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include "arch/exceptions.h"

void guest_skip_instruction(void)
{
	vmwrite(VMCS_GUEST_RIP, vmread(VMCS_GUEST_RIP) + vmread(VMCS_EXIT_INSTR_LEN));
}

bool guest_in_64bit_mode(void)
{
	return (vmread(VMCS_ENTRY_CTLS) & ENTRY_CTLS_IA32E_MODE_GUEST) &&
	       (vmread(VMCS_GUEST_CS_AR) & AR_L);
}

/* Outside 64-bit mode an instruction uses the low 32 bits of a register. */
u64 guest_gpr_read(const struct guest_regs *r, unsigned index)
{
	u64 v = index == GPR_RSP ? vmread(VMCS_GUEST_RSP) : r->gpr[index];

	return guest_in_64bit_mode() ? v : (u32)v;
}

void guest_gpr_write(struct guest_regs *r, unsigned index, u64 value)
{
	if (index == GPR_RSP)
		vmwrite(VMCS_GUEST_RSP, value);
	else
		r->gpr[index] = value;
}

/* Error codes are delivered only in protected mode (SDM 26.2.1.3: not with
 * CR0.PE = 0 under unrestricted guest). */
void guest_inject_exception(u8 vector)
{
	u32 info = vector | (INTR_TYPE_HW_EXCEPTION << INTR_INFO_TYPE_SHIFT) | INTR_INFO_VALID;

	if (exception_has_error_code(vector) && (vmread(VMCS_GUEST_CR0) & CR0_PE)) {
		info |= INTR_INFO_DELIVER_ERRCODE;
		vmwrite(VMCS_ENTRY_EXCEPTION_ERRCODE, 0);
	}
	vmwrite(VMCS_ENTRY_INTR_INFO, info);
}
