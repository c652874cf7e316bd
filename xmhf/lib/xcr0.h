/* XSETBV of XCR0 by the guest (SDM Vol. 1 13.3, Vol. 2D XSETBV). */
#ifndef XMHF_LIB_XCR0_H
#define XMHF_LIB_XCR0_H
#include "types.h"

/* True if XSETBV(ECX = xcr, value) must not #GP on a CPU whose
 * CPUID.(EAX=0DH,ECX=0):EDX:EAX is `supported`. */
bool xsetbv_allowed(u32 xcr, u64 value, u64 supported);

#endif
