/* 32-bit multiboot entry: build boot page tables, enable PAE + EFER.LME + paging
 * (SDM Vol. 3A 9.8.5 "Initializing IA-32e Mode") and jump to 64-bit code in the
 * high half. EAX = multiboot magic, EBX = info address (Multiboot 0.6.96 3.2);
 * both are handed to loader_main(), which checks the magic. */
#include "arch/descriptors.h"
#include "layout.h"
#include "arch/cr.h"
#include "arch/msr.h"

#define PDE_2M (PTE_P | PTE_W | PTE_PS)
#define TABLE (PTE_P | PTE_W)

	.section .boot.text, "ax"
	.code32
	.globl _start32
_start32:
	cli
	cld
	mov %eax, %edi			/* magic: kept in EDI/ESI until loader_main */
	mov %ebx, %esi

	/* Identity map 0-4 GiB with 2 MiB pages (PML4[0] -> PDPT_lo -> 4 PDs). */
	lea boot_pd_lo, %ebx
	xor %ecx, %ecx
1:	mov %ecx, %eax
	shl $21, %eax
	or $PDE_2M, %eax
	mov %eax, (%ebx, %ecx, 8)
	mov %ecx, %eax
	shr $11, %eax			/* bits 63:32 of the 2 MiB frame */
	mov %eax, 4(%ebx, %ecx, 8)
	inc %ecx
	cmp $2048, %ecx
	jne 1b
	xor %ecx, %ecx
2:	mov %ecx, %eax
	shl $12, %eax
	add $(boot_pd_lo + TABLE), %eax
	mov %eax, boot_pdpt_lo(, %ecx, 8)
	inc %ecx
	cmp $4, %ecx
	jne 2b
	lea boot_pdpt_lo, %eax
	or $TABLE, %eax
	mov %eax, boot_pml4

	/* KERNEL_VMA (PML4[511], PDPT[510]) -> LOAD_PHYS, 64 MiB. */
	lea boot_pdpt_hi, %eax
	or $TABLE, %eax
	mov %eax, boot_pml4 + 511 * 8
	lea boot_pd_hi, %eax
	or $TABLE, %eax
	mov %eax, boot_pdpt_hi + 510 * 8
	xor %ecx, %ecx
3:	mov %ecx, %eax
	shl $21, %eax
	add $(LOAD_PHYS | PDE_2M), %eax
	mov %eax, boot_pd_hi(, %ecx, 8)
	inc %ecx
	cmp $32, %ecx
	jne 3b

	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	lea boot_pml4, %eax
	mov %eax, %cr3
	mov $MSR_IA32_EFER, %ecx
	rdmsr
	or $EFER_LME, %eax
	wrmsr
	mov %cr0, %eax
	or $(CR0_PG | CR0_PE), %eax
	mov %eax, %cr0
	lgdt boot_gdtr
	ljmp $0x08, $start64_low

	.code64
start64_low:
	mov $0x10, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	movabs $(boot_stack + BOOT_STACK_SIZE), %rsp
	movabs $loader_main, %rax
	call *%rax			/* loader_main(magic, info): never returns */
4:	hlt
	jmp 4b

	.section .boot.data, "aw"
	.align 16
boot_gdt:
	.quad 0
	.quad DESC_CODE64	/* 0x08: 64-bit code, L=1 */
	.quad DESC_DATA32	/* 0x10: data */
boot_gdt_end:
boot_gdtr:
	.word boot_gdt_end - boot_gdt - 1
	.quad boot_gdt

	.align 4096
boot_pml4:	.skip 4096
boot_pdpt_lo:	.skip 4096
boot_pdpt_hi:	.skip 4096
boot_pd_hi:	.skip 4096
boot_pd_lo:	.skip 4 * 4096

	.bss
	.align 16
	.globl boot_stack
boot_stack:	.skip BOOT_STACK_SIZE
