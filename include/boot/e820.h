/* BIOS INT 15h, AX=E820h address range descriptors (ACPI 6.x 15.1, "INT 15H,
 * E820H - Query System Address Map"): the 20-byte layout the BIOS returns. */
#ifndef BOOT_E820_H
#define BOOT_E820_H
#include "types.h"

/* Address range types (ACPI 6.x 15.1); other values: treat as reserved. */
#define E820_RAM 1		/* AddressRangeMemory: usable by the OS */
#define E820_RESERVED 2		/* AddressRangeReserved */
#define E820_ACPI 3		/* AddressRangeACPI: reclaimable after reading the tables */
#define E820_NVS 4		/* AddressRangeNVS: must be preserved across sleep */
#define E820_UNUSABLE 5		/* AddressRangeUnusable: detected errors */

struct e820_entry {
	u64 addr;
	u64 len;
	u32 type;
} __attribute__((packed));
_Static_assert(sizeof(struct e820_entry) == 20, "E820 descriptor is 20 bytes");

#define E820_MAX 128

/* A fixed-capacity map; e[0..count) are valid. */
struct e820_map {
	u32 count;
	struct e820_entry e[E820_MAX];
};

#endif
