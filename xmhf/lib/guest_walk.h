/* Guest linear -> guest-physical translation for instruction fetch by the
 * hypervisor (SDM Vol. 3A 4.3 32-bit, 4.4 PAE, 4.5 4-level paging). Access
 * rights are not checked: the guest just executed from this address. */
#ifndef XMHF_LIB_GUEST_WALK_H
#define XMHF_LIB_GUEST_WALK_H
#include "types.h"

struct guest_paging {
	u64 cr0, cr3, cr4, efer;
	/* Reads 8 bytes of guest-physical memory (4 for 32-bit paging entries
	 * are the low half); returns false if the address is not readable. */
	bool (*read64)(void *arg, u64 gpa, u64 *value);
	void *arg;
};

/* Returns 0 and *gpa, or -1 if a paging entry is not present/readable. */
int guest_linear_to_phys(const struct guest_paging *p, u64 linear, u64 *gpa);

#endif
