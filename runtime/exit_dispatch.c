/* VM-exit entry from vmx_exit_stub: count, trace, dispatch (SDM 27 VM exits).
 * What must happen before the next entry is a vCPU request, handled by
 * vcpu_handle_requests() (vcpu_requests.c) on the way back in. */
#include "exit.h"
#include "vmcs.h"
#include "vmx_insn.h"
#include "vmcs_dump.h"
#include "vmcs_names.h"
#include "boot_info.h"
#include "vtd.h"
#include "serial.h"
#include "format.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_exit_reasons.h"
#include "arch/vmx_controls.h"

void vmx_exit_handler(struct guest_regs *r);
__attribute__((noreturn)) void vmx_entry_failed(void);

static const exit_handler_fn handlers[EXIT_REASON_SLOTS] = {
	[EXIT_REASON_EXCEPTION_NMI] = exit_nmi,
	[EXIT_REASON_NMI_WINDOW] = exit_nmi_window,
	[EXIT_REASON_TRIPLE_FAULT] = exit_guest_crash,
	[EXIT_REASON_TASK_SWITCH] = exit_guest_crash,
	[EXIT_REASON_INIT] = exit_init_signal,
	[EXIT_REASON_CPUID] = exit_cpuid,
	[EXIT_REASON_RDMSR] = exit_rdmsr,
	[EXIT_REASON_WRMSR] = exit_wrmsr,
	[EXIT_REASON_CR_ACCESS] = exit_cr_access,
	[EXIT_REASON_VMCALL] = exit_vmcall,
	[EXIT_REASON_INVD] = exit_invd,
	[EXIT_REASON_XSETBV] = exit_xsetbv,
	[EXIT_REASON_GETSEC] = exit_inject_ud,
	[EXIT_REASON_VMCLEAR] = exit_inject_ud,
	[EXIT_REASON_VMLAUNCH] = exit_inject_ud,
	[EXIT_REASON_VMPTRLD] = exit_inject_ud,
	[EXIT_REASON_VMPTRST] = exit_inject_ud,
	[EXIT_REASON_VMREAD] = exit_inject_ud,
	[EXIT_REASON_VMRESUME] = exit_inject_ud,
	[EXIT_REASON_VMWRITE] = exit_inject_ud,
	[EXIT_REASON_VMXOFF] = exit_inject_ud,
	[EXIT_REASON_VMXON] = exit_inject_ud,
	[EXIT_REASON_INVEPT] = exit_inject_ud,
	[EXIT_REASON_INVVPID] = exit_inject_ud,
	[EXIT_REASON_VMFUNC] = exit_inject_ud,
	[EXIT_REASON_EPT_VIOLATION] = exit_ept_violation,
	[EXIT_REASON_IO_INSTRUCTION] = exit_io,
};

/* Exits that can happen while an event is being delivered through the IDT;
 * instruction exits (CPUID, MSR, CR, VMCALL, ...) cannot (SDM 27.2.4). */
#define DURING_DELIVERY(r) ((r) == EXIT_REASON_EXCEPTION_NMI || (r) == EXIT_REASON_TRIPLE_FAULT || \
			    (r) == EXIT_REASON_TASK_SWITCH || (r) == EXIT_REASON_EPT_VIOLATION || \
			    (r) == EXIT_REASON_EPT_MISCONFIG || (r) == EXIT_REASON_APIC_ACCESS)

/* An exit during event delivery must not lose the event (SDM 27.2.4, 26.6):
 * it is injected again on the next entry. */
static void reinject_vectoring_event(struct cpu *c)
{
	u32 info = (u32)vmread(VMCS_IDT_VECTORING_INFO);

	if (!(info & INTR_INFO_VALID))
		return;
	if (info & INTR_INFO_DELIVER_ERRCODE)
		vmwrite(VMCS_ENTRY_EXCEPTION_ERRCODE, vmread(VMCS_IDT_VECTORING_ERRCODE));
	vmwrite(VMCS_ENTRY_INSTR_LEN, vmread(VMCS_EXIT_INSTR_LEN));
	vmwrite(VMCS_ENTRY_INTR_INFO, info & ~INTR_INFO_NMI_UNBLOCKING);
	(void)c;
}

static void trace_exit(const struct cpu *c, u32 reason)
{
	hv_printf("Intercept: 0x%02x 0x%08x 0x%016llx 0x%04llx:0x%016llx ;\n", c->index, reason,
		  (unsigned long long)vmread(VMCS_EXIT_QUALIFICATION),
		  (unsigned long long)vmread(VMCS_GUEST_CS_SELECTOR),
		  (unsigned long long)vmread(VMCS_GUEST_RIP));
}

static __attribute__((noreturn, cold)) void entry_failure(struct cpu *c, struct guest_regs *r,
							   u32 basic)
{
	char why[128];

	xsnprintf(why, sizeof(why), "VM-entry failure: exit reason %u (%s), qualification %llu",
		  basic, vmx_exit_reason_name(basic),
		  (unsigned long long)vmread(VMCS_EXIT_QUALIFICATION));
	vmx_fatal(c, r, why);
}

/* Every exit in full: entry failure, counters, trace, VT-d poll, event
 * re-injection, then the handler. */
static __attribute__((noinline)) void exit_full(struct cpu *c, struct guest_regs *r, u32 reason)
{
	u32 basic = EXIT_REASON_BASIC(reason);

	c->launched = true;
	if (reason & EXIT_REASON_ENTRY_FAILURE)
		entry_failure(c, r, basic);
	if (basic >= EXIT_REASON_SLOTS || !handlers[basic])
		exit_fatal(c, r);
	c->exits[basic]++;
	if (boot_info.opts.trace & TRACE_EXITS)
		trace_exit(c, reason);
	if (c->index == 0)
		vtd_poll();	/* DMA faults, every 100 ms at most */
	if (DURING_DELIVERY(basic))
		reinject_vectoring_event(c);
	handlers[basic](c, r);
}

/* An exit that may have interrupted event delivery, with nothing else to do. */
static __attribute__((noinline)) void exit_during_delivery(struct cpu *c, struct guest_regs *r,
							   u32 basic)
{
	c->launched = true;
	c->exits[basic]++;
	reinject_vectoring_event(c);
	handlers[basic](c, r);
}

/* The exits for which exit_full() has nothing to do but count, re-inject and
 * dispatch go straight to their handler: no call in between. */
void vmx_exit_handler(struct guest_regs *r)
{
	struct cpu *c = this_cpu();
	u32 reason = (u32)vmread(VMCS_EXIT_REASON);
	u32 basic = EXIT_REASON_BASIC(reason);

	if (__builtin_expect((reason & EXIT_REASON_ENTRY_FAILURE) || basic >= EXIT_REASON_SLOTS ||
			     !handlers[basic] || (boot_info.opts.trace & TRACE_EXITS) ||
			     (c->index == 0 && vtd_translation_on), 0)) {
		exit_full(c, r, reason);
		return;
	}
	if (DURING_DELIVERY(basic)) {
		exit_during_delivery(c, r, basic);
		return;
	}
	c->launched = true;
	c->exits[basic]++;
	handlers[basic](c, r);
}

/* VMLAUNCH or VMRESUME returned: VMfailInvalid or VMfailValid (SDM 30.2, 30.4). */
void vmx_entry_failed(void)
{
	struct cpu *c = this_cpu();
	u64 err = 0;
	char why[128];

	vmread_safe(VMCS_VM_INSTRUCTION_ERROR, &err);
	xsnprintf(why, sizeof(why), "VM%s failed: VM-instruction error %llu (%s)",
		  c->launched ? "RESUME" : "LAUNCH", (unsigned long long)err,
		  vm_instruction_error_name((u32)err));
	vmx_fatal(c, NULL, why);
}
