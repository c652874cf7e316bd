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

void vmread_failed(u32 field)
{
	hv_panic("CPU %u: VMREAD %s (0x%x) failed\n", this_cpu()->index, vmcs_field_name(field),
		 field);
}

void vmwrite_failed(u32 field, u64 value)
{
	hv_panic("CPU %u: VMWRITE %s (0x%x) = 0x%llx failed\n", this_cpu()->index,
		 vmcs_field_name(field), field, (unsigned long long)value);
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
