/* guest-arch's gates on top of tools/guest-boot/fault.c: vectors 0-31. */
#include "trap.h"
#include "arch/cr.h"
#include "arch/debugreg.h"
#include "arch/exceptions.h"
#include "com1.h"
#include "probes.h"

volatile u32 db_count, db_eip, db_dr6;
u32 db_expect;
volatile u32 nmi_count;

__attribute__((interrupt)) static void on_nm(struct trap_frame *f) { trap_fault(f, VEC_NM); }

/* #DB is a trap for single step and data breakpoints: EIP is the next
 * instruction; DR6 says why (SDM Vol. 3B 17.2.3, 17.3.1). */
__attribute__((interrupt)) static void on_db(struct trap_frame *f)
{
	u32 dr6;

	asm volatile("mov %%dr6, %0" : "=r"(dr6));
	if (db_count++ == 0) {
		db_eip = f->eip;
		db_dr6 = dr6;
	}
	f->eflags &= ~(u32)RFLAGS_TF;
}

/* NMIs stay blocked until this handler's IRET (SDM Vol. 3A 6.7.1). */
__attribute__((interrupt)) static void on_nmi(struct trap_frame *f)
{
	(void)f;
	nmi_count++;
}

void trap_idt_load(void)
{
	for (u32 v = 0; v < IDT_VECTORS; v++)
		idt_gate(v, trap_stubs[v]);
	idt_gate(VEC_DB, (u32)on_db);
	idt_gate(VEC_NMI, (u32)on_nmi);
	idt_gate(VEC_NM, (u32)on_nm);
	idt_load(IDT_VECTORS);	/* and #UD, #GP */
}

void trap_db_reset(void)
{
	db_count = 0;
	db_eip = 0;
	db_dr6 = 0;
	asm volatile("mov %0, %%dr6" : : "r"((u32)DR6_INIT));
}

void trap_unexpected(u32 vector, const u32 *frame)
{
	com1_puts("ARCH: unexpected exception vector ");
	com1_hex(vector);
	com1_puts(", stack ");
	for (int i = 0; i < 4; i++) {
		com1_hex(frame[i]);
		com1_puts(" ");
	}
	com1_puts("\n");
	com1_drain();
	trap_triple_fault();
}
