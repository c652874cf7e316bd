/* Fault-resume protocol of the boot-sector guests' probes. A probe ARMs
 * (fault_vector = 0, fault_resume = its local label 1, right after the one
 * probed instruction) and DISARMs at label 1. The guest's fault handler
 * (fault.c, or guest-attack's lowlevel.S) records the vector and resumes at
 * fault_resume, so no instruction length is decoded. */
#ifndef GUEST_BOOT_PROBE_H
#define GUEST_BOOT_PROBE_H

#ifdef __ASSEMBLER__
	.macro ARM
	movl $0, fault_vector
	movl $1f, fault_resume
	.endm
	.macro DISARM
	movl $0, fault_resume
	.endm

/* void probe_NAME(void): INSN alone. */
	.macro PROBE name, insn:vararg
	.globl probe_\name
probe_\name:
	ARM
	\insn
1:	DISARM
	ret
	.endm

/* u64 probe_NAME(u32 ecx): INSN with ECX; EDX:EAX is the cdecl u64 return
 * (0 if INSN faults). */
	.macro PROBE_READ name, insn
	.globl probe_\name
probe_\name:
	mov 4(%esp), %ecx
	xor %eax, %eax
	xor %edx, %edx
	ARM
	\insn
1:	DISARM
	ret
	.endm

/* void probe_NAME(u32 ecx, u64 value): INSN with ECX and EDX:EAX = value. */
	.macro PROBE_WRITE name, insn
	.globl probe_\name
probe_\name:
	mov 4(%esp), %ecx
	mov 8(%esp), %eax
	mov 12(%esp), %edx
	ARM
	\insn
1:	DISARM
	ret
	.endm
#else
#include "types.h"

/* Vector of the last fault in an armed probe, 0 if none. */
extern volatile u32 fault_vector;
/* Where a faulting probe resumes; 0 when no probe is armed. */
extern volatile u32 fault_resume;

/* Each probe's outcome is fault_vector; a faulting probe's return value is 0
 * (probe_rdmsr) or meaningless (probe_vmcall). */
u64 probe_rdmsr(u32 msr);
void probe_wrmsr(u32 msr, u64 value);
/* EAX after VMCALL with EAX, EBX (hypercall.h). */
u32 probe_vmcall(u32 eax, u32 ebx);
#endif

#endif
