#include "vmx_ctls.h"

int vmx_ctl_compute(u64 cap, u32 required, u32 optional, u32 *out, u32 *missing)
{
	u32 must_be_one = (u32)cap, may_be_one = (u32)(cap >> 32);

	*missing = required & ~may_be_one;
	if (*missing)
		return -1;
	*out = must_be_one | required | (optional & may_be_one);
	return 0;
}
