/* Pre-entry VMCS checker: the VM-entry checks of SDM Vol. 3C 26.2 (controls and
 * host state) and 26.3.1 (guest state), run in software before VMLAUNCH/VMRESUME
 * so that a bad field is named instead of ending in VMfail, an entry-failure
 * exit, or a guest that silently triple-faults later on a stricter CPU.
 * Pure: the VMCS is read through a callback, violations are reported as data. */
#ifndef XMHF_LIB_VMCS_CHECK_H
#define XMHF_LIB_VMCS_CHECK_H
#include "types.h"

/* The processor's VMX capabilities. Control fields hold the raw capability
 * MSR (allowed-0 in bits 31:0, allowed-1 in bits 63:32), taken from the
 * IA32_VMX_TRUE_* MSRs when IA32_VMX_BASIC bit 55 is set (the caller picks). */
struct vmx_caps {
	u64 basic;		/* IA32_VMX_BASIC */
	u64 pinbased;		/* IA32_VMX_(TRUE_)PINBASED_CTLS */
	u64 procbased;		/* IA32_VMX_(TRUE_)PROCBASED_CTLS */
	u64 procbased2;		/* IA32_VMX_PROCBASED_CTLS2 */
	u64 exit;		/* IA32_VMX_(TRUE_)EXIT_CTLS */
	u64 entry;		/* IA32_VMX_(TRUE_)ENTRY_CTLS */
	u64 misc;		/* IA32_VMX_MISC */
	u64 cr0_fixed0, cr0_fixed1, cr4_fixed0, cr4_fixed1;
	u64 ept_vpid;		/* IA32_VMX_EPT_VPID_CAP */
	/* CPUID.80000008H:EAX[7:0] and [15:8]; 0 = not known, taken as 52 and 48. */
	u8 maxphyaddr;
	u8 linear_bits;
};

/* An address with a bit at or above MAXPHYADDR (SDM 26.2.1). */
bool vmx_caps_beyond_maxphyaddr(const struct vmx_caps *c, u64 addr);

/* Read access to the VMCS under test (VMREAD on hardware, a table in tests).
 * Only fields that exist under the current controls are read. */
struct vmcs_view {
	u64 (*read)(const struct vmcs_view *v, u32 field);
	void *ctx;
};

/* One broken rule: what, where in the SDM, and the offending field's value. */
struct vmcs_violation {
	const char *rule;	/* e.g. "guest TR type invalid for IA-32e-mode guest" */
	const char *sdm;	/* e.g. "SDM 26.3.1.2" */
	u32 field;		/* VMCS encoding (enum vmcs_field) */
	u64 value;		/* the field's value as read */
};

typedef void (*vmcs_report_fn)(void *arg, const struct vmcs_violation *v);

/* Each returns the number of violations and calls fn (if not NULL) for each. */
unsigned vmcs_check_controls(const struct vmcs_view *v, const struct vmx_caps *c,
			     vmcs_report_fn fn, void *arg);	/* SDM 26.2.1 */
unsigned vmcs_check_host(const struct vmcs_view *v, const struct vmx_caps *c,
			 vmcs_report_fn fn, void *arg);		/* SDM 26.2.2-26.2.4 */
unsigned vmcs_check_guest(const struct vmcs_view *v, const struct vmx_caps *c,
			  vmcs_report_fn fn, void *arg);	/* SDM 26.3.1.1-26.3.1.6, 26.8 */
unsigned vmcs_check_all(const struct vmcs_view *v, const struct vmx_caps *c,
			vmcs_report_fn fn, void *arg);

#endif
