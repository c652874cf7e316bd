/* RSDP search and MADT CPU enumeration on synthetic ACPI tables in a buffer
 * that stands for the first 2 MiB of physical memory. */
#include <stdlib.h>
#include "check.h"
#include "acpi_madt.h"

#define MEM_SIZE 0x200000
#define EBDA 0x9fc00
#define RSDT_AT 0x7fe0000
#define TABLES 0x100000		/* RSDT, XSDT, MADTs live from here on */

static u8 *mem;
static uintptr_t base;
static char err[256];

#include "acpi_fixture.h"

/* A MADT body builder. */
struct madt_body {
	u8 b[2048];
	u32 n;
};

static void madt_begin(struct madt_body *m, u32 lapic)
{
	u32 flags = 1;

	memcpy(m->b, &lapic, 4);
	memcpy(m->b + 4, &flags, 4);
	m->n = 8;
}

static void madt_add(struct madt_body *m, const void *e, u32 len)
{
	memcpy(m->b + m->n, e, len);
	m->n += len;
}

static void madt_lapic(struct madt_body *m, u8 id, u32 flags)
{
	struct acpi_madt_local_apic l = { { ACPI_MADT_LOCAL_APIC, 8 }, id, id, flags };

	madt_add(m, &l, sizeof(l));
}

static void madt_x2apic(struct madt_body *m, u32 id, u32 flags)
{
	struct acpi_madt_x2apic x = { { ACPI_MADT_LOCAL_X2APIC, 16 }, 0, id, flags, id };

	madt_add(m, &x, sizeof(x));
}

static u32 rsdt_of(const u32 *entries, u32 n, u32 at)
{
	return put_table(at, "RSDT", entries, n * 4);
}

static int cpus(u64 rsdp, struct madt_cpus *out)
{
	memset(err, 0, sizeof(err));
	return acpi_madt_cpus(base, rsdp, out, err, sizeof(err));
}

static void test_find_rsdp(void)
{
	u64 at = 0;

	memset(mem, 0, MEM_SIZE);
	CHECK(acpi_find_rsdp(base, EBDA, &at) == -1);
	/* In the BIOS area, after a decoy with a bad checksum and one off the 16-byte grid. */
	put_rsdp(0xe0010, 0, 0x1234, 0);
	mem[0xe0010 + 9]++;
	put_rsdp(0xe0108, 0, 0x1234, 0);
	put_rsdp(0xf5a30, 2, 0x1234, 0x5678);
	CHECK(acpi_find_rsdp(base, EBDA, &at) == 0 && at == 0xf5a30);
	CHECK(acpi_find_rsdp(base, 0, &at) == 0 && at == 0xf5a30);
	/* A bad extended checksum disqualifies a revision 2 RSDP. */
	mem[0xf5a30 + 30]++;
	CHECK(acpi_find_rsdp(base, EBDA, &at) == -1);
	/* The first KiB of the EBDA is searched first. */
	put_rsdp(0xffff0, 0, 0x1234, 0);
	put_rsdp(EBDA + 0x3f0, 0, 0x4321, 0);
	CHECK(acpi_find_rsdp(base, EBDA, &at) == 0 && at == EBDA + 0x3f0);
	CHECK(acpi_find_rsdp(base, 0, &at) == 0 && at == 0xffff0);
	/* Past the first KiB of the EBDA it is not. */
	memset(mem + EBDA, 0, 0x400);
	put_rsdp(EBDA + 0x400, 0, 0x4321, 0);
	CHECK(acpi_find_rsdp(base, EBDA, &at) == 0 && at == 0xffff0);
}

/* RSDT -> { FACP, APIC } with enabled, disabled and online-capable CPUs. */
static void test_rsdt_madt(void)
{
	struct madt_body m;
	struct madt_cpus c;
	struct acpi_madt_io_apic io = { { ACPI_MADT_IO_APIC, 12 }, 8, 0, 0xfec00000, 0 };
	struct acpi_madt_lapic_override ov = { { ACPI_MADT_LOCAL_APIC_OVERRIDE, 12 }, 0,
					       0xfee10000ULL };
	u8 unknown[6] = { 0x7f, 6, 1, 2, 3, 4 };
	u32 entries[2];
	u32 facp = TABLES, madt;

	memset(mem, 0, MEM_SIZE);
	madt = put_table(facp, "FACP", "\0\0\0\0", 4);
	madt_begin(&m, 0xfee00000);
	madt_lapic(&m, 0, ACPI_MADT_ENABLED);
	madt_lapic(&m, 2, ACPI_MADT_ENABLED);
	madt_lapic(&m, 4, 0);
	madt_lapic(&m, 6, ACPI_MADT_ONLINE_CAPABLE);
	madt_add(&m, &io, sizeof(io));
	madt_add(&m, unknown, sizeof(unknown));
	madt_x2apic(&m, 0x100, ACPI_MADT_ENABLED);
	madt_x2apic(&m, 0x101, 0);
	madt_x2apic(&m, 2, ACPI_MADT_ENABLED);	/* same CPU as LAPIC 2 */
	put_table(madt, "APIC", m.b, m.n);
	entries[0] = facp;
	entries[1] = madt;
	rsdt_of(entries, 2, 0x110000);
	put_rsdp(0xf0000, 0, 0x110000, 0);

	CHECK(cpus(0xf0000, &c) == 0);
	CHECK(c.count == 3 && c.apic_id[0] == 0 && c.apic_id[1] == 2 && c.apic_id[2] == 0x100);
	CHECK(c.lapic_addr == 0xfee00000);

	/* The type 5 override replaces the 32-bit address. */
	madt_add(&m, &ov, sizeof(ov));
	put_table(madt, "APIC", m.b, m.n);
	CHECK(cpus(0xf0000, &c) == 0);
	CHECK(c.count == 3 && c.lapic_addr == 0xfee10000ULL);

	/* Revision 2 with a zero XSDT address still uses the RSDT. */
	put_rsdp(0xf0000, 2, 0x110000, 0);
	CHECK(cpus(0xf0000, &c) == 0 && c.count == 3);
}

/* With revision >= 2 the XSDT is followed, not the RSDT. */
static void test_xsdt(void)
{
	struct madt_body m;
	struct madt_cpus c;
	u64 xentry;
	u32 rentry;
	u32 madt_r = TABLES, madt_x;

	memset(mem, 0, MEM_SIZE);
	madt_begin(&m, 0xfee00000);
	madt_lapic(&m, 1, ACPI_MADT_ENABLED);
	madt_x = put_table(madt_r, "APIC", m.b, m.n);
	madt_begin(&m, 0xfee00000);
	madt_lapic(&m, 0, ACPI_MADT_ENABLED);
	madt_lapic(&m, 1, ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE);
	madt_lapic(&m, 3, ACPI_MADT_ENABLED);
	put_table(madt_x, "APIC", m.b, m.n);
	rentry = madt_r;
	xentry = madt_x;
	put_table(0x120000, "RSDT", &rentry, 4);
	put_table(0x121000, "XSDT", &xentry, 8);
	put_rsdp(0xe0000, 2, 0x120000, 0x121000);
	CHECK(cpus(0xe0000, &c) == 0);
	CHECK(c.count == 3 && c.apic_id[0] == 0 && c.apic_id[1] == 1 && c.apic_id[2] == 3);
	put_rsdp(0xe0000, 0, 0x120000, 0x121000);
	CHECK(cpus(0xe0000, &c) == 0);
	CHECK(c.count == 1 && c.apic_id[0] == 1);

	/* A bad XSDT checksum is an error, even though the RSDT is fine. */
	put_rsdp(0xe0000, 2, 0x120000, 0x121000);
	mem[0x121000 + 36]++;
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: XSDT at 0x121000 has a bad checksum");
}

static void test_errors(void)
{
	struct madt_body m;
	struct madt_cpus c;
	u32 entry = TABLES, other = TABLES + 0x1000;
	struct acpi_madt_entry zero_len = { 0x7f, 0 };

	memset(mem, 0, MEM_SIZE);
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: no valid RSDP at 0xe0000");

	madt_begin(&m, 0xfee00000);
	madt_lapic(&m, 0, ACPI_MADT_ENABLED);
	put_table(TABLES, "APIC", m.b, m.n);
	rsdt_of(&entry, 1, 0x110000);
	put_rsdp(0xe0000, 0, 0x110000, 0);
	CHECK(cpus(0xe0000, &c) == 0 && c.count == 1);

	/* Bad RSDP checksum. */
	mem[0xe0000 + 10]++;
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: no valid RSDP at 0xe0000");
	put_rsdp(0xe0000, 0, 0x110000, 0);

	/* Bad MADT checksum. */
	mem[TABLES + 44]++;
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: APIC at 0x100000 has a bad checksum");
	put_table(TABLES, "APIC", m.b, m.n);

	/* Bad RSDT checksum, then an RSDT pointer to something else. */
	mem[0x110000 + 36]++;
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: RSDT at 0x110000 has a bad checksum");
	put_rsdp(0xe0000, 0, TABLES, 0);
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: table at 0x100000 has signature \"APIC\", expected \"RSDT\"");

	/* No MADT among the RSDT's tables. */
	put_table(other, "FACP", "\0\0\0\0", 4);
	rsdt_of(&other, 1, 0x110000);
	put_rsdp(0xe0000, 0, 0x110000, 0);
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: no \"APIC\" table in the RSDT at 0x110000");

	/* An entry of length 0 would loop forever; one running past the end is cut. */
	rsdt_of(&entry, 1, 0x110000);
	madt_add(&m, &zero_len, sizeof(zero_len));
	put_table(TABLES, "APIC", m.b, m.n);
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: malformed MADT entry at offset 52 of the MADT at 0x100000");
	m.n -= 2;
	madt_lapic(&m, 1, ACPI_MADT_ENABLED);
	put_table(TABLES, "APIC", m.b, m.n - 1);
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: malformed MADT entry at offset 52 of the MADT at 0x100000");
	/* A local APIC entry too short for its fields. */
	m.b[m.n - 7] = 6;
	put_table(TABLES, "APIC", m.b, m.n - 2);
	CHECK(cpus(0xe0000, &c) == -1);

	/* A MADT shorter than its own header. */
	put_table(TABLES, "APIC", m.b, 4);
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: MADT at 0x100000 is 40 bytes, shorter than its 44-byte header");
}

static void test_too_many_cpus(void)
{
	struct madt_body m;
	struct madt_cpus c;
	u32 entry = TABLES;

	memset(mem, 0, MEM_SIZE);
	madt_begin(&m, 0xfee00000);
	for (u32 i = 0; i < MADT_MAX_CPUS; i++)
		madt_x2apic(&m, i, ACPI_MADT_ENABLED);
	put_table(TABLES, "APIC", m.b, m.n);
	rsdt_of(&entry, 1, 0x110000);
	put_rsdp(0xe0000, 0, 0x110000, 0);
	CHECK(cpus(0xe0000, &c) == 0 && c.count == MADT_MAX_CPUS && c.apic_id[63] == 63);
	madt_lapic(&m, 200, ACPI_MADT_ENABLED);
	put_table(TABLES, "APIC", m.b, m.n);
	CHECK(cpus(0xe0000, &c) == -1);
	CHECK_STR(err, "acpi: the MADT lists more than 64 enabled CPUs");
}

int main(void)
{
	mem = calloc(1, MEM_SIZE);
	base = (uintptr_t)mem;
	test_find_rsdp();
	test_rsdt_madt();
	test_xsdt();
	test_errors();
	test_too_many_cpus();
	free(mem);
	return CHECK_DONE();
}
