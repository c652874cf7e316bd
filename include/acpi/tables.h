/* ACPI table layouts we read (ACPI 6.x chapter 5.2). All tables are byte
 * packed and may sit at any byte alignment. */
#ifndef ACPI_TABLES_H
#define ACPI_TABLES_H
#include "types.h"

/* 5.2.5.3 Root System Description Pointer. Revision 0 (ACPI 1.0) defines the
 * first 20 bytes only; revision 2 and later add the rest. */
#define ACPI_RSDP_SIGNATURE "RSD PTR "
#define ACPI_RSDP_V1_LEN 20
struct acpi_rsdp {
	char signature[8];
	u8 checksum;		/* the first 20 bytes sum to 0 */
	char oem_id[6];
	u8 revision;
	u32 rsdt_address;
	u32 length;		/* whole structure, revision >= 2 */
	u64 xsdt_address;
	u8 extended_checksum;	/* all `length` bytes sum to 0 */
	u8 reserved[3];
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_rsdp) == 36, "RSDP v2 is 36 bytes");

/* 5.2.5.1: where the RSDP may be, on 16-byte boundaries. */
#define ACPI_EBDA_SCAN_LEN 1024
#define ACPI_BIOS_ROM_START 0xE0000u
#define ACPI_BIOS_ROM_END 0x100000u
#define ACPI_RSDP_ALIGN 16

/* 5.2.6 System Description Table header; the whole table (length bytes) sums to 0. */
struct acpi_sdt_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_sdt_header) == 36, "SDT header is 36 bytes");

/* 5.2.7 RSDT (32-bit entries) and 5.2.8 XSDT (64-bit entries) follow the header. */
#define ACPI_RSDT_SIGNATURE "RSDT"
#define ACPI_XSDT_SIGNATURE "XSDT"

/* 5.2.12 Multiple APIC Description Table. */
#define ACPI_MADT_SIGNATURE "APIC"
struct acpi_madt {
	struct acpi_sdt_header hdr;
	u32 local_apic_address;
	u32 flags;		/* bit 0: PC-AT compatible dual 8259 present */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt) == 44, "MADT header is 44 bytes");

/* 5.2.12: interrupt controller structure types. Each structure starts with
 * type and length. */
#define ACPI_MADT_LOCAL_APIC 0
#define ACPI_MADT_IO_APIC 1
#define ACPI_MADT_LOCAL_APIC_OVERRIDE 5
#define ACPI_MADT_LOCAL_X2APIC 9

struct acpi_madt_entry {
	u8 type;
	u8 length;
} __attribute__((packed));

/* 5.2.12.2: Local APIC flags (also used by the x2APIC structure). */
#define ACPI_MADT_ENABLED BIT(0)
#define ACPI_MADT_ONLINE_CAPABLE BIT(1)	/* disabled now, may be enabled at runtime */

/* 5.2.12.2 Processor Local APIC structure. */
struct acpi_madt_local_apic {
	struct acpi_madt_entry h;	/* type 0, length 8 */
	u8 processor_uid;
	u8 apic_id;
	u32 flags;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_local_apic) == 8, "local APIC entry is 8 bytes");

/* 5.2.12.3 I/O APIC structure. */
struct acpi_madt_io_apic {
	struct acpi_madt_entry h;	/* type 1, length 12 */
	u8 io_apic_id;
	u8 reserved;
	u32 io_apic_address;
	u32 gsi_base;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_io_apic) == 12, "I/O APIC entry is 12 bytes");

/* 5.2.12.8 Local APIC Address Override structure: 64-bit LAPIC base. */
struct acpi_madt_lapic_override {
	struct acpi_madt_entry h;	/* type 5, length 12 */
	u16 reserved;
	u64 local_apic_address;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_lapic_override) == 12, "LAPIC override is 12 bytes");

/* 5.2.12.12 Processor Local x2APIC structure. */
struct acpi_madt_x2apic {
	struct acpi_madt_entry h;	/* type 9, length 16 */
	u16 reserved;
	u32 x2apic_id;
	u32 flags;			/* as Local APIC flags */
	u32 processor_uid;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_x2apic) == 16, "x2APIC entry is 16 bytes");

#endif
