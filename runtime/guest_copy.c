/* Guest-physical = host-physical below the mapped limit (identity EPT, and
 * the hypervisor's own identity map covers the same space, runtime/ept.c). */
#include "guest_copy.h"
#include "guest_mem.h"
#include "ratelimit.h"
#include "serial.h"

static struct guest_mem_map map;
static u32 refusals;

void guest_mem_init(const struct e820_map *firmware, u64 hv_base, u64 hv_size, u64 limit)
{
	map = guest_mem_map_make(firmware, hv_base, hv_size, limit);
}

static __attribute__((noinline, cold)) bool refused(struct cpu *c, u64 gpa, u64 len, bool write,
						     const char *what, enum guest_mem_result r)
{
	if (what && ratelimit_ok(&refusals))
		hv_printf("CPU %u: %s: refused to %s guest memory 0x%llx+0x%llx: %s\n", c->index, what,
			  write ? "write" : "read", (unsigned long long)gpa, (unsigned long long)len,
			  guest_mem_result_name(r));
	return false;
}

static inline bool allowed(struct cpu *c, u64 gpa, u64 len, bool write, const char *what)
{
	enum guest_mem_result r = guest_mem_check(&map, gpa, len, write);

	return __builtin_expect(r == GMEM_OK, 1) || refused(c, gpa, len, write, what, r);
}

/* Eight bytes at a time, then byte by byte; 8 to 16 bytes (a page-table
 * entry, an instruction window) as two loads that may overlap: x86 allows
 * unaligned loads, and no byte outside [gpa, gpa + len) is read. */
bool copy_from_guest_phys(struct cpu *c, void *dst, u64 gpa, u64 len, const char *what)
{
	u64 i = 0;

	if (!allowed(c, gpa, len, false, what))
		return false;
	if (len >= 8 && len <= 16) {
		u64 lo = *(const volatile u64 *)gpa, hi = *(const volatile u64 *)(gpa + len - 8);

		__builtin_memcpy((u8 *)dst + len - 8, &hi, 8);
		__builtin_memcpy(dst, &lo, 8);
		return true;
	}
	for (; i + 8 <= len; i += 8) {
		u64 v = *(const volatile u64 *)(gpa + i);

		__builtin_memcpy((u8 *)dst + i, &v, 8);
	}
	for (; i < len; i++)
		((u8 *)dst)[i] = ((const volatile u8 *)gpa)[i];
	return true;
}

bool copy_to_guest_phys(struct cpu *c, u64 gpa, const void *src, u64 len, const char *what)
{
	if (!allowed(c, gpa, len, true, what))
		return false;
	for (u64 i = 0; i < len; i++)
		((volatile u8 *)gpa)[i] = ((const u8 *)src)[i];
	return true;
}
