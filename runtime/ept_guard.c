#include "ept_guard.h"
#include "ept.h"
#include "vmcs.h"
#include "serial.h"
#include "integrity.h"
#include "boot_info.h"
#include "arch/vmcs_fields.h"
#include "arch/vmx_controls.h"
#include "arch/vmx_exit_reasons.h"
#include "vtd.h"
#include <string.h>

static u8 ones_page[PAGE_SIZE] __attribute__((aligned(4096)));
static u8 discard_page[PAGE_SIZE] __attribute__((aligned(4096)));
static u32 vtd_logged;	/* EPT_QUAL_* kinds of VT-d register access logged (any CPU) */

/* The VT-d units' register pages are not present either (runtime/vtd.c):
 * the guest cannot turn DMA translation off or repoint it. */
void ept_guard_init(void)
{
	memset(ones_page, 0xff, sizeof(ones_page));
	for (u32 i = 0; i < vtd_reg_range_count(); i++) {
		u64 base, size;

		vtd_reg_range(i, &base, &size);
		ept_unmap_range(base, size);
		hv_printf("xmhf-ng: EPT: VT-d unit %u registers 0x%llx-0x%llx not present to the "
			  "guest\n", i, (unsigned long long)base, (unsigned long long)(base + size - 1));
	}
}

static bool is_vtd_page(u64 gpa)
{
	for (u32 i = 0; i < vtd_reg_range_count(); i++) {
		u64 base, size;

		vtd_reg_range(i, &base, &size);
		if (gpa >= base && gpa - base < size)
			return true;
	}
	return false;
}

static void map_dummy(u64 gpa, u64 q)
{
	if (q & EPT_QUAL_WRITE)
		ept_map_page(gpa, hv_virt_to_phys(discard_page),
			     EPT_READ | EPT_WRITE | ((u64)EPT_MEMTYPE_WB << EPT_MEMTYPE_SHIFT));
	else
		ept_map_page(gpa, hv_virt_to_phys(ones_page),
			     EPT_READ | ((q & EPT_QUAL_FETCH) ? EPT_EXEC : 0) |
			     ((u64)EPT_MEMTYPE_WB << EPT_MEMTYPE_SHIFT));
}

bool ept_guard_handle(struct cpu *c, u64 gpa, u64 q)
{
	u64 base = boot_info.hv_phys_base;
	u32 changed, checked;
	const char *what = (q & EPT_QUAL_WRITE) ? "write" : (q & EPT_QUAL_FETCH) ? "fetch" : "read";
	u32 kind = q & (EPT_QUAL_READ | EPT_QUAL_WRITE | EPT_QUAL_FETCH);

	if (is_vtd_page(gpa)) {
		if (kind & ~__atomic_fetch_or(&vtd_logged, kind, __ATOMIC_RELAXED))
			hv_printf("CPU %u: guest %s of VT-d registers at 0x%llx (RIP 0x%llx) refused: "
				  "reads see all-ones, writes are discarded\n", c->index, what,
				  (unsigned long long)gpa,
				  (unsigned long long)vmread(VMCS_GUEST_RIP));
		map_dummy(gpa, q);
		return true;
	}
	if (gpa < base || gpa >= base + boot_info.hv_size)
		return false;
	if (kind & ~c->hv_access_logged) {	/* first read, write or fetch on this CPU */
		c->hv_access_logged |= kind;
		changed = integrity_check(c, &checked);
		hv_printf("CPU %u: guest %s of hypervisor memory at 0x%llx (RIP 0x%llx) isolated: "
			  "reads see all-ones, writes are discarded; integrity: %u of %u regions "
			  "changed\n", c->index, what, (unsigned long long)gpa,
			  (unsigned long long)vmread(VMCS_GUEST_RIP), changed, checked);
	}
	map_dummy(gpa, q);
	return true;
}
