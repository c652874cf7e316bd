/* Guest CR0/CR4/EFER writes under an unrestricted guest (SDM 25.3 "Changes to
 * instruction behavior", 26.3.1.1, 24.8.1). The hypervisor owns the bits in the
 * guest/host masks; the guest sees its own value through the read shadows. */
#ifndef XMHF_LIB_CR_POLICY_H
#define XMHF_LIB_CR_POLICY_H
#include "types.h"
#include "vmcs_check.h"

/* The part of a vCPU's VMCS these decisions read and write. */
struct cr_state {
	u64 cr0;		/* GUEST_CR0: what the CPU runs with */
	u64 cr0_shadow;		/* CR0_READ_SHADOW: what the guest reads */
	u64 cr4;
	u64 cr4_shadow;
	u64 efer;		/* GUEST_IA32_EFER */
	bool ia32e;		/* VM-entry control "IA-32e mode guest" */
};

enum cr_result {
	CR_OK,			/* state updated */
	CR_INJECT_GP,		/* the CPU would raise #GP(0): state unchanged */
};

/* Bits the guest may not own: fixed by IA32_VMX_CR0_FIXED0/1 except PE and PG
 * (relaxed by unrestricted guest, SDM 26.3.1.1), plus PG so that every paging
 * change exits and EFER.LMA / IA-32e mode stay consistent. */
u64 cr0_guest_host_mask(const struct vmx_caps *c);
/* CR4 bits fixed by IA32_VMX_CR4_FIXED0/1 (VMXE among them: hidden from the guest). */
u64 cr4_guest_host_mask(const struct vmx_caps *c);

/* What the guest reads from CR0/CR4: host-owned bits (set in the mask) from
 * the read shadow, the rest from the real register (SDM 24.6.6). */
static inline u64 cr_guest_view(u64 real, u64 shadow, u64 mask)
{
	return (real & ~mask) | (shadow & mask);
}

/* Real register value for a guest-visible value: fixed bits forced. */
u64 cr0_real(const struct vmx_caps *c, u64 view);
u64 cr4_real(const struct vmx_caps *c, u64 view);

enum cr_result cr0_write(const struct vmx_caps *c, struct cr_state *s, u64 value);
enum cr_result cr4_write(const struct vmx_caps *c, struct cr_state *s, u64 value);
/* nxe_ok: CPUID.80000001H:EDX.NX; WRMSR IA32_EFER (SDM Vol. 4 Table 2-2). */
enum cr_result efer_write(struct cr_state *s, u64 value, bool nxe_ok);

/* A PAE PDPTE that MOV to CR0/CR3/CR4 may load: not present, or no reserved
 * bit (8:5, 2:1, MAXPHYADDR and up) set; otherwise #GP (SDM 4.4.1, Table 4-8). */
bool cr_pae_pdpte_ok(const struct vmx_caps *c, u64 pdpte);

/* PAE paging outside IA-32e mode: the PDPTEs come from the VMCS (SDM 26.3.2.4). */
bool cr_uses_pae_pdptes(const struct cr_state *s);

#endif
