/* pt_map/pt_unmap/pt_lookup with a page pool whose "physical" addresses are a
 * fake address space that to_virt maps back into the pool. */
#include <stdlib.h>
#include "check.h"
#include "pagetable.h"
#include "arch/cr.h"

#define POOL_PAGES 64
#define FAKE_PHYS 0x40000000ULL	/* physical address of pool page 0 */
#define GIB (1ULL << 30)
#define MIB (1ULL << 20)
#define EPT_RWX 7ULL
#define EPT_WB (6ULL << 3)	/* memory type write-back, bits 5:3 */

struct pool {
	u64 (*pages)[512];
	unsigned used;
};

static u64 *pool_alloc(void *arg, u64 *phys)
{
	struct pool *p = arg;

	if (p->used == POOL_PAGES)
		return NULL;
	memset(p->pages[p->used], 0, PAGE_SIZE);
	*phys = FAKE_PHYS + p->used * PAGE_SIZE;
	return p->pages[p->used++];
}

static u64 pool_to_virt(void *arg, u64 phys)
{
	struct pool *p = arg;

	return (u64)(uintptr_t)p->pages[(phys - FAKE_PHYS) / PAGE_SIZE];
}

static struct pool pool;

/* A fresh pool with the root table allocated as its first page. */
static u64 *setup(struct pt_ctx *ctx, bool ept)
{
	u64 phys;

	pool.used = 0;
	ctx->alloc = pool_alloc;
	ctx->to_virt = pool_to_virt;
	ctx->arg = &pool;
	ctx->table_flags = ept ? EPT_RWX : PTE_P | PTE_W;
	ctx->large_flag = PTE_PS;
	return pool_alloc(&pool, &phys);
}

/* va maps to pa at the given level with the given flags. */
static bool maps(struct pt_ctx *ctx, const u64 *pml4, u64 va, u64 pa, unsigned level, u64 flags)
{
	u64 f = ~0ULL;
	unsigned l = 0;
	u64 got = pt_lookup(ctx, pml4, va, &f, &l);

	if (got != pa || l != level || f != flags) {
		fprintf(stderr, "  va 0x%llx: got 0x%llx level %u flags 0x%llx\n",
			(unsigned long long)va, (unsigned long long)got, l, (unsigned long long)f);
		return false;
	}
	return true;
}

static bool unmapped(struct pt_ctx *ctx, const u64 *pml4, u64 va)
{
	return pt_lookup(ctx, pml4, va, NULL, NULL) == PT_NOT_MAPPED;
}

static void test_identity_4g(void)
{
	struct pt_ctx ctx;
	u64 *pml4 = setup(&ctx, false);
	const u64 rw = PTE_P | PTE_W;

	CHECK(pt_map(&ctx, pml4, 0, 0, 4 * GIB, rw) == 0);
	/* 1 PML4 + 1 PDPT + 4 PDs, all leaves 2 MiB. */
	CHECK(pool.used == 6);
	CHECK((pml4[0] & ~0xfffULL) == FAKE_PHYS + PAGE_SIZE && (pml4[0] & 0xfff) == rw);
	CHECK(maps(&ctx, pml4, 0, 0, 2, rw));
	CHECK(maps(&ctx, pml4, 0x12345678, 0x12345678, 2, rw));
	CHECK(maps(&ctx, pml4, 4 * GIB - 1, 4 * GIB - 1, 2, rw));
	CHECK(unmapped(&ctx, pml4, 4 * GIB));
	CHECK(unmapped(&ctx, pml4, 0xffffffff80000000ULL));

	/* A read-only 4 KiB page inside the second 2 MiB leaf: split, flags kept. */
	CHECK(pt_map(&ctx, pml4, 0x205000, 0x12345000, PAGE_SIZE, PTE_P) == 0);
	CHECK(pool.used == 7);
	CHECK(maps(&ctx, pml4, 0x205abc, 0x12345abc, 1, PTE_P));
	CHECK(maps(&ctx, pml4, 0x200000, 0x200000, 1, rw));
	CHECK(maps(&ctx, pml4, 0x204fff, 0x204fff, 1, rw));
	CHECK(maps(&ctx, pml4, 0x206000, 0x206000, 1, rw));
	CHECK(maps(&ctx, pml4, 0x3ff000, 0x3ff000, 1, rw));
	CHECK(maps(&ctx, pml4, 0x400000, 0x400000, 2, rw));
	CHECK(maps(&ctx, pml4, 0x1ff000, 0x1ff000, 2, rw));
	/* Another page in the same 2 MiB: no new table. */
	CHECK(pt_map(&ctx, pml4, 0x3ff000, 0x3ff000, PAGE_SIZE, PTE_P | PTE_NX) == 0);
	CHECK(pool.used == 7 && maps(&ctx, pml4, 0x3ff000, 0x3ff000, 1, PTE_P | PTE_NX));

	/* Unmap a 2 MiB-aligned 4 MiB range: two PD entries cleared, no table. */
	CHECK(pt_unmap(&ctx, pml4, 0x40000000, 4 * MIB) == 0);
	CHECK(pool.used == 7);
	CHECK(unmapped(&ctx, pml4, 0x40000000) && unmapped(&ctx, pml4, 0x403fffff));
	CHECK(maps(&ctx, pml4, 0x3fffffff, 0x3fffffff, 2, rw));
	CHECK(maps(&ctx, pml4, 0x40400000, 0x40400000, 2, rw));

	/* Unmap one 4 KiB page: its 2 MiB leaf is split, the neighbours stay. */
	CHECK(pt_unmap(&ctx, pml4, 0x80001000, PAGE_SIZE) == 0);
	CHECK(pool.used == 8);
	CHECK(unmapped(&ctx, pml4, 0x80001000) && unmapped(&ctx, pml4, 0x80001fff));
	CHECK(maps(&ctx, pml4, 0x80000fff, 0x80000fff, 1, rw));
	CHECK(maps(&ctx, pml4, 0x80002000, 0x80002000, 1, rw));

	/* Remapping 2 MiB over that page table fills the table (no drop, no alloc). */
	CHECK(pt_map(&ctx, pml4, 0x80000000, 0x1000000, LARGE_PAGE_SIZE, PTE_P) == 0);
	CHECK(pool.used == 8);
	CHECK(maps(&ctx, pml4, 0x80001234, 0x1001234, 1, PTE_P));
	CHECK(maps(&ctx, pml4, 0x801ff000, 0x11ff000, 1, PTE_P));

	/* Unmapping where nothing is mapped allocates nothing. */
	CHECK(pt_unmap(&ctx, pml4, 0x7f0000000000ULL, 2 * GIB + PAGE_SIZE) == 0);
	CHECK(pool.used == 8);
	/* An unaligned range that straddles 4 KiB and 2 MiB pieces. */
	CHECK(pt_unmap(&ctx, pml4, 0x3fe000, 0x203000) == 0);
	CHECK(unmapped(&ctx, pml4, 0x3fe000) && unmapped(&ctx, pml4, 0x3ff000));
	CHECK(unmapped(&ctx, pml4, 0x400000) && unmapped(&ctx, pml4, 0x600000));
	CHECK(maps(&ctx, pml4, 0x3fd000, 0x3fd000, 1, rw));
	CHECK(maps(&ctx, pml4, 0x601000, 0x601000, 1, rw));
}

static void test_high_half(void)
{
	struct pt_ctx ctx;
	u64 *pml4 = setup(&ctx, false);
	const u64 rw = PTE_P | PTE_W;
	u64 *pdpt;

	CHECK(pt_map(&ctx, pml4, 0xffffffff80000000ULL, 0x7fc00000, 4 * MIB + 8 * PAGE_SIZE, rw) == 0);
	CHECK(pml4[511] != 0 && pml4[0] == 0);
	pdpt = (u64 *)(uintptr_t)pool_to_virt(&pool, pml4[511] & PTE_ADDR_MASK);
	CHECK(pdpt[510] != 0 && pdpt[511] == 0);
	/* PML4 + PDPT + PD + one PT for the 4 KiB tail. */
	CHECK(pool.used == 4);
	CHECK(maps(&ctx, pml4, 0xffffffff80123456ULL, 0x7fd23456, 2, rw));
	CHECK(maps(&ctx, pml4, 0xffffffff80400000ULL, 0x80000000, 1, rw));
	CHECK(maps(&ctx, pml4, 0xffffffff80407fffULL, 0x80007fff, 1, rw));
	CHECK(unmapped(&ctx, pml4, 0xffffffff80408000ULL));
	CHECK(unmapped(&ctx, pml4, 0xffffffff7ffff000ULL));
	/* The last 2 MiB of the address space: va + size wraps to 0. */
	CHECK(pt_map(&ctx, pml4, 0xffffffffffe00000ULL, 0x200000, LARGE_PAGE_SIZE, rw) == 0);
	CHECK(maps(&ctx, pml4, 0xffffffffffffffffULL, 0x3fffff, 2, rw));
	CHECK(unmapped(&ctx, pml4, 0));
}

/* 4 KiB leaves where the alignment of va and pa differs. */
static void test_misaligned_pa(void)
{
	struct pt_ctx ctx;
	u64 *pml4 = setup(&ctx, false);

	CHECK(pt_map(&ctx, pml4, 0x200000, 0x201000, LARGE_PAGE_SIZE, PTE_P) == 0);
	CHECK(pool.used == 4);
	CHECK(maps(&ctx, pml4, 0x200000, 0x201000, 1, PTE_P));
	CHECK(maps(&ctx, pml4, 0x3ff123, 0x400123, 1, PTE_P));
	CHECK(unmapped(&ctx, pml4, 0x400000));
}

/* EPT: RWX table entries, leaves with a memory type; a split keeps it. */
static void test_ept(void)
{
	struct pt_ctx ctx;
	u64 *pml4 = setup(&ctx, true);
	const u64 leaf = EPT_RWX | EPT_WB;

	CHECK(pt_map(&ctx, pml4, 0, 0, 8 * MIB, leaf) == 0);
	CHECK(pool.used == 3 && (pml4[0] & 0xfff) == EPT_RWX);
	CHECK(maps(&ctx, pml4, 0x7fffff, 0x7fffff, 2, leaf));
	/* Hide the hypervisor's 2 MiB and one APIC-like page. */
	CHECK(pt_unmap(&ctx, pml4, 0x600000, LARGE_PAGE_SIZE) == 0);
	CHECK(pt_unmap(&ctx, pml4, 0x2ff000, PAGE_SIZE) == 0);
	CHECK(pool.used == 4);
	CHECK(unmapped(&ctx, pml4, 0x600000) && unmapped(&ctx, pml4, 0x2ff000));
	CHECK(maps(&ctx, pml4, 0x2fe000, 0x2fe000, 1, leaf));
	CHECK(maps(&ctx, pml4, 0x200000, 0x200000, 1, leaf));
	CHECK(maps(&ctx, pml4, 0x5fffff, 0x5fffff, 2, leaf));
	/* A 4 KiB leaf with different rights. */
	CHECK(pt_map(&ctx, pml4, 0x2ff000, 0xfee00000, PAGE_SIZE, 1 | (0ULL << 3)) == 0);
	CHECK(maps(&ctx, pml4, 0x2ff010, 0xfee00010, 1, 1));
}

/* A 1 GiB leaf built by someone else is split into 2 MiB leaves. */
static void test_split_1g(void)
{
	struct pt_ctx ctx;
	u64 *pml4 = setup(&ctx, false);
	u64 phys;
	u64 *pdpt = pool_alloc(&pool, &phys);

	pml4[0] = phys | PTE_P | PTE_W;
	pdpt[1] = GIB | PTE_P | PTE_PS | PTE_NX;
	CHECK(maps(&ctx, pml4, GIB + 0x12345, GIB + 0x12345, 3, PTE_P | PTE_NX));
	CHECK(pt_unmap(&ctx, pml4, GIB + 0x200000, PAGE_SIZE) == 0);
	CHECK(pool.used == 4);
	CHECK(maps(&ctx, pml4, GIB, GIB, 2, PTE_P | PTE_NX));
	CHECK(maps(&ctx, pml4, GIB + 0x201000, GIB + 0x201000, 1, PTE_P | PTE_NX));
	CHECK(unmapped(&ctx, pml4, GIB + 0x200000));
	CHECK(maps(&ctx, pml4, 2 * GIB - 1, 2 * GIB - 1, 2, PTE_P | PTE_NX));
}

static void test_errors(void)
{
	struct pt_ctx ctx;
	u64 *pml4 = setup(&ctx, false);

	CHECK(pt_map(&ctx, pml4, 0x1001, 0, PAGE_SIZE, PTE_P) == -1);
	CHECK(pt_map(&ctx, pml4, 0x1000, 0x10, PAGE_SIZE, PTE_P) == -1);
	CHECK(pt_map(&ctx, pml4, 0x1000, 0x1000, 100, PTE_P) == -1);
	CHECK(pt_map(&ctx, pml4, 0x1000, 0x1000, PAGE_SIZE, PTE_P | PTE_PS) == -1);
	CHECK(pt_map(&ctx, pml4, 0x1000, 0x1000, PAGE_SIZE, PTE_P | 0x5000) == -1);
	CHECK(pt_unmap(&ctx, pml4, 0x1800, PAGE_SIZE) == -1);
	CHECK(pool.used == 1);
	/* Out of pages: 4 KiB mappings spread over many page tables. */
	CHECK(pt_map(&ctx, pml4, 0, 0, 2 * GIB, PTE_P) == 0);
	CHECK(pool.used == 4);
	for (u64 va = 0x1000; va < 2 * GIB && pool.used < POOL_PAGES; va += LARGE_PAGE_SIZE)
		CHECK(pt_map(&ctx, pml4, va, va, PAGE_SIZE, PTE_P) == 0);
	CHECK(pt_map(&ctx, pml4, GIB + 0x1000, 0, PAGE_SIZE, PTE_P) == -1);
	CHECK(pt_unmap(&ctx, pml4, GIB + 0x1000, PAGE_SIZE) == -1);
	CHECK(maps(&ctx, pml4, GIB + 0x1000, GIB + 0x1000, 2, PTE_P));
}

int main(void)
{
	pool.pages = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	test_identity_4g();
	test_high_half();
	test_misaligned_pa();
	test_ept();
	test_split_1g();
	test_errors();
	free(pool.pages);
	return CHECK_DONE();
}
