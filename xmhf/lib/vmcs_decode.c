#include "vmcs_decode.h"
#include "format.h"
#include "arch/vmcs_fields.h"
#include "arch/segment.h"
#include "arch/cr.h"
#include "arch/msr.h"

struct bit_name { u64 mask; const char *name; };
#define BIT_NAME(prefix, n) { prefix##n, #n }

/* Highest bit first, as the seed report prints them; masks from include/arch. */
static const struct bit_name cr0_bits[] = {
	BIT_NAME(CR0_, PG), BIT_NAME(CR0_, CD), BIT_NAME(CR0_, NW), BIT_NAME(CR0_, AM),
	BIT_NAME(CR0_, WP), BIT_NAME(CR0_, NE), BIT_NAME(CR0_, ET), BIT_NAME(CR0_, TS),
	BIT_NAME(CR0_, EM), BIT_NAME(CR0_, MP), BIT_NAME(CR0_, PE),
};
static const struct bit_name cr4_bits[] = {
	BIT_NAME(CR4_, PKS), BIT_NAME(CR4_, CET), BIT_NAME(CR4_, PKE), BIT_NAME(CR4_, SMAP),
	BIT_NAME(CR4_, SMEP), BIT_NAME(CR4_, OSXSAVE), BIT_NAME(CR4_, PCIDE),
	BIT_NAME(CR4_, FSGSBASE), BIT_NAME(CR4_, SMXE), BIT_NAME(CR4_, VMXE), BIT_NAME(CR4_, LA57),
	BIT_NAME(CR4_, UMIP), BIT_NAME(CR4_, OSXMMEXCPT), BIT_NAME(CR4_, OSFXSR),
	BIT_NAME(CR4_, PCE), BIT_NAME(CR4_, PGE), BIT_NAME(CR4_, MCE), BIT_NAME(CR4_, PAE),
	BIT_NAME(CR4_, PSE), BIT_NAME(CR4_, DE), BIT_NAME(CR4_, TSD), BIT_NAME(CR4_, PVI),
	BIT_NAME(CR4_, VME),
};
static const struct bit_name efer_bits[] = {
	BIT_NAME(EFER_, NXE), BIT_NAME(EFER_, LMA), BIT_NAME(EFER_, LME), BIT_NAME(EFER_, SCE),
};

static int decode_bits(u64 v, const struct bit_name *t, size_t n, char *buf, size_t size)
{
	int len = xsnprintf(buf, size, "[");

	for (size_t i = 0; i < n; i++)
		if (v & t[i].mask)
			len += xsnprintf(buf + len, size > (size_t)len ? size - len : 0, " %s",
					 t[i].name);
	len += xsnprintf(buf + len, size > (size_t)len ? size - len : 0, " ]");
	return len;
}

int decode_cr0(u64 v, char *buf, size_t size)
{
	return decode_bits(v, cr0_bits, ARRAY_SIZE(cr0_bits), buf, size);
}

int decode_cr4(u64 v, char *buf, size_t size)
{
	return decode_bits(v, cr4_bits, ARRAY_SIZE(cr4_bits), buf, size);
}

int decode_efer(u64 v, char *buf, size_t size)
{
	return decode_bits(v, efer_bits, ARRAY_SIZE(efer_bits), buf, size);
}

int decode_access_rights(u64 ar, char *buf, size_t size)
{
	if (ar & AR_UNUSABLE)
		return xsnprintf(buf, size, "[ unusable type=%u ]", (unsigned)(ar & AR_TYPE_MASK));
	return xsnprintf(buf, size, "[ type=%u %s dpl=%u%s%s%s%s%s ]", (unsigned)(ar & AR_TYPE_MASK),
			 (ar & AR_S) ? "S=code/data" : "S=system",
			 (unsigned)((ar & AR_DPL_MASK) >> AR_DPL_SHIFT), (ar & AR_P) ? " P" : " not-present",
			 (ar & AR_AVL) ? " AVL" : "", (ar & AR_L) ? " L" : "", (ar & AR_DB) ? " D/B" : "",
			 (ar & AR_G) ? " G" : "");
}

int vmcs_decode(u32 field, u64 value, char *buf, size_t size)
{
	switch (field) {
	case VMCS_GUEST_CR0:
	case VMCS_HOST_CR0:
	case VMCS_CR0_READ_SHADOW:
	case VMCS_CR0_GUEST_HOST_MASK:
		return decode_cr0(value, buf, size);
	case VMCS_GUEST_CR4:
	case VMCS_HOST_CR4:
	case VMCS_CR4_READ_SHADOW:
	case VMCS_CR4_GUEST_HOST_MASK:
		return decode_cr4(value, buf, size);
	case VMCS_GUEST_IA32_EFER:
	case VMCS_HOST_IA32_EFER:
		return decode_efer(value, buf, size);
	case VMCS_GUEST_ES_AR:
	case VMCS_GUEST_CS_AR:
	case VMCS_GUEST_SS_AR:
	case VMCS_GUEST_DS_AR:
	case VMCS_GUEST_FS_AR:
	case VMCS_GUEST_GS_AR:
	case VMCS_GUEST_LDTR_AR:
	case VMCS_GUEST_TR_AR:
		return decode_access_rights(value, buf, size);
	default:
		if (size)
			buf[0] = 0;
		return 0;
	}
}
