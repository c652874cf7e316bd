#ifndef RUNTIME_VMCS_DUMP_H
#define RUNTIME_VMCS_DUMP_H
#include "percpu.h"

/* Every readable field of the current VMCS, one per line (format in
 * docs/serial-format.md): "vmcs: CPU <n> <NAME> 0x<value> [decoding]". */
void vmcs_dump(const struct cpu *c);
/* Guest registers, each broken VM-entry rule as "VMCS check: CPU n: <rule>
 * (<SDM clause>) field <NAME> = 0x<value>", the decoded VMCS, then halt. */
__attribute__((noreturn)) void vmx_fatal(const struct cpu *c, const struct guest_regs *r,
					 const char *why);

/* The guest crashed the machine (triple fault, INIT to the boot CPU, a task
 * switch): the same report, then a platform reset as on bare hardware, or
 * vmx_fatal() with crash=halt. */
__attribute__((noreturn)) void vmx_guest_crash(const struct cpu *c, const struct guest_regs *r,
					       const char *why);

#endif
