/* The guest's accesses to the hypervisor's own physical range (see
 * docs/security.md). The range is not present in EPT; the first access to
 * each page exits, the first of each kind per CPU is logged, and the page is mapped to a dummy: reads see
 * all-ones, writes land in a discard page. The hypervisor's memory is never
 * mapped into the guest and the guest keeps running. */
#ifndef RUNTIME_EPT_GUARD_H
#define RUNTIME_EPT_GUARD_H
#include "percpu.h"

void ept_guard_init(void);
/* True if the EPT violation at gpa was in the hypervisor range (handled). */
bool ept_guard_handle(struct cpu *c, u64 gpa, u64 qualification);

#endif
