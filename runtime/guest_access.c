/* Guest register access and event injection used by all exit handlers. */
#include "exit.h"
#include "vmcs.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include "arch/exceptions.h"
#include "arch/msr.h"

/* The instruction at RIP completed (emulated, or its exit is a trap): as on
 * bare hardware, STI/MOV-SS blocking ends with it (SDM 6.8.3), and with
 * RFLAGS.TF set (and not IA32_DEBUGCTL.BTF, which steps branches only) it
 * raises a single-step #DB before the next one (SDM 17.3.1.4, 17.4.3),
 * delivered by VM entry from the pending debug exceptions (SDM 26.7.3). */
void guest_advance_rip(u64 len)
{
	u64 intr = vmread(VMCS_GUEST_INTERRUPTIBILITY);

	vmwrite(VMCS_GUEST_RIP, vmread(VMCS_GUEST_RIP) + len);
	if (intr & (INTR_BLOCK_STI | INTR_BLOCK_MOV_SS))
		vmwrite(VMCS_GUEST_INTERRUPTIBILITY, intr & ~(u64)(INTR_BLOCK_STI | INTR_BLOCK_MOV_SS));
	if ((vmread(VMCS_GUEST_RFLAGS) & RFLAGS_TF) &&
	    !(vmread(VMCS_GUEST_IA32_DEBUGCTL) & DEBUGCTL_BTF))
		vmwrite(VMCS_GUEST_PENDING_DBG_EXCEPTIONS,
			vmread(VMCS_GUEST_PENDING_DBG_EXCEPTIONS) | PENDING_DBG_BS);
}

/* Safe: used only by exits that report an instruction length (SDM 27.2.5). */
void guest_skip_instruction(void)
{
	guest_advance_rip(vmread(VMCS_EXIT_INSTR_LEN));
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

/* Traps and aborts among the vectors we inject; every other one is a fault
 * (SDM Vol. 3A Table 6-1). */
static bool is_fault(u8 vector)
{
	return vector != VEC_BP && vector != VEC_OF && vector != VEC_DF && vector != VEC_MC;
}

/* Error codes are delivered only in protected mode (SDM 26.2.1.3: not with
 * CR0.PE = 0 under unrestricted guest). A fault's handler sees RF = 1 in the
 * pushed RFLAGS, so that the faulting instruction can be restarted without
 * re-triggering an instruction breakpoint (SDM Vol. 3A 17.3.1.1); VM entry
 * pushes RFLAGS from the guest-state area, so RF is set there (real mode
 * pushes 16-bit FLAGS: no RF). */
void guest_inject_exception(u8 vector)
{
	u32 info = vector | (INTR_TYPE_HW_EXCEPTION << INTR_INFO_TYPE_SHIFT) | INTR_INFO_VALID;
	bool pe = vmread(VMCS_GUEST_CR0) & CR0_PE;

	if (exception_has_error_code(vector) && pe) {
		info |= INTR_INFO_DELIVER_ERRCODE;
		vmwrite(VMCS_ENTRY_EXCEPTION_ERRCODE, 0);
	}
	if (pe && is_fault(vector))
		vmwrite(VMCS_GUEST_RFLAGS, vmread(VMCS_GUEST_RFLAGS) | RFLAGS_RF);
	vmwrite(VMCS_ENTRY_INTR_INFO, info);
}
