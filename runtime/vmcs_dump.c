#include "vmcs_dump.h"
#include "vmcs.h"
#include "vmx_insn.h"
#include "vmcs_names.h"
#include "vmcs_decode.h"
#include "serial.h"
#include "cpu.h"
#include "boot_info.h"
#include "platform_reset.h"
#include "arch/vmcs_fields.h"

#define FIELD_ENCODING(name, enc) enc,
static const u32 all_fields[] = { VMCS_FIELD_TABLE(FIELD_ENCODING) };

void vmcs_dump(const struct cpu *c)
{
	char dec[160];
	u64 v;

	hv_printf("vmcs: CPU %u begin\n", c->index);
	for (unsigned i = 0; i < ARRAY_SIZE(all_fields); i++) {
		if (!vmread_safe(all_fields[i], &v))
			continue;	/* not supported by this CPU */
		vmcs_decode(all_fields[i], v, dec, sizeof(dec));
		hv_printf("vmcs: CPU %u %s 0x%016llx %s\n", c->index, vmcs_field_name(all_fields[i]),
			  (unsigned long long)v, dec);
	}
	hv_printf("vmcs: CPU %u end\n", c->index);
}

struct verify_ctx { const struct cpu *c; };

static void report(void *arg, const struct vmcs_violation *v)
{
	const struct verify_ctx *ctx = arg;

	hv_printf("VMCS check: CPU %u: %s (%s) field %s = 0x%llx\n", ctx->c->index, v->rule, v->sdm,
		  vmcs_field_name(v->field), (unsigned long long)v->value);
}

static unsigned vmcs_verify(const struct cpu *c)
{
	struct verify_ctx ctx = { c };

	return vmcs_check_all(&vmcs_current_view, &vmx_caps, report, &ctx);
}

static void report_state(const struct cpu *c, const struct guest_regs *r, const char *why)
{
	static const char *const names[GPR_COUNT] = {
		"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
		"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
	};

	hv_printf("xmhf-ng: CPU %u: %s\n", c->index, why);
	if (r)
		for (unsigned i = 0; i < GPR_COUNT; i++)
			if (i != GPR_RSP)
				hv_printf("guest: CPU %u %s 0x%016llx\n", c->index, names[i],
					  (unsigned long long)r->gpr[i]);
	vmcs_verify(c);
	vmcs_dump(c);
}

void vmx_fatal(const struct cpu *c, const struct guest_regs *r, const char *why)
{
	report_state(c, r, why);
	hv_panic("CPU %u: %s\n", c->index, why);
}

void vmx_guest_crash(const struct cpu *c, const struct guest_regs *r, const char *why)
{
	if (boot_info.opts.crash_halt)
		vmx_fatal(c, r, why);
	report_state(c, r, why);
	platform_reset(why);
}
