/* VM-entry and VM-exit glue (SDM 26, 27). HOST_RSP is the top of the CPU's
 * stack and HOST_RIP is vmx_exit_stub: each exit starts on an empty stack. */
	.text
	.globl vmx_exit_stub, vmx_launch

/* Push order builds struct guest_regs (RAX at the lowest address); slot 4
 * (RSP) is a placeholder: 16 slots keep the stack 16-byte aligned. */
vmx_exit_stub:
	push %r15
	push %r14
	push %r13
	push %r12
	push %r11
	push %r10
	push %r9
	push %r8
	push %rdi
	push %rsi
	push %rbp
	push $0
	push %rbx
	push %rdx
	push %rcx
	push %rax
	mov %rsp, %rdi
	call vmx_exit_handler
	pop %rax
	pop %rcx
	pop %rdx
	pop %rbx
	add $8, %rsp
	pop %rbp
	pop %rsi
	pop %rdi
	pop %r8
	pop %r9
	pop %r10
	pop %r11
	pop %r12
	pop %r13
	pop %r14
	pop %r15
	vmresume
	call vmx_entry_failed		/* VMfail: never returns */

/* void vmx_launch(const struct guest_regs *r): load the guest GPRs and VMLAUNCH. */
vmx_launch:
	mov 0*8(%rdi), %rax
	mov 1*8(%rdi), %rcx
	mov 2*8(%rdi), %rdx
	mov 3*8(%rdi), %rbx
	mov 5*8(%rdi), %rbp
	mov 6*8(%rdi), %rsi
	mov 8*8(%rdi), %r8
	mov 9*8(%rdi), %r9
	mov 10*8(%rdi), %r10
	mov 11*8(%rdi), %r11
	mov 12*8(%rdi), %r12
	mov 13*8(%rdi), %r13
	mov 14*8(%rdi), %r14
	mov 15*8(%rdi), %r15
	mov 7*8(%rdi), %rdi
	vmlaunch
	call vmx_entry_failed		/* VMfail: never returns */
