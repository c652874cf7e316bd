#include "mmio_decode_cache.h"
#include <string.h>

int mmio_decode_store_cached(struct mmio_decode_cache *c, const u8 *bytes, size_t n,
			     enum cpu_mode_bits mode, struct mmio_store *out)
{
	struct mmio_decode_entry *e;

	for (unsigned i = 0; i < MMIO_DECODE_CACHE_WAYS; i++) {
		e = &c->e[i];
		if (e->valid && e->mode == (u8)mode && e->st.len <= n &&
		    !memcmp(e->bytes, bytes, e->st.len)) {
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
