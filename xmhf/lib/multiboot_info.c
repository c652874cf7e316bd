/* Multiboot 0.6.96 3.3 boot information parser. The loader's structures may
 * sit at any alignment, so everything is read with memcpy. */
#include <string.h>
#include "multiboot_info.h"
#include "format.h"

#define ONE_MIB 0x100000ULL

static const void *phys(uintptr_t phys_base, u64 addr)
{
	return (const void *)(phys_base + (uintptr_t)addr);
}

/* Copies the NUL-terminated string at physical addr into dst[0..cap).
 * Returns false if it did not fit (dst then holds the first cap-1 bytes). */
static bool copy_string(uintptr_t phys_base, u32 addr, char *dst, size_t cap)
{
	const char *s = phys(phys_base, addr);
	size_t n = 0;

	while (n + 1 < cap && s[n]) {
		dst[n] = s[n];
		n++;
	}
	dst[n] = '\0';
	return s[n] == '\0';
}

/* 3.3: entries of `size + 4` bytes from mmap_addr over mmap_length bytes. */
static int parse_mmap(uintptr_t phys_base, const struct multiboot_info *mi,
		      struct e820_map *map, char *err, size_t errlen)
{
	u32 off = 0;

	while (off < mi->mmap_length) {
		struct multiboot_mmap_entry e;
		u32 at = mi->mmap_addr + off;

		if (mi->mmap_length - off < sizeof(e)) {
			xsnprintf(err, errlen,
				  "multiboot: memory map entry at 0x%x runs past the end of the "
				  "%u-byte map at 0x%x", at, mi->mmap_length, mi->mmap_addr);
			return -1;
		}
		memcpy(&e, phys(phys_base, at), sizeof(e));
		if (e.size < MULTIBOOT_MMAP_MIN_SIZE ||
		    e.size > mi->mmap_length - off - sizeof(e.size)) {
			xsnprintf(err, errlen,
				  "multiboot: malformed memory map entry at 0x%x: size %u, expected "
				  "20..%u", at, e.size, mi->mmap_length - off - (u32)sizeof(e.size));
			return -1;
		}
		if (e820_add(map, e.base_addr, e.length, e.type)) {
			xsnprintf(err, errlen,
				  "multiboot: memory map has more than %u entries", E820_MAX);
			return -1;
		}
		off += e.size + (u32)sizeof(e.size);
	}
	return 0;
}

static int parse_mods(uintptr_t phys_base, const struct multiboot_info *mi,
		      struct mb_result *out, char *err, size_t errlen)
{
	if (mi->mods_count > MB_MODS_MAX) {
		xsnprintf(err, errlen, "multiboot: %u modules loaded, at most %u are supported",
			  mi->mods_count, MB_MODS_MAX);
		return -1;
	}
	for (u32 i = 0; i < mi->mods_count; i++) {
		struct multiboot_module mod;

		memcpy(&mod, phys(phys_base, mi->mods_addr + (u64)i * sizeof(mod)), sizeof(mod));
		out->mods[i].start = mod.mod_start;
		out->mods[i].end = mod.mod_end;
		out->mods[i].string[0] = '\0';
		if (mod.string)
			copy_string(phys_base, mod.string, out->mods[i].string,
				    sizeof(out->mods[i].string));
	}
	out->mod_count = mi->mods_count;
	return 0;
}

int mb_parse(uintptr_t phys_base, u32 magic, u32 info_addr, struct mb_result *out, char *err,
	     size_t errlen)
{
	struct multiboot_info mi;

	memset(out, 0, sizeof(*out));
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
		xsnprintf(err, errlen,
			  "multiboot: bad magic 0x%08x, expected 0x2badb002: not loaded by a "
			  "multiboot loader", magic);
		return -1;
	}
	/* Fields past mmap_addr may not exist in older loaders' structures. */
	memcpy(&mi, phys(phys_base, info_addr), offsetof(struct multiboot_info, drives_length));
	if ((mi.flags & MULTIBOOT_INFO_CMDLINE) && mi.cmdline &&
	    !copy_string(phys_base, mi.cmdline, out->cmdline, sizeof(out->cmdline))) {
		xsnprintf(err, errlen, "multiboot: command line at 0x%x is longer than %u bytes",
			  mi.cmdline, MB_CMDLINE_MAX - 1);
		return -1;
	}
	if (mi.flags & MULTIBOOT_INFO_MEMORY) {
		out->mem_lower_kb = mi.mem_lower;
		out->mem_upper_kb = mi.mem_upper;
	}
	if ((mi.flags & MULTIBOOT_INFO_MEM_MAP) &&
	    parse_mmap(phys_base, &mi, &out->map, err, errlen))
		return -1;
	/* No (or an empty) memory map: the two ranges mem_lower/mem_upper give. */
	if (out->map.count == 0 && (mi.flags & MULTIBOOT_INFO_MEMORY)) {
		e820_add(&out->map, 0, out->mem_lower_kb << 10, E820_RAM);
		e820_add(&out->map, ONE_MIB, out->mem_upper_kb << 10, E820_RAM);
	}
	if (out->map.count == 0) {
		xsnprintf(err, errlen,
			  "multiboot: the loader passed no memory map (info flags 0x%x: no "
			  "entries with bit 6, no mem_lower/mem_upper with bit 0)", mi.flags);
		return -1;
	}
	if ((mi.flags & MULTIBOOT_INFO_MODS) && parse_mods(phys_base, &mi, out, err, errlen))
		return -1;
	return 0;
}
