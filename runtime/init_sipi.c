/* INIT and SIPI never reach a guest AP's real APIC: Bochs 2.7 drops INIT in
 * VMX root, loops on an INIT exit, delivers a SIPI to several CPUs to the
 * first only, and mishandles wait-for-SIPI; hardware blocks INIT in VMX root
 * (SDM 23.8). They drive the vCPU state machine of xmhf/lib/vcpu_sipi.c:
 * INIT of a vCPU in the guest is a VCPU_REQ_INIT request plus a kick; the
 * vCPU then waits in VMX root, in the Table 9-1 state (SDM 9.1), for a SIPI,
 * which starts it in real mode at vector << 12 (SDM 8.4.4.1). */
#include "init_sipi.h"
#include "nmi.h"
#include "idle.h"
#include "vmcs.h"
#include "vmcs_setup.h"
#include "vmx_start.h"
#include "guest_state.h"
#include "exit.h"
#include "vmcs_dump.h"
#include "cpu.h"
#include "serial.h"
#include "arch/apic.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/cpuid.h"
#include <string.h>

void init_sipi_send(struct cpu *from, const struct ipi *ipi, u32 icr_lo)
{
	bool init = ipi->delivery == ICR_DELIVERY_INIT;

	/* INIT level de-assert only synchronizes arbitration IDs (SDM 10.6.1). */
	if (init && !ipi->level_assert && (icr_lo & ICR_TRIGGER_LEVEL))
		return;
	for (u32 i = 0; i < cpu_count; i++) {
		if (!(ipi->targets & (1ULL << i)))
			continue;
		if (i == from->index || i == 0) {
			hv_printf("CPU %u: guest %s to CPU %u ignored (the boot CPU is not reset)\n",
				  from->index, init ? "INIT" : "SIPI", i);
			continue;
		}
		if (!init) {
			if (vcpu_sipi(&cpus[i].sipi, ipi->vector))
				vcpu_kick(&cpus[i]);	/* it sleeps in wait_for_sipi() */
		} else if (vcpu_init(&cpus[i].sipi))
			vcpu_request_and_kick(&cpus[i], VCPU_REQ_INIT);
	}
}

static u8 wait_for_sipi(struct cpu *c)
{
	u8 vector;

	while (!vcpu_take_start(&c->sipi, &vector))
		idle_wait_while_eq(c, &c->sipi.word, VCPU_WAIT_SIPI);
	return vector;
}

/* Table 9-1 state, then the SIPI's CS:IP; IA-32e mode, pending events and the
 * vCPU's cached translations cleared, as by INIT (SDM 9.1, 28.3.3.3). */
static void load_start_state(struct cpu *c, u8 vector, struct guest_regs *r)
{
	struct guest_start_state s;

	guest_state_init(&s, &vmx_caps, cpuid(CPUID_LEAF_FEATURES, 0).eax);
	guest_state_sipi(&s, vector);
	vmcs_write_list(s.f, s.n);
	vmwrite(VMCS_ENTRY_CTLS, vmread(VMCS_ENTRY_CTLS) & ~(u64)ENTRY_CTLS_IA32E_MODE_GUEST);
	vmwrite(VMCS_ENTRY_INTR_INFO, 0);
	if (vmx_ctls.entry & ENTRY_CTLS_LOAD_PERF_GLOBAL_CTRL)
		vmwrite(VMCS_GUEST_IA32_PERF_GLOBAL_CTRL, c->guest_perf_global_ctrl);
	nmi_reset(c);
	vcpu_make_request(&c->requests, VCPU_REQ_TLB_FLUSH);
	memset(r, 0, sizeof(*r));
	r->gpr[GPR_RDX] = s.rdx;
	hv_printf("CPU %u: SIPI vector 0x%02x: guest starts at %04x:0000 in real mode\n", c->index,
		  vector, (unsigned)vector << 8);
}

void init_sipi_first_start(struct cpu *c)
{
	struct guest_regs r;

	load_start_state(c, wait_for_sipi(c), &r);
	vmx_launch(c, &r);
}

void init_sipi_take_init(struct cpu *c, struct guest_regs *r)
{
	if (!vcpu_take_init(&c->sipi))
		return;
	hv_printf("CPU %u: INIT: back to the INIT state, waiting for SIPI\n", c->index);
	load_start_state(c, wait_for_sipi(c), r);
}

/* A real INIT reached this CPU in the guest (exit reason 3, SDM 25.2; from
 * the chipset, e.g. port 92h or CF9h=04h, or an IOAPIC/MSI with delivery mode
 * INIT). On an AP it does what the emulated one does; on the boot CPU it is
 * the platform's warm reset path, so the machine resets. */
void exit_init_signal(struct cpu *c, struct guest_regs *r)
{
	if (c->index == 0)
		vmx_guest_crash(c, r, "INIT signal to the boot CPU");
	hv_printf("CPU %u: INIT signal in the guest: emulated INIT\n", c->index);
	if (vcpu_init(&c->sipi))
		vcpu_make_request(&c->requests, VCPU_REQ_INIT);
}
