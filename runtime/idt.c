/* IDT for the hypervisor: 32 exception gates (SDM Vol. 3A 6.14.1); any
 * exception in VMX root is a hypervisor bug, so it is reported and the CPU halts. */
#include "idt.h"
#include "nmi.h"
#include "percpu.h"
#include "cpu.h"
#include "serial.h"
#include "arch/segment.h"
#include "arch/msr.h"
#include "arch/exceptions.h"

struct exception_frame {
	u64 vector, error, rip, cs, rflags, rsp, ss;
};

struct __attribute__((packed)) idt_gate {
	u16 offset_lo, selector;
	u8 ist, type_attr;
	u16 offset_mid;
	u32 offset_hi, zero;
};

extern const u64 isr_table[32];
static struct idt_gate idt[32] __attribute__((aligned(16)));
void exception_handle(struct exception_frame *f);

static const char *const exception_names[32] = {
	"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "CSO", "#TS",
	"#NP", "#SS", "#GP", "#PF", "15", "#MF", "#AC", "#MC", "#XM", "#VE", "#CP",
};

struct mem_region idt_region(void)
{
	return (struct mem_region){ idt, sizeof(idt) };
}

void idt_load(void)
{
	struct __attribute__((packed)) { u16 limit; u64 base; } idtr = { sizeof(idt) - 1, (u64)idt };

	for (int v = 0; v < 32; v++) {
		u64 h = isr_table[v];
		idt[v] = (struct idt_gate){ .offset_lo = (u16)h, .selector = 0x08,
					    .type_attr = AR_P | SYS_TYPE_INTR_GATE /* DPL 0 */,
					    .offset_mid = (u16)(h >> 16), .offset_hi = (u32)(h >> 32) };
	}
	asm volatile("lidt %0" : : "m"(idtr));
}

struct extable_entry { u64 insn, fixup; };
extern const struct extable_entry __extable_start[], __extable_end[];

/* A faulting instruction listed in .extable continues at its fixup code
 * (used by the *_safe MSR accessors); any other exception is fatal. */
void exception_handle(struct exception_frame *f)
{
	/* An NMI in VMX root: a kick, or the guest's NMI (runtime/nmi.c). */
	if (f->vector == VEC_NMI) {
		nmi_in_root(&f->rip);
		return;
	}
	for (const struct extable_entry *e = __extable_start; e < __extable_end; e++) {
		if (e->insn == f->rip) {
			f->rip = e->fixup;
			return;
		}
	}
	const char *name = exception_names[f->vector] ? exception_names[f->vector] : "reserved";

	hv_panic("CPU %u: exception %llu (%s) error=0x%llx at %04llx:%016llx rflags=0x%llx "
		 "rsp=0x%llx cr2=0x%llx\n",
		 rdmsr(MSR_IA32_GS_BASE) ? this_cpu()->index : 0, (unsigned long long)f->vector, name,
		 (unsigned long long)f->error, (unsigned long long)f->cs,
		 (unsigned long long)f->rip, (unsigned long long)f->rflags,
		 (unsigned long long)f->rsp, (unsigned long long)read_cr2());
}
