/* Control-register and RFLAGS bits (SDM Vol. 3A 2.5, 2.3). */
#ifndef ARCH_CR_H
#define ARCH_CR_H
#include "arch/bits.h"

#define CR0_PE ARCH_BIT(0)
#define CR0_MP ARCH_BIT(1)
#define CR0_EM ARCH_BIT(2)
#define CR0_TS ARCH_BIT(3)
#define CR0_ET ARCH_BIT(4)
#define CR0_NE ARCH_BIT(5)
#define CR0_WP ARCH_BIT(16)
#define CR0_AM ARCH_BIT(18)
#define CR0_NW ARCH_BIT(29)
#define CR0_CD ARCH_BIT(30)
#define CR0_PG ARCH_BIT(31)

#define CR4_VME ARCH_BIT(0)
#define CR4_PVI ARCH_BIT(1)
#define CR4_TSD ARCH_BIT(2)
#define CR4_DE ARCH_BIT(3)
#define CR4_PSE ARCH_BIT(4)
#define CR4_PAE ARCH_BIT(5)
#define CR4_MCE ARCH_BIT(6)
#define CR4_PGE ARCH_BIT(7)
#define CR4_PCE ARCH_BIT(8)
#define CR4_OSFXSR ARCH_BIT(9)
#define CR4_OSXMMEXCPT ARCH_BIT(10)
#define CR4_UMIP ARCH_BIT(11)
#define CR4_LA57 ARCH_BIT(12)
#define CR4_VMXE ARCH_BIT(13)
#define CR4_SMXE ARCH_BIT(14)
#define CR4_FSGSBASE ARCH_BIT(16)
#define CR4_PCIDE ARCH_BIT(17)
#define CR4_OSXSAVE ARCH_BIT(18)
#define CR4_SMEP ARCH_BIT(20)
#define CR4_SMAP ARCH_BIT(21)
#define CR4_PKE ARCH_BIT(22)
#define CR4_CET ARCH_BIT(23)
#define CR4_PKS ARCH_BIT(24)

#define RFLAGS_CF ARCH_BIT(0)
#define RFLAGS_FIXED1 ARCH_BIT(1)
#define RFLAGS_TF ARCH_BIT(8)
#define RFLAGS_IF ARCH_BIT(9)
#define RFLAGS_RF ARCH_BIT(16)
#define RFLAGS_VM ARCH_BIT(17)
#define RFLAGS_RSVD 0xffffffffffc08028ULL	/* 63:22, 15, 5, 3 must be 0 (SDM 2.3) */

/* Paging-structure entry bits, IA-32e paging (SDM Vol. 3A 4.5). */
#define PTE_P ARCH_BIT(0)
#define PTE_W ARCH_BIT(1)
#define PTE_U ARCH_BIT(2)
#define PTE_PWT ARCH_BIT(3)
#define PTE_PCD ARCH_BIT(4)
#define PTE_A ARCH_BIT(5)		/* set by the CPU on use (SDM 4.8) */
#define PTE_D ARCH_BIT(6)
#define PTE_PS ARCH_BIT(7)
#define PTE_G ARCH_BIT(8)
#define PTE_NX ARCH_BIT(63)
#define PTE_ADDR_MASK 0x000ffffffffff000ULL
/* PAE-paging PDPTE reserved bits 8:5 and 2:1; 63:MAXPHYADDR too (SDM Vol. 3A 4.4.1, Table 4-8). */
#define PDPTE_PAE_RSVD 0x1e6ULL

#endif
