/* Probes that need exact instruction placement. The guarded ones follow
 * tools/guest-boot/probe.h (trap.c's fault gates resume them); the MSR
 * probes are tools/guest-boot/probe.S. */
#include "arch/cr.h"
#include "arch/msr.h"
#include "probe.h"
#include "probes.h"
	.code32
	.text

	PROBE_READ xgetbv, xgetbv
	PROBE_WRITE xsetbv, xsetbv

/* void probe_avx_add(u32 *out): VEX.256 needs CR4.OSXSAVE and XCR0 SSE+AVX,
 * else #UD (SDM Vol. 1 14.3). The first faulting instruction ends it. */
	.globl probe_avx_add
probe_avx_add:
	mov 4(%esp), %edx
	ARM
	vxorps %ymm1, %ymm1, %ymm1
	vbroadcastss avx_one_half, %ymm0
	vaddps %ymm0, %ymm1, %ymm1
	vaddps %ymm0, %ymm1, %ymm1
	vmovups %ymm1, (%edx)
1:	DISARM
	ret

/* TF set by POPF traps after the instruction that follows the POPF
 * (SDM Vol. 3B 17.3.1.4). The NOPs after label 1 show by how many
 * instructions a lost #DB came late. */
	.macro SINGLE_STEP insn:vararg
	movl $1f, db_expect
	pushf
	orl $RFLAGS_TF, (%esp)
	popf
	\insn
1:	nop
	nop
	.endm

	.globl ss_cpuid
ss_cpuid:
	push %ebx
	xor %eax, %eax
	xor %ecx, %ecx
	SINGLE_STEP cpuid
	pop %ebx
	ret

	.globl ss_rdmsr_apic_base
ss_rdmsr_apic_base:
	mov $MSR_IA32_APIC_BASE, %ecx
	SINGLE_STEP rdmsr
	ret

	.globl ss_wrmsr_efer_same
ss_wrmsr_efer_same:
	mov $MSR_IA32_EFER, %ecx
	rdmsr
	SINGLE_STEP wrmsr
	ret

/* A data breakpoint is a trap: EIP is the instruction after the store
 * (SDM Vol. 3B 17.3.1.2). */
	.globl wp_store
wp_store:
	mov 4(%esp), %edx
	movl $1f, db_expect
	movl $0x5a5a5a5a, (%edx)
1:	nop
	nop
	ret

/* trap_stubs[v]: push v and the stack pointer, call trap_unexpected. */
	.macro STUB v
stub_\v:
	mov %esp, %eax
	push %eax
	push $\v
	call trap_unexpected
	.endm
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	STUB \v
	.endr

	.section .rodata
	.p2align 2
	.globl trap_stubs
trap_stubs:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.long stub_\v
	.endr
avx_one_half:
	.long 0x3fc00000		/* 1.5f */

/* AP start stub, copied to AP_START_PAGE: real mode, CS base = the page
 * (SDM Vol. 3A 8.4.3). HLT with IF = 0 waits for INIT, NMI or SMI only. */
	.code16
	.globl ap_stub, ap_stub_end
ap_stub:
	mov %cs, %ax
	mov %ax, %ds
	lock incl AP_COUNTER_OFF
2:	cli
	hlt
	jmp 2b
ap_stub_end:
	.code32
