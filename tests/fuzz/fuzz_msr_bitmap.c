/* VMX MSR bitmap (xmhf/lib/msr_bitmap.c, SDM 24.6.9) against a reference list:
 * after fuzzed intercepts, an access exits iff the MSR is outside both bitmap
 * ranges or that direction was intercepted; the intercepts never touch bytes
 * outside the 4 KiB page; the policy bitmap exits exactly on the writes of
 * IA32_EFER, IA32_APIC_BASE and the x2APIC ICR. Input: u8 count, then per
 * intercept u8 flags (bit 0 read, bit 1 write, bit 2 full 32-bit MSR) + MSR,
 * then MSRs to probe in the same form. */
#include "fuzz.h"
#include "msr_bitmap.h"
#include "msr_policy.h"
#include "arch/msr.h"

#define GUARD 64
#define MAX_OPS 64

struct op {
	u32 msr;
	bool read, write;
};

/* Compact MSR: one of the two bitmap ranges (or just past them) from 16 bits. */
static u32 take_msr(struct fuzz_in *in, u8 flags)
{
	u32 v = (flags & 4) ? fuzz_u32(in) : fuzz_u16(in);

	if (flags & 4)
		return v;
	return (v & 0x8000 ? 0xc0000000u : 0) + (v & 0x3fff);
}

static bool in_range(u32 msr)
{
	return msr < 0x2000 || (msr >= 0xc0000000u && msr < 0xc0002000u);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	static u8 page[GUARD + MSR_BITMAP_SIZE + GUARD], policy[MSR_BITMAP_SIZE];
	u8 *bm = page + GUARD;
	struct op ops[MAX_OPS];
	u32 n = fuzz_u8(&in) % (MAX_OPS + 1);

	memset(page, 0xa5, sizeof(page));
	memset(bm, 0, MSR_BITMAP_SIZE);
	struct msr_policy mp = { size & 1, NULL };

	msr_bitmap_build_policy(policy, &mp);
	for (u32 i = 0; i < n; i++) {
		u8 f = fuzz_u8(&in);

		ops[i] = (struct op){ take_msr(&in, f), f & 1, f & 2 };
		FUZZ_ASSERT(msr_bitmap_intercept(bm, ops[i].msr, ops[i].read, ops[i].write) ==
			    in_range(ops[i].msr), "intercept of 0x%x", ops[i].msr);
	}
	for (u32 g = 0; g < GUARD; g++)
		FUZZ_ASSERT(page[g] == 0xa5 && page[GUARD + MSR_BITMAP_SIZE + g] == 0xa5,
			    "write outside the bitmap page");
	while (in.n) {
		u8 f = fuzz_u8(&in);
		u32 msr = take_msr(&in, f);

		for (int w = 0; w < 2; w++) {
			bool want = !in_range(msr), pol;

			for (u32 i = 0; i < n; i++)
				want |= ops[i].msr == msr && (w ? ops[i].write : ops[i].read);
			FUZZ_ASSERT(msr_bitmap_exits(bm, msr, w) == want, "MSR 0x%x %s", msr,
				    w ? "write" : "read");
			pol = !in_range(msr) || msr_hidden(&mp, msr) ||
			      (w && (msr == MSR_IA32_EFER || msr == MSR_IA32_APIC_BASE ||
				     msr == MSR_IA32_MISC_ENABLE || msr == MSR_X2APIC_ICR ||
				     (mp.pmu_switched && msr == MSR_IA32_PERF_GLOBAL_CTRL)));
			FUZZ_ASSERT(msr_bitmap_exits(policy, msr, w) == pol, "policy, MSR 0x%x %s",
				    msr, w ? "write" : "read");
		}
	}
	return 0;
}
