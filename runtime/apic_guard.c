#include "apic_guard.h"
#include "exit.h"
#include "vmcs.h"
#include "lapic.h"
#include "guest_copy.h"
#include "serial.h"
#include "guest_walk.h"
#include "mmio_decode.h"
#include "arch/apic.h"
#include "arch/vmcs_fields.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include <string.h>

#define MAX_INSN_BYTES 15

bool apic_guard_is_apic_page(u64 gpa)
{
	return (gpa & ~0xfffULL) == lapic_base();
}

/* Page-walk reads go through the guest-memory check (guest_copy.c). */
static bool read_guest_phys(void *arg, u64 gpa, u64 *v)
{
	return copy_from_guest_phys(arg, v, gpa, sizeof(*v), NULL);
}

/* Fetch up to MAX_INSN_BYTES at CS:RIP through the guest's own paging (SDM 3A
 * 4). The window stops at the first byte that is not readable guest memory
 * (an instruction at the end of a page before an unmapped one): returns how
 * many bytes were fetched; the decoder sees only those. */
static unsigned fetch_insn(struct cpu *c, u8 *buf, enum cpu_mode_bits *mode)
{
	struct guest_paging p = {
		.cr0 = vmread(VMCS_GUEST_CR0), .cr3 = vmread(VMCS_GUEST_CR3),
		.cr4 = vmread(VMCS_GUEST_CR4), .efer = vmread(VMCS_GUEST_IA32_EFER),
		.read64 = read_guest_phys, .arg = c,
	};
	u64 ar = vmread(VMCS_GUEST_CS_AR), la = vmread(VMCS_GUEST_CS_BASE) + vmread(VMCS_GUEST_RIP);
	unsigned n;

	*mode = guest_in_64bit_mode() ? MODE_64 : (ar & AR_DB) ? MODE_32 : MODE_16;
	for (n = 0; n < MAX_INSN_BYTES; n++) {
		u64 gpa;

		if (guest_linear_to_phys(&p, la + n, &gpa) ||
		    !copy_from_guest_phys(c, &buf[n], gpa, 1, NULL))
			break;
	}
	return n;
}

bool apic_guard_write(struct cpu *c, struct guest_regs *r, u64 gpa)
{
	u8 insn[MAX_INSN_BYTES];
	enum cpu_mode_bits mode;
	struct mmio_store st;
	u32 reg = (u32)(gpa & 0xfff), v;

	unsigned len = fetch_insn(c, insn, &mode);

	if (!len) {
		hv_printf("CPU %u: APIC write: guest code at RIP not readable\n", c->index);
		return false;
	}
	memset(insn + len, 0, sizeof(insn) - len);	/* for the line below only */
	if (mmio_decode_store(insn, len, mode, &st)) {
		hv_printf("CPU %u: APIC write to 0x%03x: unsupported %u-bit instruction "
			  "%02x %02x %02x %02x %02x %02x %02x %02x\n", c->index, reg, (unsigned)mode,
			  insn[0], insn[1], insn[2], insn[3], insn[4], insn[5], insn[6], insn[7]);
		return false;
	}
	v = st.is_imm ? st.imm : (u32)guest_gpr_read(r, st.reg);
	switch (reg) {
	case APIC_REG_ICR_LO:
		ipi_emulate(c, v, lapic_read(APIC_REG_ICR_HI), false);
		break;
	case APIC_REG_LDR:
		c->guest_ldr = v;
		lapic_write(reg, v);
		break;
	case APIC_REG_DFR:
		c->guest_dfr = v;
		lapic_write(reg, v);
		break;
	default:
		lapic_write(reg, v);
		break;
	}
	guest_advance_rip(st.len);
	return true;
}
