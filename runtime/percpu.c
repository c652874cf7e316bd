/* Descriptor tables and per-CPU pointer. 64-bit GDT with one TSS per CPU
 * (SDM Vol. 3A 7.2.3); a TSS is needed because VM exits load host TR, which
 * must not be null (SDM 26.2.3). */
#include "arch/descriptors.h"
#include "percpu.h"
#include "arch/msr.h"
#include "cpu.h"
#include "idt.h"
#include "arch/segment.h"
#include "boot_info.h"
#include <string.h>

#define GDT_CODE64 0x08
#define GDT_DATA 0x10
#define GDT_TSS0 0x18
#define GDT_ENTRIES (3 + 2 * MAX_CPUS)	/* 1 KiB for 64 CPUs: static, unlike struct cpu */

struct cpu *cpus;
u32 cpu_slots;
u32 cpu_count = 1;

static u64 gdt[GDT_ENTRIES] __attribute__((aligned(16))) = {
	0,
	DESC_CODE64,	/* 0x08: code, L=1, DPL 0 */
	DESC_DATA32,	/* 0x10: data */
};

struct __attribute__((packed)) dt_ptr {
	u16 limit;
	u64 base;
};

struct mem_region percpu_gdt(void)
{
	return (struct mem_region){ gdt, sizeof(gdt) };
}

u64 hv_virt_to_phys(const void *va)
{
	return (u64)va - KERNEL_VMA + boot_info.hv_phys_base;
}

u16 tss_selector(u32 cpu_index)
{
	return (u16)(GDT_TSS0 + 16 * cpu_index);
}

/* 64-bit TSS descriptor, type 9 (available), SDM Vol. 3A Figure 7-4. */
static void set_tss_descriptor(u32 index, struct tss64 *tss)
{
	u64 base = (u64)tss, limit = sizeof(*tss) - 1;
	u32 slot = tss_selector(index) / 8;

	gdt[slot] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		    ((u64)(AR_P | SYS_TYPE_TSS_AVAIL) << 40) |
		    (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	gdt[slot + 1] = base >> 32;
}

void percpu_area_init(struct cpu *area, u32 slots)
{
	memset(area, 0, (size_t)slots * sizeof(*area));
	cpus = area;
	cpu_slots = slots;
}

void percpu_init(struct cpu *c)
{
	struct dt_ptr gdtr = { sizeof(gdt) - 1, (u64)gdt };

	c->self = c;
	c->guest_dfr = 0xffffffff;	/* DFR after reset: flat model (SDM 10.6.2.2) */
	c->tss.iomap_base = sizeof(c->tss);
	set_tss_descriptor(c->index, &c->tss);
	asm volatile("lgdt %0\n\t"
		     "pushq %1\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "mov %2, %%eax\n\t"
		     "mov %%eax, %%ds\n\t"
		     "mov %%eax, %%es\n\t"
		     "mov %%eax, %%ss\n\t"
		     "mov %%eax, %%fs\n\t"
		     "mov %%eax, %%gs\n\t"
		     "ltr %w3"
		     :
		     : "m"(gdtr), "i"(GDT_CODE64), "i"(GDT_DATA), "r"(tss_selector(c->index))
		     : "rax", "memory");
	wrmsr(MSR_IA32_GS_BASE, (u64)c);
	idt_load();
}
