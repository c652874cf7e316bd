/* Intel VT-d remapping hardware ("Intel Virtualization Technology for
 * Directed I/O, Architecture Specification", rev 3.x/4.x): register offsets
 * and bits (chapter 10.4) and the legacy-mode translation structures
 * (chapter 9) we program. */
#ifndef HW_VTD_H
#define HW_VTD_H
#include "types.h"

/* 10.4 register offsets from the DRHD register base. */
#define VTD_REG_VER 0x00	/* 10.4.1 Version (32-bit) */
#define VTD_REG_CAP 0x08	/* 10.4.2 Capability (64-bit) */
#define VTD_REG_ECAP 0x10	/* 10.4.3 Extended Capability (64-bit) */
#define VTD_REG_GCMD 0x18	/* 10.4.4 Global Command (32-bit) */
#define VTD_REG_GSTS 0x1c	/* 10.4.5 Global Status (32-bit) */
#define VTD_REG_RTADDR 0x20	/* 10.4.6 Root Table Address (64-bit) */
#define VTD_REG_CCMD 0x28	/* 10.4.7 Context Command (64-bit) */
#define VTD_REG_FSTS 0x34	/* 10.4.9 Fault Status (32-bit) */
#define VTD_REG_FECTL 0x38	/* 10.4.10 Fault Event Control (32-bit) */
#define VTD_REG_PMEN 0x64	/* 10.4.16 Protected Memory Enable (32-bit) */
/* 10.4.8: IOTLB registers at ECAP.IRO * 16: IVA (+0), IOTLB (+8). */
#define VTD_IOTLB_REG_OFF 8

#define VTD_VER_MAJOR(v) (((v) >> 4) & 0xf)
#define VTD_VER_MINOR(v) ((v) & 0xf)

/* 10.4.2 CAP fields. */
#define VTD_CAP_RWBF BIT(4)			/* write buffers must be flushed */
#define VTD_CAP_PLMR BIT(5)			/* protected low-memory region */
#define VTD_CAP_PHMR BIT(6)			/* protected high-memory region */
#define VTD_CAP_CM BIT(7)			/* caching mode: not-present entries cached */
#define VTD_CAP_SAGAW(c) (((c) >> 8) & 0x1f)	/* bit 1: 39-bit 3-level, bit 2: 48-bit 4-level */
#define VTD_SAGAW_39 BIT(1)
#define VTD_SAGAW_48 BIT(2)
#define VTD_CAP_MGAW(c) ((((c) >> 16) & 0x3f) + 1)
#define VTD_CAP_FRO(c) ((((c) >> 24) & 0x3ff) * 16)	/* fault recording registers offset */
#define VTD_CAP_SLLPS_2M (1ULL << 34)		/* 2 MiB second-level pages */
#define VTD_CAP_NFR(c) ((((c) >> 40) & 0xff) + 1)	/* number of fault recording registers */

/* 10.4.3 ECAP fields. */
#define VTD_ECAP_C BIT(0)			/* page-walk coherency */
#define VTD_ECAP_QI BIT(1)			/* queued invalidation */
#define VTD_ECAP_IRO(e) ((((e) >> 8) & 0x3ff) * 16)	/* IOTLB registers offset */

/* 10.4.4 GCMD and 10.4.5 GSTS share bit positions. */
#define VTD_GCMD_TE BIT(31)	/* translation enable / TES */
#define VTD_GCMD_SRTP BIT(30)	/* set root table pointer / RTPS */
#define VTD_GCMD_WBF BIT(27)	/* write buffer flush / WBFS (1 while flushing) */
#define VTD_GCMD_QIE BIT(26)	/* queued invalidation enable / QIES */
#define VTD_GCMD_IRE BIT(25)	/* interrupt remapping enable / IRES */
#define VTD_GCMD_CFI BIT(23)	/* compatibility format interrupts / CFIS */
/* The enables that a GCMD write must repeat from GSTS to keep them (10.4.4). */
#define VTD_GCMD_PERSISTENT (VTD_GCMD_TE | VTD_GCMD_QIE | VTD_GCMD_IRE | VTD_GCMD_CFI)

/* 10.4.7 CCMD: invalidate context cache (ICC, cleared by hardware when done). */
#define VTD_CCMD_ICC (1ULL << 63)
#define VTD_CCMD_CIRG_GLOBAL (1ULL << 61)
/* 10.4.8.1 IOTLB register: invalidate (IVT, cleared when done), global,
 * drain reads and writes. */
#define VTD_IOTLB_IVT (1ULL << 63)
#define VTD_IOTLB_IIRG_GLOBAL (1ULL << 60)
#define VTD_IOTLB_DR (1ULL << 49)
#define VTD_IOTLB_DW (1ULL << 48)

/* 10.4.10 FECTL: interrupt mask (no fault-event MSI). */
#define VTD_FECTL_IM BIT(31)
/* 10.4.16 PMEN: enable protected memory regions, and its status. */
#define VTD_PMEN_EPM BIT(31)
#define VTD_PMEN_PRS BIT(0)

/* 10.4.9 FSTS. */
#define VTD_FSTS_PFO BIT(0)	/* primary fault overflow (RW1C) */
#define VTD_FSTS_PPF BIT(1)	/* primary pending fault: some FRCD has F set */
#define VTD_FSTS_FRI(s) (((s) >> 8) & 0xff)	/* first fault record index */

/* 10.4.14 Fault Recording registers, 128-bit each: low qword bits 63:12 the
 * faulting page; high qword: SID 15:0, FR (reason) 39:32, T 62 (1 = read,
 * 0 = write), F 63 (fault; write 1 to clear). */
#define VTD_FRCD_SIZE 16
#define VTD_FRCD_HI_F (1ULL << 63)
#define VTD_FRCD_HI_T (1ULL << 62)
#define VTD_FRCD_HI_FR(h) ((u8)((h) >> 32))
#define VTD_FRCD_HI_SID(h) ((u16)(h))

/* 9.1 Root entry (128-bit, legacy mode): one per bus. */
#define VTD_ROOT_P 1ULL
/* 9.3 Context entry (128-bit): one per device/function of a bus. Low qword:
 * P (0), FPD (1), TT (3:2, 0 = untranslated requests through second-level
 * tables), second-level page-table pointer (63:12). High qword: AW (2:0,
 * 1 = 39-bit 3-level, 2 = 48-bit 4-level), DID (23:8). */
#define VTD_CTX_P 1ULL
#define VTD_CTX_AW_39 1ULL
#define VTD_CTX_AW_48 2ULL
#define VTD_CTX_DID_SHIFT 8
/* 9.8 Second-level paging entries: R (0), W (1), PS (7, 2 MiB / 1 GiB leaf),
 * address 51:12; non-leaf entries use R and W as well. */
#define VTD_SL_R 1ULL
#define VTD_SL_W 2ULL
#define VTD_SL_PS (1ULL << 7)

/* 7.1.3 fault reasons we name (the rest are printed as numbers). */
#define VTD_FR_ROOT_NOT_PRESENT 0x1
#define VTD_FR_CTX_NOT_PRESENT 0x2
#define VTD_FR_BEYOND_AGAW 0x4
#define VTD_FR_WRITE 0x5
#define VTD_FR_READ 0x6

#endif
