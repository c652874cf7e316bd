#include "checksum.h"

#define FNV64_PRIME 0x100000001b3ULL

u64 fnv1a64_more(u64 h, const void *data, size_t len)
{
	const u8 *p = data;

	while (len--) {
		h ^= *p++;
		h *= FNV64_PRIME;
	}
	return h;
}

u64 fnv1a64(const void *data, size_t len)
{
	return fnv1a64_more(FNV1A64_INIT, data, len);
}
