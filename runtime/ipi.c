/* Guest IPIs, decoded from its ICR write (xmhf/lib/icr.c). INIT and SIPI are
 * emulated (init_sipi.c); an NMI becomes a VCPU_REQ_NMI request on each
 * target, so that it is injected exactly once (nmi.c); every other IPI is
 * sent for real, unchanged. */
#include "apic_guard.h"
#include "init_sipi.h"
#include "nmi.h"
#include "icr.h"
#include "lapic.h"
#include "cpu.h"
#include "arch/apic.h"
#include "arch/msr.h"

/* Fixed, lowest-priority and the rest, unchanged. xAPIC: the guest's ICR
 * high write reached the real APIC, and lapic_send_ipi() puts it back after
 * the hypervisor's own IPIs, so writing ICR low sends the guest's IPI; the
 * guest polls the delivery status itself (SDM 10.6.1). */
static void send_unchanged(u32 icr_lo, u32 icr_hi, bool x2apic)
{
	if (x2apic)
		wrmsr(MSR_X2APIC_ICR, ((u64)icr_hi << 32) | icr_lo);
	else
		lapic_write(APIC_REG_ICR_LO, icr_lo);
}

void ipi_emulate(struct cpu *c, u32 icr_lo, u32 icr_hi, bool x2apic)
{
	struct icr_cpu table[MAX_CPUS];
	struct ipi ipi;

	if (!icr_is_hypervisor_ipi(icr_lo)) {
		send_unchanged(icr_lo, icr_hi, x2apic);	/* no target table, no decode */
		return;
	}
	for (u32 i = 0; i < cpu_count; i++)
		table[i] = (struct icr_cpu){ cpus[i].apic_id,
					     x2apic ? x2apic_ldr(cpus[i].apic_id) : cpus[i].guest_ldr,
					     cpus[i].guest_dfr };
	icr_decode(icr_lo, icr_hi, x2apic, c->index, table, cpu_count, &ipi);
	switch (ipi.delivery) {
	case ICR_DELIVERY_INIT:
	case ICR_DELIVERY_STARTUP:
		init_sipi_send(c, &ipi, icr_lo);
		break;
	case ICR_DELIVERY_NMI:
		for (u32 i = 0; i < cpu_count; i++)
			if (ipi.targets & (1ULL << i))
				vcpu_request_and_kick(&cpus[i], VCPU_REQ_NMI);
		break;
	}
}
