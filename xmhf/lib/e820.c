/* E820 map editing: a sweep over entry boundaries (sanitize), and the queries
 * the loader and the INT 15h handler need. */
#include "e820.h"

int e820_add(struct e820_map *m, u64 addr, u64 len, u32 type)
{
	if (m->count >= E820_MAX)
		return -1;
	m->e[m->count].addr = addr;
	m->e[m->count].len = len;
	m->e[m->count].type = type;
	m->count++;
	return 0;
}

static u64 entry_end(const struct e820_entry *e)
{
	u64 end = e->addr + e->len;

	return end < e->addr ? UINT64_MAX : end;
}

/* Undefined type 0 counts as reserved; all others rank by number, RAM (1) lowest. */
static u32 effective_type(u32 type)
{
	return type == 0 ? E820_RESERVED : type;
}

/* Sorted, distinct start/end addresses of the non-empty entries; returns how many. */
static u32 collect_boundaries(const struct e820_map *m, u64 *pts)
{
	u32 n = 0;

	for (u32 i = 0; i < m->count; i++) {
		u64 b[2] = { m->e[i].addr, entry_end(&m->e[i]) };

		if (b[0] == b[1])
			continue;
		for (int k = 0; k < 2; k++) {
			u32 j = n;

			/* Insertion sort, skipping duplicates. */
			while (j > 0 && pts[j - 1] > b[k])
				j--;
			if (j > 0 && pts[j - 1] == b[k])
				continue;
			for (u32 t = n; t > j; t--)
				pts[t] = pts[t - 1];
			pts[j] = b[k];
			n++;
		}
	}
	return n;
}

/* Winning type over [a, b), which lies between two adjacent boundaries, so
 * every entry either covers it entirely or not at all. 0: no entry. */
static u32 type_over(const struct e820_map *m, u64 a, u64 b)
{
	u32 best = 0;

	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];
		u32 t = effective_type(e->type);

		if (e->addr <= a && entry_end(e) >= b && t > best)
			best = t;
	}
	return best;
}

int e820_sanitize(struct e820_map *m)
{
	u64 pts[2 * E820_MAX];
	u32 types[2 * E820_MAX];
	u32 npts = collect_boundaries(m, pts);
	u32 n = 0, out = 0;

	/* Sweep the intervals between boundaries; a run of equal types becomes
	 * one range, starting at pts[n] (n <= i: reads stay ahead of writes). */
	for (u32 i = 0; i + 1 < npts; i++) {
		u32 t = type_over(m, pts[i], pts[i + 1]);

		if (n > 0 && types[n - 1] == t)
			continue;
		pts[n] = pts[i];
		types[n++] = t;
	}
	for (u32 i = 0; i < n; i++)
		out += types[i] != 0;
	if (out > E820_MAX)
		return -1;
	/* Run i ends where run i + 1 starts, the last one at the last boundary. */
	m->count = 0;
	for (u32 i = 0; i < n; i++) {
		u64 end = i + 1 < n ? pts[i + 1] : pts[npts - 1];

		if (types[i])
			e820_add(m, pts[i], end - pts[i], types[i]);
	}
	return 0;
}

int e820_reserve(struct e820_map *m, u64 base, u64 len)
{
	if (len == 0)
		return 0;
	/* Make room first if the map is full of mergeable entries. */
	if (m->count == E820_MAX && e820_sanitize(m))
		return -1;
	if (e820_add(m, base, len, E820_RESERVED))
		return -1;
	if (e820_sanitize(m)) {
		m->count--;
		return -1;
	}
	return 0;
}

u64 e820_find_top(const struct e820_map *m, u64 limit, u64 size, u64 align)
{
	u64 best = 0;

	if (align == 0)
		align = 1;
	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];
		u64 end = entry_end(e), base;

		if (e->type != E820_RAM)
			continue;
		if (end > limit)
			end = limit;
		if (end < e->addr || end - e->addr < size)
			continue;
		base = ALIGN_DOWN(end - size, align);
		if (base >= e->addr && base > best)
			best = base;
	}
	return best;
}

u64 e820_ram_top(const struct e820_map *m)
{
	u64 top = 0;

	for (u32 i = 0; i < m->count; i++)
		if (m->e[i].type == E820_RAM && entry_end(&m->e[i]) > top)
			top = entry_end(&m->e[i]);
	return top;
}

int e820_get(const struct e820_map *m, u32 index, struct e820_entry *out)
{
	if (index >= m->count)
		return -1;
	*out = m->e[index];
	return index + 1 == m->count;
}
