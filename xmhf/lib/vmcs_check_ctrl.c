/* Checks on VMX controls (SDM 26.2.1). A failure here makes VMLAUNCH/VMRESUME
 * VMfailValid with VM-instruction error 7. */
#include "vmcs_check_int.h"
#include "arch/vmx_controls.h"
#include "arch/cr.h"

/* Exceptions that push an error code: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13,
 * #PF 14, #AC 17 (SDM 26.2.1.3). */
#define ERRCODE_VECTORS (BIT(8) | BIT(10) | BIT(11) | BIT(12) | BIT(13) | BIT(14) | BIT(17))
#define VEC_NMI 2u
#define TPR_SHADOW_USERS (PROC2_VIRTUALIZE_X2APIC | PROC2_APIC_REGISTER_VIRT | PROC2_VIRTUAL_INTR_DELIVERY)

static void reserved_bits(struct vmcs_ck *k, u32 field, u32 ctl, u64 cap)
{
	CC(k, (ctl & VMX_CAP_MUST_BE_1(cap)) != VMX_CAP_MUST_BE_1(cap), field, ctl,
	   "control bit that must be 1 is 0");
	CC(k, ctl & ~VMX_CAP_MAY_BE_1(cap), field, ctl, "control bit that must be 0 is 1");
}

/* Address aligned to align bytes and within the physical-address width. */
static void address(struct vmcs_ck *k, u32 field, u64 align, const char *rule)
{
	u64 a = vmcs_ck_read(k, field);

	CC(k, (a & (align - 1)) || vmcs_ck_beyond_maxphyaddr(k, a), field, a, rule);
}

/* MSR-store/load area: 16-byte aligned, the whole area below MAXPHYADDR. */
static void msr_area(struct vmcs_ck *k, u32 count_field, u32 addr_field, const char *rule)
{
	u64 n = vmcs_ck_read(k, count_field), a;

	if (!n)
		return;
	a = vmcs_ck_read(k, addr_field);
	CC(k, (a & 0xf) || vmcs_ck_beyond_maxphyaddr(k, a + n * 16 - 1), addr_field, a, rule);
}

static void check_eptp(struct vmcs_ck *k)
{
	u64 cap = k->c->ept_vpid, p = vmcs_ck_read(k, VMCS_EPT_POINTER);
	u32 mt = EPTP_MEMTYPE(p), walk = EPTP_WALK_LEN(p);

	CC(k, !((mt == EPT_MEMTYPE_UC && (cap & VMX_EPT_MEMTYPE_UC)) ||
		(mt == EPT_MEMTYPE_WB && (cap & VMX_EPT_MEMTYPE_WB))),
	   VMCS_EPT_POINTER, p, "EPTP memory type not supported");
	CC(k, !((walk == 4 && (cap & VMX_EPT_WALK_4)) || (walk == 5 && (cap & VMX_EPT_WALK_5))),
	   VMCS_EPT_POINTER, p, "EPTP page-walk length not supported");
	CC(k, (p & EPTP_AD_ENABLE) && !(cap & VMX_EPT_AD_FLAGS), VMCS_EPT_POINTER, p,
	   "EPTP enables accessed/dirty flags without CPU support");
	CC(k, (p & EPTP_SSS_ENABLE) && !(cap & VMX_EPT_SSS_CTL), VMCS_EPT_POINTER, p,
	   "EPTP enables supervisor shadow-stack control without CPU support");
	CC(k, (p & EPTP_RSVD_11_8) || vmcs_ck_beyond_maxphyaddr(k, p), VMCS_EPT_POINTER, p,
	   "EPTP reserved bits 11:8 or bits beyond physical-address width set");
}

/* SDM 26.2.1.1 */
static void check_execution(struct vmcs_ck *k)
{
	u32 pin = k->pin, proc = k->proc, p2 = k->proc2;
	u64 n;

	k->sdm = "SDM 26.2.1.1";
	reserved_bits(k, VMCS_PIN_BASED_CTLS, pin, k->c->pinbased);
	reserved_bits(k, VMCS_PROC_BASED_CTLS, proc, k->c->procbased);
	if (proc & PROC_CTLS_ACTIVATE_SECONDARY)
		reserved_bits(k, VMCS_PROC_BASED_CTLS2, p2, k->c->procbased2);
	n = vmcs_ck_read(k, VMCS_CR3_TARGET_COUNT);
	CC(k, n > VMX_MISC_CR3_TARGETS(k->c->misc), VMCS_CR3_TARGET_COUNT, n,
	   "CR3-target count above the supported number");
	if (proc & PROC_CTLS_USE_IO_BITMAPS) {
		address(k, VMCS_IO_BITMAP_A, PAGE_SIZE, "I/O bitmap A address not page aligned or too wide");
		address(k, VMCS_IO_BITMAP_B, PAGE_SIZE, "I/O bitmap B address not page aligned or too wide");
	}
	if (proc & PROC_CTLS_USE_MSR_BITMAPS)
		address(k, VMCS_MSR_BITMAP, PAGE_SIZE, "MSR bitmap address not page aligned or too wide");
	if (proc & PROC_CTLS_USE_TPR_SHADOW) {
		address(k, VMCS_VIRTUAL_APIC_ADDR, PAGE_SIZE,
			"virtual-APIC address not page aligned or too wide");
		n = vmcs_ck_read(k, VMCS_TPR_THRESHOLD);
		CC(k, !(p2 & PROC2_VIRTUAL_INTR_DELIVERY) && (n & ~0xfULL), VMCS_TPR_THRESHOLD, n,
		   "TPR threshold bits 31:4 not 0");
	}
	CC(k, !(proc & PROC_CTLS_USE_TPR_SHADOW) && (p2 & TPR_SHADOW_USERS), VMCS_PROC_BASED_CTLS2, p2,
	   "x2APIC mode, APIC-register virtualization or virtual-interrupt delivery without TPR shadow");
	CC(k, !(pin & PIN_CTLS_NMI_EXITING) && (pin & PIN_CTLS_VIRTUAL_NMIS), VMCS_PIN_BASED_CTLS, pin,
	   "virtual NMIs without NMI exiting");
	CC(k, !(pin & PIN_CTLS_VIRTUAL_NMIS) && (proc & PROC_CTLS_NMI_WINDOW_EXITING), VMCS_PROC_BASED_CTLS,
	   proc, "NMI-window exiting without virtual NMIs");
	if (p2 & PROC2_VIRTUALIZE_APIC_ACCESSES)
		address(k, VMCS_APIC_ACCESS_ADDR, PAGE_SIZE, "APIC-access address not page aligned or too wide");
	CC(k, (p2 & PROC2_VIRTUALIZE_X2APIC) && (p2 & PROC2_VIRTUALIZE_APIC_ACCESSES), VMCS_PROC_BASED_CTLS2,
	   p2, "virtualize x2APIC mode together with virtualize APIC accesses");
	CC(k, (p2 & PROC2_VIRTUAL_INTR_DELIVERY) && !(pin & PIN_CTLS_EXT_INTR_EXITING), VMCS_PIN_BASED_CTLS,
	   pin, "virtual-interrupt delivery without external-interrupt exiting");
	if (pin & PIN_CTLS_POSTED_INTR) {
		CC(k, !(p2 & PROC2_VIRTUAL_INTR_DELIVERY), VMCS_PROC_BASED_CTLS2, p2,
		   "posted interrupts without virtual-interrupt delivery");
		CC(k, !(k->exit & EXIT_CTLS_ACK_INTR_ON_EXIT), VMCS_EXIT_CTLS, k->exit,
		   "posted interrupts without acknowledge interrupt on exit");
		n = vmcs_ck_read(k, VMCS_POSTED_INTR_NV);
		CC(k, n & 0xff00, VMCS_POSTED_INTR_NV, n, "posted-interrupt notification vector above 255");
		address(k, VMCS_POSTED_INTR_DESC_ADDR, 64,
			"posted-interrupt descriptor address not 64-byte aligned or too wide");
	}
	if (p2 & PROC2_ENABLE_VPID) {
		n = vmcs_ck_read(k, VMCS_VPID);
		CC(k, n == 0, VMCS_VPID, n, "VPID is 0 with enable VPID");
	}
	if (p2 & PROC2_ENABLE_EPT)
		check_eptp(k);
	CC(k, (p2 & PROC2_ENABLE_PML) && !(p2 & PROC2_ENABLE_EPT), VMCS_PROC_BASED_CTLS2, p2,
	   "PML without EPT");
	if (p2 & PROC2_ENABLE_PML)
		address(k, VMCS_PML_ADDRESS, PAGE_SIZE, "PML address not page aligned or too wide");
	CC(k, (p2 & PROC2_UNRESTRICTED_GUEST) && !(p2 & PROC2_ENABLE_EPT), VMCS_PROC_BASED_CTLS2, p2,
	   "unrestricted guest without EPT");
	CC(k, (p2 & PROC2_MODE_BASED_EPT_EXEC) && !(p2 & PROC2_ENABLE_EPT), VMCS_PROC_BASED_CTLS2, p2,
	   "mode-based execute control without EPT");
	CC(k, (p2 & PROC2_SUBPAGE_WRITE_PERM) && !(p2 & PROC2_ENABLE_EPT), VMCS_PROC_BASED_CTLS2, p2,
	   "sub-page write permissions without EPT");
	if (p2 & PROC2_VMCS_SHADOWING) {
		address(k, VMCS_VMREAD_BITMAP, PAGE_SIZE, "VMREAD bitmap address not page aligned or too wide");
		address(k, VMCS_VMWRITE_BITMAP, PAGE_SIZE, "VMWRITE bitmap address not page aligned or too wide");
	}
	if (p2 & PROC2_EPT_VIOLATION_VE)
		address(k, VMCS_VE_INFO_ADDR, PAGE_SIZE,
			"virtualization-exception information address not page aligned or too wide");
}

/* SDM 26.2.1.2 */
static void check_exit(struct vmcs_ck *k)
{
	k->sdm = "SDM 26.2.1.2";
	reserved_bits(k, VMCS_EXIT_CTLS, k->exit, k->c->exit);
	CC(k, !(k->pin & PIN_CTLS_PREEMPTION_TIMER) && (k->exit & EXIT_CTLS_SAVE_PREEMPTION_TIMER),
	   VMCS_EXIT_CTLS, k->exit, "save VMX-preemption timer without activating it");
	msr_area(k, VMCS_EXIT_MSR_STORE_COUNT, VMCS_EXIT_MSR_STORE_ADDR,
		 "VM-exit MSR-store area not 16-byte aligned or too wide");
	msr_area(k, VMCS_EXIT_MSR_LOAD_COUNT, VMCS_EXIT_MSR_LOAD_ADDR,
		 "VM-exit MSR-load area not 16-byte aligned or too wide");
}

/* SDM 26.2.1.3: VM-entry interruption-information field. */
static void check_injection(struct vmcs_ck *k)
{
	u64 info = vmcs_ck_read(k, VMCS_ENTRY_INTR_INFO), n;

	if (!(info & INTR_INFO_VALID))
		return;
	u32 type = INTR_INFO_TYPE(info), vec = INTR_INFO_VECTOR(info);
	bool pe = !(k->proc2 & PROC2_UNRESTRICTED_GUEST) || (vmcs_ck_read(k, VMCS_GUEST_CR0) & CR0_PE);
	bool any_vec = k->c->basic & VMX_BASIC_NO_ERRCODE_CHECK;
	bool errvec = vec < 32 && (ERRCODE_VECTORS & BIT(vec));
	bool hw = type == INTR_TYPE_HW_EXCEPTION, deliver = info & INTR_INFO_DELIVER_ERRCODE;

	CC(k, type == INTR_TYPE_RESERVED, VMCS_ENTRY_INTR_INFO, info, "injected event type 1 is reserved");
	CC(k, type == INTR_TYPE_OTHER_EVENT && !(VMX_CAP_MAY_BE_1(k->c->procbased) & PROC_CTLS_MONITOR_TRAP_FLAG),
	   VMCS_ENTRY_INTR_INFO, info, "injected 'other event' without monitor-trap-flag support");
	CC(k, type == INTR_TYPE_NMI && vec != VEC_NMI, VMCS_ENTRY_INTR_INFO, info,
	   "injected NMI vector not 2");
	CC(k, hw && vec > 31, VMCS_ENTRY_INTR_INFO, info, "injected hardware exception vector above 31");
	CC(k, type == INTR_TYPE_OTHER_EVENT && vec != 0, VMCS_ENTRY_INTR_INFO, info,
	   "injected 'other event' vector not 0");
	CC(k, !deliver && pe && !any_vec && hw && errvec, VMCS_ENTRY_INTR_INFO, info,
	   "deliver-error-code clear for an exception that has an error code");
	CC(k, deliver && (!pe || !hw || (!any_vec && !errvec)), VMCS_ENTRY_INTR_INFO, info,
	   "deliver-error-code set for an event without an error code");
	CC(k, info & INTR_INFO_RSVD_30_12, VMCS_ENTRY_INTR_INFO, info,
	   "VM-entry interruption-information bits 30:12 not 0");
	if (deliver) {
		n = vmcs_ck_read(k, VMCS_ENTRY_EXCEPTION_ERRCODE);
		CC(k, n & 0xffff0000, VMCS_ENTRY_EXCEPTION_ERRCODE, n,
		   "injected error code bits 31:16 not 0");
	}
	if (type == INTR_TYPE_SW_INTR || type == INTR_TYPE_PRIV_SW_EXCEPTION ||
	    type == INTR_TYPE_SW_EXCEPTION) {
		n = vmcs_ck_read(k, VMCS_ENTRY_INSTR_LEN);
		CC(k, n > 15 || (n == 0 && !(k->c->misc & VMX_MISC_INJECT_ILEN0)), VMCS_ENTRY_INSTR_LEN, n,
		   "VM-entry instruction length invalid for a software event");
	}
}

/* SDM 26.2.1.3 */
static void check_entry(struct vmcs_ck *k)
{
	k->sdm = "SDM 26.2.1.3";
	reserved_bits(k, VMCS_ENTRY_CTLS, k->entry, k->c->entry);
	check_injection(k);
	msr_area(k, VMCS_ENTRY_MSR_LOAD_COUNT, VMCS_ENTRY_MSR_LOAD_ADDR,
		 "VM-entry MSR-load area not 16-byte aligned or too wide");
	/* VMX root operation here never runs in SMM. */
	CC(k, k->entry & (ENTRY_CTLS_ENTRY_TO_SMM | ENTRY_CTLS_DEACTIVATE_DUAL_MONITOR), VMCS_ENTRY_CTLS,
	   k->entry, "entry to SMM or deactivate dual-monitor treatment outside SMM");
}

unsigned vmcs_check_controls(const struct vmcs_view *v, const struct vmx_caps *c,
			     vmcs_report_fn fn, void *arg)
{
	struct vmcs_ck k;

	vmcs_ck_init(&k, v, c, fn, arg);
	check_execution(&k);
	check_exit(&k);
	check_entry(&k);
	return k.count;
}
