/* The guest's MTRRs: validation and memory types (SDM Vol. 3A 11.11). */
#include "check.h"
#include "mtrr.h"
#include "arch/msr.h"

int main(void)
{
	struct mtrr_state s = { .cap = 8 | MTRRCAP_FIX | MTRRCAP_WC, .maxphyaddr = 36 };
	u64 v;

	/* Disabled MTRRs: everything UC. */
	CHECK(mtrr_page_type(&s, 0x100000) == MTRR_TYPE_UC);
	/* Default WB, fixed ranges on: 0-0x9ffff WB, 0xa0000-0xbffff UC, ROM WP. */
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_DEF_TYPE, MTRR_DEF_E | MTRR_DEF_FE | MTRR_TYPE_WB));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_FIX64K_00000, 0x0606060606060606ULL));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_FIX16K_80000, 0x0606060606060606ULL));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_FIX16K_A0000, 0));
	for (u32 m = MSR_IA32_MTRR_FIX4K_C0000; m <= MSR_IA32_MTRR_FIX4K_F8000; m++)
		CHECK(mtrr_write(&s, m, 0x0505050505050505ULL));
	CHECK(mtrr_page_type(&s, 0x7c00) == MTRR_TYPE_WB);
	CHECK(mtrr_page_type(&s, 0xb8000) == MTRR_TYPE_UC);
	CHECK(mtrr_page_type(&s, 0xf0000) == MTRR_TYPE_WP);
	CHECK(mtrr_range_type(&s, 0, 0x100000) == MTRR_RANGE_MIXED);
	/* Variable: 0xe0000000-0xefffffff WC (a frame buffer), 0xc0000000 1 GiB UC. */
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0, 0xe0000000ULL | MTRR_TYPE_WC));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 1, 0xff0000000ULL | MTRR_PHYSMASK_VALID));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 2, 0xc0000000ULL | MTRR_TYPE_UC));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 3, 0xfc0000000ULL | MTRR_PHYSMASK_VALID));
	CHECK(mtrr_page_type(&s, 0x1fc00000) == MTRR_TYPE_WB);
	CHECK(mtrr_page_type(&s, 0xe0001000) == MTRR_TYPE_UC);		/* UC wins an overlap */
	CHECK(mtrr_page_type(&s, 0xd0000000) == MTRR_TYPE_UC);
	CHECK(mtrr_range_type(&s, 0x1fe00000, 0x200000) == MTRR_TYPE_WB);
	CHECK(mtrr_range_type(&s, 0xbfe00000, 0x400000) == MTRR_RANGE_MIXED);
	/* WT and WB overlapping: WT. */
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 4, 0x10000000ULL | MTRR_TYPE_WT));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 5, 0xff0000000ULL | MTRR_PHYSMASK_VALID));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 6, 0 | MTRR_TYPE_WB));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 7, 0xfc0000000ULL | MTRR_PHYSMASK_VALID));
	CHECK(mtrr_page_type(&s, 0x10000000) == MTRR_TYPE_WT);
	/* Refused: reserved bits, bad types, a 9th pair, fixed ranges without FIX. */
	CHECK(!mtrr_write(&s, MSR_IA32_MTRR_DEF_TYPE, MTRR_DEF_E | 2));		/* type 2 */
	CHECK(!mtrr_write(&s, MSR_IA32_MTRR_DEF_TYPE, MTRR_DEF_E | (1 << 9) | 6));
	CHECK(!mtrr_write(&s, MSR_IA32_MTRR_FIX64K_00000, 0x0706060606060606ULL));	/* UC- */
	CHECK(!mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0, 0x1000000000ULL | 6));	/* bit 36 */
	CHECK(!mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 1, 0xff0000000ULL | 0x400));
	CHECK(!mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 16, 6) && !mtrr_is_msr(&s, 0x210));
	CHECK(mtrr_read(&s, MSR_IA32_MTRR_PHYSBASE0 + 2, &v) && v == (0xc0000000ULL | MTRR_TYPE_UC));
	CHECK(!mtrr_is_msr(&s, MSR_IA32_MTRRCAP) && mtrr_is_msr(&s, MSR_IA32_MTRR_DEF_TYPE));
	/* The uniform-range shortcut agrees with the page-by-page answer. */
	for (u64 b = 0; b < 0x100000000ULL; b += 0x200000) {
		int t = mtrr_page_type(&s, b), slow = t;

		for (u64 a = b; a < b + 0x200000 && slow != MTRR_RANGE_MIXED; a += 0x1000)
			if (mtrr_page_type(&s, a) != t)
				slow = MTRR_RANGE_MIXED;
		if (mtrr_range_type(&s, b, 0x200000) != slow)
			CHECK(!"shortcut differs");
	}
	/* A mask bit inside the range (a 4 KiB variable range): not uniform. */
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 4, 0x10000000ULL | MTRR_TYPE_UC));
	CHECK(mtrr_write(&s, MSR_IA32_MTRR_PHYSBASE0 + 5, 0xffffff000ULL | MTRR_PHYSMASK_VALID));
	CHECK(mtrr_range_type(&s, 0x10000000, 0x200000) == MTRR_RANGE_MIXED);
	CHECK(mtrr_page_type(&s, 0x10000000) == MTRR_TYPE_UC && mtrr_page_type(&s, 0x10001000) == MTRR_TYPE_WB);
	s.cap &= ~MTRRCAP_FIX;
	CHECK(!mtrr_is_msr(&s, MSR_IA32_MTRR_FIX64K_00000));
	return CHECK_DONE();
}
