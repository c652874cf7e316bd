#include "vmcs_decode.h"
#include "format.h"
#include "arch/vmcs_fields.h"
#include "arch/segment.h"

struct bit_name { u8 bit; const char *name; };

/* SDM Vol. 3A 2.5 (CR0, CR4) and Vol. 4 Table 2-2 (IA32_EFER). */
static const struct bit_name cr0_bits[] = {
	{ 31, "PG" }, { 30, "CD" }, { 29, "NW" }, { 18, "AM" }, { 16, "WP" }, { 5, "NE" },
	{ 4, "ET" }, { 3, "TS" }, { 2, "EM" }, { 1, "MP" }, { 0, "PE" },
};
static const struct bit_name cr4_bits[] = {
	{ 24, "PKS" }, { 23, "CET" }, { 22, "PKE" }, { 21, "SMAP" }, { 20, "SMEP" },
	{ 18, "OSXSAVE" }, { 17, "PCIDE" }, { 16, "FSGSBASE" }, { 14, "SMXE" }, { 13, "VMXE" },
	{ 12, "LA57" }, { 11, "UMIP" }, { 10, "OSXMMEXCPT" }, { 9, "OSFXSR" }, { 8, "PCE" },
	{ 7, "PGE" }, { 6, "MCE" }, { 5, "PAE" }, { 4, "PSE" }, { 3, "DE" }, { 2, "TSD" },
	{ 1, "PVI" }, { 0, "VME" },
};
static const struct bit_name efer_bits[] = {
	{ 11, "NXE" }, { 10, "LMA" }, { 8, "LME" }, { 0, "SCE" },
};

static int decode_bits(u64 v, const struct bit_name *t, size_t n, char *buf, size_t size)
{
	int len = xsnprintf(buf, size, "[");

	for (size_t i = 0; i < n; i++)
		if (v & BIT(t[i].bit))
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
