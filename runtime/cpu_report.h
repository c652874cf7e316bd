#ifndef RUNTIME_CPU_REPORT_H
#define RUNTIME_CPU_REPORT_H
#include "percpu.h"

/* One serial line per CPU: identity, mode and VMX capabilities. */
void cpu_report(const struct cpu *c);
bool cpu_has_vmx(void);

#endif
