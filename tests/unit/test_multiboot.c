/* mb_parse on synthetic Multiboot 0.6.96 info structures built in a buffer;
 * "physical" addresses are offsets into it. */
#include <stdlib.h>
#include "check.h"
#include "multiboot_info.h"

#define MEM_SIZE 0x10000
#define INFO_AT 0x1000
#define MMAP_AT 0x2000
#define CMDLINE_AT 0x3000
#define MODS_AT 0x4000
#define STRINGS_AT 0x5000

static u8 *mem;
static char err[256];

static void put(u32 at, const void *src, size_t n)
{
	memcpy(mem + at, src, n);
}

static void put32(u32 at, u32 v)
{
	put(at, &v, 4);
}

/* Appends one mmap entry with the given size field (20 for GRUB); returns
 * the offset of the next one. */
static u32 put_mmap(u32 at, u32 size, u64 base, u64 len, u32 type)
{
	struct multiboot_mmap_entry e = { size, base, len, type };

	memset(mem + at, 0xee, size + 4);	/* padding after the 20 bytes */
	put(at, &e, sizeof(e));
	return at + 4 + size;
}

static struct multiboot_info info;

/* A GRUB-like info: cmdline, mem_*, mmap of 24-byte entries, two modules. */
static u32 build_grub_like(void)
{
	u32 at = MMAP_AT;
	struct multiboot_module mods[2] = {
		{ 0x100000, 0x100200, STRINGS_AT, 0 },
		{ 0x101000, 0x181000, 0, 0 },
	};

	memset(mem, 0, MEM_SIZE);
	memset(&info, 0, sizeof(info));
	info.flags = MULTIBOOT_INFO_MEMORY | MULTIBOOT_INFO_BOOTDEV | MULTIBOOT_INFO_CMDLINE |
		     MULTIBOOT_INFO_MODS | MULTIBOOT_INFO_MEM_MAP;
	info.mem_lower = 639;
	info.mem_upper = 2096000;
	info.cmdline = CMDLINE_AT;
	strcpy((char *)mem + CMDLINE_AT, "/boot/xmhf-ng.bin serial=115200,8n1,0x3f8");
	at = put_mmap(at, 20, 0, 0x9fc00, 1);
	at = put_mmap(at, 20, 0x9fc00, 0x400, 2);
	at = put_mmap(at, 20, 0x100000, 0x7fee0000 - 0x100000, 1);
	at = put_mmap(at, 20, 0x7fee0000, 0x20000, 3);
	at = put_mmap(at, 20, 0x100000000ULL, 0x80000000ULL, 1);
	info.mmap_addr = MMAP_AT;
	info.mmap_length = at - MMAP_AT;
	info.mods_count = 2;
	info.mods_addr = MODS_AT;
	put(MODS_AT, mods, sizeof(mods));
	strcpy((char *)mem + STRINGS_AT, "(hd0)+1");
	put(INFO_AT, &info, sizeof(info));
	return INFO_AT;
}

static int parse(u32 magic, u32 info_at, struct mb_result *r)
{
	memset(err, 'x', sizeof(err));
	err[sizeof(err) - 1] = '\0';
	return mb_parse((uintptr_t)mem, magic, info_at, r, err, sizeof(err));
}

static void test_grub_like(void)
{
	static struct mb_result r;

	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, build_grub_like(), &r) == 0);
	CHECK_STR(r.cmdline, "/boot/xmhf-ng.bin serial=115200,8n1,0x3f8");
	CHECK(r.mem_lower_kb == 639 && r.mem_upper_kb == 2096000);
	CHECK(r.map.count == 5);
	CHECK(r.map.e[0].addr == 0 && r.map.e[0].len == 0x9fc00 && r.map.e[0].type == E820_RAM);
	CHECK(r.map.e[1].addr == 0x9fc00 && r.map.e[1].type == E820_RESERVED);
	CHECK(r.map.e[3].addr == 0x7fee0000 && r.map.e[3].type == E820_ACPI);
	CHECK(r.map.e[4].addr == 0x100000000ULL && r.map.e[4].len == 0x80000000ULL);
	CHECK(r.mod_count == 2);
	CHECK(r.mods[0].start == 0x100000 && r.mods[0].end == 0x100200);
	CHECK_STR(r.mods[0].string, "(hd0)+1");
	CHECK(r.mods[1].start == 0x101000 && r.mods[1].end == 0x181000);
	CHECK_STR(r.mods[1].string, "");
}

/* Entries may be larger than 20 bytes (size counts them); the info may be unaligned. */
static void test_wide_entries_unaligned_info(void)
{
	static struct mb_result r;
	u32 at = MMAP_AT + 1;

	build_grub_like();
	at = put_mmap(at, 24, 0x1000, 0x2000, 1);
	at = put_mmap(at, 28, 0x5000, 0x1000, 4);
	info.mmap_addr = MMAP_AT + 1;
	info.mmap_length = at - (MMAP_AT + 1);
	info.flags &= ~(u32)MULTIBOOT_INFO_MODS;
	put(INFO_AT + 2, &info, sizeof(info));
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT + 2, &r) == 0);
	CHECK(r.map.count == 2);
	CHECK(r.map.e[0].addr == 0x1000 && r.map.e[0].len == 0x2000 && r.map.e[0].type == 1);
	CHECK(r.map.e[1].addr == 0x5000 && r.map.e[1].len == 0x1000 && r.map.e[1].type == 4);
	CHECK(r.mod_count == 0);
}

static void test_errors(void)
{
	static struct mb_result r;
	u32 at;

	CHECK(parse(0x1badb002, build_grub_like(), &r) == -1);
	CHECK_STR(err, "multiboot: bad magic 0x1badb002, expected 0x2badb002: not loaded by a "
		       "multiboot loader");

	/* An entry whose size field is below 20. */
	build_grub_like();
	put32(MMAP_AT + 24, 16);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == -1);
	CHECK_STR(err, "multiboot: malformed memory map entry at 0x2018: size 16, expected 20..92");

	/* mmap_length cuts the last entry. */
	build_grub_like();
	put32(INFO_AT + offsetof(struct multiboot_info, mmap_length), 5 * 24 - 4);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == -1);
	CHECK_STR(err, "multiboot: memory map entry at 0x2060 runs past the end of the 116-byte "
		       "map at 0x2000");

	/* The last entry's size field runs past mmap_length. */
	build_grub_like();
	put32(MMAP_AT + 4 * 24, 24);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == -1);
	CHECK_STR(err, "multiboot: malformed memory map entry at 0x2060: size 24, expected 20..20");

	/* More entries than an E820 map holds. */
	build_grub_like();
	at = MMAP_AT;
	for (u32 i = 0; i <= E820_MAX; i++)
		at = put_mmap(at, 20, i * 0x1000ULL, 0x1000, 1);
	put32(INFO_AT + offsetof(struct multiboot_info, mmap_length), at - MMAP_AT);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == -1);
	CHECK_STR(err, "multiboot: memory map has more than 128 entries");

	/* A command line that does not fit. */
	build_grub_like();
	memset(mem + CMDLINE_AT, 'a', MB_CMDLINE_MAX);
	mem[CMDLINE_AT + MB_CMDLINE_MAX] = '\0';
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == -1);
	CHECK_STR(err, "multiboot: command line at 0x3000 is longer than 255 bytes");
	mem[CMDLINE_AT + MB_CMDLINE_MAX - 1] = '\0';
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == 0);
	CHECK(strlen(r.cmdline) == MB_CMDLINE_MAX - 1);

	/* Too many modules. */
	build_grub_like();
	put32(INFO_AT + offsetof(struct multiboot_info, mods_count), MB_MODS_MAX + 1);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == -1);
	CHECK_STR(err, "multiboot: 9 modules loaded, at most 8 are supported");

	/* Neither a memory map nor mem_lower/mem_upper. */
	build_grub_like();
	put32(INFO_AT, MULTIBOOT_INFO_CMDLINE);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == -1);
	CHECK_STR(err, "multiboot: the loader passed no memory map (info flags 0x4: no entries "
		       "with bit 6, no mem_lower/mem_upper with bit 0)");
}

static void test_fallbacks(void)
{
	static struct mb_result r;

	/* No mmap: two RAM ranges from mem_lower/mem_upper; no cmdline flag: "". */
	build_grub_like();
	put32(INFO_AT, MULTIBOOT_INFO_MEMORY);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == 0);
	CHECK_STR(r.cmdline, "");
	CHECK(r.map.count == 2);
	CHECK(r.map.e[0].addr == 0 && r.map.e[0].len == 639 * 1024ULL && r.map.e[0].type == 1);
	CHECK(r.map.e[1].addr == 0x100000 && r.map.e[1].len == 2096000 * 1024ULL);
	CHECK(r.map.e[1].type == E820_RAM && r.mod_count == 0);

	/* An empty mmap counts as none. */
	build_grub_like();
	put32(INFO_AT + offsetof(struct multiboot_info, mmap_length), 0);
	CHECK(parse(MULTIBOOT_BOOTLOADER_MAGIC, INFO_AT, &r) == 0);
	CHECK(r.map.count == 2 && r.map.e[1].addr == 0x100000);
	CHECK(r.mod_count == 2);
}

int main(void)
{
	mem = calloc(1, MEM_SIZE);
	test_grub_like();
	test_wide_entries_unaligned_info();
	test_errors();
	test_fallbacks();
	free(mem);
	return CHECK_DONE();
}
