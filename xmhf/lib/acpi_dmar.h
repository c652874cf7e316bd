/* The ACPI DMA Remapping Reporting table (Intel VT-d specification rev 3.x/4.x,
 * chapter 8): remapping units (DRHD) and reserved memory regions (RMRR).
 * Physical address A is read at phys_base + A (as acpi_madt.h). */
#ifndef XMHF_LIB_ACPI_DMAR_H
#define XMHF_LIB_ACPI_DMAR_H
#include "types.h"
#include "acpi/tables.h"
#include "acpi_madt.h"

#define DMAR_MAX_UNITS 8
#define DMAR_MAX_RMRRS 16
#define DMAR_MAX_SCOPES 16	/* per unit or RMRR */
#define DMAR_MAX_PATH 8		/* (device, function) hops per scope */

/* 8.3.1: a device (or bridge, I/O APIC, HPET) reached from start_bus through
 * path[0..path_len). */
struct dmar_scope {
	u8 type;		/* ACPI_DMAR_SCOPE_* */
	u8 enumeration_id;
	u8 start_bus;
	u8 path_len;
	u8 path[DMAR_MAX_PATH][2];	/* device, function */
};

struct dmar_unit {		/* 8.3 DRHD */
	u64 reg_base;
	u8 flags;		/* ACPI_DRHD_INCLUDE_PCI_ALL */
	u8 size;		/* register set: 2^size pages */
	u16 segment;
	u32 scope_count;
	struct dmar_scope scope[DMAR_MAX_SCOPES];
};

struct dmar_rmrr {		/* 8.4 RMRR: [base, limit] inclusive */
	u64 base;
	u64 limit;
	u16 segment;
	u32 scope_count;
	struct dmar_scope scope[DMAR_MAX_SCOPES];
};

struct dmar_info {
	u8 haw;			/* host address width in bits (the field + 1) */
	u8 flags;
	u32 unit_count;
	struct dmar_unit unit[DMAR_MAX_UNITS];
	u32 rmrr_count;
	struct dmar_rmrr rmrr[DMAR_MAX_RMRRS];
};

/* Parses the len bytes of a DMAR table at t (signature and checksum are the
 * caller's: acpi_find_table checked them). Every structure and device scope
 * must lie inside its parent with a length no smaller than its fixed part;
 * DRHD register bases and RMRR ranges must be 4 KiB aligned, RMRRs non-empty;
 * at most DMAR_MAX_* of each. Unknown structure types are skipped. Returns 0,
 * or -1 with one message naming the offset in err. */
int acpi_dmar_parse_table(const void *t, u32 len, struct dmar_info *out, char *err,
			  size_t errlen);

/* Finds the DMAR through the RSDP at rsdp_addr and parses it; *where gets
 * its location (for acpi_dmar_hide). Returns 0, 1 if there is no DMAR table
 * (err says so), or -1 for a malformed one. */
int acpi_dmar_find(uintptr_t phys_base, u64 rsdp_addr, struct dmar_info *out,
		   struct acpi_table *where, char *err, size_t errlen);

/* Hides the table from the guest's OS: its signature becomes "XMHF" and its
 * checksum is fixed, so the table stays valid ACPI but no OS looks for it. */
#define ACPI_DMAR_HIDDEN_SIGNATURE "XMHF"
void acpi_dmar_hide(uintptr_t phys_base, const struct acpi_table *where);

#endif
