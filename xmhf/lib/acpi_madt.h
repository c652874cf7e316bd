/* Finding the CPUs through ACPI: RSDP (ACPI 6.x 5.2.5), RSDT/XSDT (5.2.7,
 * 5.2.8) and the MADT (5.2.12). Physical address A is read at phys_base + A. */
#ifndef XMHF_LIB_ACPI_MADT_H
#define XMHF_LIB_ACPI_MADT_H
#include "types.h"
#include "acpi/tables.h"
#include "max_cpus.h"

#define MADT_MAX_CPUS MAX_CPUS

struct madt_cpus {
	u32 count;
	u32 apic_id[MADT_MAX_CPUS];	/* enabled CPUs, in MADT order, no duplicates */
	u64 lapic_addr;			/* local APIC base, after any type 5 override */
};

/* Looks for the RSDP on 16-byte boundaries in the first KiB of the EBDA and
 * then in 0xE0000-0xFFFFF (5.2.5.1). ebda_phys is the EBDA's physical address
 * (the segment in the BDA word at 0x40E, shifted left by 4); 0 skips it. A
 * candidate needs the signature and a valid checksum, and for revision >= 2
 * a valid extended checksum. Returns 0 with *rsdp_addr set, or -1. */
int acpi_find_rsdp(uintptr_t phys_base, u32 ebda_phys, u64 *rsdp_addr);

/* A table found through the root table. */
struct acpi_table {
	u64 addr;		/* the table's header */
	u32 length;		/* from its header, >= 36 */
	u64 root;		/* the RSDT or XSDT that lists it */
	bool root_is_xsdt;
	u64 entry_at;		/* address of the root-table entry pointing to it */
};

/* Finds the first table with signature sig (4 characters) listed in the root
 * table reached from the RSDP at rsdp_addr (the XSDT if the RSDP revision is
 * >= 2 and its XSDT address is nonzero, else the RSDT). The RSDP, root table
 * and found table must have valid checksums and lengths. Returns 0, 1 if
 * the root table lists no such table, or -1 for a bad RSDP, root table or
 * table; err gets one message for 1 and -1. Shared by the MADT and DMAR parsers. */
int acpi_find_table(uintptr_t phys_base, u64 rsdp_addr, const char *sig, struct acpi_table *t,
		    char *err, size_t errlen);

/* Lists the enabled processors in the MADT reached from the RSDP at
 * rsdp_addr: through the XSDT if the RSDP revision is >= 2 and its XSDT
 * address is nonzero, else through the RSDT. Checksums of the RSDP, the root
 * table and the MADT are checked. A CPU counts if its Processor Local APIC
 * (type 0) or Processor Local x2APIC (type 9) entry has the Enabled flag;
 * online-capable but disabled CPUs are left out. Returns 0, or -1 with one
 * message in err. */
int acpi_madt_cpus(uintptr_t phys_base, u64 rsdp_addr, struct madt_cpus *out, char *err,
		   size_t errlen);

#endif
