/* Bringing VMX up and starting the guest (SDM 23.7, 24.2, 26). */
#include <string.h>
#include "vmx_start.h"
#include "vmx_on.h"
#include "vmcs.h"
#include "vmcs_setup.h"
#include "vmcs_dump.h"
#include "ept.h"
#include "ept_guard.h"
#include "guest_copy.h"
#include "integrity.h"
#include "guest_mtrr.h"
#include "boot_drive.h"
#include "int15_hook.h"
#include "guest_state.h"
#include "msr_bitmap.h"
#include "io_bitmap.h"
#include "boot_info.h"
#include "cpu.h"
#include "serial.h"
#include "cpu_report.h"
#include "lapic.h"
#include "arch/vmx_controls.h"
#include "arch/cpuid.h"
#include "hw/uart16550.h"

#define MBR_LOAD_ADDR 0x7c00

void vmx_launch_regs(const struct guest_regs *r, void *stack_top);

static u8 msr_bitmap[MSR_BITMAP_SIZE] __attribute__((aligned(4096)));
/* I/O bitmaps A and B, contiguous (one integrity region). */
static u8 io_bitmaps[2][IO_BITMAP_SIZE] __attribute__((aligned(4096)));
static u64 eptp, guest_limit;

/* EPT features we build on (SDM Appendix A.10). */
static bool ept_caps_ok(const struct vmx_caps *c)
{
	static const struct { u64 bit; const char *what; } need[] = {
		{ VMX_EPT_WALK_4, "4-level EPT walk" },
		{ VMX_EPT_MEMTYPE_WB, "write-back EPT paging structures" },
		{ VMX_EPT_2MB_PAGES, "2 MiB EPT pages" },
	};

	for (unsigned i = 0; i < ARRAY_SIZE(need); i++) {
		if (!(c->ept_vpid & need[i].bit)) {
			hv_printf("xmhf-ng: the CPU's EPT lacks %s (IA32_VMX_EPT_VPID_CAP=0x%llx)\n",
				  need[i].what, (unsigned long long)c->ept_vpid);
			return false;
		}
	}
	return true;
}

static void print_hidden(void *arg, const char *feature, const char *why)
{
	(void)arg;
	hv_printf("xmhf-ng: CPUID hides %s from the guest: %s\n", feature, why);
}

bool vmx_global_init(void)
{
	if (!cpu_has_vmx()) {
		hv_printf("xmhf-ng: this CPU has no VMX (CPUID.1:ECX.VMX = 0)\n");
		return false;
	}
	vmx_read_caps(&vmx_caps);
	if (!vmx_controls_compute(&vmx_caps) || !ept_caps_ok(&vmx_caps))
		return false;
	hv_printf("xmhf-ng: VMX controls pin=0x%08x proc=0x%08x proc2=0x%08x exit=0x%08x "
		  "entry=0x%08x\n", vmx_ctls.pin, vmx_ctls.proc, vmx_ctls.proc2, vmx_ctls.exit,
		  vmx_ctls.entry);
	cpuid_policy_hidden(&guest_cpuid_policy, cpuid_query_host, NULL, print_hidden, NULL);
	io_bitmap_intercept(io_bitmaps[0], io_bitmaps[1], serial_port(), UART_PORTS);
	guest_limit = ept_limit(&boot_info.e820);
	guest_mem_init(&boot_info.e820, boot_info.hv_phys_base, boot_info.hv_size, guest_limit);
	eptp = ept_build(&boot_info.e820, guest_limit, boot_info.hv_phys_base, boot_info.hv_size,
			 lapic_base());
	guest_msr_policy.mtrr = guest_mtrr_init();
	msr_bitmap_build_policy(msr_bitmap, &guest_msr_policy);
	return true;
}

struct mem_region vmx_msr_bitmap(void)
{
	return (struct mem_region){ msr_bitmap, sizeof(msr_bitmap) };
}

struct mem_region vmx_io_bitmaps(void)
{
	return (struct mem_region){ io_bitmaps, sizeof(io_bitmaps) };
}

void vmx_prepare_guest(void)
{
	int15_hook_install(&boot_info.e820, boot_info.hv_phys_base, boot_info.hv_size, guest_limit);
	ept_guard_init();
	integrity_init();
}

/* Every AP runs with the BSP's controls: its own capabilities must match
 * (a mixed-stepping or misconfigured machine is refused, as Xen does). */
static bool same_caps_as_bsp(const struct cpu *c)
{
	struct vmx_caps mine;

	if (c->index == 0)
		return true;
	memset(&mine, 0, sizeof(mine));		/* padding too: compared with memcmp */
	vmx_read_caps(&mine);
	if (!memcmp(&mine, &vmx_caps, sizeof(mine)))
		return true;
	hv_printf("CPU %u: VMX capabilities differ from the boot CPU's (basic 0x%llx vs 0x%llx, "
		  "secondary 0x%llx vs 0x%llx, EPT/VPID 0x%llx vs 0x%llx)\n", c->index,
		  (unsigned long long)mine.basic, (unsigned long long)vmx_caps.basic,
		  (unsigned long long)mine.procbased2, (unsigned long long)vmx_caps.procbased2,
		  (unsigned long long)mine.ept_vpid, (unsigned long long)vmx_caps.ept_vpid);
	return false;
}

bool vmx_cpu_start(struct cpu *c)
{
	if (!same_caps_as_bsp(c) || !vmx_cpu_on(c))
		return false;
	vmcs_setup(c, eptp, hv_virt_to_phys(msr_bitmap), hv_virt_to_phys(io_bitmaps[0]),
		   hv_virt_to_phys(io_bitmaps[1]));
	integrity_init_vmcs(c);
	return true;
}

void vmx_launch_boot_sector(struct cpu *c, const u8 *mbr, u8 drive)
{
	struct guest_start_state s;
	struct guest_regs regs = { 0 };

	guest_state_init(&s, &vmx_caps, cpuid(CPUID_LEAF_FEATURES, 0).eax);
	guest_state_boot_sector(&s, &vmx_caps, drive);
	vmcs_write_list(s.f, s.n);
	regs.gpr[GPR_RDX] = s.rdx;
	memcpy((void *)MBR_LOAD_ADDR, mbr, 512);
	/* tsc: ticks since power-on under Bochs (make bench: the start-up's length). */
	hv_printf("xmhf-ng: CPU %u: starting the guest at 0000:7c00 in real mode, DL=0x%02x tsc=%llu\n",
		  c->index, (unsigned)(u8)regs.gpr[GPR_RDX],	/* what the guest gets */
		  (unsigned long long)rdtsc());
	boot_drive_check((u8)regs.gpr[GPR_RDX]);
	vmx_launch(c, &regs);
}

/* The VM-entry checker runs before this entry: vmcs_write_list() requested it. */
void vmx_launch(struct cpu *c, const struct guest_regs *r)
{
	c->launched = false;
	vmx_launch_regs(r, c->stack + CPU_STACK_SIZE);
	__builtin_unreachable();
}
