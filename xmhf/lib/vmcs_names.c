/* Lookup tables generated from the architectural X-macro tables. */
#include "vmcs_names.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_exit_reasons.h"
#include "arch/vm_instruction_error.h"

struct name { u32 nr; const char *name; };

#define FIELD_NAME(name, enc) { (enc), "VMCS_" #name },
static const struct name field_names[] = { VMCS_FIELD_TABLE(FIELD_NAME) };
#define EXIT_NAME(name, nr) { (nr), #name },
static const struct name exit_names[] = { VMX_EXIT_REASON_TABLE(EXIT_NAME) };
#define ERROR_TEXT(name, nr, text) { (nr), text },
static const struct name error_texts[] = { VM_INSTRUCTION_ERROR_TABLE(ERROR_TEXT) };

static const char *lookup(const struct name *t, size_t n, u32 nr)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].nr == nr)
			return t[i].name;
	return "?";
}

const char *vmcs_field_name(u32 enc)
{
	return lookup(field_names, ARRAY_SIZE(field_names), enc);
}

const char *vmx_exit_reason_name(u32 reason)
{
	return lookup(exit_names, ARRAY_SIZE(exit_names), EXIT_REASON_BASIC(reason));
}

const char *vm_instruction_error_name(u32 err)
{
	return lookup(error_texts, ARRAY_SIZE(error_texts), err);
}
