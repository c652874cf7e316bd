#include "int15_hook.h"
#include "e820_int15.h"
#include "e820.h"
#include "vmcs.h"
#include "serial.h"
#include "guest_copy.h"
#include "exit.h"
#include "arch/vmcs_fields.h"
#include "arch/cr.h"
#include <string.h>

#define BDA_BASE_MEM_KB 0x413	/* BIOS data area: base memory size in KiB */
#define IVT_INT15 (0x15 * 4)
#define RM_FLAGS_OFFSET 4	/* INT pushes FLAGS, CS, IP: FLAGS at SS:SP+4 */

static const u8 stub_code[] = { 0x0f, 0x01, 0xc1, 0xcf };	/* VMCALL; IRET */

struct e820_map guest_e820;
static u64 stub_phys;
static u16 bios_seg, bios_off;

/* The guest's map: the firmware's with the hypervisor, the low-memory
 * handler and the RAM above the mapped limit reserved. */
static void build_guest_map(const struct e820_map *firmware, u64 hv_base, u64 hv_size, u64 limit,
			    u64 stub, u64 stub_len)
{
	guest_e820 = *firmware;
	if (e820_reserve(&guest_e820, hv_base, hv_size) || e820_reserve(&guest_e820, stub, stub_len))
		hv_panic("E820: cannot reserve the hypervisor range in the guest map\n");
	/* RAM the hypervisor (EPT, VT-d) does not map is not the guest's. */
	if (e820_ram_top(firmware) > limit &&
	    e820_reserve(&guest_e820, limit, e820_ram_top(firmware) - limit))
		hv_panic("E820: cannot hide the RAM above 0x%llx from the guest\n",
			 (unsigned long long)limit);
}

/* Takes kib KiB off the top of base memory (BDA 40:13h); returns its address. */
static u64 take_base_memory(u32 kib)
{
	volatile u16 *base_kb = (volatile u16 *)BDA_BASE_MEM_KB;

	*base_kb = (u16)(*base_kb - kib);
	return (u64)*base_kb * 1024;
}

static void point_ivt(u64 handler)
{
	volatile u16 *ivt = (volatile u16 *)IVT_INT15;

	bios_off = ivt[0];
	bios_seg = ivt[1];
	ivt[0] = 0;
	ivt[1] = (u16)(handler >> 4);
}

void int15_hook_install(const struct e820_map *firmware, u64 hv_base, u64 hv_size, u64 limit)
{
	stub_phys = take_base_memory(1);
	for (unsigned i = 0; i < sizeof(stub_code); i++)
		((volatile u8 *)stub_phys)[i] = stub_code[i];
	point_ivt(stub_phys);
	build_guest_map(firmware, hv_base, hv_size, limit, stub_phys, 1024);
	hv_printf("xmhf-ng: INT 15h hook at %04x:0000 (BIOS handler %04x:%04x); guest E820 has %u "
		  "entries, hypervisor 0x%llx-0x%llx reserved\n", (unsigned)(stub_phys >> 4),
		  bios_seg, bios_off, guest_e820.count, (unsigned long long)hv_base,
		  (unsigned long long)(hv_base + hv_size - 1));
}

/* runtime/int15_native.S: the handler, then this block, then the table. */
struct int15n_data {
	u16 bios_off, bios_seg;
	u16 e801_ax, e801_bx, e801_cx, e801_dx;
	u16 ext88_ax, pad;
	u32 count;
	struct e820_entry table[];
} __attribute__((packed));
extern const u8 int15n_start[], int15n_data[];

void int15_hook_install_native(const struct e820_map *firmware, u64 hv_base, u64 hv_size,
			       u64 limit)
{
	u64 code_len = (u64)(int15n_data - int15n_start);
	u64 len = code_len + sizeof(struct int15n_data) + sizeof(guest_e820.e);
	u32 kib = (u32)((len + 1023) / 1024);
	struct int15_regs r;
	struct e820_entry unused;
	struct int15n_data *d;
	bool w;

	stub_phys = take_base_memory(kib);
	point_ivt(stub_phys);
	build_guest_map(firmware, hv_base, hv_size, limit, stub_phys, (u64)kib * 1024);
	memcpy((void *)stub_phys, int15n_start, code_len);
	d = (struct int15n_data *)(stub_phys + code_len);
	memset(d, 0, sizeof(*d));
	d->bios_off = bios_off;
	d->bios_seg = bios_seg;
	r = (struct int15_regs){ .eax = E801_INT15_FUNC };
	e820_int15(&guest_e820, &r, &unused, &w);
	d->e801_ax = (u16)r.eax;
	d->e801_bx = (u16)r.ebx;
	d->e801_cx = (u16)r.ecx;
	d->e801_dx = (u16)r.edx;
	r = (struct int15_regs){ .eax = (u32)EXT_MEM_INT15_AH << 8 };
	e820_int15(&guest_e820, &r, &unused, &w);
	d->ext88_ax = (u16)r.eax;
	d->count = guest_e820.count;
	memcpy(d->table, guest_e820.e, guest_e820.count * sizeof(guest_e820.e[0]));
	hv_printf("xmhf-ng: native INT 15h handler at %04x:0000 (%u KiB, BIOS handler %04x:%04x); "
		  "guest E820 has %u entries, hypervisor 0x%llx-0x%llx reserved\n",
		  (unsigned)(stub_phys >> 4), kib, bios_seg, bios_off, guest_e820.count,
		  (unsigned long long)hv_base, (unsigned long long)(hv_base + hv_size - 1));
}

bool int15_hook_is_caller(void)
{
	return !(vmread(VMCS_GUEST_CR0) & CR0_PE) &&
	       vmread(VMCS_GUEST_CS_BASE) + vmread(VMCS_GUEST_RIP) == stub_phys;
}

static void chain_to_bios(void)
{
	vmwrite(VMCS_GUEST_CS_SELECTOR, bios_seg);
	vmwrite(VMCS_GUEST_CS_BASE, (u64)bios_seg << 4);
	vmwrite(VMCS_GUEST_RIP, bios_off);
}

static void set_low32(u64 *reg, u32 v)
{
	*reg = (*reg & ~0xffffffffULL) | v;
}

/* The real-mode caller's buffer and stack are ES:DI and SS:SP; under
 * unrestricted guest a segment base can be any 32-bit value (unreal mode),
 * so both go through the guest-memory check: a refused buffer is CF = 1,
 * AH = 86h, as a BIOS that cannot answer gives (ACPI 6.x 15.1). */
void int15_hook_handle(struct cpu *c, struct guest_regs *r)
{
	struct int15_regs regs = { (u32)r->gpr[GPR_RAX], (u32)r->gpr[GPR_RBX], (u32)r->gpr[GPR_RCX],
				   (u32)r->gpr[GPR_RDX], false };
	struct e820_entry entry;
	bool write;
	u16 flags;
	u64 buf = vmread(VMCS_GUEST_ES_BASE) + (r->gpr[GPR_RDI] & 0xffff);
	u64 sp = vmread(VMCS_GUEST_SS_BASE) + (vmread(VMCS_GUEST_RSP) & 0xffff) + RM_FLAGS_OFFSET;

	if (!e820_int15(&guest_e820, &regs, &entry, &write)) {
		chain_to_bios();
		return;
	}
	if (write && !copy_to_guest_phys(c, buf, &entry, sizeof(entry), "INT 15h E820 buffer")) {
		regs.cf = true;
		regs.eax = (regs.eax & ~0xff00u) | (INT15_ERR_UNSUPPORTED << 8);
	}
	set_low32(&r->gpr[GPR_RAX], regs.eax);
	set_low32(&r->gpr[GPR_RBX], regs.ebx);
	set_low32(&r->gpr[GPR_RCX], regs.ecx);
	set_low32(&r->gpr[GPR_RDX], regs.edx);
	if (copy_from_guest_phys(c, &flags, sp, sizeof(flags), "INT 15h stack")) {
		flags = regs.cf ? (u16)(flags | RFLAGS_CF) : (u16)(flags & ~RFLAGS_CF);
		copy_to_guest_phys(c, sp, &flags, sizeof(flags), "INT 15h stack");
	}
	guest_advance_rip(sizeof(stub_code) - 1);	/* to the IRET */
}
