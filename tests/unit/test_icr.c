/* IPI destination decoding (SDM 10.6.1, 10.6.2), incl. shorthands (XMHF64 bug 074). */
#include "check.h"
#include "icr.h"
#include "arch/apic.h"

static const struct icr_cpu cpus[4] = {
	{ 0, 0x01000000, 0xffffffff }, { 1, 0x02000000, 0xffffffff },
	{ 2, 0x04000000, 0xffffffff }, { 6, 0x08000000, 0xffffffff },
};

/* The fast path's test: exactly INIT, SIPI and NMI, whatever the other
 * ICR bits (vector, destination mode, level, trigger, shorthand). */
static void hypervisor_ipis(void)
{
	static const u32 others[] = { 0, 0xfd, ICR_DEST_LOGICAL | 0x30, ICR_LEVEL_ASSERT,
				      ICR_TRIGGER_LEVEL | ICR_SHORTHAND_ALL_EXCL, ICR_SHORTHAND_SELF | 0xff,
				      ICR_SEND_PENDING | ICR_SHORTHAND_ALL_INCL };

	for (u32 mode = 0; mode < 8; mode++) {
		u32 d = mode << ICR_DELIVERY_SHIFT;
		bool ours = d == ICR_DELIVERY_INIT || d == ICR_DELIVERY_STARTUP || d == ICR_DELIVERY_NMI;

		for (unsigned i = 0; i < ARRAY_SIZE(others); i++)
			CHECK(icr_is_hypervisor_ipi(d | others[i]) == ours);
	}
	CHECK(!icr_is_hypervisor_ipi(ICR_DELIVERY_FIXED | ICR_SHORTHAND_SELF | 0x40));
	CHECK(!icr_is_hypervisor_ipi(ICR_DELIVERY_LOWEST | 0x31));
	CHECK(icr_is_hypervisor_ipi(ICR_DELIVERY_INIT | ICR_TRIGGER_LEVEL));	/* INIT de-assert */
}

int main(void)
{
	struct ipi ipi;

	hypervisor_ipis();

	/* Linux's INIT assert and SIPI to APIC ID 2, physical destination. */
	icr_decode(ICR_DELIVERY_INIT | ICR_LEVEL_ASSERT | ICR_TRIGGER_LEVEL, 2u << 24, false, 0,
		   cpus, 4, &ipi);
	CHECK(ipi.delivery == ICR_DELIVERY_INIT && ipi.level_assert && ipi.targets == 0x4);
	icr_decode(ICR_DELIVERY_INIT | ICR_TRIGGER_LEVEL, 2u << 24, false, 0, cpus, 4, &ipi);
	CHECK(!ipi.level_assert);
	icr_decode(ICR_DELIVERY_STARTUP | 0x9a, 6u << 24, false, 0, cpus, 4, &ipi);
	CHECK(ipi.delivery == ICR_DELIVERY_STARTUP && ipi.vector == 0x9a && ipi.targets == 0x8);
	/* A non-existent APIC ID reaches nobody. */
	icr_decode(ICR_DELIVERY_STARTUP | 0x9a, 5u << 24, false, 0, cpus, 4, &ipi);
	CHECK(ipi.targets == 0);
	/* Shorthands. */
	icr_decode(ICR_DELIVERY_INIT | ICR_SHORTHAND_ALL_EXCL, 0, false, 1, cpus, 4, &ipi);
	CHECK(ipi.targets == 0xd);
	icr_decode(ICR_DELIVERY_FIXED | ICR_SHORTHAND_ALL_INCL | 0xfd, 0, false, 1, cpus, 4, &ipi);
	CHECK(ipi.targets == 0xf && ipi.vector == 0xfd);
	icr_decode(ICR_DELIVERY_FIXED | ICR_SHORTHAND_SELF | 0xfd, 0, false, 3, cpus, 4, &ipi);
	CHECK(ipi.targets == 0x8);
	/* Physical broadcast 0xff. */
	icr_decode(ICR_DELIVERY_INIT, 0xffu << 24, false, 0, cpus, 4, &ipi);
	CHECK(ipi.targets == 0xf);
	/* Logical flat: mask 0x06 -> CPUs with LDR bits 1 and 2. */
	icr_decode(ICR_DELIVERY_FIXED | ICR_DEST_LOGICAL | 0x30, 0x06u << 24, false, 0, cpus, 4, &ipi);
	CHECK(ipi.targets == 0x6);
	/* Logical cluster (DFR model 0): cluster 1, members 0x3. */
	struct icr_cpu cl[3] = { { 0, 0x11000000, 0x0fffffff }, { 1, 0x12000000, 0x0fffffff },
				 { 2, 0x21000000, 0x0fffffff } };
	icr_decode(ICR_DELIVERY_FIXED | ICR_DEST_LOGICAL, 0x13u << 24, false, 0, cl, 3, &ipi);
	CHECK(ipi.targets == 0x3);
	/* x2APIC: 32-bit physical destination. */
	struct icr_cpu x2[2] = { { 0, 0, 0 }, { 0x100, 0, 0 } };
	icr_decode(ICR_DELIVERY_STARTUP | 0x10, 0x100, true, 0, x2, 2, &ipi);
	CHECK(ipi.targets == 0x2);
	/* x2APIC logical IDs follow from the x2APIC ID (SDM 10.12.10.2). */
	CHECK(x2apic_ldr(0) == 0x00000001 && x2apic_ldr(1) == 0x00000002);
	CHECK(x2apic_ldr(0x13) == 0x00010008);
	struct icr_cpu xl[3] = { { 0, x2apic_ldr(0), 0 }, { 1, x2apic_ldr(1), 0 }, { 0x11, x2apic_ldr(0x11), 0 } };
	icr_decode(ICR_DELIVERY_NMI | ICR_DEST_LOGICAL, 0x00000003, true, 0, xl, 3, &ipi);
	CHECK(ipi.targets == 0x3);
	icr_decode(ICR_DELIVERY_NMI | ICR_DEST_LOGICAL, 0x00010002, true, 0, xl, 3, &ipi);
	CHECK(ipi.targets == 0x4);
	return CHECK_DONE();
}
