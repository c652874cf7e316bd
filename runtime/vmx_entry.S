/* VM-entry and VM-exit glue (SDM 26, 27). HOST_RSP is the top of the CPU's
 * stack and HOST_RIP is vmx_exit_stub: each exit starts on an empty stack.
 * Every entry, first or not, goes through vmx_enter: pending vCPU requests
 * are handled in C, then checked once more right before VMLAUNCH/VMRESUME. */
#include "percpu_offsets.h"
	.text
	.globl vmx_exit_stub, vmx_launch_regs, vmx_entry_check, vmx_entry_check_end

/* Push order builds struct guest_regs (RAX at the lowest address); slot 4
 * (RSP) is a placeholder: 16 slots keep the stack 16-byte aligned. */
.macro SAVE_GPRS
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
.endm

.macro LOAD_GPRS
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
.endm

vmx_exit_stub:
	SAVE_GPRS
	mov %rsp, %rdi
	call vmx_exit_handler
vmx_enter:				/* %rsp -> struct guest_regs */
	mov %rsp, %rdi
	call vcpu_handle_requests
	LOAD_GPRS
/* A request made after vcpu_handle_requests looked is caught here. Its kick
 * NMI may arrive in VMX root between this check and the entry: the host NMI
 * handler then restarts at vmx_entry_check (runtime/nmi.c), so the guest is
 * never entered with a request pending. Guest RFLAGS lives in the VMCS: the
 * flags these instructions change are the host's. */
vmx_entry_check:
	cmpl $0, %gs:CPU_OFF_REQUESTS
	jnz 2f
	cmpb $0, %gs:CPU_OFF_LAUNCHED
	je 1f
	vmresume
	jmp 3f
1:	vmlaunch
vmx_entry_check_end:
3:	call vmx_entry_failed		/* VMfail: never returns */
2:	SAVE_GPRS
	jmp vmx_enter

/* void vmx_launch_regs(const struct guest_regs *r, void *stack_top): the first
 * entry of a guest start state; the caller's frames are abandoned. */
vmx_launch_regs:
	mov %rsi, %rsp
	sub $128, %rsp			/* struct guest_regs */
	mov %rdi, %rsi
	mov %rsp, %rdi
	mov $16, %ecx
	cld
	rep movsq
	jmp vmx_enter
