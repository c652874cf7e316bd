/* Exception handling in the hypervisor: every exception is fatal and reported. */
#ifndef RUNTIME_IDT_H
#define RUNTIME_IDT_H
#include "percpu.h"

void idt_load(void);
struct mem_region idt_region(void);
u16 tss_selector(u32 cpu_index);

#endif
