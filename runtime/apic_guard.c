#include "apic_guard.h"
#include "exit.h"
#include "vmcs.h"
#include "lapic.h"
#include "guest_copy.h"
#include "ratelimit.h"
#include "arch/exceptions.h"
#include "serial.h"
#include "guest_walk.h"
#include "mmio_decode_cache.h"
#include "arch/apic.h"
#include "arch/vmcs_fields.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include <string.h>

bool apic_guard_is_apic_page(u64 gpa)
{
	return (gpa & ~0xfffULL) == lapic_base();
}

/* Page-walk reads go through the guest-memory check (guest_copy.c). */
static bool read_guest_phys(void *arg, u64 gpa, u64 *v)
{
	return copy_from_guest_phys(arg, v, gpa, sizeof(*v), NULL);
}

/* Copies what is readable of [la, la + len), all on one guest page at gpa,
 * into buf: one guest-memory check for the whole piece, byte by byte only
 * when that fails (a piece that ends where guest memory does). */
static unsigned fetch_piece(struct cpu *c, u8 *buf, u64 gpa, unsigned len)
{
	unsigned n;

	if (copy_from_guest_phys(c, buf, gpa, len, NULL))
		return len;
	for (n = 0; n < len && copy_from_guest_phys(c, &buf[n], gpa + n, 1, NULL); n++)
		;
	return n;
}

/* Fetch up to MMIO_INSN_MAX at CS:RIP through the guest's own paging (SDM 3A
 * 4), one translation per page the window touches. The window stops at the
 * first byte that is not readable guest memory (an instruction at the end of
 * a page before an unmapped one): returns how many bytes were fetched; the
 * decoder sees only those. */
static unsigned fetch_insn(struct cpu *c, u8 *buf, enum cpu_mode_bits *mode)
{
	struct guest_paging p = { .cr0 = vmread(VMCS_GUEST_CR0), .read64 = read_guest_phys, .arg = c };
	u64 ar = vmread(VMCS_GUEST_CS_AR), la = vmread(VMCS_GUEST_CS_BASE) + vmread(VMCS_GUEST_RIP);
	unsigned n = 0;

	if (p.cr0 & CR0_PG) {	/* the walk reads these only with paging on */
		p.cr3 = vmread(VMCS_GUEST_CR3);
		p.cr4 = vmread(VMCS_GUEST_CR4);
		p.efer = vmread(VMCS_GUEST_IA32_EFER);
	}
	*mode = guest_in_64bit_mode() ? MODE_64 : (ar & AR_DB) ? MODE_32 : MODE_16;
	while (n < MMIO_INSN_MAX) {
		u64 gpa;
		unsigned want = MMIO_INSN_MAX - n, to_page_end = PAGE_SIZE - ((la + n) & 0xfff), got;

		if (want > to_page_end)
			want = to_page_end;
		if (guest_linear_to_phys(&p, la + n, &gpa))
			break;
		got = fetch_piece(c, &buf[n], gpa, want);
		n += got;
		if (got < want)
			break;
	}
	return n;
}

static u32 refused;	/* guest-triggered lines below: rate-limited */
static struct mmio_decode_cache decode_cache[MAX_CPUS];

/* The write could not be emulated: the guest gets #GP(0), the machine runs on. */
static void refuse(struct cpu *c, u32 reg, const char *why, const u8 *insn, enum cpu_mode_bits mode)
{
	if (ratelimit_ok(&refused))
		hv_printf("CPU %u: APIC write to 0x%03x: %s (%u-bit code %02x %02x %02x %02x %02x %02x "
			  "%02x %02x): #GP\n", c->index, reg, why, (unsigned)mode, insn[0], insn[1],
			  insn[2], insn[3], insn[4], insn[5], insn[6], insn[7]);
	guest_inject_exception(VEC_GP);
}

void apic_guard_write(struct cpu *c, struct guest_regs *r, u64 gpa)
{
	u8 insn[MMIO_INSN_MAX] = { 0 };
	enum cpu_mode_bits mode;
	struct mmio_store st;
	u32 reg = (u32)(gpa & 0xfff), v;
	unsigned len = fetch_insn(c, insn, &mode);

	if (!len) {
		refuse(c, reg, "guest code at RIP not readable", insn, mode);
		return;
	}
	if (mmio_decode_store_cached(&decode_cache[c->index], insn, len, mode, &st)) {
		refuse(c, reg, "not a store the decoder knows", insn, mode);
		return;
	}
	/* Registers are 32 bits at 16-byte offsets; narrower or unaligned
	 * accesses are model specific (SDM 10.4.1): dropped here. */
	if (st.size != 4 || (reg & 0xf)) {
		if (ratelimit_ok(&refused))
			hv_printf("CPU %u: APIC write to 0x%03x: %u-byte store ignored (32-bit "
				  "aligned accesses only)\n", c->index, reg, st.size);
		guest_advance_rip(st.len);
		return;
	}
	/* EOI ignores the value written (SDM 10.8.5): no register read. */
	v = reg == APIC_REG_EOI ? 0 : st.is_imm ? st.imm : (u32)guest_gpr_read(r, st.reg);
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
}
