/* Exception entry stubs 0-31: push a uniform frame and call exception_report(). */
#define NOERR(v) isr_##v: pushq $0; pushq $v; jmp isr_common
#define ERR(v) isr_##v: pushq $v; jmp isr_common

	.text
	.align 16
NOERR(0)
NOERR(1)
NOERR(2)
NOERR(3)
NOERR(4)
NOERR(5)
NOERR(6)
NOERR(7)
ERR(8)
NOERR(9)
ERR(10)
ERR(11)
ERR(12)
ERR(13)
ERR(14)
NOERR(15)
NOERR(16)
ERR(17)
NOERR(18)
NOERR(19)
NOERR(20)
ERR(21)
NOERR(22)
NOERR(23)
NOERR(24)
NOERR(25)
NOERR(26)
NOERR(27)
NOERR(28)
ERR(29)
ERR(30)
NOERR(31)

/* Caller-saved registers are preserved so that a fixed-up instruction
 * (see extable.h) resumes with its registers intact. */
isr_common:
	push %rax
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %r8
	push %r9
	push %r10
	push %r11
	push %rbx
	lea 80(%rsp), %rdi		/* -> struct exception_frame */
	mov %rsp, %rbx
	and $-16, %rsp
	call exception_handle		/* returns only after a fixup */
	mov %rbx, %rsp
	pop %rbx
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rax
	add $16, %rsp			/* vector, error code */
	iretq

	.section .rodata
	.globl isr_table
isr_table:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad isr_\v
	.endr
