#include "xcr0.h"
#include "arch/xcr.h"

/* The #GP(0) conditions of XSETBV for XCR0 (SDM Vol. 1 13.3; Vol. 2D XSETBV). */
bool xsetbv_allowed(u32 xcr, u64 value, u64 supported)
{
	if (xcr != XCR_XFEATURE_ENABLED || (value & ~supported) || !(value & XCR0_X87))
		return false;
	if ((value & XCR0_AVX) && !(value & XCR0_SSE))
		return false;
	if ((value & XCR0_MPX) && (value & XCR0_MPX) != XCR0_MPX)
		return false;
	if ((value & XCR0_AVX512) &&
	    ((value & XCR0_AVX512) != XCR0_AVX512 || !(value & XCR0_AVX)))
		return false;
	if ((value & XCR0_AMX) && (value & XCR0_AMX) != XCR0_AMX)
		return false;
	return true;
}
