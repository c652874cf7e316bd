/* MSR and XCR accesses that may fault: a #GP is caught through the exception
 * table (runtime/idt.c) and reported as false instead of killing the host. */
#ifndef XMHF_RT_MSR_SAFE_H
#define XMHF_RT_MSR_SAFE_H
#include "types.h"

#define EXTABLE_ASM(insn)                                                     \
	"1: " insn "\n2:\n"                                                   \
	".pushsection .extable, \"a\"\n.quad 1b, 3f\n.popsection\n"           \
	".pushsection .text.fixup, \"ax\"\n3: movl $1, %[err]\njmp 2b\n.popsection"

static inline bool rdmsr_safe(u32 msr, u64 *value)
{
	u32 lo = 0, hi = 0, err = 0;

	asm volatile(EXTABLE_ASM("rdmsr") : "+a"(lo), "+d"(hi), [err] "+r"(err) : "c"(msr));
	*value = ((u64)hi << 32) | lo;
	return !err;
}

static inline bool wrmsr_safe(u32 msr, u64 value)
{
	u32 err = 0;

	asm volatile(EXTABLE_ASM("wrmsr")
		     : [err] "+r"(err)
		     : "c"(msr), "a"((u32)value), "d"((u32)(value >> 32))
		     : "memory");
	return !err;
}

static inline bool xsetbv_safe(u32 xcr, u64 value)
{
	u32 err = 0;

	asm volatile(EXTABLE_ASM("xsetbv")
		     : [err] "+r"(err)
		     : "c"(xcr), "a"((u32)value), "d"((u32)(value >> 32))
		     : "memory");
	return !err;
}

#endif
