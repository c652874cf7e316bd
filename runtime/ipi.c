/* Guest IPIs. INIT and SIPI never reach a guest AP's real APIC (Bochs 2.7
 * drops INIT in VMX root and loops on an INIT exit; hardware blocks INIT in
 * root mode): they drive the vCPU state machine in xmhf/lib/vcpu_sipi.c. A
 * running target is kicked out of the guest with a real NMI (NMI exiting is
 * on). Every other IPI is sent for real, unchanged. */
#include "apic_guard.h"
#include "icr.h"
#include "lapic.h"
#include "cpu.h"
#include "serial.h"
#include "msr_safe.h"
#include "arch/apic.h"
#include "arch/msr.h"

static void send_real_ipi(u32 icr_lo, u32 icr_hi, bool x2apic)
{
	if (x2apic)
		wrmsr(MSR_X2APIC_ICR, ((u64)icr_hi << 32) | icr_lo);
	else
		lapic_send_ipi(icr_hi >> ICR_DEST_SHIFT, icr_lo);
}

/* NMI to a CPU running guest code: it exits and sees its INIT (SDM 24.6.1). */
static void kick(const struct cpu *t, bool x2apic)
{
	u32 saved_hi = x2apic ? 0 : lapic_read(APIC_REG_ICR_HI);

	send_real_ipi(ICR_DELIVERY_NMI, x2apic ? t->apic_id : t->apic_id << ICR_DEST_SHIFT, x2apic);
	if (!x2apic)
		lapic_write(APIC_REG_ICR_HI, saved_hi);
}

void ipi_emulate(struct cpu *c, u32 icr_lo, u32 icr_hi, bool x2apic)
{
	struct icr_cpu table[MAX_CPUS];
	struct ipi ipi;

	for (u32 i = 0; i < cpu_count; i++)
		table[i] = (struct icr_cpu){ cpus[i].apic_id, cpus[i].guest_ldr, cpus[i].guest_dfr };
	icr_decode(icr_lo, icr_hi, x2apic, c->index, table, cpu_count, &ipi);
	if (ipi.delivery != ICR_DELIVERY_INIT && ipi.delivery != ICR_DELIVERY_STARTUP) {
		send_real_ipi(icr_lo, icr_hi, x2apic);
		return;
	}
	/* INIT level de-assert only synchronizes arbitration IDs (SDM 10.6.1). */
	if (ipi.delivery == ICR_DELIVERY_INIT && !ipi.level_assert && (icr_lo & ICR_TRIGGER_LEVEL))
		return;
	for (u32 i = 0; i < cpu_count; i++) {
		if (!(ipi.targets & (1ULL << i)))
			continue;
		if (i == c->index || i == 0) {
			hv_printf("CPU %u: guest %s to CPU %u ignored (the boot CPU is not reset)\n",
				  c->index, ipi.delivery == ICR_DELIVERY_INIT ? "INIT" : "SIPI", i);
			continue;
		}
		if (ipi.delivery == ICR_DELIVERY_INIT) {
			if (vcpu_init(&cpus[i].sipi))
				kick(&cpus[i], x2apic);
		} else {
			vcpu_sipi(&cpus[i].sipi, ipi.vector);
		}
	}
}
