/* FNV-1a 64-bit hash: the hypervisor's integrity fingerprint of its own code
 * and read-only data, printed at start and after any guest access to it. */
#ifndef XMHF_LIB_CHECKSUM_H
#define XMHF_LIB_CHECKSUM_H
#include "types.h"

u64 fnv1a64(const void *data, size_t len);
/* The same hash continued over more bytes: fnv1a64_more(FNV1A64_INIT, ...) = fnv1a64(...). */
#define FNV1A64_INIT 0xcbf29ce484222325ULL
u64 fnv1a64_more(u64 h, const void *data, size_t len);

#endif
