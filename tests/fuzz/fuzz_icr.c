/* icr_decode (xmhf/lib/icr.c, SDM Vol. 3A 10.6.1) against a fuzzed ICR and CPU
 * table: targets stay within the table, shorthands and physical destinations
 * follow the SDM rules, an APIC ID no CPU has hits nobody.
 * Input: icr_lo, icr_hi, u8 flags (bit 0 x2APIC), u8 self, u8 ncpus, then per
 * CPU apic_id, ldr, dfr (u32 each). */
#include "fuzz.h"
#include "icr.h"
#include "arch/apic.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct icr_cpu cpus[ICR_MAX_CPUS + 8];
	u32 lo = fuzz_u32(&in), hi = fuzz_u32(&in);
	bool x2apic = fuzz_u8(&in) & 1;
	u32 self = fuzz_u8(&in);
	u32 ncpus = fuzz_u8(&in) % (ICR_MAX_CPUS + 8 + 1);
	u32 dest = x2apic ? hi : hi >> ICR_DEST_SHIFT;
	u32 bcast = x2apic ? 0xffffffffu : 0xffu;
	u64 in_table = ncpus >= 64 ? ~0ULL : (1ULL << ncpus) - 1;
	u64 self_bit = self < 64 && self < ncpus ? 1ULL << self : 0;
	struct ipi out, again;
	bool any_id = false;

	for (u32 i = 0; i < ncpus; i++) {
		cpus[i].apic_id = fuzz_u32(&in);
		cpus[i].ldr = fuzz_u32(&in);
		cpus[i].dfr = fuzz_u32(&in);
		any_id |= i < ICR_MAX_CPUS && cpus[i].apic_id == dest;
	}
	icr_decode(lo, hi, x2apic, self, cpus, ncpus, &out);
	icr_decode(lo, hi, x2apic, self, cpus, ncpus, &again);
	FUZZ_ASSERT(out.targets == again.targets && out.vector == again.vector &&
		    out.delivery == again.delivery && out.level_assert == again.level_assert, "nondeterministic");
	FUZZ_ASSERT((out.targets & ~in_table) == 0, "target outside the %u-CPU table", ncpus);
	FUZZ_ASSERT(out.vector == (lo & 0xff) && out.delivery == (lo & ICR_DELIVERY_MASK),
		    "vector/delivery");
	switch (lo & ICR_SHORTHAND_MASK) {
	case ICR_SHORTHAND_SELF:
		FUZZ_ASSERT(out.targets == self_bit, "self shorthand");
		break;
	case ICR_SHORTHAND_ALL_INCL:
		FUZZ_ASSERT(out.targets == in_table, "all-including-self shorthand");
		break;
	case ICR_SHORTHAND_ALL_EXCL:
		FUZZ_ASSERT(out.targets == (in_table & ~self_bit), "all-excluding-self shorthand");
		break;
	default:
		if (lo & ICR_DEST_LOGICAL)
			break;
		if (dest == bcast)
			FUZZ_ASSERT(out.targets == in_table, "physical broadcast");
		else if (!any_id)
			FUZZ_ASSERT(out.targets == 0, "SIPI/INIT to absent APIC ID 0x%x hit 0x%llx",
				    dest, (unsigned long long)out.targets);
		else
			for (u32 i = 0; i < ncpus && i < ICR_MAX_CPUS; i++)
				FUZZ_ASSERT(!!(out.targets & (1ULL << i)) == (cpus[i].apic_id == dest),
					    "physical destination, CPU %u", i);
		break;
	}
	return 0;
}
