/* A small cache in front of mmio_decode_store(): the decode of an instruction
 * is a pure function of the code segment's mode and of its own bytes (the
 * decoder reads nothing past the length it returns), so a cached decode is
 * reused only when the bytes fetched at the guest's RIP, as many as the
 * cached length, equal the cached ones in the same mode. Nothing else (RIP,
 * CR3) is trusted: a remapped or rewritten instruction misses. */
#ifndef XMHF_LIB_MMIO_DECODE_CACHE_H
#define XMHF_LIB_MMIO_DECODE_CACHE_H
#include "mmio_decode.h"

#define MMIO_DECODE_CACHE_WAYS 4	/* Linux: EOI, timer, ICR high and low */

struct mmio_decode_cache {
	struct mmio_decode_entry {
		bool valid;
		u8 mode;		/* enum cpu_mode_bits */
		u8 bytes[MMIO_INSN_MAX];	/* the first st.len are compared */
		struct mmio_store st;
	} e[MMIO_DECODE_CACHE_WAYS];
	u8 next;			/* way replaced on the next miss */
};

/* mmio_decode_store(bytes, n, mode, out), answered from the cache when it
 * can be; a successful decode is cached. */
int mmio_decode_store_cached(struct mmio_decode_cache *c, const u8 *bytes, size_t n,
			     enum cpu_mode_bits mode, struct mmio_store *out);

#endif
