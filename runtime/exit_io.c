/* I/O-instruction exits (SDM 25.1.3, qualification Table 27-5): only the
 * console UART's ports are in the I/O bitmaps (vmx_start.c). IN/OUT are
 * emulated byte by byte: the UART's bytes through the mux (serial.c), any
 * other byte of an access that straddles its range on the real port. String
 * I/O (INS/OUTS, REP or not) to the UART is refused with #GP(0) and a
 * rate-limited line: no OS driver uses it on a 16550 (Linux's 8250 driver
 * issues single IN/OUT). */
#include "exit.h"
#include "vmcs.h"
#include "cpu.h"
#include "serial.h"
#include "ratelimit.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_exit_reasons.h"
#include "arch/exceptions.h"
#include "hw/uart16550.h"

static u32 string_io_refused;

static bool console_port(u32 port, unsigned *reg)
{
	u32 base = serial_port();

	*reg = port - base;
	return port >= base && port < base + UART_PORTS;
}

static u8 port_in(u32 port)
{
	unsigned reg;

	return console_port(port, &reg) ? serial_guest_in(reg) : inb((u16)port);
}

static void port_out(u32 port, u8 v)
{
	unsigned reg;

	if (console_port(port, &reg))
		serial_guest_out(reg, v);
	else
		outb((u16)port, v);
}

void exit_io(struct cpu *c, struct guest_regs *r)
{
	u64 q = vmread(VMCS_EXIT_QUALIFICATION);
	unsigned size = IO_QUAL_SIZE(q), port = IO_QUAL_PORT(q);
	u64 rax = r->gpr[GPR_RAX], v = 0;

	if (q & IO_QUAL_STRING) {
		if (ratelimit_ok(&string_io_refused))
			hv_printf("CPU %u: guest string I/O (%s%s, %u bytes) at port 0x%x on the console "
				  "UART refused with #GP(0) (RIP 0x%llx)\n", c->index,
				  q & IO_QUAL_REP ? "REP " : "", q & IO_QUAL_IN ? "INS" : "OUTS", size,
				  port, (unsigned long long)vmread(VMCS_GUEST_RIP));
		guest_inject_exception(VEC_GP);
		return;
	}
	/* Ports wrap at FFFF as on the bus (the access exits unconditionally). */
	for (unsigned i = 0; i < size; i++) {
		u32 p = (port + i) & 0xffff;

		if (q & IO_QUAL_IN)
			v |= (u64)port_in(p) << (8 * i);
		else
			port_out(p, (u8)(rax >> (8 * i)));
	}
	if (q & IO_QUAL_IN) {
		/* AL/AX keep the rest of RAX; a 32-bit destination zero-extends. */
		u64 keep = size == 4 ? 0 : rax & ~((1ull << (8 * size)) - 1);

		r->gpr[GPR_RAX] = keep | v;
	}
	guest_skip_instruction();
}
