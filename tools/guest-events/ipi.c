/* xAPIC ICR at the default base. Under xmhf-ng the page is read-only in EPT,
 * so each store exits and is decoded and emulated (runtime/apic_guard.c). */
#include "ipi.h"
#include "arch/apic.h"

static volatile u32 *apic_reg(u32 off)
{
	return (volatile u32 *)(u32)(APIC_DEFAULT_BASE + off);
}

/* MOV r/m32, r32 (89 /r) with a base register, as Linux stores to the APIC:
 * the encoding xmhf/lib/mmio_decode.c decodes. A plain C store to a constant
 * address may compile to MOV moffs32, EAX (A3), which it does not. */
static void apic_store(u32 off, u32 v)
{
	asm volatile("movl %1, (%0)" : : "r"(apic_reg(off)), "r"(v) : "memory");
}

void ipi_send(u8 apic_id, u32 icr_lo)
{
	while (*apic_reg(APIC_REG_ICR_LO) & ICR_SEND_PENDING)
		;
	apic_store(APIC_REG_ICR_HI, (u32)apic_id << ICR_DEST_SHIFT);
	apic_store(APIC_REG_ICR_LO, icr_lo);
}
