/* E820 map editing: sanitize, reserve, find_top, ram_top and the INT 15h walk. */
#include "check.h"
#include "e820.h"

struct range {
	u64 addr, len;
	u32 type;
};

/* The map equals want[0..n) exactly. */
static bool map_is(const struct e820_map *m, const struct range *want, u32 n)
{
	if (m->count != n)
		return false;
	for (u32 i = 0; i < n; i++)
		if (m->e[i].addr != want[i].addr || m->e[i].len != want[i].len ||
		    m->e[i].type != want[i].type)
			return false;
	return true;
}

static void dump(const struct e820_map *m)
{
	for (u32 i = 0; i < m->count; i++)
		fprintf(stderr, "  [%u] 0x%llx +0x%llx type %u\n", i, (unsigned long long)m->e[i].addr,
			(unsigned long long)m->e[i].len, m->e[i].type);
}

#define CHECK_MAP(m, ...)                                                         \
	do {                                                                      \
		static const struct range want_[] = { __VA_ARGS__ };              \
		bool ok_ = map_is((m), want_, ARRAY_SIZE(want_));                 \
		CHECK(ok_);                                                       \
		if (!ok_)                                                         \
			dump(m);                                                  \
	} while (0)

/* A typical PC map, deliberately unsorted. */
static void pc_map(struct e820_map *m)
{
	m->count = 0;
	e820_add(m, 0x100000, 0x7fde0000, E820_RAM);		/* 1 MiB .. 0x7fee0000 */
	e820_add(m, 0xfec00000, 0x1400000, E820_RESERVED);
	e820_add(m, 0, 0x9fc00, E820_RAM);
	e820_add(m, 0x9fc00, 0x400, E820_RESERVED);
	e820_add(m, 0xf0000, 0x10000, E820_RESERVED);
	e820_add(m, 0x7fee0000, 0x20000, E820_ACPI);
	e820_add(m, 0x100000000ULL, 0x80000000ULL, E820_RAM);
}

static void test_sanitize_sorts(void)
{
	struct e820_map m;

	pc_map(&m);
	CHECK(e820_sanitize(&m) == 0);
	CHECK_MAP(&m, { 0, 0x9fc00, E820_RAM }, { 0x9fc00, 0x400, E820_RESERVED },
		  { 0xf0000, 0x10000, E820_RESERVED }, { 0x100000, 0x7fde0000, E820_RAM },
		  { 0x7fee0000, 0x20000, E820_ACPI }, { 0xfec00000, 0x1400000, E820_RESERVED },
		  { 0x100000000ULL, 0x80000000ULL, E820_RAM });
	/* Sanitizing a sanitized map changes nothing. */
	CHECK(e820_sanitize(&m) == 0);
	CHECK(m.count == 7 && m.e[6].addr == 0x100000000ULL);
}

static void test_sanitize_overlaps(void)
{
	struct e820_map m = { .count = 0 };

	/* Reserved nested in RAM splits it; zero-length entries vanish;
	 * adjacent and overlapping RAM merges; ACPI beats reserved beats RAM;
	 * NVS beats ACPI; type 0 becomes reserved. */
	e820_add(&m, 0x0, 0x10000, E820_RAM);
	e820_add(&m, 0x10000, 0x10000, E820_RAM);
	e820_add(&m, 0x8000, 0x10000, E820_RAM);
	e820_add(&m, 0x4000, 0, E820_RESERVED);
	e820_add(&m, 0x18000, 0x1000, E820_RESERVED);
	e820_add(&m, 0x40000, 0x4000, E820_RESERVED);
	e820_add(&m, 0x42000, 0x4000, E820_ACPI);
	e820_add(&m, 0x45000, 0x2000, E820_NVS);
	e820_add(&m, 0x30000, 0x10000, E820_RAM);
	e820_add(&m, 0x50000, 0x1000, 0);
	CHECK(e820_sanitize(&m) == 0);
	CHECK_MAP(&m, { 0x0, 0x18000, E820_RAM }, { 0x18000, 0x1000, E820_RESERVED },
		  { 0x19000, 0x7000, E820_RAM }, { 0x30000, 0x10000, E820_RAM },
		  { 0x40000, 0x2000, E820_RESERVED }, { 0x42000, 0x3000, E820_ACPI },
		  { 0x45000, 0x2000, E820_NVS }, { 0x50000, 0x1000, E820_RESERVED });
	/* [0x19000,0x20000) and [0x30000,0x40000) are RAM but not adjacent: a hole stays. */
	CHECK(m.e[2].addr + m.e[2].len == 0x20000);

	/* A range past 2^64 is clipped; identical duplicates collapse. */
	m.count = 0;
	e820_add(&m, 0xfffffffffffff000ULL, 0x2000, E820_RESERVED);
	e820_add(&m, 0x1000, 0x1000, E820_RAM);
	e820_add(&m, 0x1000, 0x1000, E820_RAM);
	CHECK(e820_sanitize(&m) == 0);
	CHECK_MAP(&m, { 0x1000, 0x1000, E820_RAM },
		  { 0xfffffffffffff000ULL, 0xfff, E820_RESERVED });

	m.count = 0;
	CHECK(e820_sanitize(&m) == 0 && m.count == 0);
}

/* 1 RAM range with 127 reserved holes punched in needs 255 entries. */
static void test_sanitize_overflow(void)
{
	struct e820_map m = { .count = 0 };

	CHECK(e820_add(&m, 0, 0x1000000, E820_RAM) == 0);
	for (u32 i = 1; i < E820_MAX; i++)
		CHECK(e820_add(&m, i * 0x10000ULL, 0x1000, E820_RESERVED) == 0);
	CHECK(m.count == E820_MAX);
	CHECK(e820_add(&m, 0x2000000, 0x1000, E820_RAM) == -1);
	CHECK(e820_sanitize(&m) == -1);
	/* Unchanged. */
	CHECK(m.count == E820_MAX && m.e[0].len == 0x1000000 && m.e[5].addr == 0x50000);
	CHECK(e820_reserve(&m, 0x800, 0x100) == -1);
	CHECK(m.count == E820_MAX && m.e[0].len == 0x1000000);

	/* 128 adjacent RAM entries merge, so a full map still takes a reserve. */
	m.count = 0;
	for (u32 i = 0; i < E820_MAX; i++)
		e820_add(&m, i * 0x1000ULL, 0x1000, E820_RAM);
	CHECK(e820_reserve(&m, 0x4000, 0x1000) == 0);
	CHECK_MAP(&m, { 0, 0x4000, E820_RAM }, { 0x4000, 0x1000, E820_RESERVED },
		  { 0x5000, 0x7b000, E820_RAM });
}

static void test_reserve(void)
{
	struct e820_map m;

	/* The hypervisor at the top of low RAM, 2 MiB aligned. */
	pc_map(&m);
	CHECK(e820_reserve(&m, 0x7fa00000, 0x400000) == 0);
	CHECK_MAP(&m, { 0, 0x9fc00, E820_RAM }, { 0x9fc00, 0x400, E820_RESERVED },
		  { 0xf0000, 0x10000, E820_RESERVED }, { 0x100000, 0x7f900000, E820_RAM },
		  { 0x7fa00000, 0x400000, E820_RESERVED }, { 0x7fe00000, 0xe0000, E820_RAM },
		  { 0x7fee0000, 0x20000, E820_ACPI },
		  { 0xfec00000, 0x1400000, E820_RESERVED },
		  { 0x100000000ULL, 0x80000000ULL, E820_RAM });
	/* Across a hole and into the ACPI range: the hole becomes reserved, ACPI stays. */
	pc_map(&m);
	CHECK(e820_reserve(&m, 0x7fed0000, 0x40000) == 0);
	CHECK_MAP(&m, { 0, 0x9fc00, E820_RAM }, { 0x9fc00, 0x400, E820_RESERVED },
		  { 0xf0000, 0x10000, E820_RESERVED }, { 0x100000, 0x7fdd0000, E820_RAM },
		  { 0x7fed0000, 0x10000, E820_RESERVED }, { 0x7fee0000, 0x20000, E820_ACPI },
		  { 0x7ff00000, 0x10000, E820_RESERVED },
		  { 0xfec00000, 0x1400000, E820_RESERVED },
		  { 0x100000000ULL, 0x80000000ULL, E820_RAM });
	/* At the very start of RAM, and a no-op of length 0. */
	pc_map(&m);
	CHECK(e820_reserve(&m, 0, 0x1000) == 0);
	CHECK(e820_reserve(&m, 0x5000, 0) == 0);
	CHECK(m.count == 8 && m.e[0].addr == 0 && m.e[0].type == E820_RESERVED);
	CHECK(m.e[1].addr == 0x1000 && m.e[1].len == 0x9ec00 && m.e[1].type == E820_RAM);
}

static void test_find_top(void)
{
	struct e820_map m;

	pc_map(&m);
	CHECK(e820_sanitize(&m) == 0);
	/* 4 MiB below 4 GiB, 2 MiB aligned: the top of [1 MiB, 0x7fee0000). */
	CHECK(e820_find_top(&m, 4ULL << 30, 0x400000, 0x200000) == 0x7fa00000);
	/* Unaligned: exactly at the end of RAM. */
	CHECK(e820_find_top(&m, 4ULL << 30, 0x400000, 1) == 0x7fae0000);
	CHECK(e820_find_top(&m, 4ULL << 30, 0x400000, 0) == 0x7fae0000);
	/* No limit: the RAM above 4 GiB. */
	CHECK(e820_find_top(&m, UINT64_MAX, 0x400000, 0x200000) == 0x17fc00000ULL);
	/* A limit inside a RAM range cuts it. */
	CHECK(e820_find_top(&m, 0x10000000, 0x400000, 0x200000) == 0xfc00000);
	/* Too big for any RAM range below the limit. */
	CHECK(e820_find_top(&m, 4ULL << 30, 0x80000000ULL, 0x200000) == 0);
	/* Fits in low RAM only before alignment. */
	CHECK(e820_find_top(&m, 0x100000, 0x9f000, 0x1000) == 0);
	CHECK(e820_find_top(&m, 0x100000, 0x9f000, 0x100) == 0xc00);
	/* The limit below a range's start. */
	CHECK(e820_find_top(&m, 0x80000, 0x1000, 0x1000) == 0x7f000);
	/* After reserving what was found, the next search goes below it (the
	 * 0xe0000 bytes of RAM left above it are too few). */
	CHECK(e820_reserve(&m, 0x7fa00000, 0x400000) == 0);
	CHECK(e820_find_top(&m, 4ULL << 30, 0x400000, 0x200000) == 0x7f600000);
}

static void test_ram_top(void)
{
	struct e820_map m;

	pc_map(&m);
	CHECK(e820_ram_top(&m) == 0x180000000ULL);
	m.count = 0;
	CHECK(e820_ram_top(&m) == 0);
	e820_add(&m, 0, 0x9fc00, E820_RAM);
	e820_add(&m, 0xfec00000, 0x1400000, E820_RESERVED);
	CHECK(e820_ram_top(&m) == 0x9fc00);
}

/* The guest's INT 15h walk: EBX = 0 first, then the continuation values,
 * until EBX comes back 0. Every entry exactly once, the last one included. */
static void test_int15_walk(void)
{
	struct e820_map m;

	for (u32 n = 1; n <= 9; n++) {
		u32 seen[9] = { 0 }, ebx = 0, calls = 0;
		struct e820_entry e;

		m.count = 0;
		for (u32 i = 0; i < n; i++)
			e820_add(&m, i * 0x10000ULL, 0x1000 + i, E820_RAM + (i & 1));
		do {
			int r = e820_get(&m, ebx, &e);

			CHECK(r == 0 || r == 1);
			if (r < 0)
				break;
			CHECK(e.addr == ebx * 0x10000ULL && e.len == 0x1000 + ebx);
			seen[ebx]++;
			ebx = r ? 0 : ebx + 1;
		} while (ebx != 0 && ++calls < 20);
		for (u32 i = 0; i < n; i++)
			CHECK(seen[i] == 1);
	}
	m.count = 2;
	{
		struct e820_entry e;

		CHECK(e820_get(&m, 2, &e) == -1);
		CHECK(e820_get(&m, 1, &e) == 1);
		CHECK(e820_get(&m, 0, &e) == 0);
	}
	m.count = 0;
	{
		struct e820_entry e;

		CHECK(e820_get(&m, 0, &e) == -1);
	}
}

int main(void)
{
	test_sanitize_sorts();
	test_sanitize_overlaps();
	test_sanitize_overflow();
	test_reserve();
	test_find_top();
	test_ram_top();
	test_int15_walk();
	return CHECK_DONE();
}
