/* The INT 15h memory-map handler for a natively booted guest (no VMX, so no
 * VMCALL stub): real-mode code that int15_hook_install_native() copies to
 * the top of base memory, with the edited E820 map and the precomputed
 * E801h/88h answers right after it (struct int15n_data). IVT[15h] points at
 * offset 0 of its segment. Answers as runtime/int15_hook.c does under VMX
 * (xmhf/lib/e820_int15.c): E820h with EDX = 'SMAP' and ECX >= 20 from the
 * table (CF = 1 past its end), E801h and 88h from the values, everything
 * else continues at the BIOS's handler. */
#define OFF(x) ((x) - int15n_start)
#define FLAGS_AT 6		/* BP, IP, CS, then FLAGS on the stack */

	.section .rodata
	.globl int15n_start, int15n_data
	.code16
int15n_start:
	cmp $0xe820, %eax
	je e820
	cmp $0xe801, %ax
	je e801
	cmp $0x88, %ah
	je ext88
chain:
	ljmp *%cs:OFF(bios_vector)

e820:
	cmp $0x534d4150, %edx
	jne error
	cmp $20, %ecx
	jb error
	cmp %cs:OFF(count), %ebx
	jae error
	push %ds
	push %si
	push %di
	push %cx
	push %cs
	pop %ds
	imul $20, %bx, %si
	add $OFF(table), %si
	mov $20, %cx
	cld
	rep movsb
	pop %cx
	pop %di
	pop %si
	pop %ds
	inc %ebx
	cmp %cs:OFF(count), %ebx
	jb 1f
	xor %ebx, %ebx			/* EBX = 0 after the last entry */
1:	mov $0x534d4150, %eax
	mov $20, %ecx
	jmp ok

e801:
	mov %cs:OFF(e801_ax), %ax
	mov %cs:OFF(e801_bx), %bx
	mov %cs:OFF(e801_cx), %cx
	mov %cs:OFF(e801_dx), %dx
	jmp ok

ext88:
	mov %cs:OFF(ext88_ax), %ax
ok:	push %bp
	mov %sp, %bp
	andw $0xfffe, FLAGS_AT(%bp)	/* CF = 0 in the caller's FLAGS */
	pop %bp
	iret
error:	push %bp
	mov %sp, %bp
	orw $1, FLAGS_AT(%bp)		/* CF = 1 */
	pop %bp
	iret

	.p2align 4
/* struct int15n_data (int15_hook.c) */
int15n_data:
bios_vector:	.word 0, 0	/* offset, segment */
e801_ax:	.word 0
e801_bx:	.word 0
e801_cx:	.word 0
e801_dx:	.word 0
ext88_ax:	.word 0
		.word 0
count:		.long 0
table:				/* count 20-byte entries follow */
