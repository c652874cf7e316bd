/* Checked VMREAD/VMWRITE on the current VMCS. A failure here is a hypervisor
 * bug (wrong encoding or no current VMCS) and is fatal with the field named. */
#include "vmcs.h"
#include "vmx_insn.h"
#include "percpu.h"
#include "serial.h"
#include "vmcs_names.h"
#include "arch/vmcs_fields.h"
#include "guest_state.h"

struct vmx_caps vmx_caps;

u64 vmread(u32 field)
{
	u64 v;

	if (!vmread_safe(field, &v))
		hv_panic("CPU %u: VMREAD %s (0x%x) failed\n", this_cpu()->index,
			 vmcs_field_name(field), field);
	return v;
}

void vmwrite(u32 field, u64 value)
{
	if (!vmwrite_raw(field, value))
		hv_panic("CPU %u: VMWRITE %s (0x%x) = 0x%llx failed\n", this_cpu()->index,
			 vmcs_field_name(field), field, (unsigned long long)value);
	/* Any guest-state write but RIP re-arms the pre-entry checker. */
	if ((VMCS_ENC_TYPE(field) == VMCS_TYPE_GUEST && field != VMCS_GUEST_RIP) ||
	    field == VMCS_ENTRY_CTLS || field == VMCS_ENTRY_INTR_INFO || field == VMCS_PROC_BASED_CTLS)
		vcpu_make_request(&this_cpu()->requests, VCPU_REQ_VMCS_CHECK);
}

void vmcs_write_list(const struct vmcs_field_value *f, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		vmwrite(f[i].field, f[i].value);
}

static u64 view_read(const struct vmcs_view *v, u32 field)
{
	u64 value = 0;

	(void)v;
	vmread_safe(field, &value);	/* absent optional fields read as 0 */
	return value;
}

const struct vmcs_view vmcs_current_view = { .read = view_read };
