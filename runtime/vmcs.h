/* VMCS access for the running CPU's current VMCS. */
#ifndef RUNTIME_VMCS_H
#define RUNTIME_VMCS_H
#include "types.h"
#include "vmcs_check.h"

u64 vmread(u32 field);			/* fatal on failure */
void vmwrite(u32 field, u64 value);	/* fatal on failure; marks guest-state changes */
extern const struct vmcs_view vmcs_current_view;

struct vmcs_field_value;
void vmcs_write_list(const struct vmcs_field_value *f, unsigned n);
extern struct vmx_caps vmx_caps;

#endif
