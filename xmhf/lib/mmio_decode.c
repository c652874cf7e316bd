#include "mmio_decode.h"

/* Length of ModR/M + SIB + displacement for 32/64-bit addressing (SDM Vol.
 * 2A Tables 2-2, 2-3) or 16-bit addressing (Table 2-1). */
static int modrm_len(const u8 *p, size_t n, bool addr16)
{
	u8 modrm, mod, rm;
	int len = 1;

	if (n < 1)
		return -1;
	modrm = p[0];
	mod = modrm >> 6;
	rm = modrm & 7;
	if (mod == 3)
		return -1;		/* register destination: not a store */
	if (addr16) {
		if (mod == 0 && rm == 6)
			return len + 2;
		return len + (mod == 1 ? 1 : mod == 2 ? 2 : 0);
	}
	if (rm == 4) {			/* SIB */
		if (n < 2)
			return -1;
		len++;
		if (mod == 0 && (p[1] & 7) == 5)
			return len + 4;
	} else if (mod == 0 && rm == 5) {
		return len + 4;		/* disp32 (RIP-relative in 64-bit mode) */
	}
	return len + (mod == 1 ? 1 : mod == 2 ? 4 : 0);
}

/* MOV moffs, AL/AX/EAX (A2, A3): the address follows the opcode, its size set
 * by the address size: 8 bytes in 64-bit mode, 4 with 67h (SDM Vol. 2B MOV,
 * 2.2.1.4). */
static int moffs_store(size_t left, enum cpu_mode_bits mode, bool has67, size_t i,
		       struct mmio_store *out)
{
	size_t moffs = mode == MODE_64 ? (has67 ? 4 : 8) : (mode == MODE_32) != has67 ? 4 : 2;

	if (left < moffs)
		return -1;
	out->is_imm = false;
	out->reg = 0;
	out->imm = 0;
	out->len = (u8)(i + moffs);
	return 0;
}

static u32 imm_le(const u8 *p, u8 size)
{
	u32 v = 0;

	for (u8 k = 0; k < size; k++)
		v |= (u32)p[k] << (8 * k);
	return v;
}

int mmio_decode_store(const u8 *bytes, size_t n, enum cpu_mode_bits mode, struct mmio_store *out)
{
	size_t i = 0;
	bool has66 = false, has67 = false, op16, addr16, byte_op;
	u8 rex = 0, op;
	size_t imm;
	int ml;

	if (n > MMIO_INSN_MAX)
		n = MMIO_INSN_MAX;
	for (; i < n; i++) {			/* legacy prefixes */
		u8 b = bytes[i];

		if (b == 0x66)
			has66 = true;
		else if (b == 0x67)
			has67 = true;
		else if (b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 ||
			 b == 0x65 || b == 0xf0)
			continue;
		else
			break;
	}
	op16 = (mode == MODE_16) != has66;
	addr16 = mode == MODE_16 ? !has67 : (mode == MODE_32 && has67);
	if (i < n && mode == MODE_64 && (bytes[i] & 0xf0) == 0x40)
		rex = bytes[i++];
	if (i >= n || (rex & 0x08))		/* REX.W: a 64-bit store */
		return -1;
	op = bytes[i++];
	byte_op = op == 0x88 || op == 0xc6 || op == 0xa2;
	out->size = byte_op ? 1 : op16 ? 2 : 4;
	out->high8 = false;
	if (op == 0xa2 || op == 0xa3)
		return moffs_store(n - i, mode, has67, i, out);
	if (op != 0x89 && op != 0x87 && op != 0xc7 && op != 0x88 && op != 0xc6)
		return -1;
	imm = op == 0xc7 || op == 0xc6 ? out->size : 0;
	if (imm && (i >= n || ((bytes[i] >> 3) & 7) != 0))
		return -1;			/* C6/C7 /0 only */
	ml = modrm_len(bytes + i, n - i, addr16);
	if (ml < 0 || i + (size_t)ml + imm > n)
		return -1;
	out->is_imm = imm != 0;
	out->reg = (u8)(((bytes[i] >> 3) & 7) | ((rex & 0x04) ? 8 : 0));
	/* Byte registers 4-7 without REX are AH CH DH BH (SDM Vol. 2A 3.7.2.1). */
	if (byte_op && !imm && !rex && out->reg >= 4) {
		out->high8 = true;
		out->reg -= 4;
	}
	out->imm = 0;
	i += (size_t)ml;
	if (imm) {
		out->imm = imm_le(bytes + i, (u8)imm);
		i += imm;
	}
	out->len = (u8)i;
	return 0;
}
