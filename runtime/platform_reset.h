#ifndef RUNTIME_PLATFORM_RESET_H
#define RUNTIME_PLATFORM_RESET_H

/* Resets the whole machine as its own reset button would; halts with one line
 * if the chipset ignores both methods. */
__attribute__((noreturn)) void platform_reset(const char *why);

#endif
