/* Control-register access exits (SDM 25.1.3, qualification Table 27-3). Only
 * bits in the guest/host masks exit: CR0.PG and the VMX-fixed bits of CR0 and
 * CR4. The decisions are in xmhf/lib/cr_policy.c. */
#include "exit.h"
#include "vmcs.h"
#include "guest_cr.h"
#include "serial.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_exit_reasons.h"
#include "arch/exceptions.h"

#define LMSW_BITS 0xfULL	/* LMSW loads CR0 bits 3:0 and cannot clear PE */

static enum cr_result mov_to_cr(struct cpu *c, unsigned cr, u64 v)
{
	struct cr_state old = guest_cr_load(), s = old;
	enum cr_result res;

	switch (cr) {
	case 0:
		res = cr0_write(&vmx_caps, &s, v);
		break;
	case 3:	/* exits only without TRUE controls; MOV to CR3 flushes (SDM 4.10.4.1) */
		vmwrite(VMCS_GUEST_CR3, v);
		vcpu_make_request(&c->requests, VCPU_REQ_TLB_FLUSH);
		return CR_OK;
	case 4:
		res = cr4_write(&vmx_caps, &s, v);
		break;
	default:
		hv_panic("CPU %u: MOV to CR%u exit: control not enabled by us\n", c->index, cr);
	}
	if (res == CR_OK && !guest_cr_store(&old, &s))
		res = CR_INJECT_GP;
	return res;
}

void exit_cr_access(struct cpu *c, struct guest_regs *r)
{
	u64 q = vmread(VMCS_EXIT_QUALIFICATION);
	unsigned cr = CR_QUAL_CR(q);
	enum cr_result res = CR_OK;

	switch (CR_QUAL_ACCESS(q)) {
	case CR_ACCESS_MOV_TO_CR:
		res = mov_to_cr(c, cr, guest_gpr_read(r, CR_QUAL_GPR(q)));
		break;
	case CR_ACCESS_MOV_FROM_CR:
		if (cr != 3)
			hv_panic("CPU %u: MOV from CR%u exit: not enabled by us\n", c->index, cr);
		guest_gpr_write(r, CR_QUAL_GPR(q), vmread(VMCS_GUEST_CR3));
		break;
	case CR_ACCESS_LMSW: {
		u64 old = vmread(VMCS_CR0_READ_SHADOW);
		u64 v = (old & ~LMSW_BITS) | (CR_QUAL_LMSW_DATA(q) & LMSW_BITS) | (old & 1);

		res = mov_to_cr(c, 0, v);
		break;
	}
	default:	/* CLTS: TS is never in our mask */
		hv_panic("CPU %u: CLTS exit: CR0.TS is not intercepted\n", c->index);
	}
	if (res == CR_OK)
		guest_skip_instruction();
	else
		guest_inject_exception(VEC_GP);
}
