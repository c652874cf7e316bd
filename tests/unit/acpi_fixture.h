/* Synthetic ACPI tables for the parser tests (ACPI 6.x 5.2.5 RSDP, 5.2.6
 * SDT header) in a buffer `mem` that stands for physical memory; the test
 * defines `static u8 *mem;` before including this. */
#ifndef TESTS_ACPI_FIXTURE_H
#define TESTS_ACPI_FIXTURE_H
#include <stddef.h>
#include <string.h>
#include "acpi/tables.h"

/* Makes len bytes at p sum to 0 by adjusting the byte at p[at]. */
static void fix_checksum(u8 *p, size_t len, size_t at)
{
	u8 sum = 0;

	p[at] = 0;
	for (size_t i = 0; i < len; i++)
		sum = (u8)(sum + p[i]);
	p[at] = (u8)-sum;
}

static void put_rsdp(u32 at, u8 revision, u32 rsdt, u64 xsdt)
{
	struct acpi_rsdp r;

	memset(&r, 0, sizeof(r));
	memcpy(r.signature, "RSD PTR ", 8);
	memcpy(r.oem_id, "XMHFNG", 6);
	r.revision = revision;
	r.rsdt_address = rsdt;
	r.length = sizeof(r);
	r.xsdt_address = xsdt;
	memcpy(mem + at, &r, revision >= 2 ? sizeof(r) : ACPI_RSDP_V1_LEN);
	fix_checksum(mem + at, ACPI_RSDP_V1_LEN, offsetof(struct acpi_rsdp, checksum));
	if (revision >= 2)
		fix_checksum(mem + at, sizeof(r), offsetof(struct acpi_rsdp, extended_checksum));
}

/* An SDT header at `at` followed by body; returns the address after it. */
static u32 put_table(u32 at, const char *sig, const void *body, u32 body_len)
{
	struct acpi_sdt_header h;

	memset(&h, 0, sizeof(h));
	memcpy(h.signature, sig, 4);
	h.length = (u32)sizeof(h) + body_len;
	h.revision = 1;
	memcpy(mem + at, &h, sizeof(h));
	memcpy(mem + at + sizeof(h), body, body_len);
	fix_checksum(mem + at, h.length, offsetof(struct acpi_sdt_header, checksum));
	return at + h.length;
}

#endif
