/* u32 probe_rep_outsb(u16 port, const void *buf, u32 n): REP OUTSB, the
 * string I/O no 16550 driver uses; resumes after it on #GP (probe.h). */
#include "probe.h"
	.code32
	.text
	.globl probe_rep_outsb
probe_rep_outsb:
	push %esi
	ARM
	mov 8(%esp), %edx
	mov 12(%esp), %esi
	mov 16(%esp), %ecx
	cld
	rep outsb
1:	DISARM
	mov %ecx, %eax
	pop %esi
	ret
