/* DMA attack guest (tests/boot/hv_dma.sh), run natively under QEMU TCG with
 * `-device intel-iommu -device edu,dma_mask=0xffffffff` after xmhf-ng set up
 * VT-d. Programs QEMU's edu device (docs/specs/edu.rst: BAR0 0x80 source,
 * 0x88 destination, 0x90 count, 0x98 command: bit 0 start, bit 1 device ->
 * RAM; its buffer at device address 0x40000):
 *   1. control: pattern RAM -> edu -> other RAM, compared;
 *   2. attack: the pattern edu -> the middle of the hypervisor range, which
 *      the E820 map shows as the reserved entry between two RAM entries;
 *   3. read back: edu buffer cleared, hypervisor range -> edu -> RAM.
 *   4. finds the VT-d unit through the renamed DMAR table (signature "XMHF",
 *      the guest's OS would not look for it) and prints the fault records
 *      the unit holds (VT-d spec 10.4.14), which the hypervisor reads.
 * Prints "DMA: ..." lines and "DMA: done target=0x..." and halts; the test
 * then reads the target through QEMU's monitor. */
#include "types.h"
#include "com1.h"

#define EDU_VENDOR 0x1234
#define EDU_DEVICE 0x11e8
#define EDU_SRC 0x80
#define EDU_DST 0x88
#define EDU_CNT 0x90
#define EDU_CMD 0x98
#define EDU_CMD_START 1
#define EDU_CMD_TO_RAM 2
#define EDU_BUF 0x40000
#define LEN 256			/* < 4096: Debian's QEMU 7.2 aborts on a full buffer */
#define RAM_SRC 0x100000
#define RAM_DST 0x110000
#define RAM_ZERO 0x120000
#define RAM_BACK 0x130000

struct e820 {
	u64 addr, len;
	u32 type;
} __attribute__((packed));

struct e820 dma_e820[32];
u32 dma_e820_count;
u16 dma_e801[4], dma_ext88;

void dma_main(void);

static inline void outl(u16 port, u32 v) { asm volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }

static inline u32 inl(u16 port)
{
	u32 v;

	asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static u32 pci_read(u32 dev, u32 off)
{
	outl(0xcf8, 0x80000000u | (dev << 11) | off);
	return inl(0xcfc);
}

static void pci_write(u32 dev, u32 off, u32 v)
{
	outl(0xcf8, 0x80000000u | (dev << 11) | off);
	outl(0xcfc, v);
}

static volatile u32 *bar;

static void reg(u32 off, u32 v)
{
	bar[off / 4] = v;
}

static void say(const char *s, u64 v)
{
	com1_puts("DMA: ");
	com1_puts(s);
	com1_hex(v);
	com1_puts("\n");
}

static bool dma(u32 src, u32 dst, u32 cmd)
{
	reg(EDU_SRC, src);
	reg(EDU_DST, dst);
	reg(EDU_CNT, LEN);
	reg(EDU_CMD, EDU_CMD_START | cmd);
	for (u32 i = 0; i < 200000000u; i++)
		if (!(bar[EDU_CMD / 4] & EDU_CMD_START))
			return true;
	say("FAILED: the edu DMA did not finish, cmd=", bar[EDU_CMD / 4]);
	return false;
}

static bool same(const u8 *a, const u8 *b)
{
	for (u32 i = 0; i < LEN; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* The reserved entry with RAM ending at its start and RAM starting at its end. */
static bool find_hv_range(u64 *base, u64 *len)
{
	for (u32 i = 1; i + 1 < dma_e820_count; i++) {
		const struct e820 *p = &dma_e820[i - 1], *e = &dma_e820[i], *n = &dma_e820[i + 1];

		if (e->type == 2 && p->type == 1 && n->type == 1 && p->addr + p->len == e->addr &&
		    e->addr + e->len == n->addr && e->addr >= 0x100000) {
			*base = e->addr;
			*len = e->len;
			return true;
		}
	}
	return false;
}

/* The RSDT entry whose signature is sig (RSDP in 0xE0000-0xFFFFF). */
static const u8 *find_acpi(const char *sig)
{
	for (u32 a = 0xe0000; a < 0x100000; a += 16) {
		const u8 *p = (const u8 *)a;
		const u32 *rsdt;

		if (p[0] != 'R' || p[1] != 'S' || p[2] != 'D' || p[3] != ' ' || p[4] != 'P')
			continue;
		rsdt = (const u32 *)*(const u32 *)(p + 16);
		for (u32 i = 0; i < (rsdt[1] - 36) / 4; i++) {
			const u8 *t = (const u8 *)rsdt[9 + i];

			if (t[0] == sig[0] && t[1] == sig[1] && t[2] == sig[2] && t[3] == sig[3])
				return t;
		}
		return NULL;
	}
	return NULL;
}

/* The first DRHD's fault records: CAP.FRO (33:24) x 16, CAP.NFR (47:40) + 1. */
static void print_faults(void)
{
	const u8 *t = find_acpi("XMHF");
	volatile u32 *regs;
	u32 fro, nfr;

	if (!t || find_acpi("DMAR")) {
		com1_puts("DMA: no renamed DMAR (XMHF) table, or a DMAR is visible\n");
		return;
	}
	com1_puts("DMA: the DMAR table is renamed XMHF\n");
	regs = (volatile u32 *)*(const u32 *)(t + 48 + 8);	/* first DRHD register base */
	fro = ((regs[3] & 0x3) << 8 | regs[2] >> 24) * 16;
	nfr = ((regs[3] >> 8) & 0xff) + 1;
	say("VT-d FSTS=", regs[0x34 / 4]);
	for (u32 i = 0; i < nfr; i++) {
		volatile u32 *r = regs + (fro + 16 * i) / 4;

		if (!(r[3] & 0x80000000u))
			continue;
		com1_puts("DMA: fault record sid=");
		com1_hex(r[2] & 0xffff);
		com1_puts(" reason=");
		com1_hex(r[3] & 0xff);
		com1_puts((r[3] & 0x40000000u) ? " read" : " write");
		com1_puts(" addr=");
		com1_hex(r[0] & ~0xfffu);
		com1_puts("\n");
	}
}

void dma_main(void)
{
	u8 *src = (u8 *)RAM_SRC, *dst = (u8 *)RAM_DST, *back = (u8 *)RAM_BACK;
	u64 base, len;
	u32 dev, target;

	com1_init();
	for (u32 i = 0; i < dma_e820_count; i++) {
		say("e820 base=", dma_e820[i].addr);
		say("     len=", dma_e820[i].len);
		say("     type=", dma_e820[i].type);
	}
	say("e801 ax=", dma_e801[0]);
	say("e801 bx=", dma_e801[1]);
	say("e801 cx=", dma_e801[2]);
	say("e801 dx=", dma_e801[3]);
	say("88 ax=", dma_ext88);
	if (!find_hv_range(&base, &len)) {
		com1_puts("DMA: FAILED: no reserved E820 entry between RAM entries\n");
		goto out;
	}
	say("hypervisor range from E820 base=", base);
	say("hypervisor range from E820 len=", len);
	for (dev = 0; dev < 32; dev++)
		if (pci_read(dev, 0) == (EDU_DEVICE << 16 | EDU_VENDOR))
			break;
	if (dev == 32) {
		com1_puts("DMA: FAILED: no edu device on bus 0\n");
		goto out;
	}
	bar = (volatile u32 *)(pci_read(dev, 0x10) & ~0xfu);
	pci_write(dev, 0x04, pci_read(dev, 0x04) | 0x6);	/* memory space, bus master */
	say("edu at 00:dev=", dev);
	say("edu BAR0=", (u32)bar);

	for (u32 i = 0; i < LEN; i++) {
		src[i] = (u8)(0xa5 ^ (i * 7));
		dst[i] = 0;
		((u8 *)RAM_ZERO)[i] = 0;
		back[i] = 0;
	}
	if (!dma(RAM_SRC, EDU_BUF, 0) || !dma(EDU_BUF, RAM_DST, EDU_CMD_TO_RAM))
		goto out;
	com1_puts(same(src, dst) ? "DMA: control RAM round trip ok\n"
				 : "DMA: FAILED: control RAM round trip differs\n");

	target = (u32)(base + len / 2);
	say("writing the pattern to the hypervisor range at ", target);
	if (!dma(EDU_BUF, target, EDU_CMD_TO_RAM))
		goto out;
	if (!dma(RAM_ZERO, EDU_BUF, 0) || !dma(target, EDU_BUF, 0) ||
	    !dma(EDU_BUF, RAM_BACK, EDU_CMD_TO_RAM))
		goto out;
	com1_puts(same(src, back) ? "DMA: read back of the hypervisor range: the pattern\n"
				  : "DMA: read back of the hypervisor range: not the pattern\n");
	print_faults();
	say("done target=", target);
out:
	com1_drain();
	for (;;)
		asm volatile("cli; hlt");
}
