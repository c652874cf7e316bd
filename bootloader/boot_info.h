/* The loader's hand-off to the runtime: a plain description of the machine. */
#ifndef BOOTLOADER_BOOT_INFO_H
#define BOOTLOADER_BOOT_INFO_H
#include "types.h"
#include "boot/e820.h"
#include "cmdline.h"
#include "acpi_madt.h"

struct boot_info {
	char cmdline[256];
	struct hv_options opts;
	bool opts_error;		/* cmdline had a malformed option (already reported) */
	struct e820_map e820;		/* firmware map, sanitized */
	u64 hv_phys_base;		/* hypervisor image after relocation */
	u64 hv_size;			/* bytes reserved at hv_phys_base (2 MiB multiple):
					 * image, then the per-CPU area (hv_layout.h) */
	bool madt_ok;			/* madt holds the MADT's CPU list */
	char madt_err[160];		/* why not, if !madt_ok */
	struct madt_cpus madt;
	const void *host_page_tables;	/* the runtime's page tables (never change after boot) */
	u64 host_page_tables_size;	/* bytes */
	u32 mod_count;
	bool guest_mbr_valid;		/* module 1 present and at least 512 bytes */
	u8 guest_mbr[512];		/* module 1: the guest boot sector */
};

extern struct boot_info boot_info;

#endif
