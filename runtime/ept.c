/* Guest memory isolation with EPT (SDM 28.2): an identity map of the guest's
 * physical space in which the hypervisor's own range does not exist. */
#include "ept.h"
#include "ept_memtype.h"
#include "phys_limit.h"
#include "pagetable.h"
#include "e820.h"
#include "percpu.h"
#include "serial.h"
#include "cpu.h"
#include "arch/vmx_controls.h"
#include "spinlock.h"
#include "vmcs.h"
#include "vmx_insn.h"
#include "integrity.h"

#define EPT_POOL_PAGES 160
#define EPT_POOL_RESERVE 8	/* pages kept for guard pages (ept_guard.c) and MTRR splits */

static u64 ept_pool[EPT_POOL_PAGES][512] __attribute__((aligned(4096)));
static unsigned ept_used;
static u64 eptp, mapped_limit, hv_lo, hv_hi, apic_gpa;
static u64 *ept_pml4;
static spinlock_t ept_lock;	/* table changes after boot, from any CPU */
u64 ept_pml4_phys;

struct mem_region ept_tables(void)
{
	return (struct mem_region){ ept_pool, (u64)ept_used * sizeof(ept_pool[0]) };
}

void ept_pool_usage(unsigned *used, unsigned *total)
{
	*used = ept_used;
	*total = EPT_POOL_PAGES;
}

static u64 *ept_alloc(void *arg, u64 *phys)
{
	(void)arg;
	if (ept_used == EPT_POOL_PAGES)
		hv_panic("EPT: table pool of %u pages exhausted\n", EPT_POOL_PAGES);
	*phys = hv_virt_to_phys(ept_pool[ept_used]);
	return ept_pool[ept_used++];
}

static u64 ept_to_virt(void *arg, u64 phys)
{
	(void)arg;
	return phys - hv_virt_to_phys(ept_pool[0]) + (u64)ept_pool[0];
}

u64 ept_limit(const struct e820_map *m)
{
	bool clamped;
	u64 limit = phys_limit(m, &clamped);

	if (clamped)
		hv_printf("EPT: RAM above %llu GiB is not given to the guest\n",
			  (unsigned long long)(limit >> 30));
	return limit;
}

static struct pt_ctx ept_ctx = {
	.alloc = ept_alloc,
	.to_virt = ept_to_virt,
	.table_flags = EPT_RWX,
	.large_flag = EPT_LARGE_PAGE,
};

static void map_range(struct pt_ctx *ctx, u64 *pml4, u64 base, u64 len, int type)
{
	if (pt_map(ctx, pml4, base, base, len, EPT_RWX | ((u64)type << EPT_MEMTYPE_SHIFT)))
		hv_panic("EPT: cannot map 0x%llx+0x%llx\n", (unsigned long long)base,
			 (unsigned long long)len);
}

u64 ept_build(const struct e820_map *m, u64 limit, u64 hv_base, u64 hv_size, u64 apic_page)
{
	struct pt_ctx *ctx = &ept_ctx;
	u64 *pml4 = ept_alloc(NULL, &ept_pml4_phys);

	ept_pml4 = pml4;
	mapped_limit = limit;
	hv_lo = hv_base;
	hv_hi = hv_base + hv_size;
	apic_gpa = apic_page;

	for (u64 base = 0; base < limit; base += LARGE_PAGE_SIZE) {
		int type = ept_range_memtype(m, base, LARGE_PAGE_SIZE);

		if (type != EPT_RANGE_MIXED) {
			map_range(ctx, pml4, base, LARGE_PAGE_SIZE, type);
			continue;
		}
		for (u64 p = base; p < base + LARGE_PAGE_SIZE; p += PAGE_SIZE)
			map_range(ctx, pml4, p, PAGE_SIZE, ept_range_memtype(m, p, PAGE_SIZE) ==
					       EPT_MEMTYPE_WB ? EPT_MEMTYPE_WB : EPT_MEMTYPE_UC);
	}
	if (pt_unmap(ctx, pml4, hv_base, hv_size))
		hv_panic("EPT: cannot unmap the hypervisor range\n");
	/* The local APIC page: readable, writes exit (runtime/apic_guard.c). */
	if (pt_map(ctx, pml4, apic_page, apic_page, PAGE_SIZE,
		   EPT_READ | ((u64)EPT_MEMTYPE_UC << EPT_MEMTYPE_SHIFT)))
		hv_panic("EPT: cannot write-protect the APIC page\n");
	hv_printf("xmhf-ng: EPT maps guest-physical 0-0x%llx (%u table pages), hypervisor "
		  "0x%llx-0x%llx not present\n", (unsigned long long)limit, ept_used,
		  (unsigned long long)hv_base, (unsigned long long)(hv_base + hv_size - 1));
	eptp = ept_pml4_phys | EPT_MEMTYPE_WB | EPTP_WALK_4;
	return eptp;
}

void ept_unmap_range(u64 base, u64 size)
{
	spin_lock(&ept_lock);
	if (pt_unmap(&ept_ctx, ept_pml4, base, size))
		hv_panic("EPT: cannot unmap 0x%llx+0x%llx\n", (unsigned long long)base,
			 (unsigned long long)size);
	integrity_ept_changed();
	spin_unlock(&ept_lock);
}

void ept_map_page(u64 gpa, u64 hpa, u64 flags)
{
	spin_lock(&ept_lock);
	if (pt_map(&ept_ctx, ept_pml4, gpa & ~(PAGE_SIZE - 1), hpa, PAGE_SIZE, flags))
		hv_panic("EPT: cannot map guest page 0x%llx\n", (unsigned long long)gpa);
	integrity_ept_changed();
	spin_unlock(&ept_lock);
	/* Other CPUs fault on a stale entry and come here themselves. */
	ept_flush_this_cpu();
}

/* Drop translations cached from older entries on this CPU (SDM 28.3.3.1). */
void ept_flush_this_cpu(void)
{
	invept(vmx_caps.ept_vpid & VMX_EPT_INVEPT_ALL ? INVEPT_ALL_CONTEXT : INVEPT_SINGLE_CONTEXT,
	       eptp);
}

/* New memory type for the leaf at gpa, keeping its permissions; true if it
 * changed. */
static bool retype_leaf(u64 gpa, u64 size, int type)
{
	u64 flags, hpa = pt_lookup(&ept_ctx, ept_pml4, gpa, &flags, NULL);
	u64 want = (flags & ~EPT_MEMTYPE_MASK) | ((u64)type << EPT_MEMTYPE_SHIFT);

	if (hpa == PT_NOT_MAPPED || want == flags)
		return false;
	if (pt_map(&ept_ctx, ept_pml4, gpa, hpa, size, want))
		hv_panic("EPT: cannot retype guest page 0x%llx\n", (unsigned long long)gpa);
	return true;
}

/* The guest's own pages of a 2 MiB region, one at a time (the region is
 * split, or its type is mixed); the APIC page stays UC (SDM 10.4.1). */
static unsigned retype_pages(u64 base, ept_range_type_fn type_of, void *arg)
{
	unsigned n = 0;

	for (u64 p = base; p < base + LARGE_PAGE_SIZE; p += PAGE_SIZE)
		if (p != apic_gpa && (p < hv_lo || p >= hv_hi))
			n += retype_leaf(p, PAGE_SIZE, type_of(arg, p, PAGE_SIZE));
	return n;
}

unsigned ept_retype(ept_range_type_fn type_of, void *arg)
{
	unsigned n = 0, level;

	spin_lock(&ept_lock);
	for (u64 base = 0; base < mapped_limit; base += LARGE_PAGE_SIZE) {
		int type;

		if (base >= hv_lo && base + LARGE_PAGE_SIZE <= hv_hi)
			continue;	/* not the guest's (ept_guard.c maps its pages) */
		if (pt_lookup(&ept_ctx, ept_pml4, base, NULL, &level) == PT_NOT_MAPPED || level != 2) {
			n += retype_pages(base, type_of, arg);
			continue;
		}
		type = type_of(arg, base, LARGE_PAGE_SIZE);
		n += type == EPT_RANGE_MIXED ? retype_pages(base, type_of, arg)
					     : retype_leaf(base, LARGE_PAGE_SIZE, type);
	}
	if (n)
		integrity_ept_changed();
	spin_unlock(&ept_lock);
	return n;
}

/* A guest access above the mapped space (64-bit BARs, RAM beyond the mapped
 * limit, which the guest's E820 no longer lists): the 2 MiB around it is
 * mapped identity, uncacheable, as the platform decodes it (SDM 28.2.6).
 * False above MAXPHYADDR, or when the table pool runs low (the caller
 * reports it). */
bool ept_map_beyond_limit(u64 gpa)
{
	u64 base = gpa & ~(LARGE_PAGE_SIZE - 1);
	bool ok;

	if (gpa < mapped_limit || vmx_caps_beyond_maxphyaddr(&vmx_caps, gpa))
		return false;
	spin_lock(&ept_lock);
	ok = EPT_POOL_PAGES - ept_used >= EPT_POOL_RESERVE &&
	     !pt_map(&ept_ctx, ept_pml4, base, base, LARGE_PAGE_SIZE,
		     EPT_RWX | ((u64)EPT_MEMTYPE_UC << EPT_MEMTYPE_SHIFT));
	if (ok)
		integrity_ept_changed();
	spin_unlock(&ept_lock);
	return ok;
}
