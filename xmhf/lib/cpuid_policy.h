/* What the guest sees of CPUID. */
#ifndef XMHF_LIB_CPUID_POLICY_H
#define XMHF_LIB_CPUID_POLICY_H
#include "types.h"
#include "arch/cpuid.h"

/* Leaf 1: hide VMX and SMX (we do not virtualize them) and set the
 * hypervisor-present bit; every other leaf and bit is passed through. */
void cpuid_policy_apply(u32 leaf, u32 subleaf, struct cpuid_regs *r);

#endif
