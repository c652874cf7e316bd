/* Exception vectors (SDM Vol. 3A 6.3.1, Table 6-1). */
#ifndef ARCH_EXCEPTIONS_H
#define ARCH_EXCEPTIONS_H
#include "types.h"

#define VEC_DE 0
#define VEC_DB 1
#define VEC_NMI 2
#define VEC_BP 3
#define VEC_OF 4
#define VEC_UD 6
#define VEC_NM 7
#define VEC_DF 8
#define VEC_TS 10
#define VEC_NP 11
#define VEC_SS 12
#define VEC_GP 13
#define VEC_PF 14
#define VEC_AC 17
#define VEC_MC 18
#define VEC_CP 21

/* Vectors that push an error code in protected mode (Table 6-1). */
static inline bool exception_has_error_code(unsigned vector)
{
	return vector == VEC_DF || (vector >= VEC_TS && vector <= VEC_PF) ||
	       vector == VEC_AC || vector == VEC_CP;
}

#endif
