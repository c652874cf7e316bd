/* mb_parse (xmhf/lib/multiboot_info.c) over a fuzzed Multiboot 0.6.96 (3.3)
 * info structure. Physical memory is a 4 GiB + 64 KiB zero-filled mapping
 * (phys_base), so every 32-bit address the parser follows is readable; the
 * fuzz input is copied to its start. Input: u32 info_addr, u8 magic selector
 * (low nibble 0xf: a fuzzed magic follows as u32), then the memory image. */
#include <sys/mman.h>
#include "fuzz.h"
#include "multiboot_info.h"

#define PHYS_SPAN ((1ULL << 32) + 0x10000)

static u8 *phys;

static void map_phys(void)
{
	if (phys)
		return;
	phys = mmap(NULL, PHYS_SPAN, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	FUZZ_ASSERT(phys != MAP_FAILED, "cannot map the 4 GiB physical image");
}

static void check_result(const struct multiboot_info *mi, u32 magic, int rc,
			 const struct mb_result *r, const char *err)
{
	FUZZ_ASSERT(rc == 0 || rc == -1, "rc %d", rc);
	if (rc) {
		FUZZ_ASSERT(err[0] != '\0', "failure without a message");
		return;
	}
	FUZZ_ASSERT(magic == MULTIBOOT_BOOTLOADER_MAGIC, "accepted magic 0x%x", magic);
	FUZZ_ASSERT(r->map.count >= 1 && r->map.count <= E820_MAX, "map count %u", r->map.count);
	FUZZ_ASSERT(fuzz_terminated(r->cmdline, sizeof(r->cmdline)), "cmdline not terminated");
	if ((mi->flags & MULTIBOOT_INFO_CMDLINE) && mi->cmdline)
		FUZZ_ASSERT(!strcmp(r->cmdline, (const char *)phys + mi->cmdline),
			    "cmdline differs from the string at 0x%x", mi->cmdline);
	else
		FUZZ_ASSERT(r->cmdline[0] == '\0', "cmdline without flag bit 2");
	FUZZ_ASSERT(r->mod_count == ((mi->flags & MULTIBOOT_INFO_MODS) ? mi->mods_count : 0),
		    "mod_count %u, info says %u", r->mod_count, mi->mods_count);
	FUZZ_ASSERT(r->mod_count <= MB_MODS_MAX, "mod_count %u", r->mod_count);
	for (u32 i = 0; i < r->mod_count; i++)
		FUZZ_ASSERT(fuzz_terminated(r->mods[i].string, sizeof(r->mods[i].string)),
			    "module %u string not terminated", i);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in = { data, size };
	static struct mb_result r1, r2;
	char err1[160], err2[160];
	struct multiboot_info mi;
	u32 info_addr = fuzz_u32(&in);
	u32 magic = MULTIBOOT_BOOTLOADER_MAGIC;
	int rc1, rc2;

	if ((fuzz_u8(&in) & 0xf) == 0xf)
		magic = fuzz_u32(&in);
	map_phys();
	memcpy(phys, in.p, in.n);
	memcpy(&mi, phys + info_addr, sizeof(mi));
	memset(err1, 0, sizeof(err1));
	memset(err2, 0x55, sizeof(err2));
	rc1 = mb_parse((uintptr_t)phys, magic, info_addr, &r1, err1, sizeof(err1));
	rc2 = mb_parse((uintptr_t)phys, magic, info_addr, &r2, err2, sizeof(err2));
	FUZZ_ASSERT(fuzz_terminated(err1, sizeof(err1)), "err not terminated");
	check_result(&mi, magic, rc1, &r1, err1);
	FUZZ_ASSERT(rc1 == rc2 && !memcmp(&r1, &r2, sizeof(r1)) &&
		    (rc1 == 0 || !strcmp(err1, err2)), "two parses of one input differ");
	memset(phys, 0, in.n);
	return 0;
}
