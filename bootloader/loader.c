/* 64-bit loader: check and parse the multiboot info, copy what the runtime
 * needs out of GRUB's memory, list the CPUs from the MADT, reserve a range at
 * the top of RAM below 4 GiB for the image and one per-CPU slot per CPU, move
 * the image there and hand over to the runtime. Runs at KERNEL_VMA, still at
 * LOAD_PHYS physically. */
#include "types.h"
#include "layout.h"
#include "boot_info.h"
#include "delay.h"
#include <string.h>
#include "multiboot_info.h"
#include "e820.h"
#include "pagetable.h"
#include "phys_limit.h"
#include "arch/cr.h"
#include "serial.h"
#include "acpi_madt.h"
#include "hv_layout.h"
#include "format.h"
#include "percpu.h"
#include "boot/bda.h"

struct boot_info boot_info;

extern char _image_end[];
void relocate_image(u64 dst, u64 src, u64 len, u64 cr3);
__attribute__((noreturn)) void runtime_main(void);
void loader_main(u32 magic, u32 info);

#define PT_POOL_PAGES 80	/* PML4, 2 PDPTs, up to 64 PDs, the high PD */
#define FOUR_GIB (4ULL << 30)

static struct mb_result mb;
static u64 pt_pool[PT_POOL_PAGES][512] __attribute__((aligned(4096)));
static unsigned pt_used;
static u64 new_phys_base;

/* Physical address a link-time virtual address will have after relocation. */
static u64 phys_after(const void *va)
{
	return (u64)va - KERNEL_VMA + new_phys_base;
}

static u64 *pool_alloc(void *arg, u64 *phys)
{
	(void)arg;
	if (pt_used == PT_POOL_PAGES)
		hv_panic("loader: page-table pool exhausted\n");
	*phys = phys_after(pt_pool[pt_used]);
	return pt_pool[pt_used++];
}

static u64 pool_to_virt(void *arg, u64 phys)
{
	(void)arg;
	return phys - new_phys_base + KERNEL_VMA;
}

static void copy_guest_boot_sector(void)
{
	boot_info.mod_count = mb.mod_count;
	if (mb.mod_count == 0) {
		hv_printf("xmhf-ng: no guest boot-sector module: add `module --nounzip (hd0)+1` "
			  "after the multiboot line\n");
		return;
	}
	if (mb.mods[0].end - mb.mods[0].start < 512) {
		hv_printf("xmhf-ng: module 1 is %u bytes, too short for a boot sector\n",
			  mb.mods[0].end - mb.mods[0].start);
		return;
	}
	memcpy(boot_info.guest_mbr, (const void *)(u64)mb.mods[0].start, 512);
	boot_info.guest_mbr_valid = true;
}

static void parse_options(void)
{
	char err[192];

	memcpy(boot_info.cmdline, mb.cmdline, sizeof(boot_info.cmdline));
	hv_options_default(&boot_info.opts);
	if (hv_options_parse(boot_info.cmdline, &boot_info.opts, err, sizeof(err))) {
		hv_printf("xmhf-ng: %s; using the defaults for it\n", err);
		boot_info.opts_error = true;
	}
	serial_init(&boot_info.opts);
}

/* Highest 2 MiB aligned RAM range of size bytes below 4 GiB that does not
 * overlap our image (image bytes at LOAD_PHYS) now. */
static u64 choose_phys_base(u64 image, u64 size)
{
	static struct e820_map search;
	u64 base;

	search = boot_info.e820;
	e820_reserve(&search, LOAD_PHYS, image);
	base = e820_find_top(&search, FOUR_GIB, size, LARGE_PAGE_SIZE);
	if (!base)
		hv_panic("loader: no %llu MiB of RAM below 4 GiB for the hypervisor\n",
			 (unsigned long long)(size >> 20));
	return base;
}

static u64 build_runtime_page_tables(u64 size)
{
	struct pt_ctx ctx = {
		.alloc = pool_alloc,
		.to_virt = pool_to_virt,
		.table_flags = PTE_P | PTE_W,
		.large_flag = PTE_PS,
	};
	u64 pml4_phys;
	u64 *pml4 = pool_alloc(NULL, &pml4_phys);
	bool clamped;

	/* Identity map as much as EPT gives the guest: the hypervisor reads guest
	 * page tables and memory anywhere in it (runtime/apic_guard.c). */
	if (pt_map(&ctx, pml4, 0, 0, phys_limit(&boot_info.e820, &clamped), PTE_P | PTE_W) ||
	    pt_map(&ctx, pml4, KERNEL_VMA, new_phys_base, size, PTE_P | PTE_W))
		hv_panic("loader: cannot build the runtime page tables\n");
	return pml4_phys;
}

/* CPU list from the MADT (ACPI 6.x 5.2.12), before the image moves: it sizes
 * the per-CPU area. The tables are read through entry32.S's identity map of
 * 0-4 GiB (the RSDT holds 32-bit addresses; an XSDT entry above 4 GiB would
 * fault here). The runtime reports the result. */
static void find_cpus(void)
{
	u64 rsdp;
	u32 ebda = bda_ebda_phys();

	if (acpi_find_rsdp(0, ebda, &rsdp)) {
		xsnprintf(boot_info.madt_err, sizeof(boot_info.madt_err), "no ACPI RSDP found");
		return;
	}
	boot_info.madt_ok = !acpi_madt_cpus(0, rsdp, &boot_info.madt, boot_info.madt_err,
					    sizeof(boot_info.madt_err));
}

void loader_main(u32 magic, u32 info)
{
	char err[192];
	u64 image = (u64)_image_end - KERNEL_VMA, cr3;
	struct hv_layout layout;

	delay_calibrate();	/* BSP, before any guest code: the only PIT use */
	hv_options_default(&boot_info.opts);
	serial_init(&boot_info.opts);
	if (mb_parse(0, magic, info, &mb, err, sizeof(err)))
		hv_panic("%s\n", err);
	parse_options();
	boot_info.e820 = mb.map;
	e820_sanitize(&boot_info.e820);
	copy_guest_boot_sector();

	find_cpus();
	if (hv_layout(image, hv_cpu_slots(boot_info.madt_ok, boot_info.madt.count),
		      sizeof(struct cpu), _Alignof(struct cpu), &layout, err, sizeof(err)))
		hv_panic("loader: %s\n", err);

	new_phys_base = choose_phys_base(image, layout.size);
	cr3 = build_runtime_page_tables(layout.size);
	boot_info.host_page_tables = pt_pool;
	boot_info.host_page_tables_size = (u64)pt_used * sizeof(pt_pool[0]);
	boot_info.hv_phys_base = new_phys_base;
	boot_info.hv_size = layout.size;
	relocate_image(new_phys_base, LOAD_PHYS, image, cr3);
	/* Now KERNEL_VMA maps the whole reserved range, per-CPU area included. */
	percpu_area_init((struct cpu *)(KERNEL_VMA + layout.percpu_offset), layout.cpu_slots);
	runtime_main();
}
