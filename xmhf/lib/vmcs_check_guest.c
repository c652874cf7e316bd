/* Checks on the guest-state area (SDM 26.3.1.1, 26.3.1.3-26.3.1.6; segments are
 * in vmcs_check_seg.c). A failure here is a VM exit with basic reason 33 and
 * bit 31 set. Where Bochs 2.7 (cpu/vmx.cc VMenterLoadCheckGuestState) differs
 * from the SDM, the SDM is followed and the difference noted. */
#include "vmcs_check_int.h"
#include "cr_policy.h"
#include "arch/vmx_controls.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include "arch/msr.h"

#define VEC_DB 1u
#define VEC_NMI 2u
#define VEC_MC 18u

struct guest {
	u64 cr0, cr4, rflags, debugctl;
	u64 intr_info;		/* VM-entry interruption information */
	bool ia32e, inject;
	u32 inject_type, inject_vec;
};

/* SDM 26.3.1.1 */
static void check_cr_msr(struct vmcs_ck *k, const struct guest *g)
{
	const struct vmx_caps *c = k->c;
	u64 fixed0 = c->cr0_fixed0 & ~VMCS_CK_CR0_UNCHECKED, fixed1 = c->cr0_fixed1 | VMCS_CK_CR0_UNCHECKED, x;

	k->sdm = "SDM 26.3.1.1";
	if (k->proc2 & PROC2_UNRESTRICTED_GUEST)
		fixed0 &= ~(CR0_PE | CR0_PG);
	CC(k, (g->cr0 & fixed0) != fixed0, VMCS_GUEST_CR0, g->cr0, "guest CR0 bit fixed to 1 is 0");
	CC(k, g->cr0 & ~fixed1, VMCS_GUEST_CR0, g->cr0, "guest CR0 bit fixed to 0 is 1");
	CC(k, (g->cr0 & CR0_PG) && !(g->cr0 & CR0_PE), VMCS_GUEST_CR0, g->cr0,
	   "guest CR0.PG set without CR0.PE");
	CC(k, (g->cr4 & c->cr4_fixed0) != c->cr4_fixed0, VMCS_GUEST_CR4, g->cr4,
	   "guest CR4 bit fixed to 1 is 0");
	CC(k, g->cr4 & ~c->cr4_fixed1, VMCS_GUEST_CR4, g->cr4, "guest CR4 bit fixed to 0 is 1");
	CC(k, (g->cr4 & CR4_CET) && !(g->cr0 & CR0_WP), VMCS_GUEST_CR4, g->cr4,
	   "guest CR4.CET set with CR0.WP clear");
	/* Bochs 2.7 does not check the IA32_DEBUGCTL reserved bits. */
	CC(k, (k->entry & ENTRY_CTLS_LOAD_DEBUG_CTLS) && (g->debugctl & DEBUGCTL_RSVD), VMCS_GUEST_IA32_DEBUGCTL,
	   g->debugctl, "guest IA32_DEBUGCTL reserved bits set");
	CC(k, g->ia32e && !(g->cr0 & CR0_PG), VMCS_GUEST_CR0, g->cr0, "IA-32e-mode guest with CR0.PG clear");
	CC(k, g->ia32e && !(g->cr4 & CR4_PAE), VMCS_GUEST_CR4, g->cr4,
	   "IA-32e-mode guest with CR4.PAE clear");
	CC(k, !g->ia32e && (g->cr4 & CR4_PCIDE), VMCS_GUEST_CR4, g->cr4,
	   "guest CR4.PCIDE set outside IA-32e mode");
	x = vmcs_ck_read(k, VMCS_GUEST_CR3);
	CC(k, vmcs_ck_beyond_maxphyaddr(k, x), VMCS_GUEST_CR3, x,
	   "guest CR3 sets bits beyond physical-address width");
	if (k->entry & ENTRY_CTLS_LOAD_DEBUG_CTLS) {
		x = vmcs_ck_read(k, VMCS_GUEST_DR7);
		CC(k, x >> 32, VMCS_GUEST_DR7, x, "guest DR7 bits 63:32 not 0");
	}
	x = vmcs_ck_read(k, VMCS_GUEST_SYSENTER_ESP);
	CC(k, !vmcs_ck_canonical(k, x), VMCS_GUEST_SYSENTER_ESP, x, "guest IA32_SYSENTER_ESP not canonical");
	x = vmcs_ck_read(k, VMCS_GUEST_SYSENTER_EIP);
	CC(k, !vmcs_ck_canonical(k, x), VMCS_GUEST_SYSENTER_EIP, x, "guest IA32_SYSENTER_EIP not canonical");
	if (k->entry & ENTRY_CTLS_LOAD_PAT) {
		x = vmcs_ck_read(k, VMCS_GUEST_IA32_PAT);
		CC(k, !vmcs_ck_pat_valid(x), VMCS_GUEST_IA32_PAT, x,
		   "guest IA32_PAT has an invalid memory type");
	}
	if (k->entry & ENTRY_CTLS_LOAD_EFER) {
		x = vmcs_ck_read(k, VMCS_GUEST_IA32_EFER);
		CC(k, x & EFER_RSVD, VMCS_GUEST_IA32_EFER, x, "guest IA32_EFER reserved bits set");
		CC(k, !(x & EFER_LMA) != !g->ia32e, VMCS_GUEST_IA32_EFER, x,
		   "guest IA32_EFER.LMA differs from IA-32e mode guest");
		CC(k, (g->cr0 & CR0_PG) && (!(x & EFER_LMA) != !(x & EFER_LME)), VMCS_GUEST_IA32_EFER, x,
		   "guest IA32_EFER.LME differs from LMA with CR0.PG set");
	}
}

/* SDM 26.3.1.3 */
static void check_descriptor_tables(struct vmcs_ck *k)
{
	static const u32 base[] = { VMCS_GUEST_GDTR_BASE, VMCS_GUEST_IDTR_BASE };
	static const u32 limit[] = { VMCS_GUEST_GDTR_LIMIT, VMCS_GUEST_IDTR_LIMIT };
	u64 x;

	k->sdm = "SDM 26.3.1.3";
	for (unsigned i = 0; i < 2; i++) {
		x = vmcs_ck_read(k, base[i]);
		CC(k, !vmcs_ck_canonical(k, x), base[i], x, "guest GDTR/IDTR base not canonical");
		x = vmcs_ck_read(k, limit[i]);
		CC(k, x >> 16, limit[i], x, "guest GDTR/IDTR limit bits 31:16 not 0");
	}
}

/* SDM 26.3.1.4 */
static void check_rip_rflags(struct vmcs_ck *k, const struct guest *g)
{
	u64 rip = vmcs_ck_read(k, VMCS_GUEST_RIP), rf = g->rflags;
	bool cs_l = vmcs_ck_read(k, VMCS_GUEST_CS_AR) & AR_L;

	k->sdm = "SDM 26.3.1.4";
	CC(k, !(g->ia32e && cs_l) && (rip >> 32), VMCS_GUEST_RIP, rip,
	   "guest RIP bits 63:32 not 0 outside 64-bit mode");
	CC(k, g->ia32e && cs_l && !vmcs_ck_canonical(k, rip), VMCS_GUEST_RIP, rip,
	   "guest RIP not canonical in 64-bit mode");
	CC(k, rf & RFLAGS_RSVD, VMCS_GUEST_RFLAGS, rf, "guest RFLAGS reserved bits 63:22, 15, 5 or 3 set");
	CC(k, !(rf & RFLAGS_FIXED1), VMCS_GUEST_RFLAGS, rf, "guest RFLAGS bit 1 clear");
	/* Bochs 2.7 only rejects VM with IA-32e mode, not with CR0.PE = 0. */
	CC(k, (rf & RFLAGS_VM) && (g->ia32e || !(g->cr0 & CR0_PE)), VMCS_GUEST_RFLAGS, rf,
	   "guest RFLAGS.VM set in IA-32e mode or with CR0.PE clear");
	CC(k, g->inject && g->inject_type == INTR_TYPE_EXT_INTR && !(rf & RFLAGS_IF), VMCS_GUEST_RFLAGS, rf,
	   "guest RFLAGS.IF clear while injecting an external interrupt");
}

static bool activity_supported(const struct vmx_caps *c, u64 act)
{
	static const u64 misc_bit[] = { 0, VMX_MISC_ACT_HLT, VMX_MISC_ACT_SHUTDOWN, VMX_MISC_ACT_WAIT_SIPI };

	return act == ACTIVITY_ACTIVE || (act <= ACTIVITY_WAIT_SIPI && (c->misc & misc_bit[act]));
}

/* Events that may be injected into a HLT guest (SDM 26.3.1.5). */
static bool hlt_allows(const struct guest *g)
{
	u32 t = g->inject_type, v = g->inject_vec;

	return t == INTR_TYPE_EXT_INTR || t == INTR_TYPE_NMI ||
	       (t == INTR_TYPE_HW_EXCEPTION && (v == VEC_DB || v == VEC_MC)) ||
	       (t == INTR_TYPE_OTHER_EVENT && v == 0);
}

/* SDM 26.3.1.5 */
static void check_non_register(struct vmcs_ck *k, const struct guest *g)
{
	u64 act = vmcs_ck_read(k, VMCS_GUEST_ACTIVITY_STATE);
	u64 intr = vmcs_ck_read(k, VMCS_GUEST_INTERRUPTIBILITY);
	u64 pd = vmcs_ck_read(k, VMCS_GUEST_PENDING_DBG_EXCEPTIONS);
	u64 ss_ar = vmcs_ck_read(k, VMCS_GUEST_SS_AR), link;
	bool sti_ss = intr & (INTR_BLOCK_STI | INTR_BLOCK_MOV_SS);
	bool ext = g->inject && g->inject_type == INTR_TYPE_EXT_INTR;
	bool nmi = g->inject && g->inject_type == INTR_TYPE_NMI;
	bool tf = g->rflags & RFLAGS_TF, btf = g->debugctl & DEBUGCTL_BTF;

	k->sdm = "SDM 26.3.1.5";
	CC(k, !activity_supported(k->c, act), VMCS_GUEST_ACTIVITY_STATE, act,
	   "guest activity state invalid or not supported");
	CC(k, act == ACTIVITY_HLT && AR_DPL(ss_ar) != 0, VMCS_GUEST_ACTIVITY_STATE, act,
	   "guest HLT state with SS.DPL not 0");
	CC(k, act != ACTIVITY_ACTIVE && sti_ss, VMCS_GUEST_ACTIVITY_STATE, act,
	   "guest not active while blocking by STI or MOV SS");
	/* Bochs 2.7 lets any event into HLT, and into shutdown any event with vector 18. */
	CC(k, g->inject && act == ACTIVITY_HLT && !hlt_allows(g), VMCS_ENTRY_INTR_INFO, g->intr_info,
	   "injected event not allowed in HLT state");
	CC(k, g->inject && act == ACTIVITY_SHUTDOWN && !nmi &&
		      !(g->inject_type == INTR_TYPE_HW_EXCEPTION && g->inject_vec == VEC_MC),
	   VMCS_ENTRY_INTR_INFO, g->intr_info, "injected event other than NMI or #MC in shutdown state");
	CC(k, g->inject && act == ACTIVITY_WAIT_SIPI, VMCS_ENTRY_INTR_INFO, g->intr_info,
	   "event injected in wait-for-SIPI state");
	CC(k, act == ACTIVITY_WAIT_SIPI && (k->entry & ENTRY_CTLS_ENTRY_TO_SMM), VMCS_GUEST_ACTIVITY_STATE, act,
	   "wait-for-SIPI state with entry to SMM");
	CC(k, intr & INTR_STATE_RSVD, VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "guest interruptibility bits 31:5 not 0");
	CC(k, (intr & INTR_BLOCK_STI) && (intr & INTR_BLOCK_MOV_SS), VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "guest blocking by both STI and MOV SS");
	CC(k, (intr & INTR_BLOCK_STI) && !(g->rflags & RFLAGS_IF), VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "guest blocking by STI with RFLAGS.IF clear");
	CC(k, ext && sti_ss, VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "guest blocking by STI or MOV SS while injecting an external interrupt");
	CC(k, nmi && (intr & INTR_BLOCK_MOV_SS), VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "guest blocking by MOV SS while injecting an NMI");
	/* VMX root operation here never runs in SMM. */
	CC(k, intr & INTR_BLOCK_SMI, VMCS_GUEST_INTERRUPTIBILITY, intr, "guest blocking by SMI outside SMM");
	CC(k, (k->entry & ENTRY_CTLS_ENTRY_TO_SMM) && !(intr & INTR_BLOCK_SMI), VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "entry to SMM without blocking by SMI");
	CC(k, (k->pin & PIN_CTLS_VIRTUAL_NMIS) && nmi && (intr & INTR_BLOCK_NMI), VMCS_GUEST_INTERRUPTIBILITY,
	   intr, "guest blocking by NMI while injecting an NMI with virtual NMIs");
	CC(k, (intr & INTR_ENCLAVE_INTERRUPTION) && (intr & INTR_BLOCK_MOV_SS), VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "guest enclave interruption with blocking by MOV SS");
	/* Bochs 2.7 rejects bit 16 (RTM) as reserved and skips the BS rules. */
	CC(k, pd & PENDING_DBG_RSVD, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, pd,
	   "guest pending debug exceptions reserved bits set");
	CC(k, (sti_ss || act == ACTIVITY_HLT) && tf && !btf && !(pd & PENDING_DBG_BS),
	   VMCS_GUEST_PENDING_DBG_EXCEPTIONS, pd, "guest pending BS clear with RFLAGS.TF set and BTF clear");
	CC(k, (sti_ss || act == ACTIVITY_HLT) && (!tf || btf) && (pd & PENDING_DBG_BS),
	   VMCS_GUEST_PENDING_DBG_EXCEPTIONS, pd, "guest pending BS set with RFLAGS.TF clear or BTF set");
	CC(k, (pd & PENDING_DBG_RTM) && (pd & 0xefffULL), VMCS_GUEST_PENDING_DBG_EXCEPTIONS, pd,
	   "guest pending RTM with bits 15:13 or 11:0 set");
	CC(k, (pd & PENDING_DBG_RTM) && (intr & INTR_BLOCK_MOV_SS), VMCS_GUEST_PENDING_DBG_EXCEPTIONS, pd,
	   "guest pending RTM with blocking by MOV SS");
	/* No shadow VMCS is used: any other value would need a valid VMCS there. */
	link = vmcs_ck_read(k, VMCS_VMCS_LINK_POINTER);
	CC(k, link != ~0ULL, VMCS_VMCS_LINK_POINTER, link, "VMCS link pointer not FFFFFFFF_FFFFFFFFH");
	/* Allowed by 26.3.1.5 but some processors then fail the entry with exit
	 * qualification 3; Bochs 2.7 rejects it outright. */
	k->sdm = "SDM 26.8";
	CC(k, nmi && (intr & INTR_BLOCK_STI), VMCS_GUEST_INTERRUPTIBILITY, intr,
	   "guest blocking by STI while injecting an NMI (model-specific entry failure)");
}

/* SDM 26.3.1.6: with EPT, PAE paging takes the PDPTEs from the VMCS. */
static void check_pdptes(struct vmcs_ck *k, const struct guest *g)
{
	static const u32 pdpte[] = { VMCS_GUEST_PDPTE0, VMCS_GUEST_PDPTE1, VMCS_GUEST_PDPTE2, VMCS_GUEST_PDPTE3 };
	u64 x;

	if (g->ia32e || !(g->cr0 & CR0_PG) || !(g->cr4 & CR4_PAE) || !(k->proc2 & PROC2_ENABLE_EPT))
		return;
	k->sdm = "SDM 26.3.1.6";
	for (unsigned i = 0; i < ARRAY_SIZE(pdpte); i++) {
		x = vmcs_ck_read(k, pdpte[i]);
		CC(k, !cr_pae_pdpte_ok(k->c, x), pdpte[i], x, "guest PDPTE reserved bits set");
	}
}

unsigned vmcs_check_guest(const struct vmcs_view *v, const struct vmx_caps *c,
			  vmcs_report_fn fn, void *arg)
{
	struct vmcs_ck k;
	struct guest g;

	vmcs_ck_init(&k, v, c, fn, arg);
	g.cr0 = vmcs_ck_read(&k, VMCS_GUEST_CR0);
	g.cr4 = vmcs_ck_read(&k, VMCS_GUEST_CR4);
	g.rflags = vmcs_ck_read(&k, VMCS_GUEST_RFLAGS);
	g.debugctl = vmcs_ck_read(&k, VMCS_GUEST_IA32_DEBUGCTL);
	g.intr_info = vmcs_ck_read(&k, VMCS_ENTRY_INTR_INFO);
	g.ia32e = k.entry & ENTRY_CTLS_IA32E_MODE_GUEST;
	g.inject = g.intr_info & INTR_INFO_VALID;
	g.inject_type = INTR_INFO_TYPE(g.intr_info);
	g.inject_vec = INTR_INFO_VECTOR(g.intr_info);
	check_cr_msr(&k, &g);
	vmcs_ck_guest_segments(&k);
	check_descriptor_tables(&k);
	check_rip_rflags(&k, &g);
	check_non_register(&k, &g);
	check_pdptes(&k, &g);
	return k.count;
}
