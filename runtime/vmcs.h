/* VMCS access for the running CPU's current VMCS. vmread() and vmwrite() are
 * inline: exit paths are a few dozen instructions, and a call per field would
 * be a large part of them. A failure is still fatal with the field named. */
#ifndef RUNTIME_VMCS_H
#define RUNTIME_VMCS_H
#include "types.h"
#include "vmcs_check.h"
#include "vmx_insn.h"
#include "percpu.h"
#include "arch/vmcs_fields.h"

__attribute__((noreturn, cold)) void vmread_failed(u32 field);
__attribute__((noreturn, cold)) void vmwrite_failed(u32 field, u64 value);

static inline u64 vmread(u32 field)
{
	u64 v;

	if (__builtin_expect(!vmread_safe(field, &v), 0))
		vmread_failed(field);
	return v;
}

/* True for writes that re-arm the pre-entry VM-entry checker: any guest-state
 * field but RIP, and the entry controls, entry interruption information and
 * primary processor-based controls. Folds to a constant for a constant field. */
static inline bool vmwrite_rearms_check(u32 field)
{
	return (VMCS_ENC_TYPE(field) == VMCS_TYPE_GUEST && field != VMCS_GUEST_RIP) ||
	       field == VMCS_ENTRY_CTLS || field == VMCS_ENTRY_INTR_INFO ||
	       field == VMCS_PROC_BASED_CTLS;
}

/* A write its caller shows cannot make the next VM entry fail: the
 * pre-entry checker is not re-armed. */
static inline void vmwrite_no_recheck(u32 field, u64 value)
{
	if (__builtin_expect(!vmwrite_raw(field, value), 0))
		vmwrite_failed(field, value);
}

static inline void vmwrite(u32 field, u64 value)
{
	vmwrite_no_recheck(field, value);
	if (vmwrite_rearms_check(field))
		vcpu_make_request(&this_cpu()->requests, VCPU_REQ_VMCS_CHECK);
}

extern const struct vmcs_view vmcs_current_view;

struct vmcs_field_value;
void vmcs_write_list(const struct vmcs_field_value *f, unsigned n);
extern struct vmx_caps vmx_caps;

#endif
