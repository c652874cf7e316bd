#include "msr_bitmap.h"
#include "msr_policy.h"
#include "mtrr.h"
#include "arch/msr.h"

#define MSR_LOW_END 0x2000u
#define MSR_HIGH_BASE 0xc0000000u
#define READ_LOW 0
#define READ_HIGH 1024
#define WRITE_OFFSET 2048

/* Byte offset of msr's bit in the read bitmap, or -1 when out of range. */
static int read_offset(u32 msr)
{
	if (msr < MSR_LOW_END)
		return READ_LOW * 8 + (int)msr;
	if (msr - MSR_HIGH_BASE < MSR_LOW_END)
		return READ_HIGH * 8 + (int)(msr - MSR_HIGH_BASE);
	return -1;
}

bool msr_bitmap_intercept(u8 *bitmap, u32 msr, bool read, bool write)
{
	int bit = read_offset(msr);

	if (bit < 0)
		return false;
	if (read)
		bitmap[bit / 8] |= (u8)(1u << (bit % 8));
	if (write)
		bitmap[WRITE_OFFSET + bit / 8] |= (u8)(1u << (bit % 8));
	return true;
}

bool msr_bitmap_exits(const u8 *bitmap, u32 msr, bool write)
{
	int bit = read_offset(msr);

	if (bit < 0)
		return true;
	return bitmap[(write ? WRITE_OFFSET : 0) + bit / 8] & (1u << (bit % 8));
}

void msr_bitmap_build_policy(u8 *bitmap, const struct msr_policy *p)
{
	for (unsigned i = 0; i < MSR_BITMAP_SIZE; i++)
		bitmap[i] = 0;
	msr_bitmap_intercept(bitmap, MSR_IA32_EFER, false, true);
	msr_bitmap_intercept(bitmap, MSR_IA32_APIC_BASE, false, true);
	msr_bitmap_intercept(bitmap, MSR_IA32_MISC_ENABLE, false, true);
	msr_bitmap_intercept(bitmap, MSR_X2APIC_ICR, false, true);
	if (p->pmu_switched)
		msr_bitmap_intercept(bitmap, MSR_IA32_PERF_GLOBAL_CTRL, false, true);
	for (u32 msr = 0; msr < MSR_LOW_END; msr++)
		if (msr_hidden(p, msr) || (p->mtrr && mtrr_is_msr(p->mtrr, msr)))
			msr_bitmap_intercept(bitmap, msr, true, true);
}
