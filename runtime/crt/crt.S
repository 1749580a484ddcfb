/* crt.S: the module-side start object, linked first into every module by
 * sfi-cc. Trusted code, assembled without the pass. It provides the jump
 * table's first (trap) entry and the callback entries, the table bounds,
 * the callback slots (read-only for the sandbox: RELRO), __sfi_ssp, and a
 * libsfi marker note. */
#include "sfi_abi.h"

#define CALLBACK_SLOTS 64

        .section sfi_jt,"axR",@progbits
        .p2align SFI_JT_ENTRY_SHIFT
        /* Entry 0: a masked indirect call that falls outside the table
         * lands here (offset 0) and traps. */
__sfi_jt_trap:
        ud2
        .fill SFI_JT_ENTRY_SIZE - 2, 1, 0xcc
        /* Entries 1..64: callbacks, each jumping through its slot. */
        .set .Lslot, 0
        .rept CALLBACK_SLOTS
        jmp     *(.Lcb_slots + 8 * .Lslot)(%rip)
        .p2align SFI_JT_ENTRY_SHIFT, 0xcc
        .set .Lslot, .Lslot + 1
        .endr

        .text
        .p2align 4
        /* Where an unused callback slot points: trap. */
.Lcb_unset:
        ud2
        int3

        .section .data.rel.ro,"aw",@progbits
        .p2align 3
        .globl  __sfi_cb_slots
        .type   __sfi_cb_slots,@object
        .size   __sfi_cb_slots, 8 * CALLBACK_SLOTS
__sfi_cb_slots:
.Lcb_slots:
        .rept CALLBACK_SLOTS
        .quad   .Lcb_unset
        .endr

        .globl  __sfi_jt_bounds
        .type   __sfi_jt_bounds,@object
        .size   __sfi_jt_bounds, 16
        .hidden __start_sfi_jt
        .hidden __stop_sfi_jt
__sfi_jt_bounds:
        .quad   __start_sfi_jt
        .quad   __stop_sfi_jt

        .data
        .p2align 3
        .globl  __sfi_ssp
        .type   __sfi_ssp,@object
        .size   __sfi_ssp, 8
__sfi_ssp:
        .quad   0
        /* The lowest value __sfi_ssp may take (the shadow stack's bottom);
         * the pass checks every new frame against it. The runtime writes it
         * right after __sfi_ssp. */
        .globl  __sfi_ssp_limit
        .type   __sfi_ssp_limit,@object
        .size   __sfi_ssp_limit, 8
__sfi_ssp_limit:
        .quad   0

        /* The marker; mode and scheme 0 mean "any": the crt is linked into
         * modules of every mode, and the pass's notes state the real one. */
        .section .note.sfi,"a",@note
        .p2align 2
        .long   8
        .long   16
        .long   SFI_NOTE_TYPE
        .asciz  "libsfi"
        .byte   0
        .long   SFI_PASS_VERSION, 0, 0, SFI_ABI_VERSION

        .section .note.GNU-stack,"",@progbits
