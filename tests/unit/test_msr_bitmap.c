/* MSR bitmap layout (SDM 24.6.9) and our interception policy. */
#include "check.h"
#include "msr_bitmap.h"
#include "msr_policy.h"
#include "mtrr.h"
#include "arch/msr.h"

static u8 bm[MSR_BITMAP_SIZE];

int main(void)
{
	struct msr_policy plain = { false, NULL }, switched = { true, NULL };

	msr_bitmap_build_policy(bm, &plain);
	CHECK(msr_bitmap_exits(bm, MSR_IA32_EFER, true));
	CHECK(msr_bitmap_exits(bm, MSR_IA32_RTIT_OUTPUT_BASE, false));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_EFER, false));
	CHECK(msr_bitmap_exits(bm, MSR_IA32_APIC_BASE, true));
	CHECK(msr_bitmap_exits(bm, MSR_X2APIC_ICR, true));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_BIOS_SIGN_ID, false));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_BIOS_SIGN_ID, true));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_LSTAR, true));
	/* Outside both ranges every access exits (and cannot be configured). */
	CHECK(msr_bitmap_exits(bm, 0x40000000, false));
	CHECK(!msr_bitmap_intercept(bm, 0x40000000, true, true));

	/* Exact bit positions: EFER write is bit 0x80 of the write-high bitmap. */
	CHECK(bm[3072 + 0x80 / 8] == 1);
	CHECK(bm[2048 + MSR_IA32_APIC_BASE / 8] == (1 << (MSR_IA32_APIC_BASE % 8)));
	int set = 0;
	for (int i = 0; i < MSR_BITMAP_SIZE; i++)
		set += __builtin_popcount(bm[i]);
	/* EFER, APIC_BASE, MISC_ENABLE, ICR writes; 2 + 3 + 8 Intel PT MSRs and
	 * DS_AREA, PEBS_ENABLE read and written. */
	CHECK(set == 4 + 2 * (13 + 2));
	CHECK(msr_bitmap_exits(bm, MSR_IA32_RTIT_CTL, false) && msr_bitmap_exits(bm, MSR_IA32_RTIT_CTL, true));
	CHECK(msr_bitmap_exits(bm, MSR_IA32_DS_AREA, false) && msr_bitmap_exits(bm, MSR_IA32_PEBS_ENABLE, true));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_MISC_ENABLE, false) && msr_bitmap_exits(bm, MSR_IA32_MISC_ENABLE, true));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_PERF_GLOBAL_CTRL, true));
	/* With IA32_PERF_GLOBAL_CTRL switched its writes exit too, reads do not;
	 * DS/PEBS then run on the hardware (counting stops at every exit). */
	memset(bm, 0xee, sizeof(bm));
	msr_bitmap_build_policy(bm, &switched);
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_DS_AREA, true));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_MTRR_DEF_TYPE, true));
	CHECK(msr_bitmap_exits(bm, MSR_IA32_PERF_GLOBAL_CTRL, true));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_PERF_GLOBAL_CTRL, false));
	CHECK(msr_bitmap_exits(bm, MSR_IA32_EFER, true));

	CHECK(msr_bitmap_intercept(bm, 0x1fff, true, false));
	CHECK(bm[1023] == 0x80);
	CHECK(msr_bitmap_intercept(bm, 0xc0001fff, true, false));
	CHECK(bm[2047] == 0x80);
	CHECK(!msr_bitmap_intercept(bm, 0x2000, true, false));
	/* Shadowed MTRRs: reads and writes of each one exit, MTRRCAP's do not. */
	{
		static const struct mtrr_state mtrr = { .cap = 8 | MTRRCAP_FIX };
		struct msr_policy sh = { false, &mtrr };

		msr_bitmap_build_policy(bm, &sh);
		CHECK(msr_bitmap_exits(bm, MSR_IA32_MTRR_DEF_TYPE, false) &&
		      msr_bitmap_exits(bm, MSR_IA32_MTRR_DEF_TYPE, true));
		CHECK(msr_bitmap_exits(bm, MSR_IA32_MTRR_PHYSBASE0 + 15, true));
		CHECK(!msr_bitmap_exits(bm, MSR_IA32_MTRR_PHYSBASE0 + 16, true));
		CHECK(msr_bitmap_exits(bm, MSR_IA32_MTRR_FIX4K_F8000, false));
		CHECK(!msr_bitmap_exits(bm, MSR_IA32_MTRRCAP, false));
	}
	return CHECK_DONE();
}
