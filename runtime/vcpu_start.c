/* A vCPU after INIT is in the Table 9-1 state waiting for SIPI (SDM 8.4.1,
 * 9.1); SIPI vector V starts it in real mode at V << 12 (SDM 8.4.4.1). The
 * waiting happens in VMX root, never in the guest's wait-for-SIPI activity
 * state (Bochs 2.7 mishandles it). */
#include "vcpu_start.h"
#include "vmcs.h"
#include "vmcs_dump.h"
#include "guest_state.h"
#include "cpu.h"
#include "serial.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/cpuid.h"
#include <string.h>

void vmx_launch(const struct guest_regs *r);

static u8 wait_for_sipi(struct cpu *c)
{
	u8 vector;

	while (!vcpu_take_start(&c->sipi, &vector))
		cpu_relax();
	return vector;
}

/* Table 9-1 state, then the SIPI's CS:IP; IA-32e mode and any pending event cleared. */
static void load_start_state(struct cpu *c, u8 vector, struct guest_regs *r)
{
	struct guest_start_state s;

	guest_state_init(&s, &vmx_caps, cpuid(CPUID_LEAF_FEATURES, 0).eax);
	guest_state_sipi(&s, vector);
	vmcs_write_list(s.f, s.n);
	vmwrite(VMCS_ENTRY_CTLS, vmread(VMCS_ENTRY_CTLS) & ~(u64)ENTRY_CTLS_IA32E_MODE_GUEST);
	vmwrite(VMCS_ENTRY_INTR_INFO, 0);
	c->guest_nmi_pending = false;		/* INIT discards pending events */
	memset(r, 0, sizeof(*r));
	r->gpr[GPR_RDX] = s.rdx;
	hv_printf("CPU %u: SIPI vector 0x%02x: guest starts at %04x:0000 in real mode\n", c->index,
		  vector, (unsigned)vector << 8);
}

void vcpu_first_start(struct cpu *c)
{
	struct guest_regs r;

	load_start_state(c, wait_for_sipi(c), &r);
	c->vmcs_dirty = false;
	if (vmcs_check_all(&vmcs_current_view, &vmx_caps, NULL, NULL))
		vmx_fatal(c, &r, "AP start state would fail VM entry (VMCS check lines below)");
	c->launched = false;
	vmx_launch(&r);
	__builtin_unreachable();
}

void vcpu_restart_after_init(struct cpu *c, struct guest_regs *r)
{
	hv_printf("CPU %u: INIT: back to the INIT state, waiting for SIPI\n", c->index);
	load_start_state(c, wait_for_sipi(c), r);
}
