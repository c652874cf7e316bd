#include "check.h"
#include "hv_layout.h"
#include "max_cpus.h"
#include "acpi_madt.h"
#include "icr.h"

#define KIB 1024ULL
#define MIB (1024 * KIB)
#define CPU_SIZE (28 * KIB)	/* sizeof(struct cpu) today; any page multiple works */

int main(void)
{
	struct hv_layout l;
	char err[128];

	/* One limit everywhere; the IPI target mask is a u64. */
	CHECK(MAX_CPUS >= 64);
	CHECK(MADT_MAX_CPUS == MAX_CPUS && ICR_MAX_CPUS == MAX_CPUS);

	CHECK(hv_cpu_slots(false, 12) == 1);
	CHECK(hv_cpu_slots(true, 0) == 1);
	CHECK(hv_cpu_slots(true, 1) == 1);
	CHECK(hv_cpu_slots(true, 12) == 12);
	CHECK(hv_cpu_slots(true, MAX_CPUS) == MAX_CPUS);
	CHECK(hv_cpu_slots(true, MAX_CPUS + 1) == MAX_CPUS);

	/* The slots start at the first aligned byte after the bss. */
	CHECK(hv_layout(0x28c123, 1, CPU_SIZE, 4096, &l, err, sizeof(err)) == 0);
	CHECK(l.percpu_offset == 0x28d000 && l.cpu_slots == 1 && l.size == 4 * MIB);
	/* 12 CPUs still fit the same 4 MiB; 64 need 6 MiB: sized for the count. */
	CHECK(hv_layout(0x28c000, 12, CPU_SIZE, 4096, &l, err, sizeof(err)) == 0);
	CHECK(l.percpu_offset == 0x28c000 && l.size == 4 * MIB);
	CHECK(hv_layout(0x28c000, 64, CPU_SIZE, 4096, &l, err, sizeof(err)) == 0);
	CHECK(l.size == 6 * MIB && l.size >= l.percpu_offset + 64 * CPU_SIZE);
	/* An exact 2 MiB end is not rounded further. */
	CHECK(hv_layout(2 * MIB - 2 * CPU_SIZE, 2, CPU_SIZE, 4096, &l, err, sizeof(err)) == 0);
	CHECK(l.size == 2 * MIB);
	CHECK(hv_layout(2 * MIB - 2 * CPU_SIZE + 1, 2, CPU_SIZE, 4096, &l, err, sizeof(err)) == 0);
	CHECK(l.size == 4 * MIB);

	/* Rejected: no slots, too many, misaligned slots, absurd sizes. */
	CHECK(hv_layout(0x100000, 0, CPU_SIZE, 4096, &l, err, sizeof(err)) == -1);
	CHECK(strstr(err, "0 per-CPU slots") != NULL);
	CHECK(hv_layout(0x100000, MAX_CPUS + 1, CPU_SIZE, 4096, &l, err, sizeof(err)) == -1);
	CHECK(hv_layout(0x100000, 2, CPU_SIZE + 8, 4096, &l, err, sizeof(err)) == -1);
	CHECK(strstr(err, "alignment 4096") != NULL);
	CHECK(hv_layout(0x100000, 2, CPU_SIZE, 3000, &l, err, sizeof(err)) == -1);
	CHECK(hv_layout(0x100000, 2, CPU_SIZE, 0, &l, err, sizeof(err)) == -1);
	CHECK(hv_layout(0x100000, 2, 0, 4096, &l, err, sizeof(err)) == -1);
	CHECK(hv_layout(~0ULL - 4096, 1, CPU_SIZE, 4096, &l, err, sizeof(err)) == -1);
	CHECK(hv_layout(0x100000, MAX_CPUS, 1ULL << 40, 4096, &l, err, sizeof(err)) == -1);
	CHECK(strstr(err, "too big") != NULL);
	return CHECK_DONE();
}
