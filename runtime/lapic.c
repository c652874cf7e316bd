/* Host access to this CPU's local APIC, in whichever mode the guest left it:
 * xAPIC MMIO, or x2APIC MSRs once IA32_APIC_BASE.EXTD is set (SDM 10.12). */
#include "lapic.h"
#include "arch/apic.h"
#include "arch/msr.h"
#include "cpu.h"
#include "delay.h"

/* The xAPIC page of every CPU: read once on the BSP, compared on each AP
 * (lapic_base_is_bsps); the guest cannot move it (msr_policy.c). */
static u64 mmio_base;

static u64 read_base(void)
{
	return rdmsr(MSR_IA32_APIC_BASE) & APIC_BASE_ADDR_MASK;
}

void lapic_init_bsp(void)
{
	mmio_base = read_base();
}

bool lapic_base_is_bsps(u64 *mine)
{
	*mine = read_base();
	return *mine == mmio_base;
}

u64 lapic_base(void)
{
	return mmio_base;
}

static bool x2apic_on(void)
{
	return rdmsr(MSR_IA32_APIC_BASE) & APIC_BASE_EXTD;
}

u32 lapic_read(u32 reg)
{
	return *(volatile u32 *)(lapic_base() + reg);
}

void lapic_write(u32 reg, u32 v)
{
	*(volatile u32 *)(lapic_base() + reg) = v;
}

u32 lapic_id(void)
{
	if (x2apic_on())
		return (u32)rdmsr(MSR_X2APIC_ID);
	return lapic_read(APIC_REG_ID) >> APIC_ID_SHIFT;
}

/* SDM 10.6.1: write ICR high first; the write to ICR low sends the IPI. The
 * guest may be between its own ICR high and low writes (they reach the real
 * APIC): its ICR high is put back. x2APIC: one 64-bit write, no delivery
 * status (SDM 10.12.9). */
bool lapic_send_ipi(u32 dest_apic_id, u32 icr_lo)
{
	u32 saved_hi;
	bool sent = false;

	if (x2apic_on()) {
		wrmsr(MSR_X2APIC_ICR, ((u64)dest_apic_id << 32) | icr_lo);
		return true;
	}
	saved_hi = lapic_read(APIC_REG_ICR_HI);
	lapic_write(APIC_REG_ICR_HI, dest_apic_id << ICR_DEST_SHIFT);
	lapic_write(APIC_REG_ICR_LO, icr_lo);
	for (int i = 0; i < 1000 && !sent; i++) {
		sent = !(lapic_read(APIC_REG_ICR_LO) & ICR_SEND_PENDING);
		if (!sent)
			udelay(10);
	}
	lapic_write(APIC_REG_ICR_HI, saved_hi);
	return sent;
}
