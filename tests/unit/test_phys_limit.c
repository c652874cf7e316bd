#include "check.h"
#include "phys_limit.h"
#include "e820.h"

int main(void)
{
	static struct e820_map m;
	bool clamped;

	e820_add(&m, 0, 0x9fc00, E820_RAM);
	e820_add(&m, 0x100000, 0x1ff00000, E820_RAM);		/* 512 MiB machine */
	CHECK(phys_limit(&m, &clamped) == 4ULL << 30 && !clamped);
	e820_add(&m, 0x100000000ULL, 0x140000000ULL, E820_RAM);	/* RAM up to 9 GiB */
	CHECK(phys_limit(&m, &clamped) == 9ULL << 30 && !clamped);
	e820_add(&m, 0x1000000000ULL, 0x100000000ULL, E820_RAM);	/* up to 68 GiB */
	CHECK(phys_limit(&m, &clamped) == 64ULL << 30 && clamped);
	return CHECK_DONE();
}
