# GDB commands for xmhf-ng (docs/debugging.md). Load from the repository root:
#   gdb -x tools/gdb/xmhf.gdb     (tools/debug.sh does this and connects)
# The runtime is linked at KERNEL_VMA 0xffffffff80000000 and runs there before
# and after relocation, so the ELF's own addresses are right. Use hardware
# breakpoints (hbreak): relocation copies the image and drops int3 bytes.
set pagination off
set confirm off
set print pretty on
set disassembly-flavor intel
symbol-file build/xmhf-ng.elf

define hv-cpus
	printf "cpu_count = %u\n", cpu_count
	set $i = 0
	while $i < cpu_count
		printf "CPU %u: apic_id=%u online=%u vmx_ready=%u launched=%d requests=0x%x\n", cpus[$i].index, cpus[$i].apic_id, cpus[$i].online, cpus[$i].vmx_ready, cpus[$i].launched, cpus[$i].requests
		set $i = $i + 1
	end
end
document hv-cpus
Per-CPU state: index, local APIC ID, online, vmx_ready, launched, pending vCPU requests.
end

define hv-vmcs
	echo The VMCS lives in the CPU (VMREAD works only in VMX root, not from GDB).\n
	echo Boot with a fatal path or read the serial `vmcs:` dump for its fields;\n
	echo here is what the hypervisor keeps in memory:\n
	printf "vmx_ctls: pin=0x%08x proc=0x%08x proc2=0x%08x exit=0x%08x entry=0x%08x\n", vmx_ctls.pin, vmx_ctls.proc, vmx_ctls.proc2, vmx_ctls.exit, vmx_ctls.entry
	print vmx_caps
	set $i = 0
	while $i < cpu_count
		printf "CPU %u: VMCS region at %p, launched=%d requests=0x%x\n", $i, &cpus[$i].vmcs, cpus[$i].launched, cpus[$i].requests
		set $i = $i + 1
	end
end
document hv-vmcs
What software knows of the VMCS: computed controls, capability MSRs, per-CPU flags.
end

define hv-exits
	set $i = 0
	while $i < cpu_count
		set $r = 0
		while $r < sizeof(cpus[0].exits) / sizeof(cpus[0].exits[0])
			if cpus[$i].exits[$r] != 0
				printf "CPU %u reason %2u ", $i, $r
				output (enum vmx_exit_reason)$r
				printf " %llu\n", cpus[$i].exits[$r]
			end
			set $r = $r + 1
		end
		set $i = $i + 1
	end
end
document hv-exits
VM exits counted per CPU and basic exit reason (non-zero counters only); names
come from the DWARF of enum vmx_exit_reason (include/arch/vmx_exit_reasons.h).
end
