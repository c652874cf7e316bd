#include "guest_walk.h"
#include "arch/cr.h"
#include "arch/msr.h"

#define ADDR_4K 0x000ffffffffff000ULL

static int entry(const struct guest_paging *p, u64 gpa, u64 *e)
{
	return p->read64(p->arg, gpa, e) && (*e & PTE_P) ? 0 : -1;
}

/* 4-level (and PAE from its PDPTE level): levels 3..0 are PML4, PDPT, PD, PT. */
static int walk_64(const struct guest_paging *p, u64 table, int level, u64 la, u64 *gpa)
{
	for (; level >= 0; level--) {
		unsigned shift = 12 + 9 * (unsigned)level;
		u64 e;

		if (entry(p, (table & ADDR_4K) + ((la >> shift) & 0x1ff) * 8, &e))
			return -1;
		if (level == 0 || ((level == 1 || level == 2) && (e & PTE_PS))) {
			u64 mask = (1ULL << shift) - 1;

			*gpa = (e & ADDR_4K & ~mask) | (la & mask);
			return 0;
		}
		table = e;
	}
	return -1;
}

static int walk_32(const struct guest_paging *p, u64 la, u64 *gpa)
{
	u64 pde, pte;

	if (entry(p, (p->cr3 & 0xfffff000) + ((la >> 22) & 0x3ff) * 4, &pde))
		return -1;
	pde &= 0xffffffff;
	if ((pde & PTE_PS) && (p->cr4 & CR4_PSE)) {
		*gpa = (pde & 0xffc00000) | (la & 0x3fffff);
		return 0;
	}
	if (entry(p, (pde & 0xfffff000) + ((la >> 12) & 0x3ff) * 4, &pte))
		return -1;
	*gpa = (pte & 0xfffff000) | (la & 0xfff);
	return 0;
}

int guest_linear_to_phys(const struct guest_paging *p, u64 linear, u64 *gpa)
{
	if (!(p->cr0 & CR0_PG)) {
		*gpa = linear & 0xffffffff;
		return 0;
	}
	if (p->efer & EFER_LMA)
		return walk_64(p, p->cr3, 3, linear, gpa);
	if (p->cr4 & CR4_PAE) {
		u64 pdpte;

		if (entry(p, (p->cr3 & 0xffffffe0) + ((linear >> 30) & 3) * 8, &pdpte))
			return -1;
		return walk_64(p, pdpte, 1, linear & 0xffffffff, gpa);
	}
	return walk_32(p, linear & 0xffffffff, gpa);
}
