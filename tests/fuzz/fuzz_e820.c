/* E820 editing (xmhf/lib/e820.c, ACPI 6.x 15.1): a fuzzed map goes through
 * e820_sanitize, e820_reserve, e820_find_top, e820_ram_top and the e820_get
 * walk. Each result is compared with a point oracle: the type at address p is
 * the highest effective type (0 counts as reserved) of the entries covering p.
 * Input: u8 entry count, then per entry u8 type/mode byte and a compact
 * (page-granular u16) or full (u64) address and length; then the reserve
 * range and the find_top arguments in the same forms. */
#include "fuzz.h"
#include "e820.h"

static u64 end_of(u64 addr, u64 len)
{
	u64 end = addr + len;

	return end < addr ? UINT64_MAX : end;
}

/* Type at p in any map (unsorted, overlapping): 0 if nothing covers p. */
static u32 type_at(const struct e820_map *m, u64 p)
{
	u32 best = 0;

	for (u32 i = 0; i < m->count; i++) {
		u32 t = m->e[i].type ? m->e[i].type : E820_RESERVED;

		if (m->e[i].addr <= p && p < end_of(m->e[i].addr, m->e[i].len) && t > best)
			best = t;
	}
	return best;
}

/* A range in compact form (4 KiB pages, u16 fields) or, if `full`, raw u64s. */
static void take_range(struct fuzz_in *in, bool full, u64 *addr, u64 *len)
{
	if (full) {
		*addr = fuzz_u64(in);
		*len = fuzz_u64(in);
	} else {
		*addr = (u64)fuzz_u16(in) << 12;
		*len = (u64)fuzz_u16(in) << 12;
	}
}

static void check_sanitized(const struct e820_map *m)
{
	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];

		FUZZ_ASSERT(e->len != 0, "entry %u empty", i);
		FUZZ_ASSERT(e->addr + e->len > e->addr, "entry %u wraps", i);
		FUZZ_ASSERT(e->type != 0, "entry %u has type 0", i);
		if (i == 0)
			continue;
		FUZZ_ASSERT(m->e[i - 1].addr + m->e[i - 1].len <= e->addr,
			    "entries %u and %u unsorted or overlapping", i - 1, i);
		FUZZ_ASSERT(m->e[i - 1].addr + m->e[i - 1].len != e->addr ||
			    m->e[i - 1].type != e->type, "entries %u and %u not merged", i - 1, i);
	}
}

/* Every sample point of `ref` (entry edges) and of [a, b) has the oracle type,
 * raised to at least `floor` inside [a, b). */
static void check_points(const struct e820_map *ref, const struct e820_map *m, u64 a, u64 b,
			 u32 floor)
{
	u64 pts[4 * E820_MAX + 4];
	u32 n = 0;

	for (u32 i = 0; i < ref->count; i++) {
		u64 s = ref->e[i].addr, e = end_of(s, ref->e[i].len);

		pts[n++] = s;
		pts[n++] = s - 1;
		pts[n++] = e;
		pts[n++] = e - 1;
	}
	pts[n++] = a;
	pts[n++] = a - 1;
	pts[n++] = b;
	pts[n++] = b - 1;
	for (u32 i = 0; i < n; i++) {
		u64 p = pts[i];
		u32 want = type_at(ref, p);

		if (a <= p && p < b && want < floor)
			want = floor;
		FUZZ_ASSERT(type_at(m, p) == want, "type at 0x%llx is %u, expected %u",
			    (unsigned long long)p, type_at(m, p), want);
	}
}

static void check_find_top(const struct e820_map *m, u64 limit, u64 size, u64 align)
{
	u64 base = e820_find_top(m, limit, size, align);

	if (align == 0)
		align = 1;
	if (base == 0)
		return;
	FUZZ_ASSERT(base % align == 0, "base 0x%llx not aligned", (unsigned long long)base);
	FUZZ_ASSERT(base + size >= base && base + size <= limit, "base 0x%llx past the limit",
		    (unsigned long long)base);
	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];

		if (e->type == E820_RAM && e->addr <= base && base + size <= e->addr + e->len)
			return;
	}
	FUZZ_ASSERT(0, "[0x%llx, +0x%llx) is not inside one RAM entry",
		    (unsigned long long)base, (unsigned long long)size);
}

static void check_get_walk(const struct e820_map *m)
{
	struct e820_entry e;

	for (u32 i = 0; i < m->count; i++) {
		int rc = e820_get(m, i, &e);

		FUZZ_ASSERT(rc == (i + 1 == m->count), "e820_get(%u) = %d of %u", i, rc, m->count);
		FUZZ_ASSERT(!memcmp(&e, &m->e[i], sizeof(e)), "e820_get(%u) copied wrong", i);
	}
	FUZZ_ASSERT(e820_get(m, m->count, &e) == -1, "e820_get past the end");
}

static void check_ram_top(const struct e820_map *m)
{
	u64 top = 0;

	for (u32 i = 0; i < m->count; i++)
		if (m->e[i].type == E820_RAM && m->e[i].addr + m->e[i].len > top)
			top = m->e[i].addr + m->e[i].len;
	FUZZ_ASSERT(e820_ram_top(m) == top, "ram_top 0x%llx, expected 0x%llx",
		    (unsigned long long)e820_ram_top(m), (unsigned long long)top);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	static struct e820_map m, orig;
	u32 n = fuzz_u8(&in) % (E820_MAX + 2);
	u64 base, len, limit, fsize;
	u8 mode;

	memset(&m, 0, sizeof(m));
	for (u32 i = 0; i < n; i++) {
		u8 tb = fuzz_u8(&in);
		u64 addr, elen;
		int rc;

		take_range(&in, tb & 0x80, &addr, &elen);
		rc = e820_add(&m, addr, elen, (tb & 0x40) ? fuzz_u32(&in) : (u32)(tb & 7));
		FUZZ_ASSERT(rc == (i < E820_MAX ? 0 : -1), "e820_add %u returned %d", i, rc);
	}
	orig = m;
	if (e820_sanitize(&m)) {
		FUZZ_ASSERT(!memcmp(&m, &orig, sizeof(m)), "failed sanitize changed the map");
		return 0;
	}
	check_sanitized(&m);
	check_points(&orig, &m, 0, 0, 0);

	mode = fuzz_u8(&in);
	take_range(&in, mode & 0x80, &base, &len);
	if (mode & 1)
		/* Reserve on an unsanitized map: append raw entries first. */
		for (u32 extra = mode >> 4; extra && m.count < E820_MAX; extra--)
			e820_add(&m, (u64)fuzz_u16(&in) << 12, (u64)fuzz_u16(&in) << 12, fuzz_u8(&in) & 7);
	orig = m;
	if (len == 0) {
		/* Nothing to reserve: the map is left as it is, unsanitized. */
		FUZZ_ASSERT(e820_reserve(&m, base, len) == 0 && !memcmp(&m, &orig, sizeof(m)),
			    "empty reserve changed the map");
		if (e820_sanitize(&m))
			return 0;
	} else if (e820_reserve(&m, base, len) == 0) {
		check_sanitized(&m);
		check_points(&orig, &m, base, end_of(base, len), E820_RESERVED);
	} else {
		check_points(&orig, &m, 0, 0, 0);
		if (e820_sanitize(&m))
			return 0;
	}

	limit = (mode & 2) ? fuzz_u64(&in) : (u64)fuzz_u32(&in) << 12;
	fsize = (u64)fuzz_u16(&in) << ((mode & 4) ? 12 : 0);
	check_find_top(&m, limit, fsize, (mode & 8) ? 0 : 1ULL << (fuzz_u8(&in) % 64));
	check_ram_top(&m);
	check_get_walk(&m);
	return 0;
}
