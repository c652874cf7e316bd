/* INT 15h E820h answers: the full continuation walk returns every entry of
 * the edited map exactly once, the last one with EBX = 0 (XMHF64 bug 019). */
#include "check.h"
#include "e820_int15.h"
#include "e820.h"

static struct e820_map map;

static void call(struct int15_regs *r, u32 ebx)
{
	*r = (struct int15_regs){ .eax = 0xe820, .ebx = ebx, .ecx = 24, .edx = E820_SMAP };
}

int main(void)
{
	struct int15_regs r;
	struct e820_entry out;
	bool write;
	u32 seen = 0;

	e820_add(&map, 0, 0x9fc00, E820_RAM);
	e820_add(&map, 0x9fc00, 0x400, E820_RESERVED);
	e820_add(&map, 0x100000, 0x1ff00000, E820_RAM);
	e820_sanitize(&map);
	CHECK(e820_reserve(&map, 0x1fc00000, 0x200000) == 0);
	CHECK(map.count == 5);

	call(&r, 0);
	do {
		u32 idx = r.ebx;

		CHECK(e820_int15(&map, &r, &out, &write));
		CHECK(write && !r.cf);
		CHECK(r.eax == E820_SMAP && r.ecx == 20);
		CHECK(out.addr == map.e[idx].addr && out.len == map.e[idx].len);
		seen++;
		call(&r, r.ebx);
	} while (r.ebx != 0 && seen < 100);
	CHECK(seen == map.count);
	CHECK(out.addr == 0x1fe00000 && out.type == E820_RAM);	/* last entry present */

	/* Past the end, or a bad signature: CF set, nothing written. */
	call(&r, map.count);
	CHECK(e820_int15(&map, &r, &out, &write) && r.cf && !write);
	call(&r, 0);
	r.edx = 0;
	CHECK(e820_int15(&map, &r, &out, &write) && r.cf && !write);
	call(&r, 0);
	r.ecx = 19;
	CHECK(e820_int15(&map, &r, &out, &write) && r.cf && !write);

	/* Other INT 15h functions are chained to the BIOS. */
	call(&r, 0);
	r.eax = 0x2400;
	CHECK(!e820_int15(&map, &r, &out, &write));
	/* E801h and 88h: contiguous RAM from 1 MiB up, stopping below the
	 * hypervisor at 0x1fc00000 (508 MiB). */
	r = (struct int15_regs){ .eax = 0xe801 };
	CHECK(e820_int15(&map, &r, &out, &write) && !write && !r.cf);
	CHECK((r.eax & 0xffff) == 0x3c00 && (r.ecx & 0xffff) == 0x3c00);	/* 15 MiB */
	CHECK((r.ebx & 0xffff) == (0x1fc00000 - 0x1000000) / 0x10000 && (r.edx & 0xffff) == (r.ebx & 0xffff));
	r = (struct int15_regs){ .eax = 0x8800 };
	CHECK(e820_int15(&map, &r, &out, &write) && !write && !r.cf);
	CHECK((r.eax & 0xffff) == 0xfc00);			/* capped at 63 MiB */
	{
		static struct e820_map small;

		e820_add(&small, 0, 0x9fc00, E820_RAM);
		e820_add(&small, 0x100000, 0x700000, E820_RAM);	/* 8 MiB machine */
		r = (struct int15_regs){ .eax = 0x88ff };
		CHECK(e820_int15(&small, &r, &out, &write) && (r.eax & 0xffff) == 0x1c00);
		r = (struct int15_regs){ .eax = 0xe801 };
		CHECK(e820_int15(&small, &r, &out, &write) && (r.eax & 0xffff) == 0x1c00 && (r.ebx & 0xffff) == 0);
	}
	r = (struct int15_regs){ .eax = 0xe980 };		/* another function: chained */
	CHECK(!e820_int15(&map, &r, &out, &write));
	return CHECK_DONE();
}
