/* EPT memory types from E820 (SDM 28.2.6.2: EPT replaces the MTRRs). */
#include "check.h"
#include "ept_memtype.h"
#include "e820.h"
#include "arch/vmx_controls.h"

int main(void)
{
	static struct e820_map m;

	e820_add(&m, 0, 0x9fc00, E820_RAM);
	e820_add(&m, 0x9fc00, 0x400, E820_RESERVED);
	e820_add(&m, 0xe8000, 0x18000, E820_RESERVED);
	e820_add(&m, 0x100000, 0x1fef0000, E820_RAM);
	e820_add(&m, 0x1fff0000, 0x10000, E820_ACPI);
	e820_sanitize(&m);

	CHECK(ept_range_memtype(&m, 0, 0x200000) == EPT_RANGE_MIXED);
	CHECK(ept_range_memtype(&m, 0, 0x1000) == (int)EPT_MEMTYPE_WB);
	CHECK(ept_range_memtype(&m, 0x9f000, 0x1000) == EPT_RANGE_MIXED);	/* EBDA at 9FC00 */
	CHECK(ept_range_memtype(&m, 0xa0000, 0x1000) == (int)EPT_MEMTYPE_UC);	/* VGA hole */
	CHECK(ept_range_memtype(&m, 0xf0000, 0x1000) == (int)EPT_MEMTYPE_UC);	/* BIOS */
	CHECK(ept_range_memtype(&m, 0x200000, 0x200000) == (int)EPT_MEMTYPE_WB);
	CHECK(ept_range_memtype(&m, 0x1fe00000, 0x200000) == EPT_RANGE_MIXED);
	CHECK(ept_range_memtype(&m, 0xfee00000, 0x200000) == (int)EPT_MEMTYPE_UC);
	CHECK(ept_range_memtype(&m, 0x100000000ULL, 0x200000) == (int)EPT_MEMTYPE_UC);
	return CHECK_DONE();
}
