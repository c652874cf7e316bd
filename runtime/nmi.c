/* NMI exiting is on, so every real NMI that hits a CPU in the guest exits
 * (reason 0); one that hits it in VMX root goes to the host IDT. Either way
 * nmi_arrived() decides: our kick (a request is waiting) or the platform's
 * NMI, which becomes the guest's. At most one kick per target is in flight,
 * so kicks never merge with each other in the CPU's single NMI latch.
 * With virtual NMIs the guest's NMI blocking is virtual and ends at its IRET
 * (SDM 25.3); a guest NMI is injected when the guest does not block NMIs, or
 * waits for an NMI-window exit (SDM 25.2, 26.7.6). Never lost, never doubled. */
#include "nmi.h"
#include "exit.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "lapic.h"
#include "nmi_policy.h"
#include "cpu.h"
#include "arch/apic.h"
#include "arch/msr.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/exceptions.h"

extern const char vmx_entry_check[], vmx_entry_check_end[];
extern const char idle_halt_check[], idle_halt_check_end[];

/* Code that reads a word and then enters the guest or halts: an NMI inside
 * restarts it at the read, so the kick that changed the word is not lost. */
static const struct { const char *start, *end; } restart_windows[] = {
	{ vmx_entry_check, vmx_entry_check_end },
	{ idle_halt_check, idle_halt_check_end },
};

static void nmi_arrived(struct cpu *c)
{
	if (__atomic_exchange_n(&c->kick_inflight, 0, __ATOMIC_ACQ_REL))
		return;		/* our kick: the request is handled before entry */
	vcpu_make_request(&c->requests, VCPU_REQ_NMI);
}

void vcpu_kick(struct cpu *t)
{
	if (t == this_cpu() || __atomic_exchange_n(&t->kick_inflight, 1, __ATOMIC_ACQ_REL))
		return;		/* seen before our own entry / a kick is on its way */
	lapic_send_ipi(t->apic_id, ICR_DELIVERY_NMI);
}

void vcpu_request_and_kick(struct cpu *t, enum vcpu_request r)
{
	vcpu_make_request(&t->requests, r);
	vcpu_kick(t);
}

void nmi_in_root(u64 *rip)
{
	if (!rdmsr(MSR_IA32_GS_BASE))
		return;		/* before percpu_init: no vCPU yet */
	nmi_arrived(this_cpu());
	for (u32 i = 0; i < sizeof(restart_windows) / sizeof(restart_windows[0]); i++)
		if (*rip >= (u64)restart_windows[i].start && *rip < (u64)restart_windows[i].end)
			*rip = (u64)restart_windows[i].start;
}

void exit_nmi(struct cpu *c, struct guest_regs *r)
{
	u32 info = (u32)vmread(VMCS_EXIT_INTR_INFO);

	if (INTR_INFO_TYPE(info) != INTR_TYPE_NMI)
		vmx_fatal(c, r, "exception exit with an empty exception bitmap");
	cpu_iret_to_self();
	nmi_arrived(c);
}

static void nmi_window(bool on)
{
	u64 proc = vmread(VMCS_PROC_BASED_CTLS);
	u64 want = on ? proc | PROC_CTLS_NMI_WINDOW_EXITING : proc & ~(u64)PROC_CTLS_NMI_WINDOW_EXITING;

	if (want != proc)
		vmwrite(VMCS_PROC_BASED_CTLS, want);
}

/* The window opened (SDM 25.2): nmi_inject_or_wait() injects before entry. */
void exit_nmi_window(struct cpu *c, struct guest_regs *r)
{
	(void)c;
	(void)r;
	nmi_window(false);
}

void nmi_inject_or_wait(struct cpu *c)
{
	u64 intr = vmread(VMCS_GUEST_INTERRUPTIBILITY);

	c->nmi_pending = true;		/* a second one while pending merges, as in hardware */
	switch (nmi_decide((u32)intr, (u32)vmread(VMCS_ENTRY_INTR_INFO))) {
	case NMI_WAIT_WINDOW:
		nmi_window(true);
		return;
	case NMI_INJECT_CLEAR_STI:
		vmwrite(VMCS_GUEST_INTERRUPTIBILITY, intr & ~(u64)INTR_BLOCK_STI);
		break;
	case NMI_INJECT:
		break;
	}
	vmwrite(VMCS_ENTRY_INTR_INFO, INTR_INFO_VALID | (INTR_TYPE_NMI << INTR_INFO_TYPE_SHIFT) | VEC_NMI);
	c->nmi_pending = false;
	nmi_window(false);
}

void nmi_reset(struct cpu *c)
{
	c->nmi_pending = false;
	vcpu_take_request(&c->requests, VCPU_REQ_NMI);
	nmi_window(false);
}
