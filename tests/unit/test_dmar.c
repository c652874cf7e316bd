/* DMAR parsing (xmhf/lib/acpi_dmar.c, VT-d spec chapter 8) on synthetic ACPI
 * tables in a buffer that stands for the first 2 MiB of physical memory. */
#include <stdlib.h>
#include "check.h"
#include "acpi_dmar.h"

#define MEM_SIZE 0x200000
#define RSDP_AT 0xe0000
#define RSDT_AT 0x100000
#define XSDT_AT 0x100800
#define DMAR_AT 0x101000

static u8 *mem;
static uintptr_t base;
static char err[256];

#include "acpi_fixture.h"
static struct dmar_info info;
static struct acpi_table where;

static bool sums_to_zero(const u8 *p, size_t len)
{
	u8 sum = 0;

	for (size_t i = 0; i < len; i++)
		sum = (u8)(sum + p[i]);
	return sum == 0;
}

/* A DMAR body (after the SDT header) under construction. */
struct body {
	u8 b[4096];
	u32 n;
};

static void body_begin(struct body *d, u8 haw_field)
{
	memset(d, 0, sizeof(*d));
	d->b[0] = haw_field;	/* host address width - 1 */
	d->b[1] = 1;		/* INTR_REMAP */
	d->n = 12;		/* + 10 reserved */
}

static void add(struct body *d, const void *p, u32 len)
{
	if (len)
		memcpy(d->b + d->n, p, len);
	d->n += len;
}

/* A scope of type t on bus with one (dev, fn) hop. */
static void scope(u8 *out, u8 t, u8 id, u8 bus, u8 dev, u8 fn)
{
	struct acpi_dmar_scope s = { t, 8, 0, id, bus };

	memcpy(out, &s, sizeof(s));
	out[6] = dev;
	out[7] = fn;
}

static void add_drhd(struct body *d, u8 flags, u64 reg, u32 nscopes, const u8 *scopes)
{
	struct acpi_dmar_drhd h = { { ACPI_DMAR_DRHD, (u16)(16 + 8 * nscopes) }, flags, 0, 0, reg };

	add(d, &h, sizeof(h));
	add(d, scopes, 8 * nscopes);
}

static void add_rmrr(struct body *d, u64 b, u64 limit, u32 nscopes, const u8 *scopes)
{
	struct acpi_dmar_rmrr h = { { ACPI_DMAR_RMRR, (u16)(24 + 8 * nscopes) }, 0, 0, b, limit };

	add(d, &h, sizeof(h));
	add(d, scopes, 8 * nscopes);
}

/* Installs body as the DMAR, listed in an RSDT (and an XSDT if xsdt). */
static void install(const struct body *d, bool xsdt)
{
	u32 rsdt_e[2] = { 0x102000, DMAR_AT };	/* a bogus non-DMAR entry first */
	u64 xsdt_e[1] = { DMAR_AT };

	memset(mem, 0, MEM_SIZE);
	memcpy(mem + 0x102000, "FACP", 4);
	put_table(RSDT_AT, ACPI_RSDT_SIGNATURE, rsdt_e, sizeof(rsdt_e));
	put_table(XSDT_AT, ACPI_XSDT_SIGNATURE, xsdt_e, sizeof(xsdt_e));
	put_table(DMAR_AT, ACPI_DMAR_SIGNATURE, d->b, d->n);
	put_rsdp(RSDP_AT, xsdt ? 2 : 0, RSDT_AT, xsdt ? XSDT_AT : 0);
}

static int find(void)
{
	memset(err, 0, sizeof(err));
	return acpi_dmar_find(base, RSDP_AT, &info, &where, err, sizeof(err));
}

/* QEMU's q35 + intel-iommu table: one unit for everything, I/O APIC scope. */
static void test_qemu_like(void)
{
	struct body d;
	u8 sc[2 * 8];

	body_begin(&d, 38);
	scope(sc, ACPI_DMAR_SCOPE_IOAPIC, 0, 0, 0x1f, 0);
	add_drhd(&d, ACPI_DRHD_INCLUDE_PCI_ALL, 0xfed90000, 1, sc);
	scope(sc, ACPI_DMAR_SCOPE_PCI_ENDPOINT, 0, 0, 0x14, 0);
	scope(sc + 8, ACPI_DMAR_SCOPE_PCI_BRIDGE, 0, 0, 0x1c, 1);
	add_rmrr(&d, 0x7c000000, 0x7c7fffff, 2, sc);
	for (int x = 0; x < 2; x++) {
		install(&d, x);
		CHECK(find() == 0);
		CHECK_STR(err, "");
		CHECK(where.addr == DMAR_AT && where.root == (x ? XSDT_AT : RSDT_AT));
		CHECK(where.entry_at == (x ? XSDT_AT + 36 : RSDT_AT + 40));
		CHECK(info.haw == 39 && info.flags == 1);
		CHECK(info.unit_count == 1 && info.rmrr_count == 1);
		CHECK(info.unit[0].reg_base == 0xfed90000);
		CHECK(info.unit[0].flags == ACPI_DRHD_INCLUDE_PCI_ALL && info.unit[0].segment == 0);
		CHECK(info.unit[0].scope_count == 1);
		CHECK(info.unit[0].scope[0].type == ACPI_DMAR_SCOPE_IOAPIC);
		CHECK(info.unit[0].scope[0].path_len == 1 && info.unit[0].scope[0].path[0][0] == 0x1f);
		CHECK(info.rmrr[0].base == 0x7c000000 && info.rmrr[0].limit == 0x7c7fffff);
		CHECK(info.rmrr[0].scope_count == 2);
		CHECK(info.rmrr[0].scope[1].type == ACPI_DMAR_SCOPE_PCI_BRIDGE);
		CHECK(info.rmrr[0].scope[1].path[0][0] == 0x1c && info.rmrr[0].scope[1].path[0][1] == 1);
	}
}

/* Two units (graphics with an endpoint scope, then INCLUDE_PCI_ALL), a
 * multi-hop scope, and structure types we do not use, which are skipped. */
static void test_two_units_and_unknown(void)
{
	struct body d;
	u8 sc[8];
	u8 hop2[10] = { ACPI_DMAR_SCOPE_PCI_ENDPOINT, 10, 0, 0, 0, 0x1c, 0, 0, 0, 0 };
	u8 atsr[8] = { ACPI_DMAR_ATSR, 0, 8, 0, 0, 0, 0, 0 };
	u8 odd[6] = { 99, 0, 6, 0, 0, 0 };

	body_begin(&d, 45);
	scope(sc, ACPI_DMAR_SCOPE_PCI_ENDPOINT, 0, 0, 2, 0);
	add_drhd(&d, 0, 0xfed90000, 1, sc);
	add(&d, atsr, sizeof(atsr));
	add(&d, odd, sizeof(odd));
	{
		struct acpi_dmar_drhd h = { { ACPI_DMAR_DRHD, 26 }, 1, 0, 0, 0xfed91000 };

		add(&d, &h, sizeof(h));
		add(&d, hop2, sizeof(hop2));
	}
	install(&d, true);
	CHECK(find() == 0);
	CHECK(info.haw == 46 && info.unit_count == 2 && info.rmrr_count == 0);
	CHECK(info.unit[0].flags == 0 && info.unit[0].scope[0].path[0][0] == 2);
	CHECK(info.unit[1].reg_base == 0xfed91000 && info.unit[1].scope[0].path_len == 2);
}

static void test_no_dmar(void)
{
	struct body d;

	body_begin(&d, 38);
	install(&d, false);
	memcpy(mem + DMAR_AT, "SSDT", 4);
	CHECK(find() == 1);
	CHECK_STR(err, "acpi: no \"DMAR\" table in the RSDT at 0x100000");
}

/* Each malformed table gives -1 and one message. */
static void expect_malformed(const struct body *d, const char *msg)
{
	install(d, false);
	CHECK(find() == -1);
	if (strcmp(err, msg))
		fprintf(stderr, "got:  %s\nwant: %s\n", err, msg);
	CHECK_STR(err, msg);
}

static void test_malformed(void)
{
	struct body d;
	u8 sc[DMAR_MAX_SCOPES + 1][8];

	body_begin(&d, 38);
	add_drhd(&d, 1, 0xfed90000, 0, NULL);
	d.b[d.n - 16 + 2] = 40;	/* length past the end */
	expect_malformed(&d, "dmar: malformed structure at offset 48: type 0, length 40 (16 bytes "
			     "left)");

	body_begin(&d, 38);
	add_drhd(&d, 1, 0xfed90000, 0, NULL);
	d.b[d.n - 16 + 2] = 12;
	expect_malformed(&d, "dmar: DRHD at offset 48 is 12 bytes, shorter than 16");

	body_begin(&d, 38);
	add_drhd(&d, 1, 0xfed90800, 0, NULL);
	expect_malformed(&d, "dmar: DRHD at offset 48 has register base 0xfed90800, not a nonzero "
			     "4 KiB aligned address");

	body_begin(&d, 38);
	add_drhd(&d, 1, 0xfed90000, 0, NULL);
	d.n += 2;		/* two stray bytes after the last structure */
	expect_malformed(&d, "dmar: malformed structure at offset 64: 2 bytes left, a structure "
			     "header needs 4");

	body_begin(&d, 38);
	scope(sc[0], 1, 0, 0, 3, 0);
	sc[0][1] = 7;		/* odd path length */
	add_drhd(&d, 1, 0xfed90000, 1, sc[0]);
	expect_malformed(&d, "dmar: malformed device scope at offset 64 of the DRHD at offset 48: "
			     "length 7 (8 bytes left)");

	body_begin(&d, 38);
	scope(sc[0], 1, 0, 0, 3, 0);
	sc[0][1] = 16;		/* past its DRHD */
	add_drhd(&d, 1, 0xfed90000, 1, sc[0]);
	expect_malformed(&d, "dmar: malformed device scope at offset 64 of the DRHD at offset 48: "
			     "length 16 (8 bytes left)");

	body_begin(&d, 38);
	for (int i = 0; i <= DMAR_MAX_SCOPES; i++)
		scope(sc[i], 1, 0, 0, (u8)i, 0);
	add_rmrr(&d, 0x1000, 0x1fff, DMAR_MAX_SCOPES + 1, sc[0]);
	expect_malformed(&d, "dmar: the RMRR at offset 48 has more than 16 device scopes");

	body_begin(&d, 38);
	add_rmrr(&d, 0x2000, 0x1fff, 0, NULL);
	expect_malformed(&d, "dmar: RMRR at offset 48 has range 0x2000-0x1fff, not a non-empty "
			     "4 KiB aligned range");

	body_begin(&d, 38);
	add_rmrr(&d, 0x2000, 0x2ffe, 0, NULL);
	expect_malformed(&d, "dmar: RMRR at offset 48 has range 0x2000-0x2ffe, not a non-empty "
			     "4 KiB aligned range");

	body_begin(&d, 38);
	for (int i = 0; i <= DMAR_MAX_UNITS; i++)
		add_drhd(&d, 0, 0xfed90000 + 0x1000 * (u64)i, 0, NULL);
	expect_malformed(&d, "dmar: more than 8 remapping units (DRHD)");

	/* A bad checksum is the table finder's error. */
	body_begin(&d, 38);
	add_drhd(&d, 1, 0xfed90000, 0, NULL);
	install(&d, false);
	mem[DMAR_AT + 50]++;
	CHECK(find() == -1);
	CHECK_STR(err, "acpi: DMAR at 0x101000 has a bad checksum");

	/* Shorter than the DMAR header, straight to the parser. */
	CHECK(acpi_dmar_parse_table(mem + DMAR_AT, 40, &info, err, sizeof(err)) == -1);
	CHECK_STR(err, "dmar: table is 40 bytes, shorter than its 48-byte header");
}

static void test_hide(void)
{
	struct body d;
	struct acpi_table t;

	body_begin(&d, 38);
	add_drhd(&d, 1, 0xfed90000, 0, NULL);
	install(&d, true);
	CHECK(find() == 0);
	acpi_dmar_hide(base, &where);
	CHECK(memcmp(mem + DMAR_AT, "XMHF", 4) == 0);
	CHECK(sums_to_zero(mem + DMAR_AT, where.length));
	CHECK(find() == 1);	/* the guest's OS finds no DMAR now */
	CHECK(acpi_find_table(base, RSDP_AT, ACPI_DMAR_HIDDEN_SIGNATURE, &t, err, sizeof(err)) == 0);
	CHECK(t.addr == DMAR_AT);
}

int main(void)
{
	mem = calloc(1, MEM_SIZE);
	base = (uintptr_t)mem;
	test_qemu_like();
	test_two_units_and_unknown();
	test_no_dmar();
	test_malformed();
	test_hide();
	free(mem);
	return CHECK_DONE();
}
