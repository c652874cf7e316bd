/* Reading the Multiboot 0.6.96 boot information (3.3) into plain values. */
#ifndef XMHF_LIB_MULTIBOOT_INFO_H
#define XMHF_LIB_MULTIBOOT_INFO_H
#include "types.h"
#include "boot/multiboot.h"
#include "e820.h"

#define MB_CMDLINE_MAX 256
#define MB_MODS_MAX 8
#define MB_MOD_STRING_MAX 64

struct mb_result {
	char cmdline[MB_CMDLINE_MAX];	/* "" if the loader passed none */
	struct e820_map map;		/* as the loader listed it: unsorted, unsanitized */
	u32 mod_count;
	struct {
		u32 start, end;		/* [start, end) physical; contents not copied */
		char string[MB_MOD_STRING_MAX];	/* truncated if longer */
	} mods[MB_MODS_MAX];
	u64 mem_lower_kb, mem_upper_kb;	/* 0 unless info flag bit 0 is set */
};

/* Parses the info at physical address info_addr after checking that EAX
 * held the bootloader magic. Physical address A is read at phys_base + A
 * (0 under an identity mapping). The memory map comes from mmap_* (flag bit
 * 6); without it, or if it is empty, from mem_lower/mem_upper (bit 0) as
 * two RAM ranges [0, mem_lower KiB) and [1 MiB, 1 MiB + mem_upper KiB), with
 * everything else unlisted. Modules are listed, not copied. Returns 0, or -1
 * with one message in err. */
int mb_parse(uintptr_t phys_base, u32 magic, u32 info_addr, struct mb_result *out, char *err,
	     size_t errlen);

#endif
