#ifndef RUNTIME_VMX_ON_H
#define RUNTIME_VMX_ON_H
#include "percpu.h"
#include "vmcs_check.h"

void vmx_read_caps(struct vmx_caps *c);
/* VMXON on this CPU and make its VMCS current; false after one clear line,
 * and then the CPU is not in VMX operation. */
bool vmx_cpu_on(struct cpu *c);

#endif
