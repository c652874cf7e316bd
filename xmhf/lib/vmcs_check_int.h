/* Shared state of the VMCS checker files (vmcs_check*.c); not a public API. */
#ifndef XMHF_LIB_VMCS_CHECK_INT_H
#define XMHF_LIB_VMCS_CHECK_INT_H
#include "vmcs_check.h"
#include "arch/vmcs_fields.h"
#include "arch/cr.h"

struct vmcs_ck {
	const struct vmcs_view *v;
	const struct vmx_caps *c;
	vmcs_report_fn fn;
	void *arg;
	const char *sdm;	/* clause of the checks being run */
	unsigned count;
	u32 pin, proc, proc2, exit, entry;	/* proc2 = 0 unless activated */
};

void vmcs_ck_init(struct vmcs_ck *k, const struct vmcs_view *v, const struct vmx_caps *c,
		  vmcs_report_fn fn, void *arg);
void vmcs_ck_report(struct vmcs_ck *k, const char *rule, u32 field, u64 value);
bool vmcs_ck_canonical(const struct vmcs_ck *k, u64 addr);
bool vmcs_ck_beyond_maxphyaddr(const struct vmcs_ck *k, u64 addr);
bool vmcs_ck_pat_valid(u64 pat);

static inline u64 vmcs_ck_read(const struct vmcs_ck *k, u32 field)
{
	return k->v->read(k->v, field);
}

/* CR0.NW and CR0.CD are never checked against the fixed bits: VM entry and
 * VM exit do not change them (SDM 26.2.2, 26.3.1.1 footnotes). */
#define VMCS_CK_CR0_UNCHECKED (CR0_NW | CR0_CD)

/* KVM-style consistency check: if cond holds, the rule is broken. */
#define CC(k, cond, field, value, rule)                                       \
	do {                                                                  \
		if (cond)                                                     \
			vmcs_ck_report((k), (rule), (field), (value));        \
	} while (0)

void vmcs_ck_guest_segments(struct vmcs_ck *k);	/* SDM 26.3.1.2 */

#endif
