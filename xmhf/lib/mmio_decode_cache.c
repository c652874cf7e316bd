#include "mmio_decode_cache.h"
#include <string.h>

/* The first n (1..16) bytes of a and b are equal: two loads of the widest
 * size that fits, which overlap when n is not a power of two; no byte past
 * n is read. */
#define SAME_PAIR(T, a, b, n)                                                     \
	({                                                                        \
		T a0_, a1_, b0_, b1_;                                             \
		__builtin_memcpy(&a0_, (a), sizeof(T));                           \
		__builtin_memcpy(&a1_, (a) + (n) - sizeof(T), sizeof(T));         \
		__builtin_memcpy(&b0_, (b), sizeof(T));                           \
		__builtin_memcpy(&b1_, (b) + (n) - sizeof(T), sizeof(T));         \
		a0_ == b0_ && a1_ == b1_;                                         \
	})

static bool same_prefix(const u8 *a, const u8 *b, size_t n)
{
	if (n >= 8)
		return SAME_PAIR(u64, a, b, n);
	if (n >= 4)
		return SAME_PAIR(u32, a, b, n);
	if (n >= 2)
		return SAME_PAIR(u16, a, b, n);
	return n == 0 || a[0] == b[0];
}

int mmio_decode_store_cached(struct mmio_decode_cache *c, const u8 *bytes, size_t n,
			     enum cpu_mode_bits mode, struct mmio_store *out)
{
	struct mmio_decode_entry *e;

	for (unsigned i = 0; i < MMIO_DECODE_CACHE_WAYS; i++) {
		e = &c->e[i];
		if (e->valid && e->mode == (u8)mode && e->st.len <= n &&
		    same_prefix(e->bytes, bytes, e->st.len)) {
			*out = e->st;
			return 0;
		}
	}
	if (mmio_decode_store(bytes, n, mode, out))
		return -1;
	e = &c->e[c->next];
	c->next = (u8)((c->next + 1) % MMIO_DECODE_CACHE_WAYS);
	*e = (struct mmio_decode_entry){ .valid = true, .mode = (u8)mode, .st = *out };
	memcpy(e->bytes, bytes, out->len);
	return 0;
}
