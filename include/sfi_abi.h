/* sfi_abi.h: the contract shared by the pass, the runtime, the libc and the
 * tools. One header so that guard sizes, symbol names and the module marker
 * can never disagree between the pieces. C and C++ both include it. */
#ifndef SFI_ABI_H
#define SFI_ABI_H

/* ---- The region --------------------------------------------------------
 * Every sandbox instance owns one region of SFI_REGION_SIZE bytes, aligned
 * to SFI_REGION_SIZE. Sandboxed code reaches memory only as
 *     region_base + (uint32_t)pointer + folded_constant
 * with folded_constant < SFI_FOLD_MAX, so an access can reach at most
 * SFI_FOLD_MAX + SFI_MAX_ACCESS bytes past the region's end. The first
 * SFI_GUARD_SIZE bytes of every region hold no sandbox data: they make
 * NULL and small offsets from it trap, and they catch every access that
 * spills over from the region below. At least the first SFI_FOLD_MAX +
 * SFI_MAX_ACCESS of them are never mapped; the runtime may put the
 * read+exec import stubs in the guard's top pages, right below the image
 * (runtime/instance.c, compact layout). The pool reserves SFI_GUARD_SIZE
 * unmapped bytes after its last region for the same reason. */
#define SFI_REGION_SHIFT 32
#define SFI_REGION_SIZE (1ULL << SFI_REGION_SHIFT)
#define SFI_OFFSET_MASK (SFI_REGION_SIZE - 1)
#define SFI_GUARD_SIZE (1ULL << 20)  /* 1 MiB at every region base */
#define SFI_FOLD_MAX (1ULL << 19)    /* largest constant folded after a mask */
#define SFI_MAX_ACCESS 256           /* widest single access (vector) */

/* The module image (the ELF's PT_LOAD segments) starts here and spans at
 * most SFI_IMAGE_MAX bytes (the loader refuses larger images). The pass
 * relies on that bound: an access less than SFI_IMAGE_MAX past a global
 * defined in the module stays inside the region without a mask. */
#define SFI_IMAGE_OFFSET SFI_GUARD_SIZE
#define SFI_IMAGE_MAX (1ULL << 30)

/* The shadow stack follows the image (and its import stubs unless they
 * are below the image) and grows down; the pass checks every new frame against __sfi_ssp_limit, its
 * bottom, so no unmapped gap is needed. The heap follows it. */
#define SFI_SHADOW_STACK_DEFAULT (8ULL << 20)
#define SFI_SHADOW_TOP_PAD 4096 /* keep the initial sp off the stack's end */

/* ---- The jump table ----------------------------------------------------
 * Every address-taken function gets one entry of SFI_JT_ENTRY_SIZE bytes,
 * aligned to that size, in section SFI_JT_SECTION: a direct jmp followed by
 * int3 padding. The crt's trap entry comes first, so a masked target that
 * falls outside the table lands on offset 0, which traps. */
#define SFI_JT_ENTRY_SHIFT 4
#define SFI_JT_ENTRY_SIZE (1u << SFI_JT_ENTRY_SHIFT)
#define SFI_JT_SECTION "sfi_jt"
#define SFI_JT_PREFIX "__sfi_jt."

/* ---- Version 2 code shape (DESIGN.md "The code shape") -----------------
 * Made by the machine pass (pass/MachineSandbox.cpp), checked by the binary
 * verifier (runtime/verify/) on every module the loader maps.
 *
 * Memory operands: %gs:disp(%eB,%eI,s) (address-size prefix 0x67, 32-bit
 * base/index), or disp(%rsp) inside the function's own native frame, or
 * disp(%rip) inside the image.
 *
 * Native frames: the static %rsp offset of every function stays within
 * [0, SFI_NATIVE_FRAME_MAX]; the runtime keeps a PROT_NONE guard of at least
 * SFI_NATIVE_FRAME_MAX + 4096 bytes below every sandbox native stack, so a
 * frame can never step over it (no stack probes needed).
 *
 * Indirect calls and jumps, always exactly (S a scratch register != R):
 *     lea  __start_sfi_jt(%rip), %S
 *     sub  %S, %R
 *     and  $__sfi_jt_mask, %eR      ; imm32 = table size - 16
 *     add  %S, %R
 *     call *%R   (or jmp *%R)
 * The linker script (runtime/crt/sfi.ld) pads sfi_jt with int3 to a power
 * of two and defines __sfi_jt_mask = size - 16. */
#define SFI_NATIVE_FRAME_MAX (64u << 10)

/* Jumps inside a function (switch tables, computed goto), always exactly
 * (I, S, R 64-bit registers, I != S, none %rsp; N a power of two):
 *     and  $N-1, %eI                ; zero-extends: %rI < N
 *     lea  slots(%rip), %S
 *     lea  (%S,%rI,SFI_BRANCH_SLOT_SIZE), %R
 *     jmp  *%R
 * The N slots at slots + k * SFI_BRANCH_SLOT_SIZE are instructions of the
 * same function (a jmp to the case, or a trap), entered with the jump's
 * %rsp offset. N is at most SFI_BRANCH_SLOTS_MAX.
 * Or the loading form (R != S, I != S), one jump instead of two:
 *     and    $N-1, %eI
 *     lea    slots+5(%rip), %S
 *     lea    (%S,%rI,SFI_BRANCH_SLOT_SIZE), %S   ; the end of slot I
 *     movslq -4(%S), %R                          ; its jmp's rel32
 *     add    %S, %R                              ; its jmp's target
 *     jmp    *%R
 * where every slot is a 5-byte `jmp rel32` (e9) to an instruction of the
 * same function: the jump goes where jumping into slot I would. */
#define SFI_BRANCH_SLOT_SIZE 8u
/* A program sfi-cc links runs directly: the file is a copy of sfi-run (a
 * native ELF executable, so the kernel and ELF tools such as readelf see an
 * ordinary program), zero padding to a multiple of SFI_PROG_ALIGN, the
 * module, and a trailer of SFI_PROG_TRAILER_SIZE bytes: SFI_PROG_MAGIC
 * (8 bytes), then the module's offset and size in the file (little-endian
 * 64-bit each). The module ends where the trailer begins
 * (sfi_verify_program; runtime/loader.c, sfi-verify and sfi-run read it). */
#define SFI_PROG_MAGIC "SFIPROG1"
#define SFI_PROG_TRAILER_SIZE 24u
#define SFI_PROG_ALIGN 16u
#define SFI_BRANCH_SLOTS_MAX (1u << 16)
#define SFI_SYM_JT_START "__start_sfi_jt"
#define SFI_SYM_JT_MASK "__sfi_jt_mask"

/* ---- Traps the pass emits ----------------------------------------------
 * Checks that fail execute `ud1 SFI_TRAPCODE(%eax), %eax` (llvm.ubsantrap),
 * so the runtime can name the reason from the instruction bytes
 * 67 0f b9 40 <code>. */
#define SFI_TRAPCODE_BOUNDS 0x51 /* memcpy/memset range leaves the region */
#define SFI_TRAPCODE_STACK 0x52  /* shadow stack exhausted */
#define SFI_TRAPCODE_CALL 0x53   /* indirect call outside the jump table */

/* ---- Module-level symbols ----------------------------------------------
 * Defined by the crt or by the pass in every module; the runtime finds the
 * exported ones in .dynsym. */
#define SFI_SYM_SSP "__sfi_ssp"             /* ptr: shadow stack pointer */
#define SFI_SYM_SSP_LIMIT "__sfi_ssp_limit" /* ptr: lowest valid ssp */
#define SFI_SYM_JT_BOUNDS "__sfi_jt_bounds" /* {start, stop} of the table */
#define SFI_SYM_INIT "__sfi_init"           /* void(void): run constructors */
#define SFI_SYM_START "__sfi_start"         /* int(void): libc start, main */

/* ---- The marker ----------------------------------------------------------
 * Every object the pass produced carries a note in section SFI_NOTE_SECTION:
 * namesz=8 "libsfi\0\0", descsz=16, type=SFI_NOTE_TYPE,
 * desc = { u32 version, u32 mode, u32 scheme, u32 abi }. */
#define SFI_NOTE_SECTION ".note.sfi"
#define SFI_NOTE_NAME "libsfi"
#define SFI_NOTE_TYPE 0x53464931u /* "SFI1" */
#define SFI_PASS_VERSION 1u
#define SFI_ABI_VERSION 1u
#define SFI_MODE_FULL 1u
#define SFI_MODE_STORES 2u
#define SFI_SCHEME_GS 1u     /* %gs base + zero-extended 32-bit offset */
#define SFI_SCHEME_ANCHOR 2u /* base from a rip-relative anchor */

/* ---- The system interface ----------------------------------------------
 * The only way out of the sandbox: imports named SFI_SYS_PREFIX + call,
 * always bound by the runtime. Every call returns a negative errno on
 * failure unless said otherwise. Pointers are sandbox addresses; the runtime
 * checks every pointer and length. */
#define SFI_SYS_PREFIX "__sfi_sys_"

#endif
