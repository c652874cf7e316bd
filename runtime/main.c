/* Runtime entry points: runtime_main() on the BSP after relocation, ap_main()
 * on each AP after the trampoline. */
#include "types.h"
#include "boot_info.h"
#include "percpu.h"
#include "lapic.h"
#include "serial.h"
#include "cpu.h"
#include "smp_boot.h"
#include "cpu_report.h"
#include "version.h"
#include "acpi_madt.h"
#include "vmx_start.h"
#include "init_sipi.h"
#include "idle.h"
#include "nmi.h"
#include "native_boot.h"
#include "delay.h"
#include "ept.h"
#include "vtd.h"
#include "phys_limit.h"

extern char _load_end_phys[];

static const char *const e820_type_names[] = {
	"?", "RAM", "reserved", "ACPI data", "ACPI NVS", "unusable",
};

static void print_e820(const struct e820_map *m)
{
	for (u32 i = 0; i < m->count; i++) {
		const struct e820_entry *e = &m->e[i];
		const char *t = e->type < ARRAY_SIZE(e820_type_names) ? e820_type_names[e->type] : "?";

		hv_printf("xmhf-ng: e820 [0x%016llx-0x%016llx] %s\n", (unsigned long long)e->addr,
			  (unsigned long long)(e->addr + e->len - 1), t);
	}
}

/* CPU list from the MADT (ACPI 6.x 5.2.12), which the loader read (it sized
 * the per-CPU area by it); without one, run on the BSP alone. */
static struct madt_cpus *find_cpus(void)
{
	struct madt_cpus *m = &boot_info.madt;

	if (!boot_info.madt_ok) {
		hv_printf("xmhf-ng: no usable ACPI MADT (%s): running on the boot CPU only\n",
			  boot_info.madt_err);
		m->count = 1;
		m->apic_id[0] = cpus[0].apic_id;
		return m;
	}
	hv_printf("xmhf-ng: ACPI MADT lists %u enabled CPUs\n", m->count);
	return m;
}

/* Resident memory: the whole reserved range (E820-hidden from the guest:
 * image with its bss, then the per-CPU area), the image's loaded part (text,
 * data), the per-CPU slots (one per MADT CPU) and the EPT pool's use. */
static void print_memory(void)
{
	unsigned used, total;

	ept_pool_usage(&used, &total);
	hv_printf("xmhf-ng: memory image=%llu KiB loaded=%llu KiB percpu=%llu KiBx%u ept_pool=%u/%u pages\n",
		  (unsigned long long)(boot_info.hv_size >> 10),
		  (unsigned long long)(((u64)_load_end_phys - LOAD_PHYS) >> 10),
		  (unsigned long long)(sizeof(struct cpu) >> 10), cpu_slots, used, total);
}

/* VT-d before any guest code runs, on both the VMX and the native path. */
static void start_dma_protection(void)
{
	bool clamped;

	vtd_init(phys_limit(&boot_info.e820, &clamped), boot_info.hv_phys_base, boot_info.hv_size,
		 boot_info.opts.dma_off);
}

/* BSP -> APs: 1 once vmx_global_init() succeeded; APs then start VMX. */
static volatile u32 vmx_go;

__attribute__((noreturn)) void ap_main(struct cpu *c)
{
	idle_wait_while_eq(c, &vmx_go, 0);	/* woken by start_vmx_everywhere() */
	if (vmx_cpu_start(c)) {
		hv_printf("CPU %u: VMX on, VMCS ready; waiting for the guest's INIT-SIPI\n", c->index);
		__atomic_store_n(&c->vmx_ready, 1, __ATOMIC_RELEASE);
		init_sipi_first_start(c);
	}
	cpu_halt_forever();
}

/* Without usable VMX the guest still boots, natively (docs/security.md). */
static void start_vmx_everywhere(struct cpu *bsp)
{
	if (!vmx_global_init() || !vmx_cpu_start(bsp)) {
		print_memory();
		native_boot(boot_info.guest_mbr, boot_info.opts.boot_drive,
			    "VMX cannot run on this machine (reason above)");
	}
	vmx_prepare_guest();
	__atomic_store_n(&vmx_go, 1, __ATOMIC_RELEASE);
	for (u32 i = 1; i < cpu_count; i++)
		vcpu_kick(&cpus[i]);
	for (u32 i = 1; i < cpu_count; i++) {
		for (u32 t = 0; t < 1000 && !__atomic_load_n(&cpus[i].vmx_ready, __ATOMIC_ACQUIRE); t++)
			udelay(1000);
		if (!cpus[i].vmx_ready)
			hv_panic("CPU %u did not enable VMX (reason above, or no answer in 1 s)\n", i);
	}
}

__attribute__((noreturn)) void runtime_main(void)
{
	struct cpu *bsp = &cpus[0];
	struct madt_cpus *madt;

	bsp->index = 0;
	lapic_init_bsp();
	bsp->apic_id = lapic_id();
	percpu_init(bsp);
	hv_printf("xmhf-ng %s (build %s): hypervisor at 0x%llx-0x%llx (%llu KiB)\n",
		  XMHF_NG_VERSION, XMHF_NG_BUILD_ID, (unsigned long long)boot_info.hv_phys_base,
		  (unsigned long long)(boot_info.hv_phys_base + boot_info.hv_size - 1),
		  (unsigned long long)(boot_info.hv_size >> 10));
	hv_printf("xmhf-ng: cmdline \"%s\"\n", boot_info.cmdline);
	hv_printf("xmhf-ng: TSC %u kHz (measured against the PIT; delays use only the TSC)\n",
		  delay_tsc_khz());
	print_e820(&boot_info.e820);
	madt = find_cpus();
	cpu_report(bsp);
	bsp->online = 1;
	smp_start_aps(madt);
	hv_printf("xmhf-ng: all %u CPUs online in 64-bit mode\n", cpu_count);
	if (!boot_info.guest_mbr_valid)
		hv_panic("cannot start the guest: no boot-sector module (see above)\n");
	if (boot_info.guest_mbr[510] != 0x55 || boot_info.guest_mbr[511] != 0xaa)
		hv_panic("module 1 is not a boot sector (no 55 AA signature at offset 510)\n");
	start_dma_protection();
	start_vmx_everywhere(bsp);
	print_memory();
	vmx_launch_boot_sector(bsp, boot_info.guest_mbr, boot_info.opts.boot_drive);
}
