/* The most CPUs the hypervisor runs on: the one limit behind the MADT list
 * (acpi_madt.h), the IPI target mask (icr.h), the GDT's TSS slots and the
 * per-CPU area (hv_layout.h). Per-CPU memory is sized for the CPUs the MADT
 * lists, not for this maximum. */
#ifndef XMHF_MAX_CPUS_H
#define XMHF_MAX_CPUS_H

#define MAX_CPUS 64

#endif
