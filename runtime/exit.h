/* VM-exit handlers, one file per family; exit_dispatch.c routes to them. */
#ifndef RUNTIME_EXIT_H
#define RUNTIME_EXIT_H
#include "percpu.h"

typedef void (*exit_handler_fn)(struct cpu *c, struct guest_regs *r);

void exit_nmi(struct cpu *c, struct guest_regs *r);
void exit_nmi_window(struct cpu *c, struct guest_regs *r);
void exit_cpuid(struct cpu *c, struct guest_regs *r);
void exit_rdmsr(struct cpu *c, struct guest_regs *r);
void exit_wrmsr(struct cpu *c, struct guest_regs *r);
void exit_cr_access(struct cpu *c, struct guest_regs *r);
void exit_vmcall(struct cpu *c, struct guest_regs *r);
void exit_invd(struct cpu *c, struct guest_regs *r);
void exit_xsetbv(struct cpu *c, struct guest_regs *r);
void exit_inject_ud(struct cpu *c, struct guest_regs *r);
void exit_ept_violation(struct cpu *c, struct guest_regs *r);
void exit_io(struct cpu *c, struct guest_regs *r);
__attribute__((noreturn)) void exit_fatal(struct cpu *c, struct guest_regs *r);
__attribute__((noreturn)) void exit_guest_crash(struct cpu *c, struct guest_regs *r);
void exit_init_signal(struct cpu *c, struct guest_regs *r);

/* Helpers shared by the handlers. */
void guest_skip_instruction(void);
/* RIP += len for an instruction the hypervisor completed for the guest. */
void guest_advance_rip(u64 len);
u64 guest_gpr_read(const struct guest_regs *r, unsigned index);
void guest_gpr_write(struct guest_regs *r, unsigned index, u64 value);
/* Hardware exception into the guest on the next VM entry (SDM 26.6). */
void guest_inject_exception(u8 vector);
bool guest_in_64bit_mode(void);

#endif
