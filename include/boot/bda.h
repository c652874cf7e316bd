/* BIOS data area fields (IBM PC/AT BIOS interface, segment 0x40). */
#ifndef BOOT_BDA_H
#define BOOT_BDA_H

#define BDA_EBDA_SEGMENT 0x40e		/* word: real-mode segment of the EBDA */
#define BDA_EQUIPMENT_WORD 0x410	/* bit 0: floppy drives present; bits 7:6: count - 1 */
#define BDA_FIXED_DISKS 0x475		/* number of hard disks the BIOS found */
#define BIOS_DRIVE_HARD_DISK 0x80	/* INT 13h drive numbers: 00h.. floppies, 80h.. hard disks */

/* Physical address of the EBDA (its segment << 4), where the ACPI RSDP may be
 * (ACPI 6.x 5.2.5.1); read with low memory identity mapped. */
static inline unsigned int bda_ebda_phys(void)
{
	return (unsigned int)(*(volatile unsigned short *)BDA_EBDA_SEGMENT) << 4;
}

#endif
