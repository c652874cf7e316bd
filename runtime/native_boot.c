/* APs get INIT, so they wait for SIPI as after the BIOS (SDM 8.4.1); the BSP
 * copies the boot sector to 0x7C00 and leaves long mode through
 * bootloader/native_chain.S. */
#include "native_boot.h"
#include "percpu.h"
#include "layout.h"
#include "lapic.h"
#include "delay.h"
#include "serial.h"
#include "boot_drive.h"
#include "arch/apic.h"
#include "vtd.h"
#include "int15_hook.h"
#include "boot_info.h"
#include "phys_limit.h"
#include <string.h>

#define MBR_LOAD_ADDR 0x7c00

extern const char chain_start[], chain_end[];

void native_boot(const u8 *mbr, u8 drive, const char *why)
{
	/* Nothing of the hypervisor runs after the hand-over: the last look at
	 * the fault log is now (docs/security.md). */
	vtd_check_faults();
	{
		bool clamped;

		int15_hook_install_native(&boot_info.e820, boot_info.hv_phys_base,
					  boot_info.hv_size, phys_limit(&boot_info.e820, &clamped));
	}
	hv_printf("xmhf-ng: %s: booting the guest natively, without the hypervisor "
		  "(DL=0x%02x)\n", why, drive);
	boot_drive_check(drive);
	serial_drain();
	for (u32 i = 1; i < cpu_count; i++)
		lapic_send_ipi(cpus[i].apic_id, ICR_DELIVERY_INIT | ICR_LEVEL_ASSERT | ICR_TRIGGER_LEVEL);
	udelay(10000);
	memcpy((void *)MBR_LOAD_ADDR, mbr, 512);
	memcpy((void *)CHAIN_PHYS, chain_start, (size_t)(chain_end - chain_start));
	asm volatile("cli; jmp *%0" : : "r"((u64)CHAIN_PHYS), "D"((u64)drive) : "memory");
	__builtin_unreachable();
}
