/* VM-instruction error numbers, read from VMCS_VM_INSTRUCTION_ERROR after VMfailValid
 * (SDM Vol. 3C 30.4, Table 30-1). X(NAME, number, description). */
#ifndef ARCH_VM_INSTRUCTION_ERROR_H
#define ARCH_VM_INSTRUCTION_ERROR_H

#define VM_INSTRUCTION_ERROR_TABLE(X)                                                          \
	X(VMCALL_IN_ROOT, 1, "VMCALL executed in VMX root operation")                          \
	X(VMCLEAR_INVALID_ADDR, 2, "VMCLEAR with invalid physical address")                    \
	X(VMCLEAR_VMXON_PTR, 3, "VMCLEAR with VMXON pointer")                                  \
	X(VMLAUNCH_NOT_CLEAR, 4, "VMLAUNCH with non-clear VMCS")                               \
	X(VMRESUME_NOT_LAUNCHED, 5, "VMRESUME with non-launched VMCS")                         \
	X(VMRESUME_AFTER_VMXOFF, 6, "VMRESUME after VMXOFF")                                   \
	X(ENTRY_INVALID_CONTROL, 7, "VM entry with invalid control field(s)")                  \
	X(ENTRY_INVALID_HOST_STATE, 8, "VM entry with invalid host-state field(s)")            \
	X(VMPTRLD_INVALID_ADDR, 9, "VMPTRLD with invalid physical address")                    \
	X(VMPTRLD_VMXON_PTR, 10, "VMPTRLD with VMXON pointer")                                 \
	X(VMPTRLD_BAD_REVISION, 11, "VMPTRLD with incorrect VMCS revision identifier")         \
	X(UNSUPPORTED_FIELD, 12, "VMREAD/VMWRITE from/to unsupported VMCS component")          \
	X(VMWRITE_READ_ONLY, 13, "VMWRITE to read-only VMCS component")                        \
	X(VMXON_IN_ROOT, 15, "VMXON executed in VMX root operation")                           \
	X(ENTRY_INVALID_EXEC_VMCS_PTR, 16, "VM entry with invalid executive-VMCS pointer")     \
	X(ENTRY_EXEC_VMCS_NOT_LAUNCHED, 17, "VM entry with non-launched executive VMCS")       \
	X(ENTRY_EXEC_VMCS_NOT_VMXON, 18, "VM entry with executive-VMCS pointer not VMXON pointer") \
	X(VMCALL_NOT_CLEAR, 19, "VMCALL with non-clear VMCS")                                  \
	X(VMCALL_INVALID_EXIT_CTLS, 20, "VMCALL with invalid VM-exit control fields")          \
	X(VMCALL_BAD_MSEG_REVISION, 22, "VMCALL with incorrect MSEG revision identifier")      \
	X(VMXOFF_DUAL_MONITOR, 23, "VMXOFF under dual-monitor treatment of SMIs and SMM")      \
	X(VMCALL_INVALID_SMM_FEATURES, 24, "VMCALL with invalid SMM-monitor features")         \
	X(ENTRY_INVALID_EXEC_CTLS_EXEC_VMCS, 25, "VM entry with invalid VM-execution control fields in executive VMCS") \
	X(ENTRY_MOV_SS_BLOCKING, 26, "VM entry with events blocked by MOV SS")                 \
	X(INVALID_INVEPT_INVVPID_OPERAND, 28, "Invalid operand to INVEPT/INVVPID")

#define VM_INSTRUCTION_ERROR_ENUM(name, nr, text) VMERR_##name = (nr),
enum vm_instruction_error { VM_INSTRUCTION_ERROR_TABLE(VM_INSTRUCTION_ERROR_ENUM) };
#undef VM_INSTRUCTION_ERROR_ENUM

#endif
