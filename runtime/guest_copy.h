/* The one way exit handlers read or write guest memory (the ACRN
 * copy_from_gpa model): each access is checked by xmhf/lib/guest_mem.c
 * first; the hypervisor's identity map is used only behind that check. */
#ifndef RUNTIME_GUEST_COPY_H
#define RUNTIME_GUEST_COPY_H
#include "percpu.h"
#include "boot/e820.h"

void guest_mem_init(const struct e820_map *firmware, u64 hv_base, u64 hv_size, u64 limit);
/* False, with one rate-limited line naming `what` (NULL: no line), if any
 * byte of [gpa, gpa + len) is not the guest's to access this way. */
bool copy_from_guest_phys(struct cpu *c, void *dst, u64 gpa, u64 len, const char *what);
bool copy_to_guest_phys(struct cpu *c, u64 gpa, const void *src, u64 len, const char *what);

#endif
