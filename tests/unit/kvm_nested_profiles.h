/*
 * VMX capability MSRs and CPUID words that an L1 guest sees under QEMU+KVM,
 * for two named CPU models.  This is an initializer fragment (one profile per
 * line: name, VMX MSR set, CPUID set); include it inside an array definition.
 * Values were derived by reading source, not captured from a running guest.
 *
 * Sources read:
 *  - QEMU target/i386/cpu.c: builtin_x86_defs[] entries "Westmere" and
 *    "Skylake-Server" (FEAT_VMX_* words), feature_word_info[] (names of the
 *    VMX bits), feature_dependencies[] (applied in x86_cpu_expand_features),
 *    x86_cpu_get_supported_feature_word() (host filter, migratable mask),
 *    x86_cpu_load_model() (sets CPUID.1:ECX.hypervisor), cpu_x86_cpuid()
 *    (leaves 1, 7, 0xA, 0xD, 0x80000001).
 *  - QEMU target/i386/kvm/kvm.c: kvm_arch_get_supported_msr_feature() (host
 *    "supported" = allowed-1 & ~allowed-0 of KVM's /dev/kvm value),
 *    make_vmx_msr_value() (default1 masks pin 0x16, proc 0x0401e172,
 *    exit 0x36dff, entry 0x11ff, proc2 0; low half = default1 & ~features,
 *    high half = features | default1), kvm_msr_entry_add_vmx() (BASIC
 *    revision/size/memtype, MISC timer rate and MSR-list size, EPT UC/WB
 *    taken from KVM; exit bit 9 allowed when CPUID has LM; CR0_FIXED0 =
 *    PE|NE|PG, CR4_FIXED0 = VMXE; VMCS_ENUM = 0x2e for both profiles),
 *    kvm_init_msrs().  target/i386/kvm/kvm-cpu.c: kvm_default_props[]
 *    (x2apic on, monitor off).
 *  - Linux arch/x86/kvm/vmx/nested.c: nested_vmx_setup_ctls_msrs() (what L0
 *    lets L1 use: NMI exiting, virtual NMIs, preemption timer, NMI-window,
 *    MSR bitmaps, free choice of CR3 exits and of save/load debug controls,
 *    PAT/EFER save/load, EPT, VPID with INVVPID individual/single/all/
 *    single-non-global, unrestricted guest, shadow VMCS, BASIC revision
 *    0x11e57ed0 with 4 KiB VMCS and WB).  arch/x86/kvm/vmx/vmx.c:
 *    nested_vmx_cr_fixed1_bits_update() (CR0_FIXED1 = 0xffffffff; CR4_FIXED1
 *    built from the guest's CPUID, plus PCE).
 *
 * Assumptions:
 *  - Unversioned model names resolve to v1 (current PC machine types).
 *    Profile 1 is "Westmere" (v1), profile 2 is "Skylake-Server" (v1; v1 has
 *    no XSAVES and no EPTP switching, so VMFUNC MSR = 0).
 *  - L0: a recent Intel Xeon (Ice Lake-SP or later) with a Linux >= 6.1 kernel,
 *    kvm_intel defaults (nested=1, ept, vpid, unrestricted_guest, flexpriority,
 *    APICv, EPT A/D all on).  From 6.1 KVM always offers load
 *    IA32_PERF_GLOBAL_CTRL on entry and exit to L1.
 *  - The host kernel hides TSX (Linux default tsx=off, or the part does not
 *    enumerate it), so QEMU drops HLE/RTM from Skylake-Server CPUID.7.0:EBX.
 *    On a host that exposes TSX that word is 0xd19f0fb9 instead.
 *  - -smp 1 (no HTT), in-kernel irqchip (x2apic and TSC-deadline kept),
 *    migratable=on, no -cpu overrides other than vmx=on.
 *  - pmu defaults to off for named models, so CPUID.0AH:EAX = 0.
 *  - CPUID values are the reset-time ones: OSXSAVE (1:ECX bit 27) and OSPKE
 *    (7.0:ECX bit 4) follow guest CR4 and read as 0 here.
 *  - Westmere has no RDTSCP in CPUID.80000001H:EDX, so QEMU also removes the
 *    RDTSCP secondary control; it has no XSAVE, so leaf 0xD is all zero.
 *  - CR4_FIXED1 is KVM's per-vCPU value: Westmere = bits 0-10 and VMXE;
 *    Skylake-Server also FSGSBASE, PCIDE, OSXSAVE, SMEP, SMAP, PKE.
 */
	{ "kvm_westmere", { .basic = 0x00d8100011e57ed0ULL, .pinbased = 0x0000007f00000016ULL, .procbased = 0xfff9fffe04006172ULL, .procbased2 = 0x000000f700000000ULL, .exit = 0x007fffff00036dfbULL, .entry = 0x0000f3ff000011fbULL, .misc = 0x0000000000000065ULL, .cr0_fixed0 = 0x80000021ULL, .cr0_fixed1 = 0xffffffffULL, .cr4_fixed0 = 0x2000ULL, .cr4_fixed1 = 0x27ffULL, .ept_vpid = 0x00000f0106134041ULL }, { .max = 0xb, .l1_ecx = 0x82b82223, .l1_edx = 0x078bfbff, .l7_ebx = 0x00000000, .l7_ecx = 0x00000000, .l7_edx = 0x00000000, .la_eax = 0x00000000, .d0_eax = 0x00000000, .d0_edx = 0x00000000, .d1_eax = 0x00000000, .e1_ecx = 0x00000001, .e1_edx = 0x20100800 }, { 0 }, true },
	{ "kvm_skylake_server", { .basic = 0x00d8100011e57ed0ULL, .pinbased = 0x000000ff00000016ULL, .procbased = 0xfff9fffe04006172ULL, .procbased2 = 0x00037bff00000000ULL, .exit = 0x007fffff00036dfbULL, .entry = 0x0000f3ff000011fbULL, .misc = 0x0000000020000065ULL, .cr0_fixed0 = 0x80000021ULL, .cr0_fixed1 = 0xffffffffULL, .cr4_fixed0 = 0x2000ULL, .cr4_fixed1 = 0x7727ffULL, .ept_vpid = 0x00000f0106334041ULL }, { .max = 0xd, .l1_ecx = 0xf7fa3223, .l1_edx = 0x078bfbff, .l7_ebx = 0xd19f07a9, .l7_ecx = 0x00000008, .l7_edx = 0x00000000, .la_eax = 0x00000000, .d0_eax = 0x000002e7, .d0_edx = 0x00000000, .d1_eax = 0x00000007, .e1_ecx = 0x00000121, .e1_edx = 0x2c100800 }, { 0 }, true },
