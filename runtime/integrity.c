/* Fingerprints of the hypervisor state no guest action may change (see
 * integrity.h); docs/security.md lists what protects each region. */
#include "integrity.h"
#include "idt.h"
#include "ept.h"
#include "vtd.h"
#include "vmcs.h"
#include "vmx_insn.h"
#include "int15_hook.h"
#include "vmx_start.h"
#include "checksum.h"
#include "boot_info.h"
#include "serial.h"
#include "spinlock.h"
#include "arch/vmcs_fields.h"
#include "arch/cr.h"

extern const char _text_start[], _rodata_end[];

enum { R_CODE, R_PAGE_TABLES, R_GDT, R_IDT, R_MSR_BITMAP, R_IO_BITMAPS, R_EPT, R_GUEST_E820, R_VTD, R_COUNT };

static const char *const names[R_COUNT] = {
	"code+rodata", "page tables", "GDT+TSS descriptors", "IDT", "MSR bitmap", "I/O bitmaps", "EPT tables",
	"guest E820", "VT-d tables",
};
static struct mem_region regions[R_COUNT];
static u64 boot_fp[R_COUNT];
static spinlock_t ept_fp_lock;

#define FIELD_ENCODING(name, enc) enc,
static const u32 all_fields[] = { VMCS_FIELD_TABLE(FIELD_ENCODING) };

/* Controls that never change after vmcs_setup() (the primary processor-based
 * controls and the entry controls do: NMI window, IA-32e mode guest). */
static bool fixed_field(u32 f)
{
	return VMCS_ENC_TYPE(f) == VMCS_TYPE_HOST || f == VMCS_PIN_BASED_CTLS ||
	       f == VMCS_PROC_BASED_CTLS2 || f == VMCS_EXIT_CTLS || f == VMCS_EPT_POINTER ||
	       f == VMCS_MSR_BITMAP || f == VMCS_IO_BITMAP_A || f == VMCS_IO_BITMAP_B ||
	       f == VMCS_VPID || f == VMCS_CR0_GUEST_HOST_MASK || f == VMCS_CR4_GUEST_HOST_MASK;
}

static u64 vmcs_fingerprint(void)
{
	u64 fp = FNV1A64_INIT, v;

	for (unsigned i = 0; i < ARRAY_SIZE(all_fields); i++)
		if (fixed_field(all_fields[i]) && vmread_safe(all_fields[i], &v))
			fp = fnv1a64_more(fp, &v, sizeof(v));
	return fp;
}

/* Page-table entries without the accessed and dirty flags, which the CPU
 * sets as it walks them (SDM 4.8). */
static u64 page_table_fingerprint(const struct mem_region *m)
{
	const u64 *e = m->p;
	u64 fp = FNV1A64_INIT;

	for (u64 i = 0; i < m->len / sizeof(u64); i++) {
		u64 v = e[i] & ~(PTE_A | PTE_D);

		fp = fnv1a64_more(fp, &v, sizeof(v));
	}
	return fp;
}

static u64 region_fingerprint(unsigned r)
{
	if (r == R_PAGE_TABLES)
		return page_table_fingerprint(&regions[r]);
	return fnv1a64(regions[r].p, (size_t)regions[r].len);
}

void integrity_init(void)
{
	regions[R_CODE] = (struct mem_region){ _text_start, (u64)(_rodata_end - _text_start) };
	regions[R_PAGE_TABLES] = (struct mem_region){ boot_info.host_page_tables,
						      boot_info.host_page_tables_size };
	regions[R_GDT] = percpu_gdt();
	regions[R_IDT] = idt_region();
	regions[R_MSR_BITMAP] = vmx_msr_bitmap();
	regions[R_IO_BITMAPS] = vmx_io_bitmaps();
	regions[R_EPT] = ept_tables();
	regions[R_GUEST_E820] = (struct mem_region){ &guest_e820, sizeof(guest_e820) };
	regions[R_VTD] = vtd_tables();
	for (unsigned r = 0; r < R_COUNT; r++)
		boot_fp[r] = region_fingerprint(r);
	hv_printf("xmhf-ng: integrity fingerprints of %u regions taken (code+rodata 0x%016llx)\n",
		  R_COUNT, (unsigned long long)boot_fp[R_CODE]);
}

void integrity_init_vmcs(struct cpu *c)
{
	c->vmcs_fingerprint = vmcs_fingerprint();
}

void integrity_ept_changed(void)
{
	spin_lock(&ept_fp_lock);
	regions[R_EPT] = ept_tables();
	boot_fp[R_EPT] = region_fingerprint(R_EPT);
	spin_unlock(&ept_fp_lock);
}

u32 integrity_check(struct cpu *c, u32 *checked)
{
	u32 changed = 0;

	spin_lock(&ept_fp_lock);
	for (unsigned r = 0; r < R_COUNT; r++) {
		if (region_fingerprint(r) == boot_fp[r])
			continue;
		hv_printf("CPU %u: integrity: %s CHANGED\n", c->index, names[r]);
		changed++;
	}
	spin_unlock(&ept_fp_lock);
	if (vmcs_fingerprint() != c->vmcs_fingerprint) {
		hv_printf("CPU %u: integrity: VMCS host state / fixed controls CHANGED\n", c->index);
		changed++;
	}
	*checked = R_COUNT + 1;
	return changed;
}
