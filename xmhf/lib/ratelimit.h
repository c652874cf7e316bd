/* Rate limit for serial lines a guest can trigger: the first
 * RATELIMIT_BURST, then one at each power of two, so a guest loop cannot
 * flood the console or stall the CPU in the UART. */
#ifndef XMHF_LIB_RATELIMIT_H
#define XMHF_LIB_RATELIMIT_H
#include "types.h"

#define RATELIMIT_BURST 8

/* Counts one event in *n; true if this one may be logged. */
static inline bool ratelimit_ok(u32 *n)
{
	u32 k = __atomic_add_fetch(n, 1, __ATOMIC_RELAXED);

	return k <= RATELIMIT_BURST || !(k & (k - 1));
}

#endif
