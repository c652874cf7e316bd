/* The probes every guest with MSR or hypercall probes shares (probe.h). */
#include "probe.h"
	.code32
	.text

	PROBE_READ rdmsr, rdmsr
	PROBE_WRITE wrmsr, wrmsr

	.globl probe_vmcall
probe_vmcall:
	push %ebx
	mov 8(%esp), %eax
	mov 12(%esp), %ebx
	ARM
	vmcall
1:	DISARM
	pop %ebx
	ret
