/* AP start-up trampoline, copied to TRAMPOLINE_PHYS and entered by SIPI in real
 * mode at CS = TRAMPOLINE_PHYS >> 4, IP = 0 (SDM Vol. 3A 8.4.4). It goes to
 * protected mode, then IA-32e mode with the runtime's CR3 (SDM 9.8.5), and jumps
 * to ap_entry(cpu_index) on the stack the BSP put in the parameter block. */
#include "arch/descriptors.h"
#include "layout.h"
#include "arch/cr.h"
#include "arch/msr.h"

#define ABS(x) (TRAMPOLINE_PHYS + (x) - tramp_start)

	.section .rodata
	.globl tramp_start, tramp_end, tramp_cr3, tramp_stack, tramp_entry, tramp_cpu
	.code16
tramp_start:
	cli
	cld
	mov %cs, %ax
	mov %ax, %ds
	lgdtl tramp_gdtr - tramp_start
	mov %cr0, %eax
	or $CR0_PE, %eax
	mov %eax, %cr0
	ljmpl $0x08, $ABS(tramp32)

	.code32
tramp32:
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov ABS(tramp_cr3), %eax
	mov %eax, %cr3
	mov $MSR_IA32_EFER, %ecx
	rdmsr
	or $EFER_LME, %eax
	wrmsr
	mov %cr0, %eax
	or $CR0_PG, %eax
	mov %eax, %cr0
	ljmp $0x18, $ABS(tramp64)

	.code64
tramp64:
	mov ABS(tramp_stack), %rsp
	mov ABS(tramp_cpu), %edi
	jmp *ABS(tramp_entry)

	.align 8
tramp_gdt:
	.quad 0
	.quad DESC_CODE32	/* 0x08: 32-bit code */
	.quad DESC_DATA32	/* 0x10: data */
	.quad DESC_CODE64	/* 0x18: 64-bit code */
tramp_gdtr:
	.word tramp_gdtr - tramp_gdt - 1
	.long ABS(tramp_gdt)
	.align 8
tramp_cr3:	.quad 0
tramp_stack:	.quad 0
tramp_entry:	.quad 0
tramp_cpu:	.long 0
tramp_end:
