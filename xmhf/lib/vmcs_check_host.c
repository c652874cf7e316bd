/* Checks on the host-state area (SDM 26.2.2-26.2.4). A failure here makes
 * VMLAUNCH/VMRESUME VMfailValid with VM-instruction error 8. */
#include "vmcs_check_int.h"
#include "arch/vmx_controls.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include "arch/msr.h"

static const u32 host_selectors[] = {
	VMCS_HOST_ES_SELECTOR, VMCS_HOST_CS_SELECTOR, VMCS_HOST_SS_SELECTOR, VMCS_HOST_DS_SELECTOR,
	VMCS_HOST_FS_SELECTOR, VMCS_HOST_GS_SELECTOR, VMCS_HOST_TR_SELECTOR,
};

static const u32 host_bases[] = {
	VMCS_HOST_FS_BASE, VMCS_HOST_GS_BASE, VMCS_HOST_GDTR_BASE, VMCS_HOST_IDTR_BASE, VMCS_HOST_TR_BASE,
};

/* SDM 26.2.2 */
static void check_cr_msr(struct vmcs_ck *k, u64 cr0, u64 cr4)
{
	const struct vmx_caps *c = k->c;
	bool as64 = k->exit & EXIT_CTLS_HOST_ADDR_SPACE_SIZE;
	u64 fixed0 = c->cr0_fixed0 & ~VMCS_CK_CR0_UNCHECKED, fixed1 = c->cr0_fixed1 | VMCS_CK_CR0_UNCHECKED, x;

	k->sdm = "SDM 26.2.2";
	CC(k, (cr0 & fixed0) != fixed0, VMCS_HOST_CR0, cr0, "host CR0 bit fixed to 1 is 0");
	CC(k, cr0 & ~fixed1, VMCS_HOST_CR0, cr0, "host CR0 bit fixed to 0 is 1");
	CC(k, (cr4 & c->cr4_fixed0) != c->cr4_fixed0, VMCS_HOST_CR4, cr4, "host CR4 bit fixed to 1 is 0");
	CC(k, cr4 & ~c->cr4_fixed1, VMCS_HOST_CR4, cr4, "host CR4 bit fixed to 0 is 1");
	CC(k, (cr4 & CR4_CET) && !(cr0 & CR0_WP), VMCS_HOST_CR4, cr4, "host CR4.CET set with CR0.WP clear");
	x = vmcs_ck_read(k, VMCS_HOST_CR3);
	CC(k, vmcs_ck_beyond_maxphyaddr(k, x), VMCS_HOST_CR3, x,
	   "host CR3 sets bits beyond physical-address width");
	x = vmcs_ck_read(k, VMCS_HOST_SYSENTER_ESP);
	CC(k, !vmcs_ck_canonical(k, x), VMCS_HOST_SYSENTER_ESP, x, "host IA32_SYSENTER_ESP not canonical");
	x = vmcs_ck_read(k, VMCS_HOST_SYSENTER_EIP);
	CC(k, !vmcs_ck_canonical(k, x), VMCS_HOST_SYSENTER_EIP, x, "host IA32_SYSENTER_EIP not canonical");
	if (k->exit & EXIT_CTLS_LOAD_PAT) {
		x = vmcs_ck_read(k, VMCS_HOST_IA32_PAT);
		CC(k, !vmcs_ck_pat_valid(x), VMCS_HOST_IA32_PAT, x,
		   "host IA32_PAT has an invalid memory type");
	}
	if (k->exit & EXIT_CTLS_LOAD_EFER) {
		x = vmcs_ck_read(k, VMCS_HOST_IA32_EFER);
		CC(k, x & EFER_RSVD, VMCS_HOST_IA32_EFER, x, "host IA32_EFER reserved bits set");
		CC(k, !(x & EFER_LMA) != !as64, VMCS_HOST_IA32_EFER, x,
		   "host IA32_EFER.LMA differs from host address-space size");
		CC(k, !(x & EFER_LME) != !as64, VMCS_HOST_IA32_EFER, x,
		   "host IA32_EFER.LME differs from host address-space size");
	}
}

/* SDM 26.2.3 */
static void check_segments(struct vmcs_ck *k)
{
	bool as64 = k->exit & EXIT_CTLS_HOST_ADDR_SPACE_SIZE;
	u64 x;

	k->sdm = "SDM 26.2.3";
	for (unsigned i = 0; i < ARRAY_SIZE(host_selectors); i++) {
		x = vmcs_ck_read(k, host_selectors[i]);
		CC(k, x & (SEL_RPL_MASK | SEL_TI), host_selectors[i], x, "host selector RPL or TI not 0");
	}
	x = vmcs_ck_read(k, VMCS_HOST_CS_SELECTOR);
	CC(k, x == 0, VMCS_HOST_CS_SELECTOR, x, "host CS selector is 0");
	x = vmcs_ck_read(k, VMCS_HOST_TR_SELECTOR);
	CC(k, x == 0, VMCS_HOST_TR_SELECTOR, x, "host TR selector is 0");
	x = vmcs_ck_read(k, VMCS_HOST_SS_SELECTOR);
	CC(k, x == 0 && !as64, VMCS_HOST_SS_SELECTOR, x, "host SS selector is 0 with a 32-bit host");
	for (unsigned i = 0; i < ARRAY_SIZE(host_bases); i++) {
		x = vmcs_ck_read(k, host_bases[i]);
		CC(k, !vmcs_ck_canonical(k, x), host_bases[i], x,
		   "host FS/GS/GDTR/IDTR/TR base not canonical");
	}
}

/* SDM 26.2.4. The hypervisor runs in IA-32e mode, so the host must be 64-bit. */
static void check_address_space(struct vmcs_ck *k, u64 cr4)
{
	u64 rip = vmcs_ck_read(k, VMCS_HOST_RIP);

	k->sdm = "SDM 26.2.4";
	CC(k, !(k->exit & EXIT_CTLS_HOST_ADDR_SPACE_SIZE), VMCS_EXIT_CTLS, k->exit,
	   "host address-space size is 0 while VMX root runs in IA-32e mode");
	if (!(k->exit & EXIT_CTLS_HOST_ADDR_SPACE_SIZE)) {
		CC(k, k->entry & ENTRY_CTLS_IA32E_MODE_GUEST, VMCS_ENTRY_CTLS, k->entry,
		   "IA-32e-mode guest with a 32-bit host");
		CC(k, cr4 & CR4_PCIDE, VMCS_HOST_CR4, cr4, "host CR4.PCIDE set with a 32-bit host");
		CC(k, rip >> 32, VMCS_HOST_RIP, rip, "host RIP bits 63:32 not 0 with a 32-bit host");
	} else {
		CC(k, !(cr4 & CR4_PAE), VMCS_HOST_CR4, cr4, "host CR4.PAE clear with a 64-bit host");
		CC(k, !vmcs_ck_canonical(k, rip), VMCS_HOST_RIP, rip, "host RIP not canonical");
	}
}

unsigned vmcs_check_host(const struct vmcs_view *v, const struct vmx_caps *c,
			 vmcs_report_fn fn, void *arg)
{
	struct vmcs_ck k;
	u64 cr0, cr4;

	vmcs_ck_init(&k, v, c, fn, arg);
	cr0 = vmcs_ck_read(&k, VMCS_HOST_CR0);
	cr4 = vmcs_ck_read(&k, VMCS_HOST_CR4);
	check_cr_msr(&k, cr0, cr4);
	check_segments(&k);
	check_address_space(&k, cr4);
	return k.count;
}
