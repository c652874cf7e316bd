/* Unit test of the pre-entry VMCS checker (xmhf/lib/vmcs_check*.c) against a fake
 * VMCS: valid fixtures must pass clean, the seed (AP TR AR 0x83 in IA-32e mode)
 * must raise exactly the TR-type rule, and each rule fires on a one-field mutation. */
#include "check.h"
#include "vmcs_check.h"
#include "vmcs_names.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/vmx_exit_reasons.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include "arch/msr.h"

#include "fake_vmcs.h"

/* Later features, to reach the rules that Westmere cannot enable. */
static void newer(struct vmx_caps *c)
{
	c->pinbased |= (u64)PIN_CTLS_POSTED_INTR << 32;
	c->procbased2 = 0x00ffffffULL << 32;
}
static void no_mtf(struct vmx_caps *c) { c->procbased &= ~((u64)PROC_CTLS_MONITOR_TRAP_FLAG << 32); }
static void no_wfs(struct vmx_caps *c) { c->misc &= ~VMX_MISC_ACT_WAIT_SIPI; }
static void ilen0(struct vmx_caps *c) { c->misc |= VMX_MISC_INJECT_ILEN0; }
static void any_errcode(struct vmx_caps *c) { c->basic |= VMX_BASIC_NO_ERRCODE_CHECK; }
static void cet(struct vmx_caps *c) { c->cr4_fixed1 |= CR4_CET; }
static void no_cd_nw(struct vmx_caps *c) { c->cr0_fixed1 &= ~(CR0_CD | CR0_NW); }

/* ---- fixtures ---- */

/* (a) SDM Table 9-1 state after INIT, at 0000:7C00 under unrestricted guest:
 * CR0 = CD NW ET plus the fixed-1 bits other than PE and PG. */
static void real_mode(struct fake *f)
{
	controls_and_host(f);
	guest_common(f);
	set(f, VMCS_GUEST_CR0, CR0_CD | CR0_NW | CR0_ET | CR0_NE);
	set(f, VMCS_GUEST_CR3, 0);
	set(f, VMCS_GUEST_CR4, CR4_VMXE);
	set(f, VMCS_GUEST_IA32_EFER, 0);
	set(f, VMCS_GUEST_RIP, 0x7c00);
	set(f, VMCS_GUEST_RFLAGS, RFLAGS_FIXED1);
	seg(f, VMCS_GUEST_CS_SELECTOR, 0, 0, 0xffff, AR_CODE_XR_ACCESSED);
	seg(f, VMCS_GUEST_SS_SELECTOR, 0, 0, 0xffff, AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_DS_SELECTOR, 0, 0, 0xffff, AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_ES_SELECTOR, 0, 0, 0xffff, AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_FS_SELECTOR, 0, 0, 0xffff, AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_GS_SELECTOR, 0, 0, 0xffff, AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_LDTR_SELECTOR, 0, 0, 0xffff, AR_UNUSABLE | AR_LDT);
	seg(f, VMCS_GUEST_TR_SELECTOR, 0, 0, 0xffff, AR_TSS_BUSY);
	set(f, VMCS_GUEST_GDTR_BASE, 0);
	set(f, VMCS_GUEST_GDTR_LIMIT, 0xffff);
	set(f, VMCS_GUEST_IDTR_BASE, 0);
	set(f, VMCS_GUEST_IDTR_LIMIT, 0xffff);
}

/* (b) 64-bit kernel state: flat CS with L, null FS/GS, 64-bit busy TSS. */
static void long_mode(struct fake *f)
{
	controls_and_host(f);
	guest_common(f);
	set(f, VMCS_ENTRY_CTLS, ENTRY64);
	set(f, VMCS_GUEST_CR0, CR0_PG | CR0_AM | CR0_WP | CR0_NE | CR0_ET | CR0_MP | CR0_PE);
	set(f, VMCS_GUEST_CR3, 0x100000);
	set(f, VMCS_GUEST_CR4, CR4_VMXE | CR4_PGE | CR4_PAE);
	set(f, VMCS_GUEST_IA32_EFER, EFER_LMA | EFER_LME);
	set(f, VMCS_GUEST_RIP, 0xffffffff81000000ULL);
	set(f, VMCS_GUEST_RFLAGS, RFLAGS_FIXED1);
	seg(f, VMCS_GUEST_CS_SELECTOR, 0x10, 0, 0xffffffff, AR_G | AR_L | AR_CODE_XR_ACCESSED);	/* 0xa09b */
	seg(f, VMCS_GUEST_SS_SELECTOR, 0x18, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_DS_SELECTOR, 0x18, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_ES_SELECTOR, 0x18, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_FS_SELECTOR, 0, 0x7f0000000000ULL, 0, AR_UNUSABLE);
	seg(f, VMCS_GUEST_GS_SELECTOR, 0, 0xffff888000000000ULL, 0, AR_UNUSABLE);
	seg(f, VMCS_GUEST_LDTR_SELECTOR, 0, 0, 0, AR_UNUSABLE);
	seg(f, VMCS_GUEST_TR_SELECTOR, 0x40, 0xfffffe0000003000ULL, 0x206f, AR_TSS_BUSY);
	set(f, VMCS_GUEST_GDTR_BASE, 0xfffffe0000001000ULL);
	set(f, VMCS_GUEST_GDTR_LIMIT, 0x7f);
	set(f, VMCS_GUEST_IDTR_BASE, 0xfffffe0000000000ULL);
	set(f, VMCS_GUEST_IDTR_LIMIT, 0xfff);
}

/* Virtual-8086 task: real-mode style segments with DPL 3 under CR0.PE. */
static void v8086(struct fake *f)
{
	static const u32 sels[] = { VMCS_GUEST_ES_SELECTOR, VMCS_GUEST_CS_SELECTOR, VMCS_GUEST_SS_SELECTOR,
				    VMCS_GUEST_DS_SELECTOR, VMCS_GUEST_FS_SELECTOR, VMCS_GUEST_GS_SELECTOR };

	real_mode(f);
	set(f, VMCS_GUEST_CR0, CR0_NE | CR0_ET | CR0_PE);
	set(f, VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_VM | RFLAGS_IF);
	for (unsigned i = 0; i < ARRAY_SIZE(sels); i++)
		seg(f, sels[i], 0x1234, 0x12340, 0xffff, AR_V8086);
	seg(f, VMCS_GUEST_TR_SELECTOR, 0x28, 0x9000, 0x2067, AR_TSS_BUSY);
}

/* 32-bit PAE paging under EPT: PDPTEs come from the VMCS. */
static void pae(struct fake *f)
{
	real_mode(f);
	set(f, VMCS_GUEST_CR0, CR0_PG | CR0_NE | CR0_ET | CR0_PE);
	set(f, VMCS_GUEST_CR3, 0x5000);
	set(f, VMCS_GUEST_CR4, CR4_VMXE | CR4_PAE);
	set(f, VMCS_GUEST_RIP, 0x100000);
	seg(f, VMCS_GUEST_CS_SELECTOR, 0x08, 0, 0xffffffff, AR_G | AR_DB | AR_CODE_XR_ACCESSED);
	seg(f, VMCS_GUEST_SS_SELECTOR, 0x10, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_DS_SELECTOR, 0x10, 0, 0xffffffff, AR_G | AR_DB | AR_DATA_RW_ACCESSED);
	seg(f, VMCS_GUEST_TR_SELECTOR, 0x18, 0x1000, 0x67, AR_TSS_BUSY);
	set(f, VMCS_GUEST_PDPTE0, 0x1001);
	set(f, VMCS_GUEST_PDPTE1, 0x2001);
	set(f, VMCS_GUEST_PDPTE2, 0x3001);
	set(f, VMCS_GUEST_PDPTE3, 0x4001);
}

/* ---- table of cases ---- */

struct mut { bool on; u32 field; u64 value; };
#define M(f, v) { true, (f), (v) }

struct tcase {
	const char *name;
	void (*fixture)(struct fake *);
	void (*caps)(struct vmx_caps *);
	struct mut m[10];
	const char *rule;	/* NULL: no violation expected */
	const char *sdm;
	u32 field;
	unsigned count;		/* total expected; 0 means 1 with a rule */
};

#define C1 "SDM 26.2.1.1"
#define C2 "SDM 26.2.1.2"
#define C3 "SDM 26.2.1.3"
#define H2 "SDM 26.2.2"
#define H3 "SDM 26.2.3"
#define H4 "SDM 26.2.4"
#define G1 "SDM 26.3.1.1"
#define G2 "SDM 26.3.1.2"
#define G3 "SDM 26.3.1.3"
#define G4 "SDM 26.3.1.4"
#define G5 "SDM 26.3.1.5"
#define G6 "SDM 26.3.1.6"

#define LM_NO_UG M(VMCS_PROC_BASED_CTLS2, PROC2_ENABLE_EPT | PROC2_ENABLE_VPID)
#define POSTED_FIELDS M(VMCS_VIRTUAL_APIC_ADDR, 0x6000), M(VMCS_TPR_THRESHOLD, 0)
#define POSTED_OK M(VMCS_PIN_BASED_CTLS, PIN0 | PIN_CTLS_POSTED_INTR | PIN_CTLS_EXT_INTR_EXITING), \
	M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_USE_TPR_SHADOW), M(VMCS_EXIT_CTLS, EXIT0 | EXIT_CTLS_ACK_INTR_ON_EXIT), \
	POSTED_FIELDS

static const struct tcase cases[] = {
	/* valid variants */
	{ "v8086 task", v8086, NULL, { }, NULL, NULL, 0, 0 },
	{ "PAE paging with EPT", pae, NULL, { }, NULL, NULL, 0, 0 },
	{ "CD and NW are never checked", real_mode, no_cd_nw, { M(VMCS_HOST_CR0, 0xe0050033) }, NULL, NULL, 0, 0 },
	{ "TR 16-bit busy TSS outside IA-32e mode", real_mode, NULL, { M(VMCS_GUEST_TR_AR, 0x83) }, NULL, NULL, 0, 0 },
	{ "64-bit guest with null SS", long_mode, NULL, { M(VMCS_GUEST_SS_AR, AR_UNUSABLE), M(VMCS_GUEST_SS_SELECTOR, 0) },
	  NULL, NULL, 0, 0 },
	{ "unusable DS with junk", long_mode, NULL, { M(VMCS_GUEST_DS_AR, AR_UNUSABLE | 0xf00), M(VMCS_GUEST_DS_BASE, 1ULL << 40) },
	  NULL, NULL, 0, 0 },
	{ "unusable LDTR, non-canonical base", long_mode, NULL, { M(VMCS_GUEST_LDTR_BASE, NONCANON) }, NULL, NULL, 0, 0 },
	{ "posted interrupts fully set up", long_mode, newer,
	  { POSTED_OK, M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUAL_INTR_DELIVERY), M(VMCS_POSTED_INTR_NV, 0xf2),
	    M(VMCS_POSTED_INTR_DESC_ADDR, 0x8040) }, NULL, NULL, 0, 0 },
	{ "external interrupt injected with IF=1", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_EXT_INTR, 0x20)), M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF) },
	  NULL, NULL, 0, 0 },
	{ "software interrupt, length 2", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_SW_INTR, 0x80)), M(VMCS_ENTRY_INSTR_LEN, 2) }, NULL, NULL, 0, 0 },
	{ "software interrupt, length 0 allowed by MISC[30]", long_mode, ilen0,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_SW_INTR, 0x80)), M(VMCS_ENTRY_INSTR_LEN, 0) }, NULL, NULL, 0, 0 },
	{ "#GP with error code", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 13) | INTR_INFO_DELIVER_ERRCODE),
	    M(VMCS_ENTRY_EXCEPTION_ERRCODE, 0x18) }, NULL, NULL, 0, 0 },
	{ "#GP without error code, BASIC[56]", long_mode, any_errcode,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 13)) }, NULL, NULL, 0, 0 },
	{ "#UD with error code, BASIC[56]", long_mode, any_errcode,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 6) | INTR_INFO_DELIVER_ERRCODE),
	    M(VMCS_ENTRY_EXCEPTION_ERRCODE, 0) }, NULL, NULL, 0, 0 },
	{ "HLT state", long_mode, NULL, { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT) }, NULL, NULL, 0, 0 },
	{ "wait-for-SIPI state (an AP before SIPI)", real_mode, NULL, { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_WAIT_SIPI) },
	  NULL, NULL, 0, 0 },
	{ "#DB injected into HLT", long_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 1)) },
	  NULL, NULL, 0, 0 },
	{ "pending MTF injected into HLT", long_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_OTHER_EVENT, 0)) },
	  NULL, NULL, 0, 0 },
	{ "#MC injected into shutdown", long_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_SHUTDOWN), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 18)) },
	  NULL, NULL, 0, 0 },
	{ "NMI blocking, NMI injected, no virtual NMIs", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_NMI, 2)), M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_NMI) },
	  NULL, NULL, 0, 0 },
	{ "STI blocking, TF with BTF, BS clear", long_mode, NULL,
	  { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_STI), M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF | RFLAGS_TF),
	    M(VMCS_GUEST_IA32_DEBUGCTL, DEBUGCTL_BTF) }, NULL, NULL, 0, 0 },
	{ "non-present PDPTE with reserved bits", pae, NULL, { M(VMCS_GUEST_PDPTE2, 0x4006) }, NULL, NULL, 0, 0 },

	/* SDM 26.2.1.1 VM-execution controls */
	{ "pin-based bit 1 cleared", long_mode, NULL, { M(VMCS_PIN_BASED_CTLS, PIN0 & ~2u) },
	  "control bit that must be 1 is 0", C1, VMCS_PIN_BASED_CTLS, 0 },
	{ "primary bit 0 set", long_mode, NULL, { M(VMCS_PROC_BASED_CTLS, PROC0 | 1u) },
	  "control bit that must be 0 is 1", C1, VMCS_PROC_BASED_CTLS, 0 },
	{ "RDRAND exiting on Westmere", long_mode, NULL, { M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_RDRAND_EXITING) },
	  "control bit that must be 0 is 1", C1, VMCS_PROC_BASED_CTLS2, 0 },
	{ "5 CR3 targets", long_mode, NULL, { M(VMCS_CR3_TARGET_COUNT, 5) },
	  "CR3-target count above the supported number", C1, VMCS_CR3_TARGET_COUNT, 0 },
	{ "I/O bitmap A misaligned", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_USE_IO_BITMAPS), M(VMCS_IO_BITMAP_A, 0x4010), M(VMCS_IO_BITMAP_B, 0x5000) },
	  "I/O bitmap A address not page aligned or too wide", C1, VMCS_IO_BITMAP_A, 0 },
	{ "I/O bitmap B beyond MAXPHYADDR", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_USE_IO_BITMAPS), M(VMCS_IO_BITMAP_A, 0x4000), M(VMCS_IO_BITMAP_B, 1ULL << 40) },
	  "I/O bitmap B address not page aligned or too wide", C1, VMCS_IO_BITMAP_B, 0 },
	{ "MSR bitmap misaligned", long_mode, NULL, { M(VMCS_MSR_BITMAP, 0x3008) },
	  "MSR bitmap address not page aligned or too wide", C1, VMCS_MSR_BITMAP, 0 },
	{ "virtual-APIC page misaligned", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_USE_TPR_SHADOW), M(VMCS_VIRTUAL_APIC_ADDR, 0x6001), M(VMCS_TPR_THRESHOLD, 0) },
	  "virtual-APIC address not page aligned or too wide", C1, VMCS_VIRTUAL_APIC_ADDR, 0 },
	{ "TPR threshold 16", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_USE_TPR_SHADOW), M(VMCS_VIRTUAL_APIC_ADDR, 0x6000), M(VMCS_TPR_THRESHOLD, 16) },
	  "TPR threshold bits 31:4 not 0", C1, VMCS_TPR_THRESHOLD, 0 },
	{ "x2APIC virtualization without TPR shadow", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUALIZE_X2APIC) },
	  "x2APIC mode, APIC-register virtualization or virtual-interrupt delivery without TPR shadow", C1,
	  VMCS_PROC_BASED_CTLS2, 0 },
	{ "virtual NMIs without NMI exiting", long_mode, NULL, { M(VMCS_PIN_BASED_CTLS, PIN0 | PIN_CTLS_VIRTUAL_NMIS) },
	  "virtual NMIs without NMI exiting", C1, VMCS_PIN_BASED_CTLS, 0 },
	{ "NMI-window exiting without virtual NMIs", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_NMI_WINDOW_EXITING) },
	  "NMI-window exiting without virtual NMIs", C1, VMCS_PROC_BASED_CTLS, 0 },
	{ "APIC-access page misaligned", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUALIZE_APIC_ACCESSES), M(VMCS_APIC_ACCESS_ADDR, 0x7004) },
	  "APIC-access address not page aligned or too wide", C1, VMCS_APIC_ACCESS_ADDR, 0 },
	{ "x2APIC mode and APIC-access virtualization", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_USE_TPR_SHADOW), POSTED_FIELDS, M(VMCS_APIC_ACCESS_ADDR, 0x7000),
	    M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUALIZE_X2APIC | PROC2_VIRTUALIZE_APIC_ACCESSES) },
	  "virtualize x2APIC mode together with virtualize APIC accesses", C1, VMCS_PROC_BASED_CTLS2, 0 },
	{ "virtual-interrupt delivery without external-interrupt exiting", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS, PROC0 | PROC_CTLS_USE_TPR_SHADOW), POSTED_FIELDS,
	    M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUAL_INTR_DELIVERY) },
	  "virtual-interrupt delivery without external-interrupt exiting", C1, VMCS_PIN_BASED_CTLS, 0 },
	{ "posted interrupts without virtual-interrupt delivery", long_mode, newer,
	  { POSTED_OK, M(VMCS_POSTED_INTR_NV, 0xf2), M(VMCS_POSTED_INTR_DESC_ADDR, 0x8040) },
	  "posted interrupts without virtual-interrupt delivery", C1, VMCS_PROC_BASED_CTLS2, 0 },
	{ "posted interrupts without acknowledge on exit", long_mode, newer,
	  { POSTED_OK, M(VMCS_EXIT_CTLS, EXIT0), M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUAL_INTR_DELIVERY),
	    M(VMCS_POSTED_INTR_NV, 0xf2), M(VMCS_POSTED_INTR_DESC_ADDR, 0x8040) },
	  "posted interrupts without acknowledge interrupt on exit", C1, VMCS_EXIT_CTLS, 0 },
	{ "posted-interrupt vector 256", long_mode, newer,
	  { POSTED_OK, M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUAL_INTR_DELIVERY), M(VMCS_POSTED_INTR_NV, 0x100),
	    M(VMCS_POSTED_INTR_DESC_ADDR, 0x8040) },
	  "posted-interrupt notification vector above 255", C1, VMCS_POSTED_INTR_NV, 0 },
	{ "posted-interrupt descriptor misaligned", long_mode, newer,
	  { POSTED_OK, M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VIRTUAL_INTR_DELIVERY), M(VMCS_POSTED_INTR_NV, 0xf2),
	    M(VMCS_POSTED_INTR_DESC_ADDR, 0x8020) },
	  "posted-interrupt descriptor address not 64-byte aligned or too wide", C1, VMCS_POSTED_INTR_DESC_ADDR, 0 },
	{ "VPID 0", long_mode, NULL, { M(VMCS_VPID, 0) }, "VPID is 0 with enable VPID", C1, VMCS_VPID, 0 },
	{ "EPTP memory type WC", long_mode, NULL, { M(VMCS_EPT_POINTER, 0x9000 | 1 | EPTP_WALK_4) },
	  "EPTP memory type not supported", C1, VMCS_EPT_POINTER, 0 },
	{ "EPTP 5-level walk on Westmere", long_mode, NULL, { M(VMCS_EPT_POINTER, 0x9000 | EPT_MEMTYPE_WB | EPTP_WALK_5) },
	  "EPTP page-walk length not supported", C1, VMCS_EPT_POINTER, 0 },
	{ "EPTP A/D on Westmere", long_mode, NULL, { M(VMCS_EPT_POINTER, EPTP0 | EPTP_AD_ENABLE) },
	  "EPTP enables accessed/dirty flags without CPU support", C1, VMCS_EPT_POINTER, 0 },
	{ "EPTP supervisor shadow stack on Westmere", long_mode, NULL, { M(VMCS_EPT_POINTER, EPTP0 | EPTP_SSS_ENABLE) },
	  "EPTP enables supervisor shadow-stack control without CPU support", C1, VMCS_EPT_POINTER, 0 },
	{ "EPTP bit 8", long_mode, NULL, { M(VMCS_EPT_POINTER, EPTP0 | BIT(8)) },
	  "EPTP reserved bits 11:8 or bits beyond physical-address width set", C1, VMCS_EPT_POINTER, 0 },
	{ "EPTP beyond MAXPHYADDR", long_mode, NULL, { M(VMCS_EPT_POINTER, EPTP0 | BIT(40)) },
	  "EPTP reserved bits 11:8 or bits beyond physical-address width set", C1, VMCS_EPT_POINTER, 0 },
	{ "PML without EPT", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_ENABLE_VPID | PROC2_ENABLE_PML), M(VMCS_PML_ADDRESS, 0xa000) },
	  "PML without EPT", C1, VMCS_PROC_BASED_CTLS2, 0 },
	{ "PML address misaligned", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_ENABLE_PML), M(VMCS_PML_ADDRESS, 0xa008) },
	  "PML address not page aligned or too wide", C1, VMCS_PML_ADDRESS, 0 },
	{ "unrestricted guest without EPT", long_mode, NULL,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_ENABLE_VPID | PROC2_UNRESTRICTED_GUEST) },
	  "unrestricted guest without EPT", C1, VMCS_PROC_BASED_CTLS2, 0 },
	{ "mode-based execute without EPT", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_ENABLE_VPID | PROC2_MODE_BASED_EPT_EXEC) },
	  "mode-based execute control without EPT", C1, VMCS_PROC_BASED_CTLS2, 0 },
	{ "sub-page write permissions without EPT", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_ENABLE_VPID | PROC2_SUBPAGE_WRITE_PERM) },
	  "sub-page write permissions without EPT", C1, VMCS_PROC_BASED_CTLS2, 0 },
	{ "VMREAD bitmap misaligned", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VMCS_SHADOWING), M(VMCS_VMREAD_BITMAP, 0xb001), M(VMCS_VMWRITE_BITMAP, 0xc000) },
	  "VMREAD bitmap address not page aligned or too wide", C1, VMCS_VMREAD_BITMAP, 0 },
	{ "VMWRITE bitmap misaligned", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_VMCS_SHADOWING), M(VMCS_VMREAD_BITMAP, 0xb000), M(VMCS_VMWRITE_BITMAP, 0xc800) },
	  "VMWRITE bitmap address not page aligned or too wide", C1, VMCS_VMWRITE_BITMAP, 0 },
	{ "#VE information area misaligned", long_mode, newer,
	  { M(VMCS_PROC_BASED_CTLS2, PROC2_0 | PROC2_EPT_VIOLATION_VE), M(VMCS_VE_INFO_ADDR, 0xd800) },
	  "virtualization-exception information address not page aligned or too wide", C1, VMCS_VE_INFO_ADDR, 0 },

	/* SDM 26.2.1.2 VM-exit controls */
	{ "exit bit 0 cleared", long_mode, NULL, { M(VMCS_EXIT_CTLS, EXIT0 & ~1u) },
	  "control bit that must be 1 is 0", C2, VMCS_EXIT_CTLS, 0 },
	{ "clear IA32_BNDCFGS on Westmere", long_mode, NULL, { M(VMCS_EXIT_CTLS, EXIT0 | EXIT_CTLS_CLEAR_BNDCFGS) },
	  "control bit that must be 0 is 1", C2, VMCS_EXIT_CTLS, 0 },
	{ "save preemption timer without the timer", long_mode, NULL,
	  { M(VMCS_EXIT_CTLS, EXIT0 | EXIT_CTLS_SAVE_PREEMPTION_TIMER) },
	  "save VMX-preemption timer without activating it", C2, VMCS_EXIT_CTLS, 0 },
	{ "exit MSR-store area misaligned", long_mode, NULL,
	  { M(VMCS_EXIT_MSR_STORE_COUNT, 1), M(VMCS_EXIT_MSR_STORE_ADDR, 0xe008) },
	  "VM-exit MSR-store area not 16-byte aligned or too wide", C2, VMCS_EXIT_MSR_STORE_ADDR, 0 },
	{ "exit MSR-load area crossing MAXPHYADDR", long_mode, NULL,
	  { M(VMCS_EXIT_MSR_LOAD_COUNT, 2), M(VMCS_EXIT_MSR_LOAD_ADDR, (1ULL << 40) - 16) },
	  "VM-exit MSR-load area not 16-byte aligned or too wide", C2, VMCS_EXIT_MSR_LOAD_ADDR, 0 },

	/* SDM 26.2.1.3 VM-entry controls */
	{ "entry bit 0 cleared", long_mode, NULL, { M(VMCS_ENTRY_CTLS, ENTRY64 & ~1u) },
	  "control bit that must be 1 is 0", C3, VMCS_ENTRY_CTLS, 0 },
	{ "load IA32_BNDCFGS on Westmere", long_mode, NULL, { M(VMCS_ENTRY_CTLS, ENTRY64 | ENTRY_CTLS_LOAD_BNDCFGS) },
	  "control bit that must be 0 is 1", C3, VMCS_ENTRY_CTLS, 0 },
	{ "injection type 1", long_mode, NULL, { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_RESERVED, 0x20)) },
	  "injected event type 1 is reserved", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "other event without MTF support", long_mode, no_mtf, { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_OTHER_EVENT, 0)) },
	  "injected 'other event' without monitor-trap-flag support", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "NMI vector 3", long_mode, NULL, { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_NMI, 3)) },
	  "injected NMI vector not 2", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "hardware exception vector 32", long_mode, NULL, { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 32)) },
	  "injected hardware exception vector above 31", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "other event vector 1", long_mode, NULL, { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_OTHER_EVENT, 1)) },
	  "injected 'other event' vector not 0", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "#GP without error code", long_mode, NULL, { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 13)) },
	  "deliver-error-code clear for an exception that has an error code", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "#UD with error code", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 6) | INTR_INFO_DELIVER_ERRCODE), M(VMCS_ENTRY_EXCEPTION_ERRCODE, 0) },
	  "deliver-error-code set for an event without an error code", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "#GP with error code into real mode", real_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 13) | INTR_INFO_DELIVER_ERRCODE), M(VMCS_ENTRY_EXCEPTION_ERRCODE, 0) },
	  "deliver-error-code set for an event without an error code", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "NMI with error code, BASIC[56]", long_mode, any_errcode,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_NMI, 2) | INTR_INFO_DELIVER_ERRCODE), M(VMCS_ENTRY_EXCEPTION_ERRCODE, 0) },
	  "deliver-error-code set for an event without an error code", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "interruption information bit 12", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 6) | BIT(12)) },
	  "VM-entry interruption-information bits 30:12 not 0", C3, VMCS_ENTRY_INTR_INFO, 0 },
	{ "error code bit 16", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 13) | INTR_INFO_DELIVER_ERRCODE),
	    M(VMCS_ENTRY_EXCEPTION_ERRCODE, 0x10000) },
	  "injected error code bits 31:16 not 0", C3, VMCS_ENTRY_EXCEPTION_ERRCODE, 0 },
	{ "software interrupt length 0 on Westmere", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_SW_INTR, 0x80)), M(VMCS_ENTRY_INSTR_LEN, 0) },
	  "VM-entry instruction length invalid for a software event", C3, VMCS_ENTRY_INSTR_LEN, 0 },
	{ "software exception length 16", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_SW_EXCEPTION, 3)), M(VMCS_ENTRY_INSTR_LEN, 16) },
	  "VM-entry instruction length invalid for a software event", C3, VMCS_ENTRY_INSTR_LEN, 0 },
	{ "entry MSR-load area misaligned", long_mode, NULL,
	  { M(VMCS_ENTRY_MSR_LOAD_COUNT, 1), M(VMCS_ENTRY_MSR_LOAD_ADDR, 0xf004) },
	  "VM-entry MSR-load area not 16-byte aligned or too wide", C3, VMCS_ENTRY_MSR_LOAD_ADDR, 0 },
	{ "deactivate dual-monitor treatment", long_mode, NULL,
	  { M(VMCS_ENTRY_CTLS, ENTRY64 | ENTRY_CTLS_DEACTIVATE_DUAL_MONITOR) },
	  "entry to SMM or deactivate dual-monitor treatment outside SMM", C3, VMCS_ENTRY_CTLS, 0 },
	{ "entry to SMM", long_mode, NULL, { M(VMCS_ENTRY_CTLS, ENTRY64 | ENTRY_CTLS_ENTRY_TO_SMM) },
	  "entry to SMM or deactivate dual-monitor treatment outside SMM", C3, VMCS_ENTRY_CTLS, 2 },

	/* SDM 26.2.2 host control registers and MSRs */
	{ "host CR0.NE clear", long_mode, NULL, { M(VMCS_HOST_CR0, 0x80050013) },
	  "host CR0 bit fixed to 1 is 0", H2, VMCS_HOST_CR0, 0 },
	{ "host CR0 bit 32", long_mode, NULL, { M(VMCS_HOST_CR0, 0x180050033ULL) },
	  "host CR0 bit fixed to 0 is 1", H2, VMCS_HOST_CR0, 0 },
	{ "host CR4.VMXE clear", long_mode, NULL, { M(VMCS_HOST_CR4, CR4_PGE | CR4_PAE) },
	  "host CR4 bit fixed to 1 is 0", H2, VMCS_HOST_CR4, 0 },
	{ "host CR4.OSXSAVE on Westmere", long_mode, NULL, { M(VMCS_HOST_CR4, CR4_VMXE | CR4_PAE | CR4_OSXSAVE) },
	  "host CR4 bit fixed to 0 is 1", H2, VMCS_HOST_CR4, 0 },
	{ "host CET without WP", long_mode, cet,
	  { M(VMCS_HOST_CR4, CR4_VMXE | CR4_PAE | CR4_CET), M(VMCS_HOST_CR0, 0x80040033) },
	  "host CR4.CET set with CR0.WP clear", H2, VMCS_HOST_CR4, 0 },
	{ "host CR3 beyond MAXPHYADDR", long_mode, NULL, { M(VMCS_HOST_CR3, 1ULL << 40) },
	  "host CR3 sets bits beyond physical-address width", H2, VMCS_HOST_CR3, 0 },
	{ "host SYSENTER_ESP non-canonical", long_mode, NULL, { M(VMCS_HOST_SYSENTER_ESP, NONCANON) },
	  "host IA32_SYSENTER_ESP not canonical", H2, VMCS_HOST_SYSENTER_ESP, 0 },
	{ "host SYSENTER_EIP non-canonical", long_mode, NULL, { M(VMCS_HOST_SYSENTER_EIP, NONCANON) },
	  "host IA32_SYSENTER_EIP not canonical", H2, VMCS_HOST_SYSENTER_EIP, 0 },
	{ "host PAT type 2", long_mode, NULL, { M(VMCS_HOST_IA32_PAT, 0x0007040600070402ULL) },
	  "host IA32_PAT has an invalid memory type", H2, VMCS_HOST_IA32_PAT, 0 },
	{ "host EFER bit 12", long_mode, NULL, { M(VMCS_HOST_IA32_EFER, EFER_LMA | EFER_LME | BIT(12)) },
	  "host IA32_EFER reserved bits set", H2, VMCS_HOST_IA32_EFER, 0 },
	{ "host EFER.LMA clear", long_mode, NULL, { M(VMCS_HOST_IA32_EFER, EFER_LME) },
	  "host IA32_EFER.LMA differs from host address-space size", H2, VMCS_HOST_IA32_EFER, 0 },
	{ "host EFER.LME clear", long_mode, NULL, { M(VMCS_HOST_IA32_EFER, EFER_LMA) },
	  "host IA32_EFER.LME differs from host address-space size", H2, VMCS_HOST_IA32_EFER, 0 },

	/* SDM 26.2.3 host segment and descriptor-table registers */
	{ "host DS RPL 3", long_mode, NULL, { M(VMCS_HOST_DS_SELECTOR, 0x13) },
	  "host selector RPL or TI not 0", H3, VMCS_HOST_DS_SELECTOR, 0 },
	{ "host TR TI", long_mode, NULL, { M(VMCS_HOST_TR_SELECTOR, 0x1c) },
	  "host selector RPL or TI not 0", H3, VMCS_HOST_TR_SELECTOR, 0 },
	{ "host CS 0", long_mode, NULL, { M(VMCS_HOST_CS_SELECTOR, 0) }, "host CS selector is 0", H3, VMCS_HOST_CS_SELECTOR, 0 },
	{ "host TR 0", long_mode, NULL, { M(VMCS_HOST_TR_SELECTOR, 0) }, "host TR selector is 0", H3, VMCS_HOST_TR_SELECTOR, 0 },
	{ "host FS base non-canonical", long_mode, NULL, { M(VMCS_HOST_FS_BASE, NONCANON) },
	  "host FS/GS/GDTR/IDTR/TR base not canonical", H3, VMCS_HOST_FS_BASE, 0 },
	{ "host GDTR base non-canonical", long_mode, NULL, { M(VMCS_HOST_GDTR_BASE, NONCANON) },
	  "host FS/GS/GDTR/IDTR/TR base not canonical", H3, VMCS_HOST_GDTR_BASE, 0 },

	/* SDM 26.2.4 address-space size (32-bit host cases also raise the 64-bit-root rule) */
#define HOST32 M(VMCS_EXIT_CTLS, EXIT0 & ~EXIT_CTLS_HOST_ADDR_SPACE_SIZE), M(VMCS_HOST_IA32_EFER, 0), \
	M(VMCS_HOST_RIP, 0x200000)
	{ "32-bit host", real_mode, NULL, { HOST32 },
	  "host address-space size is 0 while VMX root runs in IA-32e mode", H4, VMCS_EXIT_CTLS, 0 },
	{ "32-bit host with SS 0", real_mode, NULL, { HOST32, M(VMCS_HOST_SS_SELECTOR, 0) },
	  "host SS selector is 0 with a 32-bit host", H3, VMCS_HOST_SS_SELECTOR, 2 },
	{ "32-bit host, IA-32e guest", long_mode, NULL, { HOST32 },
	  "IA-32e-mode guest with a 32-bit host", H4, VMCS_ENTRY_CTLS, 2 },
	{ "32-bit host with PCIDE", real_mode, NULL, { HOST32, M(VMCS_HOST_CR4, CR4_VMXE | CR4_PAE | CR4_PCIDE) },
	  "host CR4.PCIDE set with a 32-bit host", H4, VMCS_HOST_CR4, 2 },
	{ "32-bit host with RIP above 4G", real_mode, NULL, { HOST32, M(VMCS_HOST_RIP, 0x100000000ULL) },
	  "host RIP bits 63:32 not 0 with a 32-bit host", H4, VMCS_HOST_RIP, 2 },
	{ "64-bit host without PAE", long_mode, NULL, { M(VMCS_HOST_CR4, CR4_VMXE) },
	  "host CR4.PAE clear with a 64-bit host", H4, VMCS_HOST_CR4, 0 },
	{ "host RIP non-canonical", long_mode, NULL, { M(VMCS_HOST_RIP, NONCANON) },
	  "host RIP not canonical", H4, VMCS_HOST_RIP, 0 },

	/* SDM 26.3.1.1 guest control registers, debug registers, MSRs */
	{ "guest CR0.NE clear", long_mode, NULL, { M(VMCS_GUEST_CR0, 0x80050013) },
	  "guest CR0 bit fixed to 1 is 0", G1, VMCS_GUEST_CR0, 0 },
	{ "guest CR0.PE clear without unrestricted guest", long_mode, NULL, { LM_NO_UG, M(VMCS_GUEST_CR0, 0x80050032) },
	  "guest CR0 bit fixed to 1 is 0", G1, VMCS_GUEST_CR0, 2 },
	{ "guest CR0 bit 32", long_mode, NULL, { M(VMCS_GUEST_CR0, 0x180050033ULL) },
	  "guest CR0 bit fixed to 0 is 1", G1, VMCS_GUEST_CR0, 0 },
	{ "guest CR0.PG without PE", real_mode, NULL, { M(VMCS_GUEST_CR0, CR0_PG | CR0_NE | CR0_ET) },
	  "guest CR0.PG set without CR0.PE", G1, VMCS_GUEST_CR0, 0 },
	{ "guest CR4.VMXE clear", long_mode, NULL, { M(VMCS_GUEST_CR4, CR4_PAE) },
	  "guest CR4 bit fixed to 1 is 0", G1, VMCS_GUEST_CR4, 0 },
	{ "guest CR4.OSXSAVE on Westmere", long_mode, NULL, { M(VMCS_GUEST_CR4, CR4_VMXE | CR4_PAE | CR4_OSXSAVE) },
	  "guest CR4 bit fixed to 0 is 1", G1, VMCS_GUEST_CR4, 0 },
	{ "guest CET without WP", long_mode, cet,
	  { M(VMCS_GUEST_CR4, CR4_VMXE | CR4_PAE | CR4_CET), M(VMCS_GUEST_CR0, 0x80040033) },
	  "guest CR4.CET set with CR0.WP clear", G1, VMCS_GUEST_CR4, 0 },
	{ "guest DEBUGCTL bit 2", long_mode, NULL, { M(VMCS_GUEST_IA32_DEBUGCTL, BIT(2)) },
	  "guest IA32_DEBUGCTL reserved bits set", G1, VMCS_GUEST_IA32_DEBUGCTL, 0 },
	{ "IA-32e guest with PG clear", long_mode, NULL, { M(VMCS_GUEST_CR0, 0x00050033) },
	  "IA-32e-mode guest with CR0.PG clear", G1, VMCS_GUEST_CR0, 0 },
	{ "IA-32e guest with PAE clear", long_mode, NULL, { M(VMCS_GUEST_CR4, CR4_VMXE) },
	  "IA-32e-mode guest with CR4.PAE clear", G1, VMCS_GUEST_CR4, 0 },
	{ "PCIDE outside IA-32e mode", real_mode, NULL, { M(VMCS_GUEST_CR4, CR4_VMXE | CR4_PCIDE) },
	  "guest CR4.PCIDE set outside IA-32e mode", G1, VMCS_GUEST_CR4, 0 },
	{ "guest CR3 beyond MAXPHYADDR", long_mode, NULL, { M(VMCS_GUEST_CR3, 1ULL << 40) },
	  "guest CR3 sets bits beyond physical-address width", G1, VMCS_GUEST_CR3, 0 },
	{ "guest DR7 bit 32", long_mode, NULL, { M(VMCS_GUEST_DR7, BIT(32) | 0x400) },
	  "guest DR7 bits 63:32 not 0", G1, VMCS_GUEST_DR7, 0 },
	{ "guest SYSENTER_ESP non-canonical", long_mode, NULL, { M(VMCS_GUEST_SYSENTER_ESP, NONCANON) },
	  "guest IA32_SYSENTER_ESP not canonical", G1, VMCS_GUEST_SYSENTER_ESP, 0 },
	{ "guest SYSENTER_EIP non-canonical", long_mode, NULL, { M(VMCS_GUEST_SYSENTER_EIP, NONCANON) },
	  "guest IA32_SYSENTER_EIP not canonical", G1, VMCS_GUEST_SYSENTER_EIP, 0 },
	{ "guest PAT type 3", long_mode, NULL, { M(VMCS_GUEST_IA32_PAT, 0x0007040600070403ULL) },
	  "guest IA32_PAT has an invalid memory type", G1, VMCS_GUEST_IA32_PAT, 0 },
	{ "guest EFER bit 12", long_mode, NULL, { M(VMCS_GUEST_IA32_EFER, EFER_LMA | EFER_LME | BIT(12)) },
	  "guest IA32_EFER reserved bits set", G1, VMCS_GUEST_IA32_EFER, 0 },
	{ "guest EFER.LMA in real mode", real_mode, NULL, { M(VMCS_GUEST_IA32_EFER, EFER_LMA | EFER_LME) },
	  "guest IA32_EFER.LMA differs from IA-32e mode guest", G1, VMCS_GUEST_IA32_EFER, 0 },
	{ "guest EFER.LME without LMA, paging on", long_mode, NULL, { M(VMCS_GUEST_IA32_EFER, EFER_LMA) },
	  "guest IA32_EFER.LME differs from LMA with CR0.PG set", G1, VMCS_GUEST_IA32_EFER, 0 },

	/* SDM 26.3.1.2 guest segment registers */
	{ "TR type 9 (available TSS)", real_mode, NULL, { M(VMCS_GUEST_TR_AR, 0x89) },
	  "guest TR type not a busy TSS (3 or 11)", G2, VMCS_GUEST_TR_AR, 0 },
	{ "TR selector TI", long_mode, NULL, { M(VMCS_GUEST_TR_SELECTOR, 0x44) },
	  "guest TR selector TI set", G2, VMCS_GUEST_TR_SELECTOR, 0 },
	{ "TR S=1", long_mode, NULL, { M(VMCS_GUEST_TR_AR, 0x9b) },
	  "guest TR/LDTR not a system segment (S=1)", G2, VMCS_GUEST_TR_AR, 0 },
	{ "TR unusable", long_mode, NULL, { M(VMCS_GUEST_TR_AR, AR_UNUSABLE | AR_TSS_BUSY) },
	  "guest TR unusable", G2, VMCS_GUEST_TR_AR, 0 },
	{ "TR not present", long_mode, NULL, { M(VMCS_GUEST_TR_AR, 0x0b) },
	  "guest segment not present (P=0)", G2, VMCS_GUEST_TR_AR, 0 },
	{ "TR AR bit 8", long_mode, NULL, { M(VMCS_GUEST_TR_AR, 0x18b) },
	  "guest segment access rights bits 11:8 not 0", G2, VMCS_GUEST_TR_AR, 0 },
	{ "TR AR bit 17", long_mode, NULL, { M(VMCS_GUEST_TR_AR, 0x2008b) },
	  "guest segment access rights bits 31:17 not 0", G2, VMCS_GUEST_TR_AR, 0 },
	{ "TR G=1, limit 0x67", long_mode, NULL, { M(VMCS_GUEST_TR_AR, AR_G | AR_TSS_BUSY), M(VMCS_GUEST_TR_LIMIT, 0x67) },
	  "guest segment G=1 with limit bits 11:0 not all 1", G2, VMCS_GUEST_TR_LIMIT, 0 },
	{ "TR G=0, limit 1M", long_mode, NULL, { M(VMCS_GUEST_TR_LIMIT, 0x100000) },
	  "guest segment G=0 with limit bits 31:20 not 0", G2, VMCS_GUEST_TR_LIMIT, 0 },
	{ "TR base non-canonical", long_mode, NULL, { M(VMCS_GUEST_TR_BASE, NONCANON) },
	  "guest TR/FS/GS/LDTR base not canonical", G2, VMCS_GUEST_TR_BASE, 0 },
	{ "LDTR TI", long_mode, NULL, { M(VMCS_GUEST_LDTR_SELECTOR, 0x0c), M(VMCS_GUEST_LDTR_AR, AR_LDT), M(VMCS_GUEST_LDTR_LIMIT, 0xffff) },
	  "guest LDTR selector TI set", G2, VMCS_GUEST_LDTR_SELECTOR, 0 },
	{ "LDTR type 3", long_mode, NULL, { M(VMCS_GUEST_LDTR_SELECTOR, 0x50), M(VMCS_GUEST_LDTR_AR, 0x83) },
	  "guest LDTR type not 2 (LDT)", G2, VMCS_GUEST_LDTR_AR, 0 },
	{ "LDTR S=1", long_mode, NULL, { M(VMCS_GUEST_LDTR_SELECTOR, 0x50), M(VMCS_GUEST_LDTR_AR, 0x92) },
	  "guest TR/LDTR not a system segment (S=1)", G2, VMCS_GUEST_LDTR_AR, 0 },
	{ "LDTR G=0, limit 16M", long_mode, NULL,
	  { M(VMCS_GUEST_LDTR_SELECTOR, 0x50), M(VMCS_GUEST_LDTR_AR, AR_LDT), M(VMCS_GUEST_LDTR_LIMIT, 0xffffff) },
	  "guest segment G=0 with limit bits 31:20 not 0", G2, VMCS_GUEST_LDTR_LIMIT, 0 },
	{ "usable LDTR base non-canonical", long_mode, NULL,
	  { M(VMCS_GUEST_LDTR_SELECTOR, 0x50), M(VMCS_GUEST_LDTR_AR, AR_LDT), M(VMCS_GUEST_LDTR_BASE, NONCANON) },
	  "guest TR/FS/GS/LDTR base not canonical", G2, VMCS_GUEST_LDTR_BASE, 0 },
	{ "CS type 8 (not accessed)", long_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xa098) },
	  "guest CS type not accessed code (or 3 with unrestricted guest)", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS type 3 without unrestricted guest", long_mode, NULL, { LM_NO_UG, M(VMCS_GUEST_CS_AR, 0xa093) },
	  "guest CS type not accessed code (or 3 with unrestricted guest)", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS type 3 with DPL 3", real_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xf3) },
	  "guest CS type 3 with DPL not 0", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS S=0", long_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xa08b) },
	  "guest CS/SS/DS/ES/FS/GS not code/data (S=0)", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS DPL 3 non-conforming, SS DPL 0", long_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xa0fb) },
	  "guest non-conforming CS DPL differs from SS DPL", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS DPL 3 conforming, SS DPL 0", long_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xa0ff) },
	  "guest conforming CS DPL above SS DPL", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS L and D", long_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xe09b) },
	  "guest CS L and D/B both set in IA-32e mode", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS not present", long_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xa01b) },
	  "guest segment not present (P=0)", G2, VMCS_GUEST_CS_AR, 0 },
	{ "CS G=1, limit FFFFF000", long_mode, NULL, { M(VMCS_GUEST_CS_LIMIT, 0xfffff000) },
	  "guest segment G=1 with limit bits 11:0 not all 1", G2, VMCS_GUEST_CS_LIMIT, 0 },
	{ "CS base bit 32", real_mode, NULL, { M(VMCS_GUEST_CS_BASE, BIT(32)) },
	  "guest CS/SS/DS/ES base bits 63:32 not 0", G2, VMCS_GUEST_CS_BASE, 0 },
	{ "SS RPL 3, CS RPL 0", long_mode, NULL, { LM_NO_UG, M(VMCS_GUEST_SS_SELECTOR, 0x1b) },
	  "guest SS RPL differs from CS RPL", G2, VMCS_GUEST_SS_SELECTOR, 2 },
	{ "SS DPL 3, RPL 0", long_mode, NULL, { LM_NO_UG, M(VMCS_GUEST_SS_AR, 0xc0f3), M(VMCS_GUEST_CS_AR, 0xa09f) },
	  "guest SS DPL differs from SS RPL", G2, VMCS_GUEST_SS_AR, 0 },
	{ "SS DPL 3 in real mode", real_mode, NULL, { M(VMCS_GUEST_SS_AR, 0xf3), M(VMCS_GUEST_CS_AR, 0x9f) },
	  "guest SS DPL not 0 with CS type 3 or CR0.PE clear", G2, VMCS_GUEST_SS_AR, 0 },
	{ "SS type 1", long_mode, NULL, { M(VMCS_GUEST_SS_AR, 0xc091) }, "guest SS type not 3 or 7", G2, VMCS_GUEST_SS_AR, 0 },
	{ "SS S=0", long_mode, NULL, { M(VMCS_GUEST_SS_AR, 0xc083) },
	  "guest CS/SS/DS/ES/FS/GS not code/data (S=0)", G2, VMCS_GUEST_SS_AR, 0 },
	{ "SS AR bit 8", long_mode, NULL, { M(VMCS_GUEST_SS_AR, 0xc193) },
	  "guest segment access rights bits 11:8 not 0", G2, VMCS_GUEST_SS_AR, 0 },
	{ "DS type 2 (not accessed)", long_mode, NULL, { M(VMCS_GUEST_DS_AR, 0xc092) },
	  "guest DS/ES/FS/GS type not accessed", G2, VMCS_GUEST_DS_AR, 0 },
	{ "ES execute-only code", long_mode, NULL, { M(VMCS_GUEST_ES_AR, 0xc099) },
	  "guest DS/ES/FS/GS code segment not readable", G2, VMCS_GUEST_ES_AR, 0 },
	{ "FS usable with S=0", long_mode, NULL, { M(VMCS_GUEST_FS_AR, 0x83), M(VMCS_GUEST_FS_LIMIT, 0xffff) },
	  "guest CS/SS/DS/ES/FS/GS not code/data (S=0)", G2, VMCS_GUEST_FS_AR, 0 },
	{ "DS RPL 3 above DPL 0", long_mode, NULL, { LM_NO_UG, M(VMCS_GUEST_DS_SELECTOR, 0x1b) },
	  "guest DS/ES/FS/GS DPL below RPL", G2, VMCS_GUEST_DS_AR, 0 },
	{ "GS not present", long_mode, NULL, { M(VMCS_GUEST_GS_AR, 0x13), M(VMCS_GUEST_GS_LIMIT, 0xffff) },
	  "guest segment not present (P=0)", G2, VMCS_GUEST_GS_AR, 0 },
	{ "DS AR bit 20", long_mode, NULL, { M(VMCS_GUEST_DS_AR, 0x10c093) },
	  "guest segment access rights bits 31:17 not 0", G2, VMCS_GUEST_DS_AR, 0 },
	{ "FS base non-canonical", long_mode, NULL, { M(VMCS_GUEST_FS_BASE, NONCANON) },
	  "guest TR/FS/GS/LDTR base not canonical", G2, VMCS_GUEST_FS_BASE, 0 },
	{ "DS base bit 32", long_mode, NULL, { M(VMCS_GUEST_DS_BASE, BIT(32)) },
	  "guest CS/SS/DS/ES base bits 63:32 not 0", G2, VMCS_GUEST_DS_BASE, 0 },
	{ "v8086 DS base", v8086, NULL, { M(VMCS_GUEST_DS_BASE, 0x12350) },
	  "virtual-8086 guest segment base not selector << 4", G2, VMCS_GUEST_DS_BASE, 0 },
	{ "v8086 SS limit", v8086, NULL, { M(VMCS_GUEST_SS_LIMIT, 0xfffff) },
	  "virtual-8086 guest segment limit not FFFFH", G2, VMCS_GUEST_SS_LIMIT, 0 },
	{ "v8086 CS AR", v8086, NULL, { M(VMCS_GUEST_CS_AR, 0xfb) },
	  "virtual-8086 guest segment access rights not F3H", G2, VMCS_GUEST_CS_AR, 0 },

	/* SDM 26.3.1.3 GDTR, IDTR */
	{ "GDTR base non-canonical", long_mode, NULL, { M(VMCS_GUEST_GDTR_BASE, NONCANON) },
	  "guest GDTR/IDTR base not canonical", G3, VMCS_GUEST_GDTR_BASE, 0 },
	{ "IDTR limit 64K", long_mode, NULL, { M(VMCS_GUEST_IDTR_LIMIT, 0x10000) },
	  "guest GDTR/IDTR limit bits 31:16 not 0", G3, VMCS_GUEST_IDTR_LIMIT, 0 },

	/* SDM 26.3.1.4 RIP, RFLAGS */
	{ "real-mode RIP above 4G", real_mode, NULL, { M(VMCS_GUEST_RIP, BIT(32) | 0x7c00) },
	  "guest RIP bits 63:32 not 0 outside 64-bit mode", G4, VMCS_GUEST_RIP, 0 },
	{ "compatibility-mode RIP above 4G", long_mode, NULL, { M(VMCS_GUEST_CS_AR, 0xc09b) },
	  "guest RIP bits 63:32 not 0 outside 64-bit mode", G4, VMCS_GUEST_RIP, 0 },
	{ "64-bit RIP non-canonical", long_mode, NULL, { M(VMCS_GUEST_RIP, NONCANON) },
	  "guest RIP not canonical in 64-bit mode", G4, VMCS_GUEST_RIP, 0 },
	{ "RFLAGS bit 3", long_mode, NULL, { M(VMCS_GUEST_RFLAGS, 0xa) },
	  "guest RFLAGS reserved bits 63:22, 15, 5 or 3 set", G4, VMCS_GUEST_RFLAGS, 0 },
	{ "RFLAGS bit 1 clear", long_mode, NULL, { M(VMCS_GUEST_RFLAGS, 0) },
	  "guest RFLAGS bit 1 clear", G4, VMCS_GUEST_RFLAGS, 0 },
	{ "RFLAGS.VM with CR0.PE clear", v8086, NULL, { M(VMCS_GUEST_CR0, CR0_NE | CR0_ET) },
	  "guest RFLAGS.VM set in IA-32e mode or with CR0.PE clear", G4, VMCS_GUEST_RFLAGS, 0 },
	{ "external interrupt with IF clear", long_mode, NULL, { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_EXT_INTR, 0x20)) },
	  "guest RFLAGS.IF clear while injecting an external interrupt", G4, VMCS_GUEST_RFLAGS, 0 },

	/* SDM 26.3.1.5 non-register state */
	{ "activity state 4", long_mode, NULL, { M(VMCS_GUEST_ACTIVITY_STATE, 4) },
	  "guest activity state invalid or not supported", G5, VMCS_GUEST_ACTIVITY_STATE, 0 },
	{ "wait-for-SIPI not supported", real_mode, no_wfs, { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_WAIT_SIPI) },
	  "guest activity state invalid or not supported", G5, VMCS_GUEST_ACTIVITY_STATE, 0 },
	{ "HLT with SS.DPL 3", v8086, NULL, { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT) },
	  "guest HLT state with SS.DPL not 0", G5, VMCS_GUEST_ACTIVITY_STATE, 0 },
	{ "HLT with STI blocking", long_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT), M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_STI),
	    M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF) },
	  "guest not active while blocking by STI or MOV SS", G5, VMCS_GUEST_ACTIVITY_STATE, 0 },
	{ "#UD injected into HLT", long_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_HW_EXCEPTION, 6)) },
	  "injected event not allowed in HLT state", G5, VMCS_ENTRY_INTR_INFO, 0 },
	{ "external interrupt injected into shutdown", long_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_SHUTDOWN), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_EXT_INTR, 18)),
	    M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF) },
	  "injected event other than NMI or #MC in shutdown state", G5, VMCS_ENTRY_INTR_INFO, 0 },
	{ "NMI injected into wait-for-SIPI", real_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_WAIT_SIPI), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_NMI, 2)) },
	  "event injected in wait-for-SIPI state", G5, VMCS_ENTRY_INTR_INFO, 0 },
	{ "wait-for-SIPI with entry to SMM", real_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_WAIT_SIPI), M(VMCS_ENTRY_CTLS, ENTRY0 | ENTRY_CTLS_ENTRY_TO_SMM) },
	  "wait-for-SIPI state with entry to SMM", G5, VMCS_GUEST_ACTIVITY_STATE, 3 },
	{ "interruptibility bit 5", long_mode, NULL, { M(VMCS_GUEST_INTERRUPTIBILITY, BIT(5)) },
	  "guest interruptibility bits 31:5 not 0", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "STI and MOV SS blocking", long_mode, NULL,
	  { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_STI | INTR_BLOCK_MOV_SS), M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF) },
	  "guest blocking by both STI and MOV SS", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "STI blocking with IF clear", long_mode, NULL, { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_STI) },
	  "guest blocking by STI with RFLAGS.IF clear", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "external interrupt with MOV SS blocking", long_mode, NULL,
	  { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_MOV_SS), M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF),
	    M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_EXT_INTR, 0x20)) },
	  "guest blocking by STI or MOV SS while injecting an external interrupt", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "NMI with MOV SS blocking", long_mode, NULL,
	  { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_MOV_SS), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_NMI, 2)) },
	  "guest blocking by MOV SS while injecting an NMI", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "NMI with STI blocking", long_mode, NULL,
	  { M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_NMI, 2)), M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_STI),
	    M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF) },
	  "guest blocking by STI while injecting an NMI (model-specific entry failure)", "SDM 26.8",
	  VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "SMI blocking", long_mode, NULL, { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_SMI) },
	  "guest blocking by SMI outside SMM", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "entry to SMM without SMI blocking", long_mode, NULL, { M(VMCS_ENTRY_CTLS, ENTRY64 | ENTRY_CTLS_ENTRY_TO_SMM) },
	  "entry to SMM without blocking by SMI", G5, VMCS_GUEST_INTERRUPTIBILITY, 2 },
	{ "NMI blocking, NMI injected, virtual NMIs", long_mode, NULL,
	  { M(VMCS_PIN_BASED_CTLS, PIN0 | PIN_CTLS_NMI_EXITING | PIN_CTLS_VIRTUAL_NMIS),
	    M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_NMI), M(VMCS_ENTRY_INTR_INFO, INJ(INTR_TYPE_NMI, 2)) },
	  "guest blocking by NMI while injecting an NMI with virtual NMIs", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "enclave interruption with MOV SS blocking", long_mode, NULL,
	  { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_ENCLAVE_INTERRUPTION | INTR_BLOCK_MOV_SS) },
	  "guest enclave interruption with blocking by MOV SS", G5, VMCS_GUEST_INTERRUPTIBILITY, 0 },
	{ "pending debug bit 4", long_mode, NULL, { M(VMCS_GUEST_PENDING_DBG_EXCEPTIONS, BIT(4)) },
	  "guest pending debug exceptions reserved bits set", G5, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0 },
	{ "STI blocking, TF, BS clear", long_mode, NULL,
	  { M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_STI), M(VMCS_GUEST_RFLAGS, RFLAGS_FIXED1 | RFLAGS_IF | RFLAGS_TF) },
	  "guest pending BS clear with RFLAGS.TF set and BTF clear", G5, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0 },
	{ "HLT, BS set without TF", long_mode, NULL,
	  { M(VMCS_GUEST_ACTIVITY_STATE, ACTIVITY_HLT), M(VMCS_GUEST_PENDING_DBG_EXCEPTIONS, PENDING_DBG_BS) },
	  "guest pending BS set with RFLAGS.TF clear or BTF set", G5, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0 },
	{ "pending RTM with B0", long_mode, NULL, { M(VMCS_GUEST_PENDING_DBG_EXCEPTIONS, PENDING_DBG_RTM | 1) },
	  "guest pending RTM with bits 15:13 or 11:0 set", G5, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0 },
	{ "pending RTM with MOV SS blocking", long_mode, NULL,
	  { M(VMCS_GUEST_PENDING_DBG_EXCEPTIONS, PENDING_DBG_RTM), M(VMCS_GUEST_INTERRUPTIBILITY, INTR_BLOCK_MOV_SS) },
	  "guest pending RTM with blocking by MOV SS", G5, VMCS_GUEST_PENDING_DBG_EXCEPTIONS, 0 },
	{ "VMCS link pointer 0", long_mode, NULL, { M(VMCS_VMCS_LINK_POINTER, 0) },
	  "VMCS link pointer not FFFFFFFF_FFFFFFFFH", G5, VMCS_VMCS_LINK_POINTER, 0 },

	/* SDM 26.3.1.6 PDPTEs */
	{ "present PDPTE with bit 1", pae, NULL, { M(VMCS_GUEST_PDPTE1, 0x2003) },
	  "guest PDPTE reserved bits set", G6, VMCS_GUEST_PDPTE1, 0 },
	{ "present PDPTE beyond MAXPHYADDR", pae, NULL, { M(VMCS_GUEST_PDPTE3, BIT(40) | 1) },
	  "guest PDPTE reserved bits set", G6, VMCS_GUEST_PDPTE3, 0 },
};

static void run_case(const struct tcase *t)
{
	struct fake f = { .n = 0 };
	struct vmcs_view view = { fake_read, &f };
	struct vmx_caps caps;
	struct seen s = { 0 };
	unsigned want = t->count ? t->count : (t->rule ? 1 : 0), got;
	int before = check_failures;

	westmere(&caps);
	if (t->caps)
		t->caps(&caps);
	t->fixture(&f);
	for (unsigned i = 0; i < ARRAY_SIZE(t->m) && t->m[i].on; i++)
		set(&f, t->m[i].field, t->m[i].value);
	got = vmcs_check_all(&view, &caps, collect, &s);
	CHECK(got == s.n);
	CHECK(got == want);
	if (t->rule)
		CHECK(seen_rule(&s, t->rule, t->sdm, t->field));
	CHECK(f.missing == 0);
	if (check_failures != before) {
		print_seen(t->name, &s);
		if (f.missing)
			fprintf(stderr, "    read %u missing field(s), last %s\n", f.missing,
				vmcs_field_name(f.last_missing));
	}
}

static unsigned run_fixture(void (*fixture)(struct fake *), struct seen *s, unsigned *missing)
{
	struct fake f = { .n = 0 };
	struct vmcs_view view = { fake_read, &f };
	struct vmx_caps caps;
	unsigned n;

	westmere(&caps);
	fixture(&f);
	n = vmcs_check_all(&view, &caps, collect, s);
	*missing = f.missing;
	return n;
}

/* (a), (b): the two states our hypervisor enters must be clean. */
static void test_valid_fixtures(void)
{
	struct seen s = { 0 };
	unsigned missing;

	CHECK(run_fixture(real_mode, &s, &missing) == 0 && missing == 0);
	CHECK(run_fixture(long_mode, &s, &missing) == 0 && missing == 0);
	if (s.n)
		print_seen("valid fixtures", &s);
}

/* (c) the seed bug: an AP entering IA-32e mode with TR AR 0x83 (16-bit busy TSS). */
static void ap_with_tss16(struct fake *f)
{
	long_mode(f);
	set(f, VMCS_GUEST_TR_AR, 0x83);
}

static void test_seed(void)
{
	struct seen s = { 0 };
	unsigned missing;

	CHECK(run_fixture(ap_with_tss16, &s, &missing) == 1);
	CHECK(s.n == 1);
	CHECK_STR(s.v[0].rule, "guest TR type invalid for IA-32e-mode guest");
	CHECK_STR(s.v[0].sdm, "SDM 26.3.1.2");
	CHECK(s.v[0].field == VMCS_GUEST_TR_AR);
	CHECK(s.v[0].value == 0x83);
	CHECK(missing == 0);
}

/* Fields behind controls that are off are never read (VMREAD would fail on a
 * CPU without them), and a NULL report function only counts. */
static void test_gating(void)
{
	struct fake f = { .n = 0 };
	struct vmcs_view view = { fake_read, &f };
	struct vmx_caps caps;

	westmere(&caps);
	long_mode(&f);
	set(&f, VMCS_PROC_BASED_CTLS, PROC0 & ~PROC_CTLS_ACTIVATE_SECONDARY);
	unset(&f, VMCS_PROC_BASED_CTLS2);
	unset(&f, VMCS_EPT_POINTER);
	unset(&f, VMCS_VPID);
	CHECK(vmcs_check_all(&view, &caps, NULL, NULL) == 0);
	CHECK(f.missing == 0);
	set(&f, VMCS_GUEST_TR_AR, 0x83);
	CHECK(vmcs_check_guest(&view, &caps, NULL, NULL) == 1);
	CHECK(vmcs_check_controls(&view, &caps, NULL, NULL) == 0);
	CHECK(vmcs_check_host(&view, &caps, NULL, NULL) == 0);
}

static void test_names(void)
{
	CHECK_STR(vmcs_field_name(VMCS_GUEST_TR_AR), "VMCS_GUEST_TR_AR");
	CHECK_STR(vmcs_field_name(0x681e), "VMCS_GUEST_RIP");
	CHECK_STR(vmcs_field_name(VMCS_VMCS_LINK_POINTER), "VMCS_VMCS_LINK_POINTER");
	CHECK_STR(vmcs_field_name(0x0001), "?");
	CHECK_STR(vmx_exit_reason_name(EXIT_REASON_ENTRY_FAILURE | 33), "ENTRY_FAIL_GUEST_STATE");
	CHECK_STR(vmx_exit_reason_name(28), "CR_ACCESS");
	CHECK_STR(vmx_exit_reason_name(35), "?");
	CHECK_STR(vm_instruction_error_name(7), "VM entry with invalid control field(s)");
	CHECK_STR(vm_instruction_error_name(14), "?");
	CHECK(vmcs_field_bits(VMCS_GUEST_CS_SELECTOR) == 16);
	CHECK(vmcs_field_bits(VMCS_EPT_POINTER) == 64);
	CHECK(vmcs_field_bits(VMCS_EPT_POINTER | VMCS_ENC_ACCESS_HIGH) == 32);
	CHECK(vmcs_field_bits(VMCS_GUEST_TR_AR) == 32);
	CHECK(vmcs_field_bits(VMCS_GUEST_RIP) == 64);
	CHECK(vmcs_field_read_only(VMCS_EXIT_QUALIFICATION));
	CHECK(!vmcs_field_read_only(VMCS_GUEST_CR0));
	CHECK(VMCS_ENC_TYPE(VMCS_HOST_RIP) == VMCS_TYPE_HOST);
	CHECK(VMCS_ENC_INDEX(VMCS_GUEST_TR_AR) == 0x11);
}

/* Encodings must be unique and well formed (SDM 24.11.2). */
static void test_field_table(void)
{
#define ENC(name, enc) (enc),
	static const u32 all[] = { VMCS_FIELD_TABLE(ENC) };
	unsigned bad = 0;

	for (unsigned i = 0; i < ARRAY_SIZE(all); i++) {
		bad += (all[i] & (VMCS_ENC_RESERVED | VMCS_ENC_ACCESS_HIGH)) != 0;
		for (unsigned j = i + 1; j < ARRAY_SIZE(all); j++)
			bad += all[i] == all[j];
	}
	CHECK(bad == 0);
}

int main(void)
{
	test_valid_fixtures();
	test_seed();
	test_gating();
	test_names();
	test_field_table();
	for (unsigned i = 0; i < ARRAY_SIZE(cases); i++)
		run_case(&cases[i]);
	return CHECK_DONE();
}
