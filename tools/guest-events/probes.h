/* One-instruction probes (probes.S). A probe that faults returns through
 * trap.c with fault_vector set; its return value is then meaningless. */
#ifndef GUEST_EVENTS_PROBES_H
#define GUEST_EVENTS_PROBES_H
#include "types.h"

void probe_vmxon(void);
void probe_vmclear(void);
void probe_vmptrld(void);
void probe_vmptrst(void);
void probe_vmread(void);
void probe_vmwrite(void);
void probe_vmlaunch(void);
void probe_vmresume(void);
void probe_vmxoff(void);
void probe_invept(void);
void probe_invvpid(void);
void probe_vmfunc(void);
void probe_getsec(void);
u64 probe_rdmsr(u32 msr);
void probe_wrmsr(u32 msr, u64 value);
u32 probe_vmcall(u32 eax, u32 ebx);

#endif
