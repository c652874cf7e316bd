/* Leave the hypervisor and boot the guest's boot sector natively, as the
 * BIOS would have: copied to CHAIN_PHYS (below 64 KiB, identity mapped) and
 * entered in 64-bit mode with EDI = BIOS drive. Steps: compatibility mode,
 * paging off (leaves IA-32e mode, SDM Vol. 3A 9.8.5.4), EFER.LME off, 16-bit
 * protected mode, CR0.PE off (SDM 9.9.2), then real mode at 0000:7C00 with
 * DL = drive, SS:SP = 0000:7C00 and the IVT at 0. */
#include "arch/descriptors.h"
#include "arch/cr.h"
#include "arch/msr.h"
#include "layout.h"
#define ABS(x) (CHAIN_PHYS + (x) - chain_start)

	.section .rodata
	.globl chain_start, chain_end
	.code64
chain_start:
	lgdt ABS(chain_gdtr)
	pushq $0x08
	pushq $ABS(chain32)
	lretq

	.code32
chain32:
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov %cr0, %eax
	and $(~CR0_PG & 0xffffffff), %eax	/* IA-32e mode off */
	mov %eax, %cr0
	mov $MSR_IA32_EFER, %ecx
	rdmsr
	and $~EFER_LME, %eax
	wrmsr
	xor %eax, %eax
	mov %eax, %cr4
	mov %eax, %cr3
	ljmp $0x18, $ABS(chain16)

	.code16
chain16:
	mov $0x20, %ax			/* 16-bit data segments, limit 0xffff */
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %fs
	mov %ax, %gs
	mov %ax, %ss
	mov %cr0, %eax
	and $~CR0_PE, %eax		/* real mode */
	mov %eax, %cr0
	ljmp $0, $ABS(chain_real)
chain_real:
	xor %ax, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %fs
	mov %ax, %gs
	mov %ax, %ss
	mov $0x7c00, %sp
	lidt ABS(chain_ivt)
	mov %di, %dx			/* DL = BIOS boot drive */
	sti
	ljmp $0, $0x7c00

	.align 8
chain_gdt:
	.quad 0
	.quad DESC_CODE32	/* 0x08: 32-bit code */
	.quad DESC_DATA32	/* 0x10: 32-bit data */
	.quad DESC_CODE16	/* 0x18: 16-bit code, limit 0xffff */
	.quad DESC_DATA16	/* 0x20: 16-bit data, limit 0xffff */
chain_gdtr:				/* 64-bit LGDT operand: limit, 8-byte base */
	.word chain_gdtr - chain_gdt - 1
	.quad ABS(chain_gdt)
chain_ivt:
	.word 0x3ff			/* real-mode IVT: 256 vectors at 0 */
	.long 0
chain_end:
