#include "apic_guard.h"
#include "exit.h"
#include "vmcs.h"
#include "lapic.h"
#include "ept.h"
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

/* Guest-physical = host-physical below the EPT limit (identity EPT, and the
 * hypervisor's identity map covers the same space). */
static bool read_guest_phys(void *arg, u64 gpa, u64 *v)
{
	(void)arg;
	if (!ept_is_guest_memory(gpa, 8))
		return false;
	*v = *(const volatile u64 *)gpa;
	return true;
}

/* Fetch the bytes at CS:RIP through the guest's own paging (SDM 3A 4). */
static bool fetch_insn(u8 *buf, enum cpu_mode_bits *mode)
{
	struct guest_paging p = {
		.cr0 = vmread(VMCS_GUEST_CR0), .cr3 = vmread(VMCS_GUEST_CR3),
		.cr4 = vmread(VMCS_GUEST_CR4), .efer = vmread(VMCS_GUEST_IA32_EFER),
		.read64 = read_guest_phys,
	};
	u64 ar = vmread(VMCS_GUEST_CS_AR), la = vmread(VMCS_GUEST_CS_BASE) + vmread(VMCS_GUEST_RIP);

	*mode = guest_in_64bit_mode() ? MODE_64 : (ar & AR_DB) ? MODE_32 : MODE_16;
	for (unsigned i = 0; i < MAX_INSN_BYTES; i++) {
		u64 gpa;

		if (guest_linear_to_phys(&p, la + i, &gpa) || !ept_is_guest_memory(gpa, 1))
			return false;
		buf[i] = *(const volatile u8 *)gpa;
	}
	return true;
}

bool apic_guard_write(struct cpu *c, struct guest_regs *r, u64 gpa)
{
	u8 insn[MAX_INSN_BYTES];
	enum cpu_mode_bits mode;
	struct mmio_store st;
	u32 reg = (u32)(gpa & 0xfff), v;

	if (!fetch_insn(insn, &mode)) {
		hv_printf("CPU %u: APIC write: guest code at RIP not readable\n", c->index);
		return false;
	}
	if (mmio_decode_store(insn, sizeof(insn), mode, &st)) {
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
