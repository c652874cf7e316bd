/* Round-trip benchmark guest, boot sector: loads the rest of the program
 * (sectors 2.., cylinder 0 head 0) to 0x7e00 with INT 13h AH=02h, enters
 * 32-bit flat protected mode (SDM Vol. 3A 9.9.1) and calls bench_main().
 * Also holds the #UD handler that bench.c's VMCALL probe relies on.
 * Assembled by GNU as (tools/bench/build.sh). */
#include "arch/descriptors.h"
	.code16
	.section .boot, "ax"
	.weak rm_hook
	.globl start
start:
	cli
	xor %ax, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov $0x7c00, %sp
	ljmp $0, $1f
1:	mov $_rest_sectors, %ax		/* AL = count, AH = 02h read */
	or $0x0200, %ax
	mov $0x0002, %cx		/* CH = cylinder 0, CL = sector 2 */
	xor %dh, %dh			/* head 0; DL = BIOS drive from the loader */
	mov $0x7e00, %bx
	int $0x13
	jc disk_error
	mov $rm_hook, %ax		/* a guest's optional real-mode step (weak, */
	test %ax, %ax			/* 0 when absent), e.g. guest-dma's E820 query */
	jz 5f
	call *%ax
5:	lgdt gdt_desc
	mov %cr0, %eax
	or $1, %eax			/* CR0.PE */
	mov %eax, %cr0
	ljmp $0x08, $pm32

disk_error:
	mov $disk_msg, %si
2:	lodsb
	test %al, %al
	jz 4f
	mov %al, %bl
	mov $0x3fd, %dx			/* COM1 line status */
3:	in %dx, %al
	test $0x20, %al			/* transmit holding register empty */
	jz 3b
	mov $0x3f8, %dx
	mov %bl, %al
	out %al, %dx
	jmp 2b
4:	hlt
	jmp 4b

disk_msg:
	.asciz "XMHF-BENCH: FAILED reading the program with INT 13h\n"

	.p2align 3
gdt:	.quad 0
	.quad DESC_CODE32		/* 0x08: code, base 0, 4 GiB, 32-bit */
	.quad DESC_DATA32		/* 0x10: data, base 0, 4 GiB */
gdt_desc:
	.word gdt_desc - gdt - 1
	.long gdt

	.org 510
	.word 0xaa55

	.code32
	.section .text.entry, "ax"
pm32:
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov %ax, %fs
	mov %ax, %gs
	mov $0x7c00, %esp
	call bench_main
5:	cli
	hlt
	jmp 5b

/* #UD from the VMCALL probe: no hypervisor. Skip the 3-byte VMCALL and
 * return EAX = ~0, which no hypercall returns for function 0. */
	.globl bench_ud_handler
bench_ud_handler:
	addl $3, (%esp)
	mov $0xffffffff, %eax
	iret
