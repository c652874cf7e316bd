/* Guest page walks for instruction fetch: 4-level (4K and 2M), PAE, 32-bit. */
#include "check.h"
#include "guest_walk.h"
#include "arch/cr.h"
#include "arch/msr.h"

static u8 mem[1 << 20];

static bool rd(void *arg, u64 gpa, u64 *v)
{
	(void)arg;
	if (gpa + 8 > sizeof(mem))
		return false;
	memcpy(v, mem + gpa, 8);
	return true;
}

static void put(u64 gpa, u64 v) { memcpy(mem + gpa, &v, 8); }
static void put32(u64 gpa, u32 v) { memcpy(mem + gpa, &v, 4); }

int main(void)
{
	struct guest_paging p = { .read64 = rd };
	u64 gpa = 0, la = 0xffffffff81000109ULL;

	/* No paging: linear = physical (32 bits). */
	CHECK(guest_linear_to_phys(&p, 0x9ae79, &gpa) == 0 && gpa == 0x9ae79);

	/* 4-level: PML4 at 0x1000, PDPT 0x2000, PD 0x3000, PT 0x4000. */
	p.cr0 = CR0_PG | CR0_PE;
	p.cr4 = CR4_PAE;
	p.efer = EFER_LMA | EFER_LME;
	p.cr3 = 0x1000;
	put(0x1000 + ((la >> 39) & 0x1ff) * 8, 0x2000 | PTE_P);
	put(0x2000 + ((la >> 30) & 0x1ff) * 8, 0x3000 | PTE_P);
	put(0x3000 + ((la >> 21) & 0x1ff) * 8, 0x4000 | PTE_P);
	put(0x4000 + ((la >> 12) & 0x1ff) * 8, 0x7000 | PTE_P);
	CHECK(guest_linear_to_phys(&p, la, &gpa) == 0 && gpa == 0x7109);
	/* Same PD entry as a 2 MiB page. */
	put(0x3000 + ((la >> 21) & 0x1ff) * 8, 0x1000000 | PTE_P | PTE_PS);
	CHECK(guest_linear_to_phys(&p, la, &gpa) == 0 && gpa == 0x1000109);
	/* Not present. */
	CHECK(guest_linear_to_phys(&p, la ^ (1ULL << 39), &gpa) == -1);

	/* PAE: PDPT at 0x8000, PD 0x9000, 2 MiB page. */
	p.efer = 0;
	p.cr3 = 0x8000;
	put(0x8000 + 3 * 8, 0x9000 | PTE_P);
	put(0x9000 + ((0xc0201234ULL >> 21) & 0x1ff) * 8, 0x400000 | PTE_P | PTE_PS);
	CHECK(guest_linear_to_phys(&p, 0xc0201234, &gpa) == 0 && gpa == 0x401234);

	/* 32-bit: PD at 0xa000, 4 MiB page with PSE, and a 4 KiB page. */
	p.cr4 = CR4_PSE;
	p.cr3 = 0xa000;
	put32(0xa000 + (0xc0000000 >> 22) * 4, 0x00800000 | PTE_P | PTE_PS);
	CHECK(guest_linear_to_phys(&p, 0xc0012345, &gpa) == 0 && gpa == 0x812345);
	put32(0xa000 + 1 * 4, 0xb000 | PTE_P);
	put32(0xb000 + 2 * 4, 0xc000 | PTE_P);
	CHECK(guest_linear_to_phys(&p, 0x402abc, &gpa) == 0 && gpa == 0xcabc);
	return CHECK_DONE();
}
