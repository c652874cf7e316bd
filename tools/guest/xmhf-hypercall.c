/* Guest tool: issue one xmhf-ng hypercall (ABI in runtime/hypercall.h).
 * usage: xmhf-hypercall stats|nop
 * Prints one status line; exit 0 on HYPERCALL_OK, 1 on another status, 2 when
 * VMCALL raised #UD (SIGILL: no hypervisor, SDM Vol. 2B VMCALL), 64 on usage. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "hypercall.h"

static void no_hypervisor(int sig)
{
	static const char msg[] = "no hypervisor\n";

	(void)sig;
	(void)!write(STDOUT_FILENO, msg, sizeof(msg) - 1);
	_exit(2);
}

static unsigned int vmcall(unsigned int fn)
{
	unsigned int eax = HYPERCALL_MAGIC, ebx = fn;

	asm volatile("vmcall" : "+a"(eax), "+b"(ebx) : : "rcx", "rdx", "memory");
	return eax;
}

int main(int argc, char **argv)
{
	unsigned int fn, status;

	if (argc != 2)
		goto usage;
	if (!strcmp(argv[1], "stats"))
		fn = HYPERCALL_FN_PRINT_EXITS;
	else if (!strcmp(argv[1], "nop"))
		fn = HYPERCALL_FN_NOP;
	else
		goto usage;
	signal(SIGILL, no_hypervisor);
	status = vmcall(fn);
	printf("hypercall %s status=0x%x\n", argv[1], status);
	return status == HYPERCALL_OK ? 0 : 1;
usage:
	fprintf(stderr, "usage: xmhf-hypercall stats|nop\n");
	return 64;
}
