/* Generic 4-level page-table walker/builder. Levels: 4 = PML4, 3 = PDPT,
 * 2 = PD, 1 = PT; an entry at level L covers 2^(12 + 9 (L - 1)) bytes.
 * Large leaves are possible at levels 3 and 2 only (SDM 3A 4.5, 3C 28.2). */
#include "pagetable.h"

#define PT_ENTRIES 512
#define ADDR_MASK 0x000ffffffffff000ULL	/* bits 51:12 */

static u64 span(unsigned level)
{
	return 1ULL << (12 + 9 * (level - 1));
}

static unsigned index_of(u64 va, unsigned level)
{
	return (unsigned)(va >> (12 + 9 * (level - 1))) & (PT_ENTRIES - 1);
}

static bool is_large(const struct pt_ctx *ctx, u64 e, unsigned level)
{
	return (level == 2 || level == 3) && (e & ctx->large_flag);
}

static u64 *table_of(struct pt_ctx *ctx, u64 e)
{
	return (u64 *)(uintptr_t)ctx->to_virt(ctx->arg, e & ADDR_MASK);
}

/* Replaces the large leaf *e at `level` by a table of 512 leaves one level
 * down covering the same memory with the same flags. */
static int split(struct pt_ctx *ctx, u64 *e, unsigned level)
{
	u64 base = *e & ADDR_MASK & ~(span(level) - 1);
	u64 flags = *e & ~ADDR_MASK & ~ctx->large_flag;
	u64 child_span = span(level - 1);
	u64 phys;
	u64 *t = ctx->alloc(ctx->arg, &phys);

	if (!t)
		return -1;
	if (level - 1 > 1)
		flags |= ctx->large_flag;
	for (unsigned i = 0; i < PT_ENTRIES; i++)
		t[i] = (base + i * child_span) | flags;
	*e = phys | ctx->table_flags;
	return 0;
}

/* The table one level below entry *e, creating or splitting as needed. */
static u64 *descend(struct pt_ctx *ctx, u64 *e, unsigned level)
{
	if (*e == 0) {
		u64 phys;

		if (!ctx->alloc(ctx->arg, &phys))
			return NULL;
		*e = phys | ctx->table_flags;
	} else if (is_large(ctx, *e, level) && split(ctx, e, level)) {
		return NULL;
	}
	return table_of(ctx, *e);
}

static bool bad_args(u64 va, u64 pa, u64 size)
{
	return ((va | pa | size) & (PAGE_SIZE - 1)) != 0;
}

int pt_map(struct pt_ctx *ctx, u64 *pml4, u64 va, u64 pa, u64 size, u64 leaf_flags)
{
	if (bad_args(va, pa, size) || (leaf_flags & (ADDR_MASK | ctx->large_flag)))
		return -1;
	while (size) {
		bool large = ((va | pa) & (LARGE_PAGE_SIZE - 1)) == 0 && size >= LARGE_PAGE_SIZE;
		unsigned target = large ? 2 : 1;
		u64 *t = pml4, *e;

		for (unsigned level = 4; level > target; level--) {
			t = descend(ctx, &t[index_of(va, level)], level);
			if (!t)
				return -1;
		}
		e = &t[index_of(va, target)];
		if (large && *e && !is_large(ctx, *e, 2)) {
			/* Keep the existing page table: fill all of it. */
			u64 *pt = table_of(ctx, *e);

			for (unsigned i = 0; i < PT_ENTRIES; i++)
				pt[i] = (pa + i * PAGE_SIZE) | leaf_flags;
		} else {
			*e = pa | leaf_flags | (large ? ctx->large_flag : 0);
		}
		va += span(target);
		pa += span(target);
		size -= span(target);
	}
	return 0;
}

int pt_unmap(struct pt_ctx *ctx, u64 *pml4, u64 va, u64 size)
{
	if (bad_args(va, 0, size))
		return -1;
	while (size) {
		u64 *t = pml4;
		unsigned level = 4;
		u64 step;

		for (;;) {
			u64 *e = &t[index_of(va, level)];
			u64 off = va & (span(level) - 1);

			/* Nothing mapped here up to the end of this entry's range. */
			step = span(level) - off;
			if (*e == 0)
				break;
			if (level == 1 || is_large(ctx, *e, level)) {
				if (off == 0 && size >= span(level)) {
					*e = 0;
					break;
				}
				if (split(ctx, e, level))
					return -1;
			}
			t = table_of(ctx, *e);
			level--;
		}
		if (step > size)
			step = size;
		va += step;
		size -= step;
	}
	return 0;
}

u64 pt_lookup(struct pt_ctx *ctx, const u64 *pml4, u64 va, u64 *leaf_flags, unsigned *level)
{
	const u64 *t = pml4;

	for (unsigned l = 4;; l--) {
		u64 e = t[index_of(va, l)];

		if (e == 0)
			return PT_NOT_MAPPED;
		if (l == 1 || is_large(ctx, e, l)) {
			u64 mask = span(l) - 1;

			if (leaf_flags)
				*leaf_flags = e & ~ADDR_MASK & ~(l > 1 ? ctx->large_flag : 0);
			if (level)
				*level = l;
			return (e & ADDR_MASK & ~mask) | (va & mask);
		}
		t = table_of(ctx, e);
	}
}
