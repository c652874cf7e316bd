/* MSR bitmap layout (SDM 24.6.9) and our interception policy. */
#include "check.h"
#include "msr_bitmap.h"
#include "arch/msr.h"

static u8 bm[MSR_BITMAP_SIZE];

int main(void)
{
	msr_bitmap_build_policy(bm, false);
	CHECK(msr_bitmap_exits(bm, MSR_IA32_EFER, true));
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
	CHECK(set == 3);
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_PERF_GLOBAL_CTRL, true));
	/* With IA32_PERF_GLOBAL_CTRL switched its writes exit too, reads do not. */
	msr_bitmap_build_policy(bm, true);
	CHECK(msr_bitmap_exits(bm, MSR_IA32_PERF_GLOBAL_CTRL, true));
	CHECK(!msr_bitmap_exits(bm, MSR_IA32_PERF_GLOBAL_CTRL, false));
	CHECK(msr_bitmap_exits(bm, MSR_IA32_EFER, true));

	CHECK(msr_bitmap_intercept(bm, 0x1fff, true, false));
	CHECK(bm[1023] == 0x80);
	CHECK(msr_bitmap_intercept(bm, 0xc0001fff, true, false));
	CHECK(bm[2047] == 0x80);
	CHECK(!msr_bitmap_intercept(bm, 0x2000, true, false));
	return CHECK_DONE();
}
