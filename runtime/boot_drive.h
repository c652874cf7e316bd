#ifndef RUNTIME_BOOT_DRIVE_H
#define RUNTIME_BOOT_DRIVE_H
#include "types.h"

/* One line when DL, the drive the guest's boot sector gets, names no drive
 * the BIOS found (XMHF64 bug 043: the boot sector's INT 13h then fails, or
 * the BIOS quietly falls back to another drive). */
void boot_drive_check(u8 dl);

#endif
