/* When VMX cannot run, the machine still boots: the guest's boot sector runs
 * natively, without the hypervisor (issue 7: never leave the laptop dead). */
#ifndef RUNTIME_NATIVE_BOOT_H
#define RUNTIME_NATIVE_BOOT_H
#include "types.h"

__attribute__((noreturn)) void native_boot(const u8 *mbr, u8 drive, const char *why);

#endif
