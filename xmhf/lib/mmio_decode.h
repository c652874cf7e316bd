/* Decoding the guest instruction that wrote to a write-protected MMIO page
 * (the local APIC) when EPT reports the write: an EPT violation gives the
 * guest-physical address but neither the data nor the instruction length
 * (SDM 27.2.1, 27.2.4), so both come from the instruction bytes
 * (SDM Vol. 2A 2.1-2.2: prefixes, REX, ModR/M, SIB, displacement).
 * Covered: MOV r/m32, r32 (89 /r); MOV r/m32, imm32 (C7 /0); XCHG r/m32, r32
 * (87 /r, Linux's APIC write on 11AP parts); MOV moffs32, EAX (A3, a C store
 * to a constant address); the same with a 16-bit operand (66h), and the byte
 * forms MOV r/m8, r8 (88 /r), MOV r/m8, imm8 (C6 /0), MOV moffs8, AL (A2),
 * which a byte-wise memset over the page uses. 64-bit stores (REX.W) are not
 * covered: no APIC register is 64 bits wide in xAPIC mode. */
#ifndef XMHF_LIB_MMIO_DECODE_H
#define XMHF_LIB_MMIO_DECODE_H
#include "types.h"

#define MMIO_INSN_MAX 15	/* longest x86 instruction (SDM Vol. 2A 2.3.11) */

enum cpu_mode_bits { MODE_16 = 16, MODE_32 = 32, MODE_64 = 64 };

struct mmio_store {
	u8 len;			/* instruction length in bytes */
	u8 size;		/* bytes stored: 1, 2 or 4 */
	bool is_imm;		/* value is imm, else the register reg */
	u8 reg;			/* 0-15, exit-qualification order (RAX RCX RDX RBX ...) */
	bool high8;		/* byte store of AH, CH, DH or BH (reg is RAX..RBX) */
	u32 imm;
};

/* bytes: up to 15 bytes at the guest RIP; mode: the code segment's default
 * size (16, 32 or 64). Returns 0 or -1 if the instruction is not a store
 * listed above (or is cut short by n). */
int mmio_decode_store(const u8 *bytes, size_t n, enum cpu_mode_bits mode, struct mmio_store *out);

#endif
