/* guest-dma's real-mode step (boot16.S calls rm_hook after loading the
 * program, CS = DS = ES = 0): the INT 15h E820h map as the guest's OS would
 * see it, into dma_e820[] (20-byte entries), count in dma_e820_count; then
 * AX=E801h (AX, BX, CX, DX into dma_e801[4]) and AH=88h (AX into dma_ext88). */
	.code16
	.section .text
	.globl rm_hook
rm_hook:
	xor %ebx, %ebx
	mov $dma_e820, %di
	movl $0, dma_e820_count
1:	mov $0xe820, %eax
	mov $0x534d4150, %edx		/* 'SMAP' */
	mov $20, %ecx
	int $0x15
	jc 2f
	cmp $0x534d4150, %eax
	jne 2f
	incl dma_e820_count
	add $20, %di
	cmpl $32, dma_e820_count
	jae 2f
	test %ebx, %ebx
	jnz 1b
2:	mov $0xe801, %ax
	xor %bx, %bx
	xor %cx, %cx
	xor %dx, %dx
	int $0x15
	mov %ax, dma_e801
	mov %bx, dma_e801 + 2
	mov %cx, dma_e801 + 4
	mov %dx, dma_e801 + 6
	mov $0x88, %ah
	int $0x15
	mov %ax, dma_ext88
	ret
