/* bool idle_halt_while_eq(const volatile u32 *word, u32 value): HLT if
 * *word == value; returns true if it halted. Called with RFLAGS.IF = 0 (VMX
 * root, SDM 28.5.3), so only an NMI (a kick, runtime/nmi.c), SMI, INIT or
 * RESET ends the HLT (SDM Vol. 2A, HLT). A kick landing between the load and
 * the HLT would leave the CPU asleep with its wake-up spent: the host NMI
 * handler moves an RIP inside [idle_halt_check, idle_halt_check_end) back to
 * idle_halt_check, so the word is read again (runtime/nmi.c). */
	.text
	.globl idle_halt_while_eq, idle_halt_check, idle_halt_check_end
idle_halt_while_eq:
idle_halt_check:
	cmp %esi, (%rdi)
	jne 1f
	hlt
idle_halt_check_end:			/* an NMI that ended the HLT returns here */
	mov $1, %eax
	ret
1:	xor %eax, %eax
	ret
