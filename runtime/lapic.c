#include "lapic.h"
#include "arch/apic.h"
#include "arch/msr.h"
#include "cpu.h"
#include "delay.h"

u64 lapic_base(void)
{
	return rdmsr(MSR_IA32_APIC_BASE) & APIC_BASE_ADDR_MASK;
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
	return lapic_read(APIC_REG_ID) >> APIC_ID_SHIFT;
}

/* SDM 10.6.1: write ICR high first; the write to ICR low sends the IPI. */
bool lapic_send_ipi(u32 dest_apic_id, u32 icr_lo)
{
	lapic_write(APIC_REG_ICR_HI, dest_apic_id << ICR_DEST_SHIFT);
	lapic_write(APIC_REG_ICR_LO, icr_lo);
	for (int i = 0; i < 1000; i++) {
		if (!(lapic_read(APIC_REG_ICR_LO) & ICR_SEND_PENDING))
			return true;
		udelay(10);
	}
	return false;
}
