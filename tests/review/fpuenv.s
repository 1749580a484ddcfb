# fpuenv.s: dump() stores the x87 environment as the sandbox finds it
# (fnstenv: control, status and tag words, the last x87 instruction's
# address and opcode, its data operand's address), then %mm0-%mm7 (fnsave
# would show the same registers). fpuenv_host.c runs x87 code on a host
# secret at a host address first: none of it may show. dirty() leaves the
# x87 unit as messy as it can (a full stack, an unmasked pending exception,
# MMX state) for the host to find clean after the call.
        .text
        .p2align 4, 0xcc
        .globl dump
        .type dump,@function
dump:
        leaq buf(%rip), %rax
        fnstenv %gs:(%eax)
        .irp r, 0,1,2,3,4,5,6,7
        movq %mm\r, %gs:32+8*\r(%eax)
        .endr
        emms
        ret
        .p2align 4, 0xcc
        .globl dirty
        .type dirty,@function
dirty:
        leaq buf(%rip), %rax
        fldpi
        fldpi
        fldpi
        fldz
        fld1
        fldl2e
        fldl2t
        fldlg2
        movw $0x360, %gs:96(%eax)       # all exceptions unmasked but PE
        fldcw %gs:96(%eax)
        movq %mm3, %gs:104(%eax)
        ret
        .bss
        .p2align 6
buf:    .zero 128
        .include "marker.inc"
        .section .note.GNU-stack,"",@progbits
