/* Local APIC registers (xAPIC MMIO offsets) and ICR fields (SDM Vol. 3A 10.4, 10.6.1). */
#ifndef ARCH_APIC_H
#define ARCH_APIC_H

#define APIC_DEFAULT_BASE 0xfee00000ULL
#define APIC_REG_ID 0x20
#define APIC_REG_VERSION 0x30
#define APIC_REG_TPR 0x80
#define APIC_REG_EOI 0xb0
#define APIC_REG_LDR 0xd0
#define APIC_REG_DFR 0xe0
#define APIC_REG_SVR 0xf0
#define APIC_REG_ESR 0x280
#define APIC_REG_ICR_LO 0x300
#define APIC_REG_ICR_HI 0x310
#define APIC_REG_TIMER_INITIAL 0x380	/* initial count; writing 0 stops the timer (SDM 10.5.4) */

#define APIC_ID_SHIFT 24		/* xAPIC ID in bits 31:24 of the ID register */
#define APIC_SVR_ENABLE (1u << 8)

/* ICR low dword (SDM Figure 10-12). */
#define ICR_VECTOR_MASK 0xffu
#define ICR_DELIVERY_SHIFT 8
#define ICR_DELIVERY_MASK (7u << 8)
#define ICR_DELIVERY_FIXED (0u << 8)
#define ICR_DELIVERY_LOWEST (1u << 8)
#define ICR_DELIVERY_SMI (2u << 8)
#define ICR_DELIVERY_NMI (4u << 8)
#define ICR_DELIVERY_INIT (5u << 8)
#define ICR_DELIVERY_STARTUP (6u << 8)
#define ICR_DEST_LOGICAL (1u << 11)
#define ICR_SEND_PENDING (1u << 12)
#define ICR_LEVEL_ASSERT (1u << 14)
#define ICR_TRIGGER_LEVEL (1u << 15)
#define ICR_SHORTHAND_SHIFT 18
#define ICR_SHORTHAND_MASK (3u << 18)
#define ICR_SHORTHAND_NONE (0u << 18)
#define ICR_SHORTHAND_SELF (1u << 18)
#define ICR_SHORTHAND_ALL_INCL (2u << 18)
#define ICR_SHORTHAND_ALL_EXCL (3u << 18)
#define ICR_DEST_SHIFT 24		/* destination in ICR high bits 31:24 (xAPIC) */
#define X2APIC_ICR_DEST_SHIFT 32	/* x2APIC ICR MSR: destination in bits 63:32 (SDM 10.12.9) */

#endif
