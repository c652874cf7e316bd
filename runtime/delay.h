#ifndef RUNTIME_DELAY_H
#define RUNTIME_DELAY_H
#include "types.h"

void udelay(u32 us);

#endif
