/* Moves the CR0/CR4/EFER part of the current VMCS in and out of the pure
 * decision code in xmhf/lib/cr_policy.c. */
#ifndef RUNTIME_GUEST_CR_H
#define RUNTIME_GUEST_CR_H
#include "cr_policy.h"

struct cr_state guest_cr_load(void);
/* Writes back what changed; loads the PDPTEs for PAE paging (SDM 26.3.2.4).
 * False, with nothing written, if the PDPTEs cannot be loaded: the guest's
 * MOV/WRMSR then takes #GP, as a reserved PDPTE bit gives (SDM 4.4.1). */
bool guest_cr_store(const struct cr_state *old, const struct cr_state *s);

#endif
