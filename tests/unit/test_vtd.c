/* VT-d structures (xmhf/lib/vtd_tables.c): the identity second-level domain
 * with its holes and RMRRs, 3- and 4-level roots, context/root entries
 * (VT-d spec 9.1, 9.3, 9.8) and fault-record decoding (10.4.14). The table
 * pool's "physical" addresses are a fake space mapped back into the pool. */
#include <stdlib.h>
#include "check.h"
#include "vtd_tables.h"

#define POOL_PAGES 128
#define FAKE_PHYS 0x40000000ULL
#define GIB (1ULL << 30)
#define MIB (1ULL << 20)

static u64 (*pages)[512];
static unsigned used;

static u64 *pool_alloc(void *arg, u64 *phys)
{
	(void)arg;
	if (used == POOL_PAGES)
		return NULL;
	memset(pages[used], 0, PAGE_SIZE);
	*phys = FAKE_PHYS + used * PAGE_SIZE;
	return pages[used++];
}

static u64 pool_to_virt(void *arg, u64 phys)
{
	(void)arg;
	return (u64)(uintptr_t)pages[(phys - FAKE_PHYS) / PAGE_SIZE];
}

static struct pt_ctx ctx = { .alloc = pool_alloc, .to_virt = pool_to_virt };

/* A 3-level walk from the PDPT root, as the unit does with AW = 39 bits:
 * the physical address or PT_NOT_MAPPED; *flags the leaf's R/W. */
static u64 walk3(u64 root, u64 addr, u64 *flags)
{
	u64 *t = (u64 *)(uintptr_t)pool_to_virt(NULL, root);

	for (int level = 3; level >= 1; level--) {
		u64 e = t[(addr >> (12 + 9 * (level - 1))) & 511];

		if (!(e & (VTD_SL_R | VTD_SL_W)))
			return PT_NOT_MAPPED;
		if (level == 1 || (e & VTD_SL_PS)) {
			u64 size = 1ULL << (12 + 9 * (level - 1));

			*flags = e & 3;
			return (e & 0x000ffffffffff000ULL & ~(size - 1)) | (addr & (size - 1));
		}
		t = (u64 *)(uintptr_t)pool_to_virt(NULL, e & 0x000ffffffffff000ULL);
	}
	return PT_NOT_MAPPED;
}

static u64 *fresh(u64 *phys)
{
	used = 0;
	vtd_sl_ctx_init(&ctx);
	return pool_alloc(NULL, phys);
}

static void test_domain_3level(void)
{
	struct vtd_domain_spec s = { .limit = 4 * GIB };
	u64 phys, root, f = 0;
	u64 *pml4 = fresh(&phys);
	const u64 hv = 0x1fa00000, hv_len = 4 * MIB, regs = 0xfed90000;

	s.hole[s.hole_count++] = (struct vtd_range){ hv, hv_len };
	s.hole[s.hole_count++] = (struct vtd_range){ regs, PAGE_SIZE };
	s.rmrr[s.rmrr_count++] = (struct vtd_range){ 0x7c000000, 0x800000 };
	s.rmrr[s.rmrr_count++] = (struct vtd_range){ 5 * GIB, 2 * PAGE_SIZE };	/* above limit */
	root = vtd_build_domain(&ctx, pml4, phys, &s, false);
	CHECK(root != 0 && root != phys);
	CHECK(root == (pml4[0] & 0x000ffffffffff000ULL));
	/* identity RAM and MMIO, R+W */
	CHECK(walk3(root, 0, &f) == 0 && f == 3);
	CHECK(walk3(root, 0x12345678, &f) == 0x12345678 && f == 3);
	CHECK(walk3(root, hv - 1, &f) == hv - 1);
	CHECK(walk3(root, 0xfee00000, &f) == 0xfee00000);
	CHECK(walk3(root, 4 * GIB - 1, &f) == 4 * GIB - 1);
	/* the hypervisor range and the register page are not mapped */
	for (u64 a = hv; a < hv + hv_len; a += PAGE_SIZE)
		CHECK(walk3(root, a, &f) == PT_NOT_MAPPED);
	CHECK(walk3(root, hv + hv_len, &f) == hv + hv_len);
	CHECK(walk3(root, regs, &f) == PT_NOT_MAPPED);
	CHECK(walk3(root, regs + 0xfff, &f) == PT_NOT_MAPPED);
	CHECK(walk3(root, regs - 1, &f) == regs - 1 && walk3(root, regs + PAGE_SIZE, &f) == regs + PAGE_SIZE);
	/* RMRRs: inside limit (already mapped) and the one above it */
	CHECK(walk3(root, 0x7c400000, &f) == 0x7c400000);
	CHECK(walk3(root, 5 * GIB + 0x1234, &f) == 5 * GIB + 0x1234);
	CHECK(walk3(root, 5 * GIB + 2 * PAGE_SIZE, &f) == PT_NOT_MAPPED);
	CHECK(walk3(root, 4 * GIB, &f) == PT_NOT_MAPPED);
	/* 2 MiB leaves: 1 PML4 + 1 PDPT + 6 PDs (0-4 GiB, 5 GiB) + PTs around the
	 * register page and the 5 GiB RMRR */
	CHECK(used <= 12);
}

/* An RMRR inside the hypervisor range loses to the hole. */
static void test_hole_wins(void)
{
	struct vtd_domain_spec s = { .limit = 1 * GIB };
	u64 phys, root, f;
	u64 *pml4 = fresh(&phys);

	s.rmrr[s.rmrr_count++] = (struct vtd_range){ 0x200000, PAGE_SIZE };
	s.hole[s.hole_count++] = (struct vtd_range){ 0x200000, 2 * MIB };
	root = vtd_build_domain(&ctx, pml4, phys, &s, true);
	CHECK(root == phys);	/* 48-bit: the PML4 itself */
	CHECK(pt_lookup(&ctx, pml4, 0x200000, &f, NULL) == PT_NOT_MAPPED);
	CHECK(pt_lookup(&ctx, pml4, 0x1ff000, &f, NULL) == 0x1ff000 && f == 3);
	CHECK(pt_lookup(&ctx, pml4, 0x400000, &f, NULL) == 0x400000);
}

static void test_failures(void)
{
	struct vtd_domain_spec s = { .limit = 1024 * GIB };
	u64 phys;
	u64 *pml4 = fresh(&phys);

	CHECK(vtd_build_domain(&ctx, pml4, phys, &s, false) == 0);	/* > 512 GiB at 39 bits */
	s.limit = 64 * GIB;
	s.hole[s.hole_count++] = (struct vtd_range){ 0x1000, PAGE_SIZE };
	used = POOL_PAGES - 2;	/* too few pages for 64 PDs */
	CHECK(vtd_build_domain(&ctx, pml4, phys, &s, true) == 0);
}

static void test_entries(void)
{
	u64 e[2];

	vtd_context_entry(e, 0x12345000, false, 1);
	CHECK(e[0] == (0x12345000 | 1) && e[1] == (1 | (1 << 8)));
	vtd_context_entry(e, 0x12345fff, true, 0x1234);
	CHECK(e[0] == (0x12345000 | 1) && e[1] == (2 | (0x1234ULL << 8)));
	vtd_root_entry(e, 0xabcde000);
	CHECK(e[0] == (0xabcde000 | 1) && e[1] == 0);
}

static void test_faults(void)
{
	struct vtd_fault f;

	CHECK(!vtd_fault_decode(0x1fc00000, 0x0000000500000010ULL, &f));	/* F clear */
	/* edu at 00:02.0 writing 0x1fc00123: reason 5, T = 0 */
	CHECK(vtd_fault_decode(0x1fc00123, VTD_FRCD_HI_F | (5ULL << 32) | 0x0010, &f));
	CHECK(f.bus == 0 && f.dev == 2 && f.fn == 0 && !f.read && f.reason == 5);
	CHECK(f.addr == 0x1fc00000);
	CHECK_STR(vtd_fault_reason_name(f.reason), "write to a page not mapped writable");
	/* 3a:1f.7 reading, reason 6 */
	CHECK(vtd_fault_decode(0x1000, VTD_FRCD_HI_F | VTD_FRCD_HI_T | (6ULL << 32) | 0x3aff, &f));
	CHECK(f.bus == 0x3a && f.dev == 0x1f && f.fn == 7 && f.read && f.reason == 6);
	CHECK_STR(vtd_fault_reason_name(2), "context entry not present");
	CHECK_STR(vtd_fault_reason_name(0x77), "other, see VT-d spec 7.1.3");
}

int main(void)
{
	pages = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	test_domain_3level();
	test_hole_wins();
	test_failures();
	test_entries();
	test_faults();
	free(pages);
	return CHECK_DONE();
}
