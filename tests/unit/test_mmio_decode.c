/* Decoding the stores Linux uses for APIC writes, each form also through the
 * decode cache (xmhf/lib/mmio_decode_cache.c), which must answer exactly as
 * the decoder does, on a miss and on a hit, for every form accepted here. */
#include "check.h"
#include "mmio_decode.h"
#include "mmio_decode_cache.h"

static struct mmio_decode_cache cache;	/* shared by all forms: hits across them too */

static bool same(const struct mmio_store *a, const struct mmio_store *b)
{
	return a->len == b->len && a->size == b->size && a->is_imm == b->is_imm && a->reg == b->reg &&
	       a->high8 == b->high8 && a->imm == b->imm;
}

/* mmio_decode_store(), checked against two lookups through the cache. */
static int decode(const u8 *bytes, size_t n, enum cpu_mode_bits mode, struct mmio_store *out)
{
	int rc = mmio_decode_store(bytes, n, mode, out);

	for (int round = 0; round < 2; round++) {
		struct mmio_store c;

		CHECK(mmio_decode_store_cached(&cache, bytes, n, mode, &c) == rc);
		CHECK(rc || same(&c, out));
	}
	return rc;
}

/* A hit needs the same mode and the same bytes, as many as the cached length. */
static void cache_validation(void)
{
	struct mmio_decode_cache k = { 0 };
	struct mmio_store s, t;
	u8 eoi[] = { 0x89, 0xb0, 0xb0, 0x00, 0x00, 0x00 };	/* mov %esi,0xb0(%rax) */
	u8 imm[] = { 0xc7, 0x00, 0x11, 0x22, 0x33, 0x44 };	/* movl $0x44332211,(%rax) */

	CHECK(mmio_decode_store_cached(&k, eoi, sizeof(eoi), MODE_64, &s) == 0 && s.reg == 6);
	eoi[1] = 0x88;						/* mov %ecx,0xb0(%rax) */
	CHECK(mmio_decode_store_cached(&k, eoi, sizeof(eoi), MODE_64, &t) == 0 && t.reg == 1);
	eoi[1] = 0xb0;
	eoi[0] = 0x87;						/* xchg: same length */
	CHECK(mmio_decode_store_cached(&k, eoi, sizeof(eoi), MODE_64, &t) == 0 && t.reg == 6);
	CHECK(mmio_decode_store_cached(&k, eoi, 5, MODE_64, &t) == -1);	/* cut short: no hit */
	CHECK(mmio_decode_store_cached(&k, imm, sizeof(imm), MODE_64, &s) == 0 && s.imm == 0x44332211);
	imm[5] = 0x55;						/* last immediate byte */
	CHECK(mmio_decode_store_cached(&k, imm, sizeof(imm), MODE_64, &s) == 0 && s.imm == 0x55332211);
	/* 66 89 02 is a 16-bit store in 64-bit code, a 32-bit one in 16-bit code. */
	const u8 o[] = { 0x66, 0x89, 0x02 };
	CHECK(mmio_decode_store_cached(&k, o, sizeof(o), MODE_64, &s) == 0 && s.size == 2);
	CHECK(mmio_decode_store_cached(&k, o, sizeof(o), MODE_16, &s) == 0 && s.size == 4);
	/* Each immediate byte is compared, wherever the two loads of the
	 * comparison fall: stores of 6, 7, 10 and 11 bytes ending in imm32. */
	static const u8 ends_imm[][11] = {
		{ 6, 0xc7, 0x00, 0x11, 0x22, 0x33, 0x44 },
		{ 7, 0xc7, 0x40, 0x10, 0x11, 0x22, 0x33, 0x44 },
		{ 10, 0xc7, 0x80, 0xb0, 0, 0, 0, 0x11, 0x22, 0x33, 0x44 },
	};
	static const u8 abs_imm[] = { 0xc7, 0x04, 0x25, 0xb0, 0xd0, 0x5f, 0xff, 0x11, 0x22, 0x33, 0x44 };
	for (unsigned f = 0; f <= 3; f++) {
		u8 b[11];
		size_t n = f < 3 ? ends_imm[f][0] : sizeof(abs_imm);

		memcpy(b, f < 3 ? &ends_imm[f][1] : abs_imm, n);
		CHECK(decode(b, n, MODE_64, &s) == 0 && s.len == n && s.imm == 0x44332211);
		for (size_t i = n - 4; i < n; i++) {
			b[i] ^= 0x80;
			CHECK(decode(b, n, MODE_64, &t) == 0 && t.imm != 0x44332211);
			b[i] ^= 0x80;
		}
	}
	/* More forms than ways: the oldest is replaced, answers stay exact. */
	for (u8 r = 0; r < 8; r++) {
		u8 m[] = { 0x89, (u8)(0x02 | (r << 3)) };

		CHECK(mmio_decode_store_cached(&k, m, sizeof(m), MODE_32, &s) == 0 && s.reg == r);
	}
}

int main(void)
{
	struct mmio_store s;

	cache_validation();

	/* mov %esi,0x300(%rax)  : 89 b0 00 03 00 00 */
	const u8 a[] = { 0x89, 0xb0, 0x00, 0x03, 0x00, 0x00, 0x90 };
	CHECK(decode(a, sizeof(a), MODE_64, &s) == 0);
	CHECK(s.len == 6 && !s.is_imm && s.reg == 6);
	/* mov %r12d,(%rdx) : 44 89 22 */
	const u8 b[] = { 0x44, 0x89, 0x22 };
	CHECK(decode(b, sizeof(b), MODE_64, &s) == 0);
	CHECK(s.len == 3 && s.reg == 12);
	/* mov %eax,0xffffffffff5fc300 : 89 04 25 00 c3 5f ff (SIB, no base, disp32) */
	const u8 c[] = { 0x89, 0x04, 0x25, 0x00, 0xc3, 0x5f, 0xff };
	CHECK(decode(c, sizeof(c), MODE_64, &s) == 0);
	CHECK(s.len == 7 && s.reg == 0);
	/* movl $0x0,0xb0(%rax) : c7 80 b0 00 00 00 00 00 00 00 */
	const u8 d[] = { 0xc7, 0x80, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
	CHECK(decode(d, sizeof(d), MODE_64, &s) == 0);
	CHECK(s.len == 10 && s.is_imm && s.imm == 0);
	/* movl $0xc4500,0x300(%rbx,%rcx,1)... c7 84 0b 00 03 00 00 00 45 0c 00 */
	const u8 e[] = { 0xc7, 0x84, 0x0b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x45, 0x0c, 0x00 };
	CHECK(decode(e, sizeof(e), MODE_64, &s) == 0);
	CHECK(s.len == 11 && s.imm == 0xc4500);
	/* xchg %eax,(%rdx) (11AP workaround): 87 02 */
	const u8 f[] = { 0x87, 0x02 };
	CHECK(decode(f, sizeof(f), MODE_64, &s) == 0 && s.len == 2 && s.reg == 0);
	/* RIP-relative: mov %ecx,0x1234(%rip) : 89 0d 34 12 00 00 */
	const u8 g[] = { 0x89, 0x0d, 0x34, 0x12, 0x00, 0x00 };
	CHECK(decode(g, sizeof(g), MODE_64, &s) == 0 && s.len == 6 && s.reg == 1);
	/* 32-bit mode, disp8: mov %edx,0x10(%ebx) : 89 53 10 */
	const u8 h[] = { 0x89, 0x53, 0x10 };
	CHECK(decode(h, sizeof(h), MODE_32, &s) == 0 && s.len == 3 && s.reg == 2);
	/* In 32-bit mode 0x44 is INC, not REX: not a store we know. */
	CHECK(decode(b, sizeof(b), MODE_32, &s) == -1);
	/* 64-bit store (REX.W), register destination, truncated: rejected. */
	const u8 w[] = { 0x48, 0x89, 0x02 }, o16[] = { 0x66, 0x89, 0x02 }, rr[] = { 0x89, 0xc0 };
	CHECK(decode(w, sizeof(w), MODE_64, &s) == -1);
	/* 16-bit store: mov %ax,(%rdx) */
	CHECK(decode(o16, sizeof(o16), MODE_64, &s) == 0 && s.size == 2 && s.len == 3);
	CHECK(decode(a, sizeof(a), MODE_64, &s) == 0 && s.size == 4);
	/* Byte-wise memset: mov %sil,(%rcx) = 40 88 31 (REX: reg 6 is SIL). */
	const u8 bm[] = { 0x40, 0x88, 0x31 };
	CHECK(decode(bm, sizeof(bm), MODE_64, &s) == 0 && s.size == 1 && s.len == 3 &&
	      s.reg == 6 && !s.high8);
	/* Without REX, reg 6 of a byte store is DH: mov %dh,(%ecx) = 88 31. */
	CHECK(decode(bm + 1, 2, MODE_32, &s) == 0 && s.size == 1 && s.reg == 2 && s.high8);
	/* movb $0x5a,0x80(%eax) = c6 80 80 00 00 00 5a; movw $0x1234,(%ebx) = 66 c7 03 34 12 */
	const u8 mb[] = { 0xc6, 0x80, 0x80, 0x00, 0x00, 0x00, 0x5a };
	CHECK(decode(mb, sizeof(mb), MODE_32, &s) == 0 && s.len == 7 && s.size == 1 &&
	      s.is_imm && s.imm == 0x5a);
	CHECK(decode(mb, 6, MODE_32, &s) == -1);		/* immediate cut off */
	const u8 mw[] = { 0x66, 0xc7, 0x03, 0x34, 0x12 };
	CHECK(decode(mw, sizeof(mw), MODE_32, &s) == 0 && s.len == 5 && s.size == 2 &&
	      s.imm == 0x1234);
	/* mov %al,0xfee00080 (moffs8) = a2 80 00 e0 fe */
	const u8 m8[] = { 0xa2, 0x80, 0x00, 0xe0, 0xfe };
	CHECK(decode(m8, sizeof(m8), MODE_32, &s) == 0 && s.len == 5 && s.size == 1);
	/* C6 /1 is not a MOV. */
	const u8 c61[] = { 0xc6, 0x08, 0x00 };
	CHECK(decode(c61, sizeof(c61), MODE_32, &s) == -1);
	CHECK(decode(rr, sizeof(rr), MODE_64, &s) == -1);
	CHECK(decode(d, 6, MODE_64, &s) == -1);
	/* 16-bit code with 0x66: a 32-bit store, 16-bit addressing: 66 89 47 02 */
	const u8 r16[] = { 0x66, 0x89, 0x47, 0x02 };
	CHECK(decode(r16, sizeof(r16), MODE_16, &s) == 0 && s.len == 4 && s.reg == 0);
	/* mov %eax,0xfee00310 (moffs32): a3 + 4-byte address in 32-bit mode, 8 in 64-bit */
	const u8 m32[] = { 0xa3, 0x10, 0x03, 0xe0, 0xfe };
	CHECK(decode(m32, sizeof(m32), MODE_32, &s) == 0 && s.len == 5 && s.reg == 0 &&
	      !s.is_imm);
	const u8 m64[] = { 0xa3, 0x10, 0x03, 0xe0, 0xfe, 0, 0, 0, 0 };
	CHECK(decode(m64, sizeof(m64), MODE_64, &s) == 0 && s.len == 9);
	const u8 m64a32[] = { 0x67, 0xa3, 0x10, 0x03, 0xe0, 0xfe };
	CHECK(decode(m64a32, sizeof(m64a32), MODE_64, &s) == 0 && s.len == 6);
	CHECK(decode(m32, sizeof(m32), MODE_64, &s) == -1);	/* truncated */
	return CHECK_DONE();
}
