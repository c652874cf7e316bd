/* XSETBV #GP rules for XCR0 (SDM Vol. 1 13.3). */
#include "check.h"
#include "xcr0.h"
#include "arch/xcr.h"

int main(void)
{
	u64 snb = XCR0_X87 | XCR0_SSE | XCR0_AVX;	/* Sandy Bridge: CPUID.0DH:EAX = 7 */
	u64 skx = snb | XCR0_MPX | XCR0_AVX512 | XCR0_PKRU;

	CHECK(xsetbv_allowed(0, XCR0_X87, snb));
	CHECK(xsetbv_allowed(0, XCR0_X87 | XCR0_SSE, snb));
	CHECK(xsetbv_allowed(0, snb, snb));
	CHECK(!xsetbv_allowed(1, XCR0_X87, snb));		/* only XCR0 exists */
	CHECK(!xsetbv_allowed(0, 0, snb));			/* x87 bit must be 1 */
	CHECK(!xsetbv_allowed(0, XCR0_SSE, snb));
	CHECK(!xsetbv_allowed(0, XCR0_X87 | XCR0_AVX, snb));	/* AVX needs SSE */
	CHECK(!xsetbv_allowed(0, snb | XCR0_PKRU, snb));	/* not supported */
	CHECK(!xsetbv_allowed(0, 1ULL << 63, ~0ULL));
	CHECK(xsetbv_allowed(0, skx, skx));
	CHECK(!xsetbv_allowed(0, snb | XCR0_BNDREGS, skx));	/* MPX: both or none */
	CHECK(xsetbv_allowed(0, snb | XCR0_MPX, skx));
	CHECK(!xsetbv_allowed(0, snb | XCR0_OPMASK, skx));	/* AVX-512: all three */
	CHECK(!xsetbv_allowed(0, XCR0_X87 | XCR0_SSE | XCR0_AVX512, skx));	/* and AVX */
	CHECK(xsetbv_allowed(0, snb | XCR0_AVX512, skx));
	CHECK(!xsetbv_allowed(0, snb | XCR0_TILECFG, ~0ULL));	/* AMX: both */
	CHECK(xsetbv_allowed(0, snb | XCR0_AMX, ~0ULL));
	return CHECK_DONE();
}
