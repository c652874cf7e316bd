/* One-instruction VMX/SMX probes (probes.S); the outcome is fault_vector
 * (tools/guest-boot/probe.h, which also declares the MSR and VMCALL probes). */
#ifndef GUEST_EVENTS_PROBES_H
#define GUEST_EVENTS_PROBES_H
#include "probe.h"

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

#endif
