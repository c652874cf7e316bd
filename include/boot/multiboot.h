/* Multiboot Specification 0.6.96 layouts: the OS image header (3.1) and the
 * boot information the loader passes in EBX (3.3). */
#ifndef BOOT_MULTIBOOT_H
#define BOOT_MULTIBOOT_H
#ifndef __ASSEMBLER__
#include "types.h"
#else
#define BIT(n) (1 << (n))
#endif

/* 3.1.1: header magic, searched in the first 8192 bytes of the image. */
#define MULTIBOOT_HEADER_MAGIC 0x1BADB002u
/* 3.2: EAX value on entry from a Multiboot-compliant loader. */
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002u

/* 3.1.2: header flags. */
#define MULTIBOOT_PAGE_ALIGN BIT(0)	/* modules on 4 KiB boundaries */
#define MULTIBOOT_MEMORY_INFO BIT(1)	/* pass mem_* and mmap_* */
#define MULTIBOOT_VIDEO_MODE BIT(2)	/* pass the video mode table */
#define MULTIBOOT_AOUT_KLUDGE BIT(16)	/* header address fields are valid */

#ifndef __ASSEMBLER__
/* 3.1.1-3.1.4: the header in the OS image (address fields need flag bit 16). */
struct multiboot_header {
	u32 magic;
	u32 flags;
	u32 checksum;		/* magic + flags + checksum == 0 (mod 2^32) */
	u32 header_addr;
	u32 load_addr;
	u32 load_end_addr;
	u32 bss_end_addr;
	u32 entry_addr;
	u32 mode_type;
	u32 width;
	u32 height;
	u32 depth;
};
_Static_assert(sizeof(struct multiboot_header) == 48, "multiboot header is 48 bytes");

/* 3.3: boot information flags (which fields are valid). */
#define MULTIBOOT_INFO_MEMORY BIT(0)		/* mem_lower, mem_upper */
#define MULTIBOOT_INFO_BOOTDEV BIT(1)		/* boot_device */
#define MULTIBOOT_INFO_CMDLINE BIT(2)		/* cmdline */
#define MULTIBOOT_INFO_MODS BIT(3)		/* mods_count, mods_addr */
#define MULTIBOOT_INFO_AOUT_SYMS BIT(4)		/* syms as a.out symbol table */
#define MULTIBOOT_INFO_ELF_SHDR BIT(5)		/* syms as ELF section headers */
#define MULTIBOOT_INFO_MEM_MAP BIT(6)		/* mmap_length, mmap_addr */
#define MULTIBOOT_INFO_DRIVE_INFO BIT(7)	/* drives_length, drives_addr */
#define MULTIBOOT_INFO_CONFIG_TABLE BIT(8)	/* config_table */
#define MULTIBOOT_INFO_BOOT_LOADER_NAME BIT(9)	/* boot_loader_name */
#define MULTIBOOT_INFO_APM_TABLE BIT(10)	/* apm_table */
#define MULTIBOOT_INFO_VBE_INFO BIT(11)		/* vbe_* */
#define MULTIBOOT_INFO_FRAMEBUFFER_INFO BIT(12)	/* framebuffer_* */

/* 3.3: the boot information structure; all addresses are physical. */
struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB of lower memory from 0 (max 640) */
	u32 mem_upper;		/* KiB of upper memory from 1 MiB to the first hole */
	u32 boot_device;
	u32 cmdline;		/* NUL-terminated string */
	u32 mods_count;
	u32 mods_addr;		/* array of struct multiboot_module */
	u32 syms[4];
	u32 mmap_length;	/* bytes in the memory map buffer */
	u32 mmap_addr;		/* struct multiboot_mmap_entry, variable size */
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name;
	u32 apm_table;
	u32 vbe_control_info;
	u32 vbe_mode_info;
	u16 vbe_mode;
	u16 vbe_interface_seg;
	u16 vbe_interface_off;
	u16 vbe_interface_len;
	u64 framebuffer_addr;
	u32 framebuffer_pitch;
	u32 framebuffer_width;
	u32 framebuffer_height;
	u8 framebuffer_bpp;
	u8 framebuffer_type;
	u8 color_info[6];
} __attribute__((packed));
_Static_assert(sizeof(struct multiboot_info) == 116, "multiboot info is 116 bytes");
_Static_assert(offsetof(struct multiboot_info, mmap_length) == 44, "mmap_length at 44");
_Static_assert(offsetof(struct multiboot_info, framebuffer_addr) == 88, "framebuffer at 88");

/* 3.3: one memory map entry. `size` counts the bytes that follow it (at least
 * 20); the next entry starts at this entry + size + 4. GRUB uses size 20. */
struct multiboot_mmap_entry {
	u32 size;
	u64 base_addr;
	u64 length;
	u32 type;		/* 1 = available RAM, 3 = ACPI, 4 = NVS, 5 = bad; else reserved */
} __attribute__((packed));
_Static_assert(sizeof(struct multiboot_mmap_entry) == 24, "mmap entry is 24 bytes");
#define MULTIBOOT_MMAP_MIN_SIZE 20

/* 3.3: one boot module: [mod_start, mod_end) and a NUL-terminated string. */
struct multiboot_module {
	u32 mod_start;
	u32 mod_end;
	u32 string;
	u32 reserved;
};
_Static_assert(sizeof(struct multiboot_module) == 16, "module entry is 16 bytes");

#endif /* __ASSEMBLER__ */

#endif
