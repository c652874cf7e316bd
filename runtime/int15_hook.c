#include "int15_hook.h"
#include <string.h>
#include "e820_int15.h"
#include "e820.h"
#include "vmcs.h"
#include "serial.h"
#include "arch/vmcs_fields.h"
#include "arch/cr.h"

#define BDA_BASE_MEM_KB 0x413	/* BIOS data area: base memory size in KiB */
#define IVT_INT15 (0x15 * 4)
#define RM_FLAGS_OFFSET 4	/* INT pushes FLAGS, CS, IP: FLAGS at SS:SP+4 */

static const u8 stub_code[] = { 0x0f, 0x01, 0xc1, 0xcf };	/* VMCALL; IRET */

struct e820_map guest_e820;
static u64 stub_phys;
static u16 bios_seg, bios_off;

void int15_hook_install(const struct e820_map *firmware, u64 hv_base, u64 hv_size)
{
	volatile u16 *base_kb = (volatile u16 *)BDA_BASE_MEM_KB;
	volatile u16 *ivt = (volatile u16 *)IVT_INT15;

	*base_kb = *base_kb - 1;
	stub_phys = (u64)*base_kb * 1024;
	for (unsigned i = 0; i < sizeof(stub_code); i++)
		((volatile u8 *)stub_phys)[i] = stub_code[i];
	bios_off = ivt[0];
	bios_seg = ivt[1];
	ivt[0] = 0;
	ivt[1] = (u16)(stub_phys >> 4);

	guest_e820 = *firmware;
	if (e820_reserve(&guest_e820, hv_base, hv_size) || e820_reserve(&guest_e820, stub_phys, 1024))
		hv_panic("E820: cannot reserve the hypervisor range in the guest map\n");
	hv_printf("xmhf-ng: INT 15h hook at %04x:0000 (BIOS handler %04x:%04x); guest E820 has %u "
		  "entries, hypervisor 0x%llx-0x%llx reserved\n", (unsigned)(stub_phys >> 4),
		  bios_seg, bios_off, guest_e820.count, (unsigned long long)hv_base,
		  (unsigned long long)(hv_base + hv_size - 1));
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

void int15_hook_handle(u64 *rax, u64 *rbx, u64 *rcx, u64 rdx, u64 rdi)
{
	struct int15_regs regs = { (u32)*rax, (u32)*rbx, (u32)*rcx, (u32)rdx, false };
	struct e820_entry entry;
	bool write;
	volatile u16 *flags;

	if (!e820_int15(&guest_e820, &regs, &entry, &write)) {
		chain_to_bios();
		return;
	}
	if (write) {
		u8 *buf = (u8 *)(vmread(VMCS_GUEST_ES_BASE) + (rdi & 0xffff));

		memcpy(buf, &entry, sizeof(entry));
	}
	flags = (volatile u16 *)(vmread(VMCS_GUEST_SS_BASE) + (vmread(VMCS_GUEST_RSP) & 0xffff) +
				 RM_FLAGS_OFFSET);
	*flags = regs.cf ? (*flags | RFLAGS_CF) : (*flags & ~RFLAGS_CF);
	*rax = (*rax & ~0xffffffffULL) | regs.eax;
	*rbx = (*rbx & ~0xffffffffULL) | regs.ebx;
	*rcx = (*rcx & ~0xffffffffULL) | regs.ecx;
	vmwrite(VMCS_GUEST_RIP, vmread(VMCS_GUEST_RIP) + sizeof(stub_code) - 1);	/* to IRET */
}
