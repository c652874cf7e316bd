/* Editing the BIOS E820 memory map (ACPI 6.x 15.1): the hypervisor hides its
 * own memory from the guest by answering INT 15h E820h from an edited map. */
#ifndef XMHF_LIB_E820_H
#define XMHF_LIB_E820_H
#include "types.h"
#include "boot/e820.h"

/* Appends an entry as given (len 0 and overlaps are allowed until
 * e820_sanitize). Returns 0, or -1 if the map is full. */
int e820_add(struct e820_map *m, u64 addr, u64 len, u32 type);

/* Rewrites the map as sorted, non-overlapping entries:
 * - zero-length entries are dropped; a range running past 2^64 is clipped to
 *   end at 2^64 - 1;
 * - where entries overlap, the most restrictive type wins: any non-RAM type
 *   beats E820_RAM, and among non-RAM types the higher number wins (so
 *   NVS > ACPI > reserved); type 0, which no spec defines, counts as
 *   E820_RESERVED and is written out as such;
 * - adjacent entries of the same type are merged.
 * Returns 0, or -1 if the result would exceed E820_MAX entries (the map is
 * then left unchanged). */
int e820_sanitize(struct e820_map *m);

/* Makes [base, base + len) non-RAM: adds it as E820_RESERVED (splitting RAM
 * entries; existing ACPI/NVS/unusable ranges keep their types per the rule
 * above) and sanitizes. Returns 0, or -1 if the map cannot hold the result
 * (it then describes the same memory as before, possibly sanitized). */
int e820_reserve(struct e820_map *m, u64 base, u64 len);

/* Highest base, a multiple of `align` (a power of two; 0 means 1), such that
 * [base, base + size) lies inside one E820_RAM entry and base + size <= limit.
 * Returns 0 if there is none (base 0 itself is never returned). Expects a
 * sanitized map: RAM entries must not overlap other entries. */
u64 e820_find_top(const struct e820_map *m, u64 limit, u64 size, u64 align);

/* End (exclusive) of the highest E820_RAM entry, 0 if there is none. */
u64 e820_ram_top(const struct e820_map *m);

/* Entry `index` for the INT 15h E820h walk, where index is the EBX
 * continuation value. Returns 1 if *out is the last entry (answer EBX = 0),
 * 0 if more follow (answer EBX = index + 1), -1 if index is out of range. */
int e820_get(const struct e820_map *m, u32 index, struct e820_entry *out);

#endif
