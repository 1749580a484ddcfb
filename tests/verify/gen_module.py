#!/usr/bin/env python3
"""gen_module.py: writes and links a synthetic module in the version-2 code
shape (sfi_abi.h) that the verifier must accept: N functions mixing %gs:
operands, native frames, direct and confined calls, import calls, branches
and SSE/AVX code, a power-of-two jump table and a stores-only-free note.
Used by the mutation test (mutate.py) and the speed benchmark
(benchmarks/verify/run.sh).
With --crt the libsfi crt is linked first (the module then also loads with
sfi_module_load); --inject adds one instruction (a must-fail variant).
Usage: gen_module.py --out m.so --funcs N --clang CLANG --lld LLD
                     [--crt sfi_crt.o] [--inject INSN]"""
import argparse
import os
import random
import subprocess
import tempfile

BODY = """
        .p2align 4, 0xcc
        .globl f{i}
        .type f{i},@function
f{i}:
        pushq %rbx
        pushq %r12
        subq $40, %rsp
        movl %gs:{g1}(%edi,%esi,4), %eax
        addl %eax, %gs:{g2}(%edx)
        movq %rax, 8(%rsp)
        movq %rdi, 32(%rsp)
        movq {s1}(%rsp), %rcx
        addl ${i1}, %e{r1}
        xorl %e{r2}, %e{r1}
        vmovdqu %gs:(%edi), %xmm0
        vpaddd %xmm0, %xmm1, %xmm1
        vmovdqu %xmm1, 16(%rsp)
        leal 8(%rdi,%rsi,2), %ebx
        testl %eax, %eax
        je .Lb{i}
        movl %ebx, %edi
        call f{callee}
        leaq __start_sfi_jt(%rip), %r11
        subq %r11, %rax
        andl ${mask}, %eax
        addq %r11, %rax
        call *%rax
.Lb{i}:
        movq data(%rip), %rdx
        cmpq %rdx, %rcx
        cmovlq %rcx, %rdx
        movq %rdx, %gs:8(%ebx)
        lock xaddl %eax, %gs:4(%ecx,%eax,8)
        imulq ${i2}, %rdx, %rdx
        shrq ${i3}, %rdx
        call *imp@GOTPCREL(%rip)
        movl 32(%rsp), %edi
        addq $40, %rsp
        popq %r12
        popq %rbx
        testl %edi, %edi
        jne .Lt{i}
        ret
.Lt{i}:
        leaq __start_sfi_jt(%rip), %rcx
        subq %rcx, %rdi
        andl ${mask}, %edi
        addq %rcx, %rdi
        jmp *%rdi
"""

NOTE = """
        .section .note.sfi,"a",@note
        .p2align 2
        .long 8, 16, 0x53464931
        .asciz "libsfi"
        .byte 0
        .long 1, 1, 1, 1
"""


CRT_TABLE = 16 * 65  # the crt's trap entry and 64 callback entries


def varied(i, vary):
    """Operands of function i: fixed, or (vary) drawn at random so that the
    share of distinct instructions is like compiled code's."""
    if not vary:
        return dict(g1=16, g2=0, s1=8, i1=1, i2=7, i3=3, r1="ax", r2="cx")
    r = random.Random(i)
    regs = ["ax", "cx", "dx", "si", "di", "bx"]
    return dict(g1=r.randrange(4096), g2=r.randrange(256), s1=8 * r.randrange(5),
                i1=r.randrange(1, 1000), i2=r.randrange(2, 100),
                i3=r.randrange(1, 63), r1=r.choice(regs), r2=r.choice(regs))


def source(n, crt=False, inject="", vary=False):
    entries = min(n, 1 << 12)
    size = 16
    while size < 16 * (entries + 1) + (CRT_TABLE if crt else 0):
        size *= 2
    mask = size - 16
    out = ["        .text"]
    for i in range(n):
        out.append(BODY.format(i=i, callee=(i * 7 + 3) % n, mask=mask,
                               **varied(i, vary)))
        if inject and i == n // 2:
            out.append("        " + inject)
    out.append("        .p2align 4, 0xcc")
    out.append('        .section sfi_jt,"ax",@progbits\n        .p2align 4')
    if crt:
        # the crt's entries come first; fill the table to its power-of-two
        # size with real entries (the version-1 loader refuses int3 ones)
        for i in range((size - CRT_TABLE) // 16):
            out.append("        jmp f%d\n        .p2align 4, 0xcc" % (i % n))
    else:
        out.append(".Ljt0:\n        ud2\n        .fill 14, 1, 0xcc")
        for i in range(entries):
            out.append("        jmp f%d\n        .p2align 4, 0xcc" % i)
        out.append("        .skip %d - (. - .Ljt0), 0xcc" % size)
    out.append('        .data\n        .p2align 3\ndata:   .quad 0')
    out.append(NOTE)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--funcs", type=int, default=200)
    ap.add_argument("--clang", default="clang-22")
    ap.add_argument("--lld", default="/usr/lib/llvm-22/bin/ld.lld")
    ap.add_argument("--crt", help="link this crt object first (sfi_crt.o)")
    ap.add_argument("--vary", action="store_true",
                    help="random displacements, immediates and registers")
    ap.add_argument("--inject", default="",
                    help="an instruction put after the middle function")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asm, obj = os.path.join(tmp, "m.s"), os.path.join(tmp, "m.o")
        with open(asm, "w") as f:
            f.write(source(a.funcs, bool(a.crt), a.inject, a.vary))
        subprocess.run([a.clang, "-c", asm, "-o", obj], check=True)
        subprocess.run([a.lld, "-shared", "-z", "now", "-z", "relro",
                        "-Bsymbolic", "--hash-style=both", "-z", "noexecstack",
                        *([a.crt] if a.crt else []), obj, "-o", a.out],
                       check=True)


if __name__ == "__main__":
    main()
