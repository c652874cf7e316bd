/* Host AP start-up by INIT-SIPI-SIPI, one AP at a time (SDM Vol. 3A 8.4.4.1):
 * INIT, 10 ms, SIPI, 200 us, SIPI only if the AP has not started yet. Each AP
 * is addressed by its own APIC ID (a broadcast SIPI reaches only one CPU in
 * Bochs 2.7). */
#include <string.h>
#include "smp_boot.h"
#include "percpu.h"
#include "lapic.h"
#include "delay.h"
#include "cpu.h"
#include "serial.h"
#include "cpu_report.h"
#include "arch/apic.h"

extern char tramp_start[], tramp_end[], tramp_cr3[], tramp_stack[], tramp_entry[], tramp_cpu[];
__attribute__((noreturn)) void ap_main(struct cpu *c);

#define AP_START_TIMEOUT_US 200000

static void *tramp_param(const char *sym)
{
	return (void *)(TRAMPOLINE_PHYS + (u64)(sym - tramp_start));
}

__attribute__((noreturn)) static void ap_entry(u32 index)
{
	struct cpu *c = &cpus[index];
	u64 base;

	percpu_init(c);
	if (!lapic_base_is_bsps(&base))
		hv_panic("CPU %u: xAPIC at 0x%llx, the BSP's at 0x%llx: one address is assumed for "
			 "all CPUs\n", index, (unsigned long long)base,
			 (unsigned long long)lapic_base());
	cpu_report(c);
	__atomic_store_n(&c->online, 1, __ATOMIC_RELEASE);
	ap_main(c);
}

static bool wait_online(struct cpu *c, u32 us)
{
	for (u32 t = 0; t < us; t += 100) {
		if (__atomic_load_n(&c->online, __ATOMIC_ACQUIRE))
			return true;
		udelay(100);
	}
	return c->online;
}

static bool start_ap(struct cpu *c)
{
	u32 sipi = ICR_DELIVERY_STARTUP | (TRAMPOLINE_PHYS >> 12);

	*(u64 *)tramp_param(tramp_stack) = (u64)(c->stack + CPU_STACK_SIZE);
	*(u32 *)tramp_param(tramp_cpu) = c->index;
	if (!lapic_send_ipi(c->apic_id, ICR_DELIVERY_INIT | ICR_LEVEL_ASSERT | ICR_TRIGGER_LEVEL))
		return false;
	udelay(10000);
	lapic_send_ipi(c->apic_id, sipi);
	if (wait_online(c, 200))
		return true;
	lapic_send_ipi(c->apic_id, sipi);
	return wait_online(c, AP_START_TIMEOUT_US);
}

void smp_start_aps(const struct madt_cpus *m)
{
	u32 self = lapic_id(), n = 1;

	memcpy((void *)TRAMPOLINE_PHYS, tramp_start, (size_t)(tramp_end - tramp_start));
	*(u64 *)tramp_param(tramp_cr3) = read_cr3();
	*(u64 *)tramp_param(tramp_entry) = (u64)ap_entry;
	for (u32 i = 0; i < m->count; i++) {
		if (m->apic_id[i] == self)
			continue;
		if (n == cpu_slots) {	/* only if the MADT does not list the BSP itself */
			hv_printf("xmhf-ng: CPU with APIC ID %u ignored: per-CPU memory holds "
				  "the %u CPUs of the MADT\n", m->apic_id[i], cpu_slots);
			continue;
		}
		cpus[n].index = n;
		cpus[n].apic_id = m->apic_id[i];
		if (!start_ap(&cpus[n])) {
			hv_printf("xmhf-ng: CPU with APIC ID %u did not start (no answer to "
				  "INIT-SIPI-SIPI); continuing without it\n", m->apic_id[i]);
			continue;
		}
		n++;
	}
	cpu_count = n;
}
