#include "cr_policy.h"
#include "arch/cr.h"
#include "arch/msr.h"

u64 cr0_guest_host_mask(const struct vmx_caps *c)
{
	u64 fixed = (c->cr0_fixed0 | ~c->cr0_fixed1) & 0xffffffffULL;

	return (fixed & ~(CR0_PE | CR0_PG)) | CR0_PG;
}

u64 cr4_guest_host_mask(const struct vmx_caps *c)
{
	return (c->cr4_fixed0 | ~c->cr4_fixed1) & 0xffffffffULL;
}

u64 cr0_real(const struct vmx_caps *c, u64 view)
{
	return (view | (c->cr0_fixed0 & ~(CR0_PE | CR0_PG))) & (c->cr0_fixed1 | CR0_PE | CR0_PG);
}

u64 cr4_real(const struct vmx_caps *c, u64 view)
{
	return (view | c->cr4_fixed0) & c->cr4_fixed1;
}

/* MOV to CR0 faults (SDM Vol. 2B MOV-Control Registers; Vol. 3A 2.5). */
static bool cr0_faults(const struct cr_state *s, u64 v)
{
	if (v >> 32)
		return true;
	if ((v & CR0_PG) && !(v & CR0_PE))
		return true;
	if ((v & CR0_NW) && !(v & CR0_CD))
		return true;
	/* Enabling paging with EFER.LME needs CR4.PAE (SDM 9.8.5). */
	if ((v & CR0_PG) && !(s->cr0 & CR0_PG) && (s->efer & EFER_LME) && !(s->cr4 & CR4_PAE))
		return true;
	return false;
}

enum cr_result cr0_write(const struct vmx_caps *c, struct cr_state *s, u64 value)
{
	bool pg_on = (value & CR0_PG) && !(s->cr0 & CR0_PG);
	bool pg_off = !(value & CR0_PG) && (s->cr0 & CR0_PG);

	if (cr0_faults(s, value))
		return CR_INJECT_GP;
	/* IA32_EFER.LMA = LME && CR0.PG, mirrored in the IA-32e-mode entry control
	 * (SDM 24.8.1, 26.3.1.1); changed only on a PG transition (XMHF64 bug 015). */
	if (pg_on && (s->efer & EFER_LME)) {
		s->efer |= EFER_LMA;
		s->ia32e = true;
	} else if (pg_off && (s->efer & EFER_LMA)) {
		s->efer &= ~EFER_LMA;
		s->ia32e = false;
	}
	s->cr0_shadow = value;
	s->cr0 = cr0_real(c, value);
	return CR_OK;
}

enum cr_result cr4_write(const struct vmx_caps *c, struct cr_state *s, u64 value)
{
	/* Bits the CPU cannot set, and VMXE: the guest has no VMX (CPUID hides it). */
	if ((value & ~c->cr4_fixed1) || (value & CR4_VMXE) || (value >> 32))
		return CR_INJECT_GP;
	/* Clearing PAE in IA-32e mode faults (SDM Vol. 2B MOV CR4). */
	if ((s->efer & EFER_LMA) && !(value & CR4_PAE))
		return CR_INJECT_GP;
	s->cr4_shadow = value;
	s->cr4 = cr4_real(c, value);
	return CR_OK;
}

enum cr_result efer_write(struct cr_state *s, u64 value, bool nxe_ok)
{
	u64 allowed = EFER_SCE | EFER_LME | EFER_LMA | (nxe_ok ? EFER_NXE : 0);

	if (value & ~allowed)
		return CR_INJECT_GP;
	/* LME may not change while paging is on (SDM Vol. 3A 9.8.5). */
	if ((s->cr0 & CR0_PG) && ((value ^ s->efer) & EFER_LME))
		return CR_INJECT_GP;
	s->efer = (value & ~EFER_LMA) | (s->efer & EFER_LMA);	/* LMA is read-only */
	return CR_OK;
}

bool cr_uses_pae_pdptes(const struct cr_state *s)
{
	return (s->cr0 & CR0_PG) && (s->cr4 & CR4_PAE) && !(s->efer & EFER_LMA);
}

bool cr_pae_pdpte_ok(const struct vmx_caps *c, u64 pdpte)
{
	return !(pdpte & PTE_P) ||
	       (!(pdpte & PDPTE_PAE_RSVD) && !vmx_caps_beyond_maxphyaddr(c, pdpte));
}
