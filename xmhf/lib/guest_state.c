#include "guest_state.h"
#include "cr_policy.h"
#include "arch/vmcs_fields.h"
#include "arch/segment.h"
#include "arch/vmx_controls.h"
#include "arch/cr.h"

#define CR0_AFTER_INIT 0x60000010ULL	/* CD | NW | ET (Table 9-1) */
#define DR7_AFTER_INIT 0x400ULL
#define PAT_AFTER_INIT 0x0007040600070406ULL	/* SDM 11.12.4 power-up value */
#define REAL_MODE_LIMIT 0xffff
/* Build option for the seed regression test only: INIT_TR_AR=0x83. */
#ifndef INIT_TR_AR
#define INIT_TR_AR AR_TSS_BUSY
#endif

void guest_state_set(struct guest_start_state *s, u32 field, u64 value)
{
	for (unsigned i = 0; i < s->n; i++) {
		if (s->f[i].field == field) {
			s->f[i].value = value;
			return;
		}
	}
	if (s->n < GUEST_STATE_MAX)
		s->f[s->n++] = (struct vmcs_field_value){ field, value };
}

u64 guest_state_get(const struct guest_start_state *s, u32 field)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->f[i].field == field)
			return s->f[i].value;
	return 0;
}

static void set_segment(struct guest_start_state *s, u32 sel_field, u16 sel, u64 base, u32 ar)
{
	/* A register's base, limit and AR encodings sit at the same offset from
	 * ES's as its selector does (SDM Appendix B.1.2, B.3.3, B.4.3). */
	guest_state_set(s, sel_field, sel);
	guest_state_set(s, sel_field - VMCS_GUEST_ES_SELECTOR + VMCS_GUEST_ES_BASE, base);
	guest_state_set(s, sel_field - VMCS_GUEST_ES_SELECTOR + VMCS_GUEST_ES_LIMIT, REAL_MODE_LIMIT);
	guest_state_set(s, sel_field - VMCS_GUEST_ES_SELECTOR + VMCS_GUEST_ES_AR, ar);
}

void guest_state_init(struct guest_start_state *s, const struct vmx_caps *c, u32 cpu_signature)
{
	s->n = 0;
	guest_state_set(s, VMCS_GUEST_CR0, cr0_real(c, CR0_AFTER_INIT));
	guest_state_set(s, VMCS_CR0_READ_SHADOW, CR0_AFTER_INIT);
	guest_state_set(s, VMCS_GUEST_CR3, 0);
	guest_state_set(s, VMCS_GUEST_CR4, cr4_real(c, 0));
	guest_state_set(s, VMCS_CR4_READ_SHADOW, 0);
	guest_state_set(s, VMCS_GUEST_DR7, DR7_AFTER_INIT);
	guest_state_set(s, VMCS_GUEST_RFLAGS, RFLAGS_FIXED1);
	guest_state_set(s, VMCS_GUEST_RIP, 0xfff0);
	guest_state_set(s, VMCS_GUEST_RSP, 0);
	set_segment(s, VMCS_GUEST_CS_SELECTOR, 0xf000, 0xffff0000ULL, AR_CODE_XR_ACCESSED);
	set_segment(s, VMCS_GUEST_SS_SELECTOR, 0, 0, AR_DATA_RW_ACCESSED);
	set_segment(s, VMCS_GUEST_DS_SELECTOR, 0, 0, AR_DATA_RW_ACCESSED);
	set_segment(s, VMCS_GUEST_ES_SELECTOR, 0, 0, AR_DATA_RW_ACCESSED);
	set_segment(s, VMCS_GUEST_FS_SELECTOR, 0, 0, AR_DATA_RW_ACCESSED);
	set_segment(s, VMCS_GUEST_GS_SELECTOR, 0, 0, AR_DATA_RW_ACCESSED);
	/* LDTR: Table 9-1 says "present, R/W" with a null selector; VMX requires a
	 * null LDTR to be marked unusable or be an LDT (SDM 26.3.1.2): unusable. */
	set_segment(s, VMCS_GUEST_LDTR_SELECTOR, 0, 0, AR_LDT | AR_UNUSABLE);
	/* TR: busy TSS type 11, not 3 (the seed bug: 3 is invalid for IA-32e mode). */
	set_segment(s, VMCS_GUEST_TR_SELECTOR, 0, 0, INIT_TR_AR);
	guest_state_set(s, VMCS_GUEST_GDTR_BASE, 0);
	guest_state_set(s, VMCS_GUEST_GDTR_LIMIT, REAL_MODE_LIMIT);
	guest_state_set(s, VMCS_GUEST_IDTR_BASE, 0);
	guest_state_set(s, VMCS_GUEST_IDTR_LIMIT, REAL_MODE_LIMIT);
	guest_state_set(s, VMCS_GUEST_IA32_EFER, 0);	/* XMHF64 bug 001: never the host's */
	guest_state_set(s, VMCS_GUEST_IA32_PAT, PAT_AFTER_INIT);
	guest_state_set(s, VMCS_GUEST_IA32_DEBUGCTL, 0);
	guest_state_set(s, VMCS_GUEST_SYSENTER_CS, 0);
	guest_state_set(s, VMCS_GUEST_SYSENTER_ESP, 0);
	guest_state_set(s, VMCS_GUEST_SYSENTER_EIP, 0);
	guest_state_set(s, VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_ACTIVE);
	guest_state_set(s, VMCS_GUEST_INTERRUPTIBILITY, 0);
	guest_state_set(s, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0);
	guest_state_set(s, VMCS_VMCS_LINK_POINTER, ~0ULL);
	s->rdx = cpu_signature;
}

void guest_state_sipi(struct guest_start_state *s, u8 vector)
{
	guest_state_set(s, VMCS_GUEST_CS_SELECTOR, (u16)vector << 8);
	guest_state_set(s, VMCS_GUEST_CS_BASE, (u64)vector << 12);
	guest_state_set(s, VMCS_GUEST_RIP, 0);
}

void guest_state_boot_sector(struct guest_start_state *s, const struct vmx_caps *c, u8 drive)
{
	u64 cr0 = CR0_AFTER_INIT & ~(CR0_CD | CR0_NW);

	guest_state_set(s, VMCS_GUEST_CR0, cr0_real(c, cr0));
	guest_state_set(s, VMCS_CR0_READ_SHADOW, cr0);
	guest_state_set(s, VMCS_GUEST_CS_SELECTOR, 0);
	guest_state_set(s, VMCS_GUEST_CS_BASE, 0);
	guest_state_set(s, VMCS_GUEST_RIP, 0x7c00);
	guest_state_set(s, VMCS_GUEST_RSP, 0x7c00);
	s->rdx = drive;
}
