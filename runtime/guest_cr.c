#include "guest_cr.h"
#include "vmcs.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/cr.h"
#include "arch/msr.h"
#include "percpu.h"
#include "guest_copy.h"

struct cr_state guest_cr_load(void)
{
	return (struct cr_state){
		.cr0 = vmread(VMCS_GUEST_CR0),
		.cr0_shadow = vmread(VMCS_CR0_READ_SHADOW),
		.cr4 = vmread(VMCS_GUEST_CR4),
		.cr4_shadow = vmread(VMCS_CR4_READ_SHADOW),
		.efer = vmread(VMCS_GUEST_IA32_EFER),
		.ia32e = vmread(VMCS_ENTRY_CTLS) & ENTRY_CTLS_IA32E_MODE_GUEST,
	};
}

/* With EPT and PAE paging outside IA-32e mode, VM entry takes the PDPTEs from
 * the VMCS; after a guest CR0/CR4 change they must come from guest CR3
 * (XMHF64 bugs 028/040), read like any guest memory (guest_copy.c). */
static bool read_pdptes(u64 pdpte[4])
{
	u64 cr3 = vmread(VMCS_GUEST_CR3) & ~0x1fULL;

	if (!copy_from_guest_phys(this_cpu(), pdpte, cr3, 4 * sizeof(u64), "PAE PDPTE load"))
		return false;
	for (unsigned i = 0; i < 4; i++)
		if (!cr_pae_pdpte_ok(&vmx_caps, pdpte[i]))
			return false;
	return true;
}

/* Bits whose change makes MOV to CR0/CR4 or WRMSR EFER drop cached
 * translations (SDM 4.10.4.1; a superset is harmless). With VPID nothing is
 * flushed at VM entry, so the emulated write asks for INVVPID. */
#define CR0_TLB_BITS (CR0_PG | CR0_PE | CR0_WP)
#define CR4_TLB_BITS (CR4_PGE | CR4_PAE | CR4_PSE | CR4_PCIDE | CR4_SMEP | CR4_SMAP | CR4_PKE | CR4_LA57)
#define EFER_TLB_BITS (EFER_NXE | EFER_LME | EFER_LMA)

bool guest_cr_store(const struct cr_state *old, const struct cr_state *s)
{
	static const u32 pdpte_field[4] = { VMCS_GUEST_PDPTE0, VMCS_GUEST_PDPTE1, VMCS_GUEST_PDPTE2,
					    VMCS_GUEST_PDPTE3 };
	bool load = cr_uses_pae_pdptes(s) && (s->cr0 != old->cr0 || s->cr4 != old->cr4);
	u64 pdpte[4];

	if (load && !read_pdptes(pdpte))
		return false;
	if (((s->cr0 ^ old->cr0) & CR0_TLB_BITS) || ((s->cr4 ^ old->cr4) & CR4_TLB_BITS) ||
	    ((s->efer ^ old->efer) & EFER_TLB_BITS))
		vcpu_make_request(&this_cpu()->requests, VCPU_REQ_TLB_FLUSH);
	if (s->cr0 != old->cr0)
		vmwrite(VMCS_GUEST_CR0, s->cr0);
	if (s->cr0_shadow != old->cr0_shadow)
		vmwrite(VMCS_CR0_READ_SHADOW, s->cr0_shadow);
	if (s->cr4 != old->cr4)
		vmwrite(VMCS_GUEST_CR4, s->cr4);
	if (s->cr4_shadow != old->cr4_shadow)
		vmwrite(VMCS_CR4_READ_SHADOW, s->cr4_shadow);
	if (s->efer != old->efer)
		vmwrite(VMCS_GUEST_IA32_EFER, s->efer);
	if (s->ia32e != old->ia32e) {
		u64 entry = vmread(VMCS_ENTRY_CTLS) & ~(u64)ENTRY_CTLS_IA32E_MODE_GUEST;

		vmwrite(VMCS_ENTRY_CTLS, entry | (s->ia32e ? ENTRY_CTLS_IA32E_MODE_GUEST : 0));
	}
	for (unsigned i = 0; load && i < 4; i++)
		vmwrite(pdpte_field[i], pdpte[i]);
	return true;
}
