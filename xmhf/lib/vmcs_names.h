/* Names for VMCS fields, exit reasons and VM-instruction errors, for dumps. */
#ifndef XMHF_LIB_VMCS_NAMES_H
#define XMHF_LIB_VMCS_NAMES_H
#include "types.h"

/* "VMCS_GUEST_TR_AR" for 0x4822; "?" for an encoding not in SDM Appendix B. */
const char *vmcs_field_name(u32 enc);
/* "CR_ACCESS" for 28; takes the whole exit-reason field (bits 15:0 are used). */
const char *vmx_exit_reason_name(u32 reason);
/* "VM entry with invalid control field(s)" for 7 (SDM 30.4). */
const char *vm_instruction_error_name(u32 err);

#endif
