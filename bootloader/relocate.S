/* relocate_image(dst_phys, src_phys, len, new_cr3): copy the running image and
 * switch to page tables that map KERNEL_VMA at dst. The copy includes this
 * stack (with our return address); nothing is pushed between copy and switch. */
	.text
	.globl relocate_image
relocate_image:
	mov %rcx, %r8
	mov %rdx, %rcx
	shr $3, %rcx
	cld
	rep movsq
	mov %r8, %cr3
	ret
