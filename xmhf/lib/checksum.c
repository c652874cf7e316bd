#include "checksum.h"

#define FNV64_OFFSET 0xcbf29ce484222325ULL
#define FNV64_PRIME 0x100000001b3ULL

u64 fnv1a64(const void *data, size_t len)
{
	const u8 *p = data;
	u64 h = FNV64_OFFSET;

	while (len--) {
		h ^= *p++;
		h *= FNV64_PRIME;
	}
	return h;
}
