/* mmio_decode_store (xmhf/lib/mmio_decode.c, SDM Vol. 2A 2.1-2.2) on fuzzed
 * instruction bytes in an exact-size buffer (ASan catches any read past n): an
 * accepted store has 2 <= len <= min(n, 15), a register 0-15 and decodes the
 * same from its own len bytes; a store's size is 1, 2 or 4, and an immediate
 * store's immediate is its last `size` bytes; a high-byte register is AH-BH.
 * The decode cache, kept across inputs, answers exactly as the decoder.
 * Input: u8 mode (0/1/2: 16/32/64-bit), then the instruction bytes. */
#include "fuzz.h"
#include "mmio_decode.h"
#include "mmio_decode_cache.h"

static const enum cpu_mode_bits modes[3] = { MODE_16, MODE_32, MODE_64 };

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	enum cpu_mode_bits mode = modes[fuzz_u8(&in) % 3];
	u8 *bytes = malloc(in.n ? in.n : 1);
	static struct mmio_decode_cache cache;
	struct mmio_store a, b, k;
	u32 imm;
	int rc;

	memcpy(bytes, in.p, in.n);
	memset(&a, 0, sizeof(a));
	rc = mmio_decode_store(bytes, in.n, mode, &a);
	FUZZ_ASSERT(rc == 0 || rc == -1, "rc %d", rc);
	memset(&k, 0, sizeof(k));
	FUZZ_ASSERT(mmio_decode_store_cached(&cache, bytes, in.n, mode, &k) == rc &&
		    (rc || (k.len == a.len && k.is_imm == a.is_imm && k.reg == a.reg &&
			    k.imm == a.imm && k.size == a.size && k.high8 == a.high8)),
		    "the cache answers differently");
	if (rc == 0) {
		FUZZ_ASSERT(a.len >= 2 && a.len <= in.n && a.len <= 15, "len %u of %zu bytes", a.len,
			    in.n);
		FUZZ_ASSERT(a.reg <= 15, "reg %u", a.reg);
		FUZZ_ASSERT(a.size == 1 || a.size == 2 || a.size == 4, "size %u", a.size);
		FUZZ_ASSERT(!a.high8 || (a.size == 1 && a.reg < 4), "high8 with reg %u", a.reg);
		if (a.is_imm) {
			imm = 0;
			memcpy(&imm, bytes + a.len - a.size, a.size);
			FUZZ_ASSERT(a.imm == imm, "imm 0x%x, bytes say 0x%x", a.imm, imm);
		}
		memset(&b, 0, sizeof(b));
		FUZZ_ASSERT(mmio_decode_store(bytes, a.len, mode, &b) == 0 && a.len == b.len &&
			    a.is_imm == b.is_imm && a.reg == b.reg && a.imm == b.imm &&
			    a.size == b.size && a.high8 == b.high8,
			    "decoding the first %u bytes differs", a.len);
	}
	free(bytes);
	return 0;
}
