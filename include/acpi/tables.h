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

/* DMA Remapping Reporting table (Intel VT-d specification, "Intel
 * Virtualization Technology for Directed I/O, Architecture Specification",
 * rev 3.x/4.x, chapter 8). All structures are byte packed. */
#define ACPI_DMAR_SIGNATURE "DMAR"
/* 8.1: the DMAR header after the SDT header. */
struct acpi_dmar {
	struct acpi_sdt_header hdr;
	u8 host_address_width;	/* N: the platform's DMA address width is N + 1 bits */
	u8 flags;		/* bit 0 INTR_REMAP, 1 X2APIC_OPT_OUT, 2 DMA_CTRL_PLATFORM_OPT_IN */
	u8 reserved[10];
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar) == 48, "DMAR header is 48 bytes");

/* 8.2: every remapping structure starts with type and length (both 16-bit). */
#define ACPI_DMAR_DRHD 0	/* 8.3 DMA Remapping Hardware Unit Definition */
#define ACPI_DMAR_RMRR 1	/* 8.4 Reserved Memory Region Reporting */
#define ACPI_DMAR_ATSR 2	/* 8.5 Root Port ATS Capability Reporting */
#define ACPI_DMAR_RHSA 3	/* 8.6 Remapping Hardware Static Affinity */
#define ACPI_DMAR_ANDD 4	/* 8.7 ACPI Name-space Device Declaration */
#define ACPI_DMAR_SATC 5	/* 8.8 SoC Integrated Address Translation Cache */
struct acpi_dmar_entry {
	u16 type;
	u16 length;
} __attribute__((packed));

/* 8.3: one remapping unit; device scopes follow. */
#define ACPI_DRHD_INCLUDE_PCI_ALL BIT(0)	/* every PCI device of the segment not
						 * in another unit's scope */
struct acpi_dmar_drhd {
	struct acpi_dmar_entry h;	/* type 0, length 16 + scopes */
	u8 flags;
	u8 size;			/* rev 3+: register set is 2^size 4 KiB pages; 0 = 1 page */
	u16 segment;
	u64 register_base;		/* 4 KiB aligned */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_drhd) == 16, "DRHD is 16 bytes before its scopes");

/* 8.4: memory a device may DMA to before and after the OS starts (USB
 * legacy, integrated graphics); device scopes follow. */
struct acpi_dmar_rmrr {
	struct acpi_dmar_entry h;	/* type 1, length 24 + scopes */
	u16 reserved;
	u16 segment;
	u64 base;			/* 4 KiB aligned */
	u64 limit;			/* last byte: limit + 1 is 4 KiB aligned */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_rmrr) == 24, "RMRR is 24 bytes before its scopes");

/* 8.3.1 Device Scope: start bus, then (device, function) path entries. */
#define ACPI_DMAR_SCOPE_PCI_ENDPOINT 1
#define ACPI_DMAR_SCOPE_PCI_BRIDGE 2	/* the bridge and everything below it */
#define ACPI_DMAR_SCOPE_IOAPIC 3
#define ACPI_DMAR_SCOPE_HPET 4
#define ACPI_DMAR_SCOPE_ACPI_NAMESPACE 5
struct acpi_dmar_scope {
	u8 type;
	u8 length;			/* 6 + 2 * path entries */
	u16 reserved;
	u8 enumeration_id;		/* I/O APIC / HPET id, ACPI device number */
	u8 start_bus;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_dmar_scope) == 6, "device scope is 6 bytes before its path");

#endif
