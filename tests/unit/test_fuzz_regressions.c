/* Inputs the libFuzzer harnesses (tests/fuzz/) crashed on, kept as unit tests
 * so that the host build (ASan+UBSan) catches a regression without fuzzing. */
#include <stdlib.h>
#include "check.h"
#include "mmio_decode.h"
#include "vmcs_check.h"

/* fuzz_mmio_decode: "2e c7" (CS prefix, MOV r/m32, imm32 opcode, no ModR/M)
 * read bytes[2], one past the buffer, to test the /0 reg field. */
static void test_mmio_c7_without_modrm(void)
{
	static const u8 insn[] = { 0x2e, 0xc7 };
	u8 *bytes = malloc(sizeof(insn));
	struct mmio_store s;

	memcpy(bytes, insn, sizeof(insn));
	CHECK(mmio_decode_store(bytes, sizeof(insn), MODE_64, &s) == -1);
	CHECK(mmio_decode_store(bytes + 1, 1, MODE_32, &s) == -1);
	free(bytes);
}

static u64 read_zero(const struct vmcs_view *v, u32 field)
{
	(void)v;
	(void)field;
	return 0;
}

/* fuzz_vmcs_check: CPUID-reported widths of 64 or more (a broken or hostile
 * CPUID under nesting) shifted a u64 by >= 64 (UB). Out-of-range widths must
 * count as "not known", like 0. */
static void test_vmcs_check_wide_widths(void)
{
	struct vmcs_view v = { read_zero, NULL };
	struct vmx_caps known = { 0 }, wide = { 0 };
	unsigned base = vmcs_check_all(&v, &known, NULL, NULL);

	wide.maxphyaddr = 64;
	wide.linear_bits = 65;
	CHECK(vmcs_check_all(&v, &wide, NULL, NULL) == base);
	wide.maxphyaddr = 246;
	wide.linear_bits = 255;
	CHECK(vmcs_check_all(&v, &wide, NULL, NULL) == base);
}

int main(void)
{
	test_mmio_c7_without_modrm();
	test_vmcs_check_wide_widths();
	return CHECK_DONE();
}
