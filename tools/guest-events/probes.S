/* One-instruction VMX/SMX probes (tools/guest-boot/probe.h); the MSR and
 * VMCALL probes are tools/guest-boot/probe.S.
 * The VMX instructions and GETSEC exit unconditionally in VMX non-root
 * operation (SDM Vol. 3C 25.1.2); outside VMX operation (or with CR4.VMXE or
 * CR4.SMXE clear) they are #UD (SDM Vol. 3C 30.3, Vol. 2D GETSEC). */
#include "probe.h"
	.code32
	.text

	PROBE vmxon, vmxon vmcs_region
	PROBE vmclear, vmclear vmcs_region
	PROBE vmptrld, vmptrld vmcs_region
	PROBE vmptrst, vmptrst vmcs_region
	PROBE vmread, vmread %eax, %ecx
	PROBE vmwrite, vmwrite %ecx, %eax
	PROBE vmlaunch, vmlaunch
	PROBE vmresume, vmresume
	PROBE vmxoff, vmxoff
	PROBE invept, invept inv_desc, %eax
	PROBE invvpid, invvpid inv_desc, %eax
	PROBE vmfunc, vmfunc
	PROBE getsec, getsec

	.data
	.p2align 4
vmcs_region:	.quad 0		/* memory operands: never used, every probe faults first */
inv_desc:	.quad 0, 0
