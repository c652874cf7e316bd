#include "icr.h"
#include "arch/apic.h"

#define DFR_MODEL_FLAT 0xfu		/* DFR bits 31:28 (SDM 10.6.2.2) */
#define XAPIC_BROADCAST 0xffu
#define X2APIC_BROADCAST 0xffffffffu

/* Logical destination match (SDM 10.6.2.2): flat model ANDs the 8-bit mask
 * with LDR[31:24]; cluster model compares the cluster nibble and ANDs the
 * member bits. x2APIC: cluster in bits 31:16, member bits 15:0 (10.12.10.2). */
static bool logical_match(u32 dest, bool x2apic, const struct icr_cpu *c)
{
	if (x2apic)
		return (dest >> 16) == (c->ldr >> 16) && (dest & c->ldr & 0xffff);
	u32 ldr = c->ldr >> 24;

	if ((c->dfr >> 28) == DFR_MODEL_FLAT)
		return (dest & ldr) != 0;
	return (dest >> 4) == (ldr >> 4) && (dest & ldr & 0xf);
}

void icr_decode(u32 icr_lo, u32 icr_hi, bool x2apic, u32 self, const struct icr_cpu *cpus,
		u32 ncpus, struct ipi *out)
{
	u32 dest = x2apic ? icr_hi : icr_hi >> ICR_DEST_SHIFT;
	u32 broadcast = x2apic ? X2APIC_BROADCAST : XAPIC_BROADCAST;

	out->delivery = icr_lo & ICR_DELIVERY_MASK;
	out->vector = (u8)(icr_lo & ICR_VECTOR_MASK);
	out->level_assert = icr_lo & ICR_LEVEL_ASSERT;
	out->targets = 0;
	for (u32 i = 0; i < ncpus && i < ICR_MAX_CPUS; i++) {
		bool hit;

		switch (icr_lo & ICR_SHORTHAND_MASK) {
		case ICR_SHORTHAND_SELF:
			hit = i == self;
			break;
		case ICR_SHORTHAND_ALL_INCL:
			hit = true;
			break;
		case ICR_SHORTHAND_ALL_EXCL:
			hit = i != self;
			break;
		default:
			if (icr_lo & ICR_DEST_LOGICAL)
				hit = logical_match(dest, x2apic, &cpus[i]);
			else
				hit = dest == broadcast || dest == cpus[i].apic_id;
			break;
		}
		if (hit)
			out->targets |= 1ULL << i;
	}
}
