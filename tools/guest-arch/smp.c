/* Local-APIC probes: self-NMIs, AP start by INIT-SIPI-SIPI, re-INIT of an
 * AP in HLT, and an AP start through the x2APIC ICR. */
#include "arch.h"
#include "arch/apic.h"
#include "arch/msr.h"
#include "com1.h"
#include "probes.h"
#include "trap.h"
#include "../guest-events/ipi.h"

#define NMIS 1000
#define AP_ID 1			/* the second CPU (Bochs numbers them 0, 1) */
#define INIT_STORM 100
/* TSC ticks; bochs-run.sh runs the TSC at 50 MHz (ips 50000000). */
#define TICKS_10MS 500000ULL
#define TICKS_200US 10000ULL
#define NMI_WAIT 200000ULL
#define AP_WAIT 5000000ULL

static volatile u32 *const ap_counter = (volatile u32 *)(AP_START_PAGE + AP_COUNTER_OFF);

static u32 apic_read(u32 off) { return *(volatile u32 *)(u32)(APIC_DEFAULT_BASE + off); }

/* Waits up to ticks for *p to differ from old. */
static bool wait_change(volatile u32 *p, u32 old, u64 ticks)
{
	u64 end = rdtsc() + ticks;

	while (*p == old)
		if (rdtsc() > end)
			return false;
	return true;
}

/* NMI delivery with a physical destination, our own APIC ID: the self
 * shorthand is valid with fixed delivery only (SDM Vol. 3A 10.6.1,
 * Table 10-3). Each NMI must arrive before the next is sent. */
void probe_self_nmi(void)
{
	u8 id = (u8)(apic_read(APIC_REG_ID) >> APIC_ID_SHIFT);
	u32 n;

	nmi_count = 0;
	for (n = 0; n < NMIS; n++) {
		u32 before = nmi_count;

		ipi_send(id, ICR_DELIVERY_NMI | ICR_LEVEL_ASSERT);
		if (!wait_change(&nmi_count, before, NMI_WAIT))
			break;
	}
	out_begin("self-nmi");
	com1_puts(nmi_count == NMIS ? "ok nmis=" : "FAILED: nmis=");
	com1_dec(nmi_count);
	if (nmi_count != NMIS) {
		com1_puts(" lost NMI #");
		com1_dec(n + 1);
	}
	out_end();
}

static void report_starts(const char *probe, u32 want)
{
	u32 seen;

	wait_change(ap_counter, want - 1, AP_WAIT);
	tsc_delay(TICKS_10MS);	/* a wrong extra start would show by now */
	seen = *ap_counter;
	out_begin(probe);
	com1_puts(seen == want ? "ok starts=" : "FAILED: starts=");
	com1_dec(seen);
	out_end();
}

/* The MP start sequence, INIT, 10 ms, SIPI, 200 us, SIPI (SDM Vol. 3A
 * 8.4.4.1): one start, since the second SIPI finds the AP out of
 * wait-for-SIPI (8.4.2). Then INITs to the AP halted with IF = 0 (INIT is
 * not masked by IF, SDM Vol. 3A 8.4.1 / 10.6.1) put it back in wait-for-SIPI,
 * and one SIPI starts it exactly once more. */
void probe_ap_start(void)
{
	for (u32 i = 0; i < (u32)(ap_stub_end - ap_stub); i++)
		((volatile u8 *)AP_START_PAGE)[i] = ap_stub[i];
	*ap_counter = 0;

	ipi_send(AP_ID, ICR_DELIVERY_INIT | ICR_LEVEL_ASSERT);
	tsc_delay(TICKS_10MS);
	ipi_send(AP_ID, ICR_DELIVERY_STARTUP | ICR_LEVEL_ASSERT | AP_SIPI_VECTOR);
	tsc_delay(TICKS_200US);
	ipi_send(AP_ID, ICR_DELIVERY_STARTUP | ICR_LEVEL_ASSERT | AP_SIPI_VECTOR);
	report_starts("ap init-sipi-sipi", 1);

	for (u32 i = 0; i < INIT_STORM; i++)
		ipi_send(AP_ID, ICR_DELIVERY_INIT | ICR_LEVEL_ASSERT);
	tsc_delay(TICKS_10MS);
	ipi_send(AP_ID, ICR_DELIVERY_STARTUP | ICR_LEVEL_ASSERT | AP_SIPI_VECTOR);
	report_starts("ap init storm in hlt then sipi", 2);
}

/* x2APIC mode: IA32_APIC_BASE EN and EXTD (SDM Vol. 3A 10.12.1), the ID in
 * MSR 0x802 (10.12.5.1), IPIs by one WRMSR to the ICR at 0x830 with the
 * destination in bits 63:32 and no delivery-status bit (10.12.9). */
void probe_x2apic_start(void)
{
	u64 base, id;
	u32 fv;

	if (!(cpuid(CPUID_LEAF_FEATURES, 0).ecx & CPUID1_ECX_X2APIC)) {
		out_skipped("x2apic enable", "x2APIC");
		out_skipped("x2apic init-sipi", "x2APIC");
		return;
	}
	base = probe_rdmsr(MSR_IA32_APIC_BASE);
	probe_wrmsr(MSR_IA32_APIC_BASE, base | APIC_BASE_ENABLE | APIC_BASE_EXTD);
	fv = fault_vector;
	id = probe_rdmsr(MSR_X2APIC_ID);
	out_begin("x2apic enable");
	if (fv) {
		com1_puts("FAILED: wrmsr 0x1b #GP");
	} else if (fault_vector) {
		com1_puts("FAILED: rdmsr 0x802 #GP");
	} else {
		com1_puts(id == 0 ? "ok x2apic id=" : "FAILED: x2apic id=");
		com1_hex(id);
	}
	out_end();
	if (fv || fault_vector) {
		out_begin("x2apic init-sipi");
		com1_puts("FAILED: no x2APIC");
		out_end();
		return;
	}

	probe_wrmsr(MSR_X2APIC_ICR, (u64)AP_ID << X2APIC_ICR_DEST_SHIFT |
		    ICR_DELIVERY_INIT | ICR_LEVEL_ASSERT);
	tsc_delay(TICKS_10MS);
	probe_wrmsr(MSR_X2APIC_ICR, (u64)AP_ID << X2APIC_ICR_DEST_SHIFT |
		    ICR_DELIVERY_STARTUP | ICR_LEVEL_ASSERT | AP_SIPI_VECTOR);
	report_starts("x2apic init-sipi", 3);
}
