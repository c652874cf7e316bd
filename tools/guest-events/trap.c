/* IDT with #UD and #GP gates (SDM Vol. 3A 6.11, 32-bit interrupt gates). A
 * handler records its vector and returns to fault_resume, the label after the
 * probe's one instruction, so no instruction length is decoded. */
#include "trap.h"
#include "arch/exceptions.h"

struct frame {
	u32 eip, cs, eflags;
};

struct gate {
	u16 off_lo, sel, flags, off_hi;
};

struct idt_desc {
	u16 limit;
	u32 base;
} __attribute__((packed));

volatile u32 fault_vector;
u32 fault_resume;
static struct gate idt[VEC_GP + 1];

__attribute__((interrupt)) static void on_ud(struct frame *f)
{
	fault_vector = VEC_UD;
	f->eip = fault_resume;
}

/* #GP pushes an error code (SDM Vol. 3A 6.13); the compiler pops it. */
__attribute__((interrupt)) static void on_gp(struct frame *f, u32 error_code)
{
	(void)error_code;
	fault_vector = VEC_GP;
	f->eip = fault_resume;
}

static struct gate gate(void (*h)(void))
{
	u32 a = (u32)h;

	return (struct gate){ (u16)a, 0x08, 0x8e00, (u16)(a >> 16) };	/* P, DPL 0, 32-bit interrupt gate */
}

void trap_idt_load(void)
{
	struct idt_desc d = { sizeof(idt) - 1, (u32)idt };

	idt[VEC_UD] = gate((void (*)(void))on_ud);
	idt[VEC_GP] = gate((void (*)(void))on_gp);
	asm volatile("lidt %0" : : "m"(d));
}

void trap_triple_fault(void)
{
	static const struct idt_desc null_idt = { 0, 0 };

	asm volatile("lidt %0; int3" : : "m"(null_idt));
	__builtin_unreachable();
}
