/* Decoding a guest's IPI from the local APIC ICR (SDM Vol. 3A 10.6.1, Figure
 * 10-12; x2APIC: 10.12.9) into the set of target CPUs. */
#ifndef XMHF_LIB_ICR_H
#define XMHF_LIB_ICR_H
#include "types.h"
#include "max_cpus.h"
#include "arch/apic.h"

#define ICR_MAX_CPUS MAX_CPUS
_Static_assert(ICR_MAX_CPUS <= 64, "struct ipi targets is a u64 mask: bit i is CPU i");

/* What the hypervisor knows of each vCPU's APIC addressing. */
struct icr_cpu {
	u32 apic_id;
	u32 ldr;	/* logical destination register as the guest wrote it */
	u32 dfr;	/* destination format register (xAPIC; 0xffffffff = flat) */
};

struct ipi {
	u32 delivery;	/* ICR_DELIVERY_* */
	u8 vector;
	bool level_assert;
	u64 targets;	/* bit i: CPU i of the table */
};

/* The logical x2APIC ID, fixed by the x2APIC ID: cluster in bits 31:16,
 * one member bit in 15:0 (SDM 10.12.10.2). */
static inline u32 x2apic_ldr(u32 x2apic_id)
{
	return ((x2apic_id >> 4) << 16) | (1u << (x2apic_id & 0xf));
}

/* INIT and SIPI are emulated and an NMI becomes a request on each target
 * (runtime/ipi.c): only those need the targets decoded. Any other delivery
 * mode (fixed, lowest priority, SMI, reserved) goes to the real APIC as the
 * guest wrote it, whatever the destination (SDM 10.6.1). */
static inline bool icr_is_hypervisor_ipi(u32 icr_lo)
{
	u32 d = icr_lo & ICR_DELIVERY_MASK;

	return d == ICR_DELIVERY_INIT || d == ICR_DELIVERY_STARTUP || d == ICR_DELIVERY_NMI;
}

/* xAPIC: icr_lo as written to 0x300, icr_hi from 0x310 (destination in bits
 * 31:24). x2APIC: pass x2apic = true and the 32-bit destination in icr_hi. */
void icr_decode(u32 icr_lo, u32 icr_hi, bool x2apic, u32 self, const struct icr_cpu *cpus,
		u32 ncpus, struct ipi *out);

#endif
