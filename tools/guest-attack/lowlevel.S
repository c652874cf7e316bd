/* Attack guest, assembly side: our own GDT (flat 32-bit, 16-bit, two TSSs,
 * an "unreal" data segment whose base attack.c sets), the entry, a catch-all
 * IDT for vectors 0-31, BIOS calls from real mode (rm_call), and the probes
 * (tools/guest-boot/probe.h; the MSR ones are its probe.S). Any fault while
 * a probe is armed resumes it with the vector, error code, EIP and CR2
 * recorded; a fault while unarmed calls trap_unexpected. */
#include "arch/descriptors.h"
#include "arch/cr.h"
#include "hypercall.h"
#include "probe.h"
#include "attack.h"

	.code32
	.section .text.entry, "ax"
	.globl attack_entry
attack_entry:
	mov %dl, boot_drive		/* boot16.S leaves the BIOS drive in DL */
	lgdt gdt_desc
	ljmp $SEL_CODE32, $1f
1:	mov $SEL_DATA32, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov %ax, %fs
	mov %ax, %gs
	call trap_idt_load
	call attack_main
2:	cli
	hlt
	jmp 2b

	.text
/* --- traps: one stub per vector 0-31; those with an error code (SDM Vol.
 * 3A 6.13, Table 6-1: 8, 10-14, 17, 21) do not push the dummy 0. */
	.macro STUB v
trap_stub_\v:
	.if (\v == 8) || (\v >= 10 && \v <= 14) || (\v == 17) || (\v == 21)
	.else
	push $0
	.endif
	push $\v
	jmp trap_common
	.endm

	.macro ADDR v
	.long trap_stub_\v
	.endm

/* EACH m, from, to: "m from", "m from+1", ..., "m to". */
	.altmacro
	.macro EACH m, from, to
	\m \from
	.if \to-\from
	EACH \m, %(\from+1), \to
	.endif
	.endm
	EACH STUB, 0, 31
	.noaltmacro

/* Stack: vector, error code, EIP, CS, EFLAGS. */
trap_common:
	push %eax
	mov 4(%esp), %eax
	mov %eax, fault_vector
	mov 8(%esp), %eax
	mov %eax, fault_error
	mov 12(%esp), %eax
	mov %eax, fault_eip
	mov %cr2, %eax
	mov %eax, fault_cr2
	mov fault_resume, %eax
	test %eax, %eax
	jz 1f
	movl $0, fault_resume		/* disarm: a second fault is unexpected */
	mov %eax, 12(%esp)
	pop %eax
	add $8, %esp
	iret
1:	call trap_unexpected		/* prints, never returns */

	.globl trap_idt_load
trap_idt_load:
	mov $idt, %edi
	mov $trap_stub_table, %esi
	mov $32, %ecx
1:	lodsl
	mov %ax, (%edi)			/* 32-bit interrupt gate, P, DPL 0 (SDM Vol. 3A 6.11) */
	movw $SEL_CODE32, 2(%edi)
	movw $0x8e00, 4(%edi)
	shr $16, %eax
	mov %ax, 6(%edi)
	add $8, %edi
	loop 1b
	lidt idt_desc
	ret

/* Null IDT + INT3: #BP, #GP and #DF all beyond the limit: shutdown
 * (SDM Vol. 3A 6.15, vector 8). */
	.globl trap_triple_fault
trap_triple_fault:
	lidt null_idt
	int3
	jmp trap_triple_fault

/* --- rm_call: the BIOS interrupt rm_regs.vec with rm_regs' registers, from
 * real mode (SDM Vol. 3A 9.9.2: 16-bit protected mode with 64 KiB segments,
 * clear PE, far jump). ES is rm_regs.es in real mode, or with rm_regs.unreal
 * the SEL_UNREAL descriptor's cached base and 4 GiB limit, kept across the
 * switch ("unreal mode"). Everything here is below 64 KiB, so offsets are
 * linear addresses in segment 0. Interrupts stay as the BIOS leaves them
 * while in real mode, and off again on the way back. */
	.globl rm_call
rm_call:
	pushal
	mov %esp, rm_saved_esp
	sidt rm_saved_idt
	movzbl rm_regs + RM_VEC, %eax
	movb %al, rm_int + 1		/* patch "int $n" */
	ljmp $SEL_CODE16, $1f
	.code16
1:	mov $SEL_DATA16, %ax
	mov %ax, %ds
	mov %ax, %ss
	mov %ax, %fs
	mov %ax, %gs
	mov %ax, %es
	cmpb $0, rm_regs + RM_UNREAL
	je 2f
	mov $SEL_UNREAL, %ax
	mov %ax, %es
2:	mov %cr0, %eax
	and $~CR0_PE, %eax
	mov %eax, %cr0
	ljmp $0, $3f
3:	xor %ax, %ax
	mov %ax, %ds
	mov %ax, %ss
	mov %ax, %fs
	mov %ax, %gs
	cmpb $0, rm_regs + RM_UNREAL
	jne 4f
	mov rm_regs + RM_ES, %ax
	mov %ax, %es
4:	lidt rm_ivt
	mov rm_regs + RM_EAX, %eax
	mov rm_regs + RM_EBX, %ebx
	mov rm_regs + RM_ECX, %ecx
	mov rm_regs + RM_EDX, %edx
	mov rm_regs + RM_ESI, %esi
	mov rm_regs + RM_EDI, %edi
rm_int:	int $0x15
	pushfl
	popl rm_regs + RM_EFLAGS
	mov %eax, rm_regs + RM_EAX
	mov %ebx, rm_regs + RM_EBX
	mov %ecx, rm_regs + RM_ECX
	mov %edx, rm_regs + RM_EDX
	mov %esi, rm_regs + RM_ESI
	mov %edi, rm_regs + RM_EDI
	cli
	lgdt gdt_desc
	mov %cr0, %eax
	or $CR0_PE, %eax
	mov %eax, %cr0
	ljmp $SEL_CODE32, $5f
	.code32
5:	mov $SEL_DATA32, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov %ax, %fs
	mov %ax, %gs
	mov rm_saved_esp, %esp
	lidt rm_saved_idt
	popal
	ret

/* --- probes: u32 return = fault vector (0 = none); see attack.h. */

/* u32 probe_integrity(u32 *changed, u32 *checked): hypercall 2. */
	.globl probe_integrity
probe_integrity:
	push %ebx
	mov $HYPERCALL_MAGIC, %eax
	mov $HYPERCALL_FN_INTEGRITY, %ebx
	xor %ecx, %ecx
	ARM
	vmcall
1:	DISARM
	mov 8(%esp), %eax
	mov %ebx, (%eax)
	mov 12(%esp), %eax
	mov %ecx, (%eax)
	mov fault_vector, %eax
	pop %ebx
	ret

/* u32 probe_hypercall(u32 fn, u32 *status): VMCALL with EBX = fn; *status
 * = EAX on return (HYPERCALL_OK or HYPERCALL_UNKNOWN). */
	.globl probe_hypercall
probe_hypercall:
	push %ebx
	mov $HYPERCALL_MAGIC, %eax
	mov 8(%esp), %ebx
	xor %ecx, %ecx
	ARM
	vmcall
1:	DISARM
	mov 12(%esp), %ecx
	mov %eax, (%ecx)
	mov fault_vector, %eax
	pop %ebx
	ret

/* u32 probe_load32(u32 addr, u32 *v), u32 probe_store32(u32 addr, u32 v):
 * one dword at a linear address. */
	.globl probe_load32
probe_load32:
	mov 4(%esp), %ecx
	xor %eax, %eax
	ARM
	mov (%ecx), %eax
1:	DISARM
	mov 8(%esp), %ecx
	mov %eax, (%ecx)
	mov fault_vector, %eax
	ret

	.globl probe_store32
probe_store32:
	mov 4(%esp), %ecx
	mov 8(%esp), %eax
	ARM
	mov %eax, (%ecx)
1:	DISARM
	mov fault_vector, %eax
	ret

/* u32 probe_pae_cr3(u32 cr3): PAE paging with this CR3 (SDM Vol. 3A 4.4.1:
 * MOV to CR0 setting PG loads the PDPTEs; a reserved bit is #GP). The old
 * CR3/CR4 and CR0 are restored afterwards, whatever happened. */
	.globl probe_pae_cr3
probe_pae_cr3:
	push %ebx
	push %esi
	push %edi
	mov %cr3, %esi
	mov %cr4, %edi
	mov %cr0, %ebx
	mov 16(%esp), %eax
	mov %eax, %cr3
	mov %edi, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov %ebx, %eax
	or $CR0_PG, %eax
	ARM
	mov %eax, %cr0
1:	DISARM
	mov %ebx, %cr0
	mov %edi, %cr4
	mov %esi, %cr3
	mov fault_vector, %eax
	pop %edi
	pop %esi
	pop %ebx
	ret

/* APIC-page stores with the encodings named (SDM Vol. 2B MOV), ESI = addr,
 * ECX = v (unused by the immediate store):
 * u32 probe_store8(u32 addr, u32 v)    88 0e     mov %cl,(%esi)
 * u32 probe_store8_imm0(u32 addr)      c6 06 00  movb $0,(%esi)
 * u32 probe_store16(u32 addr, u32 v)   66 89 0e  mov %cx,(%esi) */
	.macro STORE name, insn:vararg
	.globl probe_\name
probe_\name:
	push %esi
	mov 8(%esp), %esi
	mov 12(%esp), %ecx
	ARM
	\insn
1:	DISARM
	mov fault_vector, %eax
	pop %esi
	ret
	.endm
	STORE store8, mov %cl, (%esi)
	STORE store8_imm0, movb $0, (%esi)
	STORE store16, mov %cx, (%esi)

/* u32 probe_call_at(u32 code, u32 addr, u32 v): jumps to CODE (attack.c put
 * "89 06" = mov %eax,(%esi) at the end of a page whose successor is not
 * present) with ESI = addr, EAX = v; the fetch after it faults (#PF) and
 * resumes here. A return without a fault is reported as vector 0. */
	.globl probe_call_at
probe_call_at:
	push %esi
	mov 8(%esp), %edx
	mov 12(%esp), %esi
	mov 16(%esp), %eax
	ARM
	jmp *%edx
1:	DISARM
	mov fault_vector, %eax
	pop %esi
	ret

/* u32 probe_task_switch(void): JMP to the TSS_B selector (SDM Vol. 3A 7.3);
 * task B sets task_b_ran and jumps back to TSS_A, which resumes after the
 * JMP. TR is loaded with TSS_A first (once) so task A's state has a home. */
	.globl probe_task_switch
probe_task_switch:
	pushal
	str %ax
	cmp $SEL_TSS_A, %ax
	je 2f
	mov $SEL_TSS_A, %ax
	ltr %ax
2:	ARM
	ljmp $SEL_TSS_B, $0
1:	DISARM
	clts				/* the task switch set CR0.TS */
	popal
	mov fault_vector, %eax
	ret

	.globl task_b_entry
task_b_entry:
	movl $1, task_b_ran
	ljmp $SEL_TSS_A, $0
	jmp task_b_entry

	.data
	.p2align 3
	.globl gdt
gdt:	.quad 0
	.quad DESC_CODE32		/* SEL_CODE32 0x08 */
	.quad DESC_DATA32		/* SEL_DATA32 0x10 */
	.quad DESC_CODE16		/* SEL_CODE16 0x18 */
	.quad DESC_DATA16		/* SEL_DATA16 0x20 */
	.quad 0				/* SEL_TSS_A 0x28: set by attack.c */
	.quad 0				/* SEL_TSS_B 0x30: set by attack.c */
	.fill (SEL_UNREAL - 0x38) / 8, 8, 0
	.quad 0				/* SEL_UNREAL: set by attack.c */
gdt_end:
gdt_desc:
	.word gdt_end - gdt - 1
	.long gdt

	.p2align 2
idt_desc:
	.word 32 * 8 - 1
	.long idt
null_idt:
	.word 0
	.long 0
rm_ivt:	.word 0x3ff			/* real-mode IVT at 0 (SDM Vol. 3A 20.1.4) */
	.long 0
rm_saved_idt:
	.word 0
	.long 0
rm_saved_esp:
	.long 0
trap_stub_table:
	.altmacro
	EACH ADDR, 0, 31
	.noaltmacro
	.globl boot_drive
boot_drive:
	.byte 0

	.bss
	.p2align 3
idt:	.space 32 * 8
