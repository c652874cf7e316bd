/* The guest-memory rule (xmhf/lib/guest_mem.c) on a Bochs-like map. */
#include "check.h"
#include "guest_mem.h"

int main(void)
{
	static struct e820_map fw = { 6, {
		{ 0, 0x9f000, E820_RAM }, { 0x9f000, 0x1000, E820_RESERVED },
		{ 0xe8000, 0x18000, E820_RESERVED }, { 0x100000, 0x1fef0000, E820_RAM },
		{ 0x1fff0000, 0x10000, E820_ACPI }, { 0xfffc0000, 0x40000, E820_RESERVED } } };
	struct guest_mem_map m = guest_mem_map_make(&fw, 0x1fc00000, 0x200000, 0x100000000ULL);
	struct guest_mem_map plain = m;
	u64 x = 0x9e3779b97f4a7c15ULL;

	CHECK(m.ram == &fw.e[3]);	/* the largest RAM entry */
	plain.ram = NULL;
	/* The entry looked at first changes no answer: ranges around every
	 * boundary of the map, each length up to 0x3000, reads and writes. */
	for (int i = 0; i < 200000; i++) {
		const struct e820_entry *e = &fw.e[(x >> 8) % fw.count];
		u64 gpa = ((x >> 16) & 1 ? e->addr : e->addr + e->len) + ((x >> 20) & 0x3fff) - 0x2000;
		u64 len = (x >> 40) & 0x3fff;
		bool write = (x >> 63) & 1;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		CHECK(guest_mem_check(&m, gpa, len, write) == guest_mem_check(&plain, gpa, len, write));
	}

	CHECK(guest_mem_check(&m, 0x7c00, 512, true) == GMEM_OK);
	CHECK(guest_mem_check(&m, 0x1fbfffff, 1, true) == GMEM_OK);
	CHECK(guest_mem_check(&m, 0x1fbffff0, 20, true) == GMEM_HYPERVISOR);	/* straddles */
	CHECK(guest_mem_check(&m, 0x1fc00000, 4, false) == GMEM_HYPERVISOR);
	CHECK(guest_mem_check(&m, 0x1fdffffc, 8, false) == GMEM_HYPERVISOR);
	CHECK(guest_mem_check(&m, 0x1fe00000, 8, true) == GMEM_OK);
	CHECK(guest_mem_check(&m, 0xf0000, 16, false) == GMEM_OK);		/* BIOS code */
	CHECK(guest_mem_check(&m, 0xf0000, 16, true) == GMEM_NOT_RAM);
	CHECK(guest_mem_check(&m, 0x9fff0, 0x20, true) == GMEM_NOT_RAM);	/* EBDA end */
	CHECK(guest_mem_check(&m, 0x1fff0000, 32, false) == GMEM_OK);		/* ACPI tables */
	CHECK(guest_mem_check(&m, 0x1fff0000, 32, true) == GMEM_NOT_RAM);
	CHECK(guest_mem_check(&m, 0xfee00000, 4, false) == GMEM_NOT_RAM);	/* APIC MMIO */
	CHECK(guest_mem_check(&m, 0x100000000ULL, 1, false) == GMEM_BEYOND_LIMIT);
	CHECK(guest_mem_check(&m, ~0ULL, 2, false) == GMEM_WRAPS);
	CHECK(guest_mem_check(&m, 0x1000, 0, false) == GMEM_WRAPS);
	CHECK(guest_mem_check(&m, 0x9e000, 0x2000, false) == GMEM_OK);		/* legacy MiB */
	CHECK(guest_mem_check(&m, 0xff000, 0x2000, false) == GMEM_OK);		/* RAM at 1 MiB */
	CHECK(guest_mem_check(&m, 0xff000, 0x2000, true) == GMEM_NOT_RAM);
	CHECK(!strcmp(guest_mem_result_name(GMEM_HYPERVISOR), "inside the hypervisor's range"));
	return CHECK_DONE();
}
