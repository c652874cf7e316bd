/* Shared helpers for the libFuzzer harnesses in tests/fuzz/: a reader that
 * takes fixed-width values from the fuzz input (zeros once it runs out) and an
 * invariant check that names the broken property before aborting. */
#ifndef XMHF_FUZZ_H
#define XMHF_FUZZ_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "types.h"

struct fuzz_in {
	const u8 *p;
	size_t n;
};

static inline u64 fuzz_bytes(struct fuzz_in *in, unsigned width)
{
	u64 v = 0;

	for (unsigned i = 0; i < width; i++) {
		if (in->n) {
			v |= (u64)*in->p << (8 * i);
			in->p++;
			in->n--;
		}
	}
	return v;
}

static inline u8 fuzz_u8(struct fuzz_in *in) { return (u8)fuzz_bytes(in, 1); }
static inline u16 fuzz_u16(struct fuzz_in *in) { return (u16)fuzz_bytes(in, 2); }
static inline u32 fuzz_u32(struct fuzz_in *in) { return (u32)fuzz_bytes(in, 4); }
static inline u64 fuzz_u64(struct fuzz_in *in) { return fuzz_bytes(in, 8); }

#define FUZZ_ASSERT(cond, ...)                                                     \
	do {                                                                       \
		if (!(cond)) {                                                     \
			fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, \
				__LINE__, #cond);                                  \
			fprintf(stderr, __VA_ARGS__);                              \
			fputc('\n', stderr);                                       \
			abort();                                                   \
		}                                                                  \
	} while (0)

/* err buffers: NUL-terminated within their size. */
static inline bool fuzz_terminated(const char *s, size_t cap)
{
	return memchr(s, '\0', cap) != NULL;
}

#endif
