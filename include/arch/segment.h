/* Segment selectors, descriptor types and the VMCS access-rights format
 * (SDM Vol. 3A 3.4.2, 3.4.5.1 Tables 3-1/3-2; Vol. 3C 24.4.1 Table 24-2). */
#ifndef ARCH_SEGMENT_H
#define ARCH_SEGMENT_H

/* Selector (SDM 3.4.2). */
#define SEL_RPL_MASK 0x3u
#define SEL_TI (1u << 2)
#define SEL_INDEX_SHIFT 3

/* Guest-segment access rights as stored in the VMCS (SDM Table 24-2). */
#define AR_TYPE_MASK 0xfu
#define AR_S (1u << 4)			/* 1 = code/data, 0 = system */
#define AR_DPL_SHIFT 5
#define AR_DPL_MASK (3u << AR_DPL_SHIFT)
#define AR_P (1u << 7)
#define AR_RSVD_11_8 0xf00u
#define AR_AVL (1u << 12)
#define AR_L (1u << 13)			/* 64-bit code segment (CS only) */
#define AR_DB (1u << 14)
#define AR_G (1u << 15)
#define AR_UNUSABLE (1u << 16)
#define AR_RSVD_31_17 0xfffe0000u
#define AR_DPL(ar) (((ar) & AR_DPL_MASK) >> AR_DPL_SHIFT)
#define AR_TYPE(ar) ((ar) & AR_TYPE_MASK)

/* Code/data type bits, S = 1 (SDM Table 3-1). */
#define SEG_TYPE_ACCESSED (1u << 0)
#define SEG_TYPE_WRITABLE (1u << 1)	/* data */
#define SEG_TYPE_READABLE (1u << 1)	/* code */
#define SEG_TYPE_EXPAND_DOWN (1u << 2)	/* data */
#define SEG_TYPE_CONFORMING (1u << 2)	/* code */
#define SEG_TYPE_CODE (1u << 3)
#define SEG_TYPE_DATA_RW_ACCESSED 3u
#define SEG_TYPE_DATA_RW_DOWN_ACCESSED 7u
#define SEG_TYPE_CODE_X_ACCESSED 9u
#define SEG_TYPE_CODE_XR_ACCESSED 11u
#define SEG_TYPE_CODE_XC_ACCESSED 13u
#define SEG_TYPE_CODE_XRC_ACCESSED 15u

/* System descriptor types, S = 0 (SDM Table 3-2; IA-32e mode reuses 2, 9, 11, 12, 14, 15). */
#define SYS_TYPE_TSS16_AVAIL 1u
#define SYS_TYPE_LDT 2u
#define SYS_TYPE_TSS16_BUSY 3u
#define SYS_TYPE_CALL_GATE16 4u
#define SYS_TYPE_TASK_GATE 5u
#define SYS_TYPE_INTR_GATE16 6u
#define SYS_TYPE_TRAP_GATE16 7u
#define SYS_TYPE_TSS_AVAIL 9u		/* 32-bit TSS, or 64-bit TSS in IA-32e mode */
#define SYS_TYPE_TSS_BUSY 11u
#define SYS_TYPE_CALL_GATE 12u
#define SYS_TYPE_INTR_GATE 14u
#define SYS_TYPE_TRAP_GATE 15u

/* Common access-rights values (P | S | type, DPL 0). */
#define AR_CODE_XR_ACCESSED (AR_P | AR_S | SEG_TYPE_CODE_XR_ACCESSED)	/* 0x9b */
#define AR_DATA_RW_ACCESSED (AR_P | AR_S | SEG_TYPE_DATA_RW_ACCESSED)	/* 0x93 */
#define AR_TSS_BUSY (AR_P | SYS_TYPE_TSS_BUSY)				/* 0x8b */
#define AR_LDT (AR_P | SYS_TYPE_LDT)					/* 0x82 */
#define AR_V8086 (AR_P | AR_S | (3u << AR_DPL_SHIFT) | SEG_TYPE_DATA_RW_ACCESSED) /* 0xf3 */

#endif
