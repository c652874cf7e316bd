/* DMAR parsing (VT-d spec chapter 8). The table may sit at any byte
 * alignment, so fields are read with memcpy. */
#include <string.h>
#include "acpi_dmar.h"
#include "format.h"

/* 8.3.1: the scopes in [off, end) of the table at t. */
static int parse_scopes(const u8 *t, u32 off, u32 end, struct dmar_scope *out, u32 *count,
			const char *parent, u32 parent_off, char *err, size_t errlen)
{
	*count = 0;
	while (off < end) {
		struct acpi_dmar_scope s;
		u32 room = end - off;
		struct dmar_scope *d;

		if (room < sizeof(s)) {
			xsnprintf(err, errlen, "dmar: malformed device scope at offset %u of the %s "
				  "at offset %u: %u bytes left, a scope needs 6", off, parent,
				  parent_off, room);
			return -1;
		}
		memcpy(&s, t + off, sizeof(s));
		if (s.length < sizeof(s) || s.length > room || (s.length - sizeof(s)) % 2) {
			xsnprintf(err, errlen, "dmar: malformed device scope at offset %u of the %s "
				  "at offset %u: length %u (%u bytes left)", off, parent,
				  parent_off, s.length, room);
			return -1;
		}
		if ((s.length - sizeof(s)) / 2 > DMAR_MAX_PATH) {
			xsnprintf(err, errlen, "dmar: device scope at offset %u has a path of %u "
				  "hops, more than %u", off, (unsigned)(s.length - sizeof(s)) / 2,
				  DMAR_MAX_PATH);
			return -1;
		}
		if (*count == DMAR_MAX_SCOPES) {
			xsnprintf(err, errlen, "dmar: the %s at offset %u has more than %u device "
				  "scopes", parent, parent_off, DMAR_MAX_SCOPES);
			return -1;
		}
		d = &out[(*count)++];
		memset(d, 0, sizeof(*d));
		d->type = s.type;
		d->enumeration_id = s.enumeration_id;
		d->start_bus = s.start_bus;
		d->path_len = (u8)((s.length - sizeof(s)) / 2);
		memcpy(d->path, t + off + sizeof(s), (size_t)d->path_len * 2);
		off += s.length;
	}
	return 0;
}

static int parse_drhd(const u8 *t, u32 off, u32 len, struct dmar_info *out, char *err,
		      size_t errlen)
{
	struct acpi_dmar_drhd d;
	struct dmar_unit *u;

	if (len < sizeof(d)) {
		xsnprintf(err, errlen, "dmar: DRHD at offset %u is %u bytes, shorter than 16",
			  off, len);
		return -1;
	}
	memcpy(&d, t + off, sizeof(d));
	if (d.register_base == 0 || (d.register_base & 0xfff)) {
		xsnprintf(err, errlen, "dmar: DRHD at offset %u has register base 0x%llx, not a "
			  "nonzero 4 KiB aligned address", off, (unsigned long long)d.register_base);
		return -1;
	}
	if (out->unit_count == DMAR_MAX_UNITS) {
		xsnprintf(err, errlen, "dmar: more than %u remapping units (DRHD)", DMAR_MAX_UNITS);
		return -1;
	}
	u = &out->unit[out->unit_count++];
	u->reg_base = d.register_base;
	u->flags = d.flags;
	u->size = d.size;
	u->segment = d.segment;
	return parse_scopes(t, off + sizeof(d), off + len, u->scope, &u->scope_count, "DRHD", off,
			    err, errlen);
}

static int parse_rmrr(const u8 *t, u32 off, u32 len, struct dmar_info *out, char *err,
		      size_t errlen)
{
	struct acpi_dmar_rmrr r;
	struct dmar_rmrr *m;

	if (len < sizeof(r)) {
		xsnprintf(err, errlen, "dmar: RMRR at offset %u is %u bytes, shorter than 24",
			  off, len);
		return -1;
	}
	memcpy(&r, t + off, sizeof(r));
	if ((r.base & 0xfff) || ((r.limit + 1) & 0xfff) || r.limit < r.base ||
	    r.limit == UINT64_MAX) {
		xsnprintf(err, errlen, "dmar: RMRR at offset %u has range 0x%llx-0x%llx, not a "
			  "non-empty 4 KiB aligned range", off, (unsigned long long)r.base,
			  (unsigned long long)r.limit);
		return -1;
	}
	if (out->rmrr_count == DMAR_MAX_RMRRS) {
		xsnprintf(err, errlen, "dmar: more than %u reserved memory regions (RMRR)",
			  DMAR_MAX_RMRRS);
		return -1;
	}
	m = &out->rmrr[out->rmrr_count++];
	m->base = r.base;
	m->limit = r.limit;
	m->segment = r.segment;
	return parse_scopes(t, off + sizeof(r), off + len, m->scope, &m->scope_count, "RMRR", off,
			    err, errlen);
}

int acpi_dmar_parse_table(const void *table, u32 len, struct dmar_info *out, char *err,
			  size_t errlen)
{
	const u8 *t = table;
	struct acpi_dmar d;

	memset(out, 0, sizeof(*out));
	if (err && errlen)
		err[0] = '\0';
	if (len < sizeof(d)) {
		xsnprintf(err, errlen, "dmar: table is %u bytes, shorter than its 48-byte header",
			  len);
		return -1;
	}
	memcpy(&d, t, sizeof(d));
	out->haw = (u8)(d.host_address_width + 1);
	out->flags = d.flags;
	for (u32 off = sizeof(d); off < len;) {
		struct acpi_dmar_entry e;
		u32 room = len - off;
		int rc = 0;

		if (room < sizeof(e)) {
			xsnprintf(err, errlen, "dmar: malformed structure at offset %u: %u bytes "
				  "left, a structure header needs 4", off, room);
			return -1;
		}
		memcpy(&e, t + off, sizeof(e));
		if (e.length < sizeof(e) || e.length > room) {
			xsnprintf(err, errlen, "dmar: malformed structure at offset %u: type %u, "
				  "length %u (%u bytes left)", off, e.type, e.length, room);
			return -1;
		}
		if (e.type == ACPI_DMAR_DRHD)
			rc = parse_drhd(t, off, e.length, out, err, errlen);
		else if (e.type == ACPI_DMAR_RMRR)
			rc = parse_rmrr(t, off, e.length, out, err, errlen);
		if (rc)
			return -1;
		off += e.length;
	}
	return 0;
}

int acpi_dmar_find(uintptr_t phys_base, u64 rsdp_addr, struct dmar_info *out,
		   struct acpi_table *where, char *err, size_t errlen)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = acpi_find_table(phys_base, rsdp_addr, ACPI_DMAR_SIGNATURE, where, err, errlen);
	if (rc)
		return rc;
	return acpi_dmar_parse_table((const void *)(phys_base + (uintptr_t)where->addr),
				     where->length, out, err, errlen);
}

void acpi_dmar_hide(uintptr_t phys_base, const struct acpi_table *where)
{
	u8 *p = (u8 *)(phys_base + (uintptr_t)where->addr);
	u8 sum = 0;

	memcpy(p, ACPI_DMAR_HIDDEN_SIGNATURE, 4);
	p[offsetof(struct acpi_sdt_header, checksum)] = 0;
	for (u32 i = 0; i < where->length; i++)
		sum = (u8)(sum + p[i]);
	p[offsetof(struct acpi_sdt_header, checksum)] = (u8)-sum;
}
