#ifndef RUNTIME_SMP_BOOT_H
#define RUNTIME_SMP_BOOT_H
#include "acpi_madt.h"

/* Wake every enabled AP of the MADT into 64-bit mode; sets cpu_count. */
void smp_start_aps(const struct madt_cpus *m);

#endif
