#ifndef RUNTIME_VMCS_DUMP_H
#define RUNTIME_VMCS_DUMP_H
#include "percpu.h"

/* Every readable field of the current VMCS, one per line (format in
 * docs/serial-format.md): "vmcs: CPU <n> <NAME> 0x<value> [decoding]". */
void vmcs_dump(const struct cpu *c);
/* Run the pre-entry checker on the current VMCS; prints each violation as
 * "VMCS check: <rule> (<SDM clause>) field <NAME> = 0x<value>". */
unsigned vmcs_verify(const struct cpu *c);
/* Guest registers and the decoded VMCS, then halt this CPU. */
__attribute__((noreturn)) void vmx_fatal(const struct cpu *c, const struct guest_regs *r,
					 const char *why);

#endif
