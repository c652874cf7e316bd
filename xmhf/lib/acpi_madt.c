/* RSDP search and MADT walk (ACPI 6.x 5.2). Tables may sit at any byte
 * alignment, so fields are read with memcpy. */
#include <string.h>
#include "acpi_madt.h"
#include "format.h"

#define RSDP_MAX_LEN 4096	/* sanity bound on the v2 length field (36 today) */

static const void *phys(uintptr_t phys_base, u64 addr)
{
	return (const void *)(phys_base + (uintptr_t)addr);
}

/* 5.2.5.3, 5.2.6: a structure is valid when all its bytes sum to 0 (mod 256). */
static bool checksum_ok(uintptr_t phys_base, u64 addr, u32 len)
{
	const u8 *p = phys(phys_base, addr);
	u8 sum = 0;

	for (u32 i = 0; i < len; i++)
		sum = (u8)(sum + p[i]);
	return sum == 0;
}

static bool rsdp_valid(uintptr_t phys_base, u64 addr)
{
	struct acpi_rsdp r;

	memcpy(&r, phys(phys_base, addr), ACPI_RSDP_V1_LEN);
	if (memcmp(r.signature, ACPI_RSDP_SIGNATURE, sizeof(r.signature)) ||
	    !checksum_ok(phys_base, addr, ACPI_RSDP_V1_LEN))
		return false;
	if (r.revision < 2)
		return true;
	memcpy(&r, phys(phys_base, addr), sizeof(r));
	return r.length >= sizeof(r) && r.length <= RSDP_MAX_LEN && checksum_ok(phys_base, addr, r.length);
}

/* Candidates start in [start, end); the last ones may extend a little past end. */
static int scan(uintptr_t phys_base, u64 start, u64 end, u64 *rsdp_addr)
{
	for (u64 a = start; a < end; a += ACPI_RSDP_ALIGN) {
		if (rsdp_valid(phys_base, a)) {
			*rsdp_addr = a;
			return 0;
		}
	}
	return -1;
}

int acpi_find_rsdp(uintptr_t phys_base, u32 ebda_phys, u64 *rsdp_addr)
{
	if (ebda_phys && scan(phys_base, ALIGN_UP(ebda_phys, ACPI_RSDP_ALIGN),
			      (u64)ebda_phys + ACPI_EBDA_SCAN_LEN, rsdp_addr) == 0)
		return 0;
	return scan(phys_base, ACPI_BIOS_ROM_START, ACPI_BIOS_ROM_END, rsdp_addr);
}

/* Reads the SDT header at addr and checks signature, length and checksum. */
static int read_table(uintptr_t phys_base, u64 addr, const char *sig, struct acpi_sdt_header *h,
		      char *err, size_t errlen)
{
	memcpy(h, phys(phys_base, addr), sizeof(*h));
	if (memcmp(h->signature, sig, 4)) {
		xsnprintf(err, errlen, "acpi: table at 0x%llx has signature \"%.4s\", expected "
			  "\"%s\"", (unsigned long long)addr, h->signature, sig);
		return -1;
	}
	if (h->length < sizeof(*h) || !checksum_ok(phys_base, addr, h->length)) {
		xsnprintf(err, errlen, "acpi: %s at 0x%llx has a bad %s", sig,
			  (unsigned long long)addr, h->length < sizeof(*h) ? "length" : "checksum");
		return -1;
	}
	return 0;
}

/* The first table with signature sig listed in the RSDT (4-byte entries) or
 * XSDT (8-byte entries) at root; *entry_at gets where its pointer sits. */
static int find_in_root(uintptr_t phys_base, u64 root, bool xsdt, const char *sig, u64 *table,
			u64 *entry_at, char *err, size_t errlen)
{
	const char *rsig = xsdt ? ACPI_XSDT_SIGNATURE : ACPI_RSDT_SIGNATURE;
	u32 esize = xsdt ? 8 : 4;
	struct acpi_sdt_header h;

	if (read_table(phys_base, root, rsig, &h, err, errlen))
		return -1;
	for (u32 off = sizeof(h); off + esize <= h.length; off += esize) {
		u64 entry = 0;
		char esig[4];

		memcpy(&entry, phys(phys_base, root + off), esize);	/* little endian */
		if (entry == 0)
			continue;
		memcpy(esig, phys(phys_base, entry), sizeof(esig));
		if (memcmp(esig, sig, 4) == 0) {
			*table = entry;
			*entry_at = root + off;
			return 0;
		}
	}
	xsnprintf(err, errlen, "acpi: no \"%s\" table in the %s at 0x%llx", sig, rsig,
		  (unsigned long long)root);
	return 1;
}

int acpi_find_table(uintptr_t phys_base, u64 rsdp_addr, const char *sig, struct acpi_table *t,
		    char *err, size_t errlen)
{
	struct acpi_rsdp r;
	struct acpi_sdt_header h;
	bool xsdt;
	int rc;

	memset(t, 0, sizeof(*t));
	if (!rsdp_valid(phys_base, rsdp_addr)) {
		xsnprintf(err, errlen, "acpi: no valid RSDP at 0x%llx",
			  (unsigned long long)rsdp_addr);
		return -1;
	}
	memcpy(&r, phys(phys_base, rsdp_addr), ACPI_RSDP_V1_LEN);
	if (r.revision >= 2)
		memcpy(&r, phys(phys_base, rsdp_addr), sizeof(r));
	xsdt = r.revision >= 2 && r.xsdt_address != 0;
	t->root = xsdt ? r.xsdt_address : r.rsdt_address;
	t->root_is_xsdt = xsdt;
	rc = find_in_root(phys_base, t->root, xsdt, sig, &t->addr, &t->entry_at, err, errlen);
	if (rc)
		return rc;
	if (read_table(phys_base, t->addr, sig, &h, err, errlen))
		return -1;
	t->length = h.length;
	return 0;
}

static void add_cpu(struct madt_cpus *out, u32 id, bool *overflow)
{
	for (u32 i = 0; i < out->count; i++)
		if (out->apic_id[i] == id)
			return;
	if (out->count == MADT_MAX_CPUS)
		*overflow = true;
	else
		out->apic_id[out->count++] = id;
}

/* Walks the interrupt controller structures after the 44-byte MADT header. */
static int walk_madt(uintptr_t phys_base, u64 madt, struct madt_cpus *out, char *err,
		     size_t errlen)
{
	struct acpi_madt m;
	bool overflow = false;

	memcpy(&m, phys(phys_base, madt), sizeof(m));
	out->lapic_addr = m.local_apic_address;
	for (u32 off = sizeof(m); off < m.hdr.length;) {
		struct acpi_madt_x2apic e;	/* large enough for every type we read */
		u32 room = m.hdr.length - off;

		memcpy(&e, phys(phys_base, madt + off), room < sizeof(e) ? room : sizeof(e));
		if (room < sizeof(e.h) || e.h.length < sizeof(e.h) || e.h.length > room ||
		    (e.h.type == ACPI_MADT_LOCAL_APIC &&
		     e.h.length < sizeof(struct acpi_madt_local_apic)) ||
		    (e.h.type == ACPI_MADT_LOCAL_APIC_OVERRIDE &&
		     e.h.length < sizeof(struct acpi_madt_lapic_override)) ||
		    (e.h.type == ACPI_MADT_LOCAL_X2APIC && e.h.length < sizeof(e))) {
			xsnprintf(err, errlen, "acpi: malformed MADT entry at offset %u of the "
				  "MADT at 0x%llx", off, (unsigned long long)madt);
			return -1;
		}
		if (e.h.type == ACPI_MADT_LOCAL_APIC) {
			struct acpi_madt_local_apic l;

			memcpy(&l, &e, sizeof(l));
			if (l.flags & ACPI_MADT_ENABLED)
				add_cpu(out, l.apic_id, &overflow);
		} else if (e.h.type == ACPI_MADT_LOCAL_APIC_OVERRIDE) {
			struct acpi_madt_lapic_override o;

			memcpy(&o, &e, sizeof(o));
			out->lapic_addr = o.local_apic_address;
		} else if (e.h.type == ACPI_MADT_LOCAL_X2APIC && (e.flags & ACPI_MADT_ENABLED)) {
			add_cpu(out, e.x2apic_id, &overflow);
		}
		off += e.h.length;
	}
	if (overflow) {
		xsnprintf(err, errlen, "acpi: the MADT lists more than %u enabled CPUs",
			  MADT_MAX_CPUS);
		return -1;
	}
	return 0;
}

int acpi_madt_cpus(uintptr_t phys_base, u64 rsdp_addr, struct madt_cpus *out, char *err,
		   size_t errlen)
{
	struct acpi_table t;

	memset(out, 0, sizeof(*out));
	if (acpi_find_table(phys_base, rsdp_addr, ACPI_MADT_SIGNATURE, &t, err, errlen) != 0)
		return -1;
	if (t.length < sizeof(struct acpi_madt)) {
		xsnprintf(err, errlen, "acpi: MADT at 0x%llx is %u bytes, shorter than its "
			  "44-byte header", (unsigned long long)t.addr, t.length);
		return -1;
	}
	return walk_madt(phys_base, t.addr, out, err, errlen);
}
