#include "boot_drive.h"
#include "serial.h"
#include "boot/bda.h"

void boot_drive_check(u8 dl)
{
	u16 equipment = *(volatile u16 *)BDA_EQUIPMENT_WORD;
	u8 disks = *(volatile u8 *)BDA_FIXED_DISKS;
	u32 floppies = (equipment & 1) ? ((equipment >> 6) & 3) + 1u : 0;

	if (dl >= BIOS_DRIVE_HARD_DISK && (u32)(dl - BIOS_DRIVE_HARD_DISK) >= disks)
		hv_printf("xmhf-ng: WARNING: DL=0x%02x names no hard disk (the BIOS found %u): the "
			  "guest's boot sector will not read its disk (check boot_drive=)\n", dl, disks);
	else if (dl < BIOS_DRIVE_HARD_DISK && dl >= floppies)
		hv_printf("xmhf-ng: WARNING: DL=0x%02x names no floppy drive (the BIOS found %u): "
			  "check boot_drive=\n", dl, floppies);
}
