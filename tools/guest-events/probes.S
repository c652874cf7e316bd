/* Probes: each clears fault_vector and stores the address of label 1 (right
 * after its one probed instruction) in fault_resume, where trap.c's #UD/#GP
 * handlers resume.
 * The VMX instructions and GETSEC exit unconditionally in VMX non-root
 * operation (SDM Vol. 3C 25.1.2); outside VMX operation (or with CR4.VMXE or
 * CR4.SMXE clear) they are #UD (SDM Vol. 3C 30.3, Vol. 2D GETSEC). */
	.code32
	.text

	.macro ARM
	movl $0, fault_vector
	movl $1f, fault_resume
	.endm

	.macro PROBE name, insn:vararg
	.globl probe_\name
probe_\name:
	ARM
	\insn
1:	ret
	.endm

	PROBE vmxon, vmxon vmcs_region
	PROBE vmclear, vmclear vmcs_region
	PROBE vmptrld, vmptrld vmcs_region
	PROBE vmptrst, vmptrst vmcs_region
	PROBE vmread, vmread %eax, %ecx
	PROBE vmwrite, vmwrite %ecx, %eax
	PROBE vmlaunch, vmlaunch
	PROBE vmresume, vmresume
	PROBE vmxoff, vmxoff
	PROBE invept, invept inv_desc, %eax
	PROBE invvpid, invvpid inv_desc, %eax
	PROBE vmfunc, vmfunc
	PROBE getsec, getsec

/* u64 probe_rdmsr(u32 msr): EDX:EAX is the cdecl u64 return. */
	.globl probe_rdmsr
probe_rdmsr:
	mov 4(%esp), %ecx
	ARM
	rdmsr
1:	ret

/* void probe_wrmsr(u32 msr, u64 value) */
	.globl probe_wrmsr
probe_wrmsr:
	mov 4(%esp), %ecx
	mov 8(%esp), %eax
	mov 12(%esp), %edx
	ARM
	wrmsr
1:	ret

/* u32 probe_vmcall(u32 eax, u32 ebx): EAX after VMCALL (hypercall.h). */
	.globl probe_vmcall
probe_vmcall:
	push %ebx
	mov 8(%esp), %eax
	mov 12(%esp), %ebx
	ARM
	vmcall
1:	pop %ebx
	ret

	.data
	.p2align 4
vmcs_region:	.quad 0		/* memory operands: never used, every probe faults first */
inv_desc:	.quad 0, 0
