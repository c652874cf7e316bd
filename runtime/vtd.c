/* VT-d DMA remapping (Intel VT-d spec rev 3.x/4.x). One root table, one
 * context table per bus (all 256 buses, all 256 device/functions present,
 * 9.1/9.3) and one identity second-level page table (3.7, 9.8) shared by every
 * unit: all guest-physical memory below `limit` is mapped read/write except
 * the hypervisor's range and the units' own register pages, and the RMRRs
 * (8.4) are mapped identity. Why every bus: a unit only ever looks up the
 * source IDs of the devices in its scope, and the guest can renumber buses
 * behind bridges, so entries for every source ID leave nothing untranslated.
 * The tables live in the hypervisor's image, which no device can reach. They
 * are separate from EPT's: the entry formats differ. */
#include <string.h>
#include "vtd.h"
#include "acpi_dmar.h"
#include "vtd_tables.h"
#include "percpu.h"
#include "delay.h"
#include "serial.h"
#include "cpu.h"
#include "hw/vtd.h"
#include "boot/bda.h"

#define VTD_SL_POOL_PAGES 96	/* PML4 + PDPT + 64 PDs (64 GiB) + page tables */
#define VTD_DID 1		/* the identity domain (DID 0 is reserved when CAP.CM = 1) */
#define VTD_WAIT_US 100000	/* bound of every hardware handshake */
#define VTD_POLL_MS 100

/* One block, so that integrity.c fingerprints it as one region. */
static struct {
	u64 root[512];
	u64 context[256][512];
	u64 sl[VTD_SL_POOL_PAGES][512];
} tables __attribute__((aligned(4096)));
#define root_table tables.root
#define context_tables tables.context
#define sl_pool tables.sl
static unsigned sl_used;

struct vtd_unit {
	u64 base;
	u32 pages;
	u32 ver;
	u64 cap, ecap;
	bool on;
};

static struct dmar_info dmar;
static struct vtd_unit units[DMAR_MAX_UNITS];
static u32 unit_count;
bool vtd_translation_on;
static u64 next_poll;

static u32 rd32(const struct vtd_unit *u, u32 off)
{
	return *(volatile u32 *)(uintptr_t)(u->base + off);
}

static u64 rd64(const struct vtd_unit *u, u32 off)
{
	return *(volatile u64 *)(uintptr_t)(u->base + off);
}

static void wr32(const struct vtd_unit *u, u32 off, u32 v)
{
	*(volatile u32 *)(uintptr_t)(u->base + off) = v;
}

static void wr64(const struct vtd_unit *u, u32 off, u64 v)
{
	*(volatile u64 *)(uintptr_t)(u->base + off) = v;
}

static u64 *sl_alloc(void *arg, u64 *phys)
{
	(void)arg;
	if (sl_used == VTD_SL_POOL_PAGES)
		return NULL;
	*phys = hv_virt_to_phys(sl_pool[sl_used]);
	return sl_pool[sl_used++];
}

static u64 sl_to_virt(void *arg, u64 phys)
{
	(void)arg;
	return phys - hv_virt_to_phys(sl_pool[0]) + (u64)sl_pool[0];
}

static struct pt_ctx sl_ctx = {
	.alloc = sl_alloc,
	.to_virt = sl_to_virt,
};

/* 6.5 / 10.4.4: wait (bounded) until (reg & mask) == want; a 64-bit
 * register when wide (CCMD, IOTLB), else 32-bit (GSTS, PMEN). */
static bool wait_reg(const struct vtd_unit *u, u32 off, bool wide, u64 mask, u64 want)
{
	u64 deadline = delay_deadline(VTD_WAIT_US);

	while (((wide ? rd64(u, off) : rd32(u, off)) & mask) != want)
		if (delay_expired(deadline))
			return false;
		else
			cpu_relax();
	return true;
}

/* 10.4.4: one command bit, keeping the enables already on. */
static bool gcmd(const struct vtd_unit *u, u32 bit, bool set, u32 status_want)
{
	u32 keep = rd32(u, VTD_REG_GSTS) & VTD_GCMD_PERSISTENT;

	wr32(u, VTD_REG_GCMD, set ? keep | bit : keep & ~bit);
	return wait_reg(u, VTD_REG_GSTS, false, bit, status_want);
}

/* 6.1 / 10.4.3: without page-walk coherency the unit reads the tables from
 * memory, not the CPU caches: write every line back. */
static void flush_range(const void *p, u64 len)
{
	for (u64 off = 0; off < len; off += 64)
		asm volatile("clflush (%0)" : : "r"((const u8 *)p + off) : "memory");
}

static void flush_tables(void)
{
	asm volatile("mfence" ::: "memory");
	flush_range(root_table, sizeof(root_table));
	flush_range(context_tables, sizeof(context_tables));
	flush_range(sl_pool, (u64)sl_used * sizeof(sl_pool[0]));
	asm volatile("mfence" ::: "memory");
}

/* The identity domain (xmhf/lib/vtd_tables.c): RMRRs that overlap the
 * hypervisor are left out with one line; the holes win anyway. */
static u64 build_domain(u64 limit, u64 hv_base, u64 hv_size, bool aw48)
{
	static struct vtd_domain_spec spec;
	u64 phys = 0, root;

	spec.limit = limit;
	for (u32 i = 0; i < dmar.rmrr_count && spec.rmrr_count < VTD_MAX_RANGES; i++) {
		const struct dmar_rmrr *r = &dmar.rmrr[i];

		if (r->base < hv_base + hv_size && r->limit >= hv_base) {
			hv_printf("xmhf-ng: VT-d: RMRR 0x%llx-0x%llx overlaps the hypervisor: not "
				  "mapped\n", (unsigned long long)r->base,
				  (unsigned long long)r->limit);
			continue;
		}
		spec.rmrr[spec.rmrr_count++] = (struct vtd_range){ r->base, r->limit - r->base + 1 };
	}
	spec.hole[spec.hole_count++] = (struct vtd_range){ hv_base, hv_size };
	for (u32 i = 0; i < unit_count; i++)
		spec.hole[spec.hole_count++] =
			(struct vtd_range){ units[i].base, (u64)units[i].pages * PAGE_SIZE };
	vtd_sl_ctx_init(&sl_ctx);
	sl_alloc(NULL, &phys);	/* sl_pool[0]: the PML4 */
	root = vtd_build_domain(&sl_ctx, sl_pool[0], phys, &spec, aw48);
	if (!root)
		hv_panic("VT-d: cannot build the identity domain (table pool of %u pages)\n",
			 VTD_SL_POOL_PAGES);
	return root;
}

static void build_context(u64 slptptr, bool aw48)
{
	for (u32 bus = 0; bus < 256; bus++) {
		for (u32 devfn = 0; devfn < 256; devfn++)
			vtd_context_entry(&context_tables[bus][2 * devfn], slptptr, aw48, VTD_DID);
		vtd_root_entry(&root_table[2 * bus], hv_virt_to_phys(context_tables[bus]));
	}
}

/* 10.4.4-10.4.8: root pointer, write-buffer flush (CAP.RWBF, 6.8), global
 * context-cache and IOTLB invalidation (register based, 6.5.1; queued
 * invalidation, 6.5.2, is turned off if the firmware left it on), then
 * translation on. The tables are complete before the invalidation and never
 * change afterwards, so a unit with caching mode (CAP.CM = 1, 6.1: it may
 * cache not-present entries) holds nothing stale either. Returns NULL, or
 * what timed out. */
static const char *enable_unit(struct vtd_unit *u)
{
	u32 iotlb = (u32)VTD_ECAP_IRO(u->ecap) + VTD_IOTLB_REG_OFF;
	u32 gsts = rd32(u, VTD_REG_GSTS);

	if ((gsts & VTD_GCMD_TE) && !gcmd(u, VTD_GCMD_TE, false, 0))
		return "GSTS.TES did not clear (firmware left translation on)";
	if ((gsts & VTD_GCMD_QIE) && !gcmd(u, VTD_GCMD_QIE, false, 0))
		return "GSTS.QIES did not clear (register-based invalidation needs QI off)";
	/* Faults are polled, not signalled: no fault-event MSI into the guest. */
	wr32(u, VTD_REG_FECTL, VTD_FECTL_IM);
	/* 10.4.16: protected memory regions a pre-boot environment left
	 * on would block the guest's own DMA; the tables protect instead. */
	if ((u->cap & (VTD_CAP_PLMR | VTD_CAP_PHMR)) && (rd32(u, VTD_REG_PMEN) & VTD_PMEN_EPM)) {
		wr32(u, VTD_REG_PMEN, 0);
		if (!wait_reg(u, VTD_REG_PMEN, false, VTD_PMEN_PRS, 0))
			return "PMEN.PRS did not clear (protected memory regions stay on)";
	}
	wr64(u, VTD_REG_RTADDR, hv_virt_to_phys(root_table));	/* TTM = 0: legacy */
	if (!gcmd(u, VTD_GCMD_SRTP, true, VTD_GCMD_SRTP))
		return "GSTS.RTPS not set after GCMD.SRTP";
	if ((u->cap & VTD_CAP_RWBF) && !gcmd(u, VTD_GCMD_WBF, true, 0))
		return "GSTS.WBFS did not clear after GCMD.WBF";
	wr64(u, VTD_REG_CCMD, VTD_CCMD_ICC | VTD_CCMD_CIRG_GLOBAL);
	if (!wait_reg(u, VTD_REG_CCMD, true, VTD_CCMD_ICC, 0))
		return "CCMD.ICC did not clear (global context-cache invalidation)";
	wr64(u, iotlb, VTD_IOTLB_IVT | VTD_IOTLB_IIRG_GLOBAL | VTD_IOTLB_DR | VTD_IOTLB_DW);
	if (!wait_reg(u, iotlb, true, VTD_IOTLB_IVT, 0))
		return "IOTLB.IVT did not clear (global IOTLB invalidation)";
	if (!gcmd(u, VTD_GCMD_TE, true, VTD_GCMD_TE))
		return "GSTS.TES not set after GCMD.TE";
	return NULL;
}

#define off(fmt, ...) hv_printf("xmhf-ng: DMA protection off: " fmt "\n", __VA_ARGS__)

/* Reads the units' capabilities; false (reason printed) if one is unusable. */
static bool probe_units(bool *aw48)
{
	u32 sagaw_all = VTD_SAGAW_39 | VTD_SAGAW_48;

	for (u32 i = 0; i < dmar.unit_count; i++) {
		struct vtd_unit *u = &units[i];

		u->base = dmar.unit[i].reg_base;
		u->pages = 1u << (dmar.unit[i].size > 4 ? 4 : dmar.unit[i].size);
		if (dmar.unit[i].segment != 0) {
			off("VT-d unit at 0x%llx is on PCI segment %u (only segment 0 is supported)",
			    (unsigned long long)u->base, dmar.unit[i].segment);
			return false;
		}
		if (u->base + (u64)u->pages * PAGE_SIZE > (4ULL << 30)) {
			off("VT-d unit registers at 0x%llx are above 4 GiB (not mapped)",
			    (unsigned long long)u->base);
			return false;
		}
		unit_count++;
		u->ver = rd32(u, VTD_REG_VER);
		u->cap = rd64(u, VTD_REG_CAP);
		u->ecap = rd64(u, VTD_REG_ECAP);
		hv_printf("xmhf-ng: VT-d unit %u at 0x%llx: version %u.%u CAP 0x%llx ECAP 0x%llx "
			  "(SAGAW 0x%x, %s, %s%s%s)\n", i, (unsigned long long)u->base,
			  VTD_VER_MAJOR(u->ver), VTD_VER_MINOR(u->ver), (unsigned long long)u->cap,
			  (unsigned long long)u->ecap, (unsigned)VTD_CAP_SAGAW(u->cap),
			  (u->ecap & VTD_ECAP_C) ? "coherent walks" : "non-coherent walks: tables flushed",
			  (u->cap & VTD_CAP_CM) ? "caching mode, " : "",
			  (u->cap & VTD_CAP_RWBF) ? "write-buffer flush, " : "",
			  (dmar.unit[i].flags & ACPI_DRHD_INCLUDE_PCI_ALL) ? "all PCI devices" :
									     "listed devices");
		if (u->cap == UINT64_MAX || u->ver == UINT32_MAX) {
			off("VT-d unit at 0x%llx reads all-ones (absent or disabled by the firmware)",
			    (unsigned long long)u->base);
			return false;
		}
		{
			/* The IOTLB and fault recording registers may lie past the
			 * size the DRHD gives (10.4.2, 10.4.3): guard them all. */
			u64 end = VTD_ECAP_IRO(u->ecap) + 16;
			u64 fend = VTD_CAP_FRO(u->cap) + VTD_CAP_NFR(u->cap) * VTD_FRCD_SIZE;
			u32 need = (u32)(((end > fend ? end : fend) + PAGE_SIZE - 1) / PAGE_SIZE);

			if (need > u->pages && need <= 16)
				u->pages = need;
		}
		if (!(u->cap & VTD_CAP_SLLPS_2M)) {
			off("VT-d unit at 0x%llx lacks 2 MiB second-level pages (CAP 0x%llx)",
			    (unsigned long long)u->base, (unsigned long long)u->cap);
			return false;
		}
		sagaw_all &= (u32)VTD_CAP_SAGAW(u->cap);
	}
	if (!sagaw_all) {
		off("the VT-d units share no 39-bit or 48-bit address width (SAGAW %s)", "bits 1, 2");
		return false;
	}
	*aw48 = sagaw_all & VTD_SAGAW_48;
	return true;
}

void vtd_init(u64 limit, u64 hv_base, u64 hv_size, bool dma_off)
{
	char err[200];
	struct acpi_table where;
	u64 rsdp, slptptr;
	u32 ebda = bda_ebda_phys();
	bool aw48 = false;
	int rc;

	if (dma_off) {
		hv_printf("xmhf-ng: DMA protection off: dma=off on the command line\n");
		return;
	}
	if (acpi_find_rsdp(0, ebda, &rsdp)) {
		hv_printf("xmhf-ng: DMA protection off: no ACPI RSDP, so no DMAR table\n");
		return;
	}
	rc = acpi_dmar_find(0, rsdp, &dmar, &where, err, sizeof(err));
	if (rc == 1) {
		hv_printf("xmhf-ng: DMA protection off: no DMAR table\n");
		return;
	}
	if (rc) {
		hv_printf("xmhf-ng: DMA protection off: bad DMAR table: %s\n", err);
		return;
	}
	if (dmar.unit_count == 0) {
		hv_printf("xmhf-ng: DMA protection off: the DMAR table lists no remapping unit\n");
		return;
	}
	if (!probe_units(&aw48))
		return;
	slptptr = build_domain(limit, hv_base, hv_size, aw48);
	build_context(slptptr, aw48);
	for (u32 i = 0; i < unit_count; i++)
		if (!(units[i].ecap & VTD_ECAP_C)) {
			flush_tables();
			break;
		}
	for (u32 i = 0; i < unit_count; i++) {
		const char *why = enable_unit(&units[i]);

		if (why) {
			hv_printf("xmhf-ng: DMA protection off: VT-d unit %u at 0x%llx: %s within "
				  "%u ms\n", i, (unsigned long long)units[i].base, why,
				  VTD_WAIT_US / 1000);
			/* All or nothing: the units already on go back off. */
			for (u32 j = 0; j < i; j++) {
				units[j].on = false;
				if (!gcmd(&units[j], VTD_GCMD_TE, false, 0))
					hv_printf("xmhf-ng: VT-d unit %u: GSTS.TES did not clear\n", j);
			}
			return;
		}
		units[i].on = true;
	}
	vtd_translation_on = true;
	acpi_dmar_hide(0, &where);
	hv_printf("xmhf-ng: DMA protection on: %u VT-d unit%s translate every device through an "
		  "identity %u-level table (0-0x%llx, %u table pages, %u RMRRs), hypervisor "
		  "0x%llx-0x%llx not mapped; DMAR table hidden from the guest\n", unit_count,
		  unit_count == 1 ? "" : "s", aw48 ? 4 : 3, (unsigned long long)limit, sl_used,
		  dmar.rmrr_count, (unsigned long long)hv_base,
		  (unsigned long long)(hv_base + hv_size - 1));
	vtd_check_faults();
}

bool vtd_enabled(void)
{
	return vtd_translation_on;
}

struct mem_region vtd_tables(void)
{
	if (!vtd_translation_on)
		return (struct mem_region){ &tables, 0 };
	return (struct mem_region){ &tables, (u64)((u8 *)sl_pool[sl_used] - (u8 *)&tables) };
}

u32 vtd_reg_range_count(void)
{
	return vtd_translation_on ? unit_count : 0;
}

void vtd_reg_range(u32 i, u64 *base, u64 *size)
{
	*base = units[i].base;
	*size = (u64)units[i].pages * PAGE_SIZE;
}

/* 7.1.3 / 10.4.14: walk the fault recording registers from FSTS.FRI; each
 * recorded fault is printed and its F bit cleared (RW1C), so once. */
void vtd_check_faults(void)
{
	for (u32 i = 0; i < unit_count; i++) {
		const struct vtd_unit *u = &units[i];
		u32 fsts = rd32(u, VTD_REG_FSTS), nfr = (u32)VTD_CAP_NFR(u->cap);
		u32 fro = (u32)VTD_CAP_FRO(u->cap);

		if (!u->on || !(fsts & (VTD_FSTS_PPF | VTD_FSTS_PFO)))
			continue;
		for (u32 n = 0, r = VTD_FSTS_FRI(fsts) % nfr; n < nfr; n++, r = (r + 1) % nfr) {
			u32 at = fro + r * VTD_FRCD_SIZE;
			struct vtd_fault f;

			if (!vtd_fault_decode(rd64(u, at), rd64(u, at + 8), &f))
				continue;
			hv_printf("xmhf-ng: DMA fault: unit %u device %02x:%02x.%u %s at 0x%llx "
				  "refused: reason 0x%02x (%s)\n", i, f.bus, f.dev, f.fn,
				  f.read ? "read" : "write", (unsigned long long)f.addr, f.reason,
				  vtd_fault_reason_name(f.reason));
			wr32(u, at + 12, (u32)(VTD_FRCD_HI_F >> 32));
		}
		if (fsts & VTD_FSTS_PFO) {
			hv_printf("xmhf-ng: DMA fault: unit %u fault log overflowed (FSTS.PFO): later "
				  "faults were not recorded\n", i);
			wr32(u, VTD_REG_FSTS, VTD_FSTS_PFO);
		}
	}
}

void vtd_poll_slow(void)
{
	if (!delay_expired(next_poll))
		return;
	next_poll = delay_deadline(VTD_POLL_MS * 1000);
	vtd_check_faults();
}
