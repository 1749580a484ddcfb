/* verify.h: the binary verifier, the root of trust of libsfi version 2: it
 * decides, instruction by instruction, whether a module's machine code has
 * the code shape of DESIGN.md ("The code shape") and sfi_abi.h.
 *
 * Every input field is untrusted (it comes from the module file): the
 * verifier validates ranges, ordering and overflow itself and refuses a
 * malformed input with rule "input". It allocates O(largest function)
 * (4 bytes per byte of it, 60 per instruction) plus, on the first
 * instruction its fast path does not take, a decoding cache of one 64-byte
 * entry per 128 bytes of code, 256 to 2^18 entries (16 MiB), and never
 * writes to the input.
 *
 * Decoding: a fast path (verify_fast.h) decodes the common instruction
 * forms itself and derives the same facts the rules below take from
 * Zydis; everything else (and every refusal) goes through Zydis, behind a
 * cache keyed by the instruction's bytes. SFI_VERIFY_CROSSCHECK and
 * tests/verify/test_fast.c check the fast path against Zydis.
 *
 * The rules as implemented (rule names as they appear in errors):
 *  decode     every byte of every code range decodes (Zydis, 64-bit), no
 *             instruction crosses a range end or a unit start (below).
 *  forbidden  whitelist by Zydis category and mnemonic; syscall, int n,
 *             far transfers, segment writes, fs/gs base access, string
 *             instructions, xlat, enter/leave, popf, maskmov*, TSX,
 *             xsave*, fxsave, pkru, waitpkg, movdir*, enqcmd, MPX/bnd,
 *             AMX, privileged and I/O instructions, gathers/scatters (any
 *             VSIB operand), any hidden memory operand other than the
 *             stack slot of push/pop/call/ret, the 0x66 prefix on
 *             branches, two different segment prefixes on one instruction,
 *             an %fs prefix (except on lea/nop) and an ignored REX prefix
 *             are refused.
 *  memory     each explicit memory operand (lea, nop, ud0/ud1 excepted) is
 *             %gs: with 32-bit address size and no eip base; or disp(%rsp)
 *             with 64-bit address size, no index, a flat segment (none,
 *             ds, ss, es or cs: all have base 0 in 64-bit mode) and
 *             0 <= disp, disp + size <= the static %rsp offset; or
 *             disp(%rip), no index, flat segment, inside [0, image_size).
 *             Stores-only modules: operands that are only read may have any
 *             form except an %fs: segment. `pop mem` with an %rsp base is
 *             refused (its address uses the incremented %rsp).
 *  stack      per unit (below), the static %rsp offset (0 = %rsp points at
 *             the return address) propagates along fallthrough and direct
 *             jumps: push/pop +-operand size, sub/add $imm,%rsp,
 *             lea imm(%rsp),%rsp; it stays in [0, SFI_NATIVE_FRAME_MAX];
 *             an instruction reached with two offsets, any other %rsp
 *             write, ret (only plain c3) at a nonzero offset, an indirect
 *             jmp (tail call) at a nonzero offset, a fallthrough out of the
 *             unit at a nonzero offset or out of a code range at all, and
 *             an %rsp memory operand in an instruction not reachable from
 *             its unit start are refused. ud0/ud1/ud2/int3 end a path (the
 *             runtime never resumes a trapped sandbox).
 *  branch     call rel32 targets a function start or a jump-table entry;
 *             jmp/jcc/loop/jrcxz target an instruction of the same unit
 *             that is not the 2nd..5th of a confinement sequence, or (at
 *             offset 0) a function start or jump-table entry.
 *  indirect   call/jmp *%R only right after `lea jt(%rip),%S; sub %S,%R;
 *             and $jt_size-16,%eR; add %S,%R` (R, S 64-bit GPRs, R != S,
 *             neither rsp), all in one unit; call/jmp *disp(%rip) only on
 *             an import slot; nothing else.
 *  jump-table [jt_start, +jt_size) lies in one code range, 16-aligned,
 *             size a power of two in [16, 2^31]; each 16-byte entry is
 *             `jmp rel32` to a function start outside the table, or
 *             `jmp *slot(%rip)` on an import slot (the crt's callback
 *             entries), or `ud2`, each padded with int3, or 16 int3.
 *
 * Units: the code ranges cut at every function start, at the jump table's
 * bounds and at range starts. A unit starts at offset 0 (a function start
 * is entered by call, tail jump or the table; other unit starts only by
 * fallthrough at offset 0). Function starts inside the table are not units
 * but may be branch targets if they are entry starts. */
#ifndef SFI_VERIFY_H
#define SFI_VERIFY_H

#include <stddef.h>
#include <stdint.h>

struct sfi_verify_range {
  uint64_t start, end; /* [start, end) as link-time vaddrs */
};

struct sfi_verify_input {
  /* The module image indexed by link-time vaddr: image[v] is the byte at
   * vaddr v, for v < image_size (bss and gaps zero). */
  const uint8_t *image;
  uint64_t image_size;
  /* Executable ranges: sorted, disjoint, inside the image. */
  const struct sfi_verify_range *code;
  size_t ncode;
  /* Function starts (STT_FUNC symbols): sorted, strictly increasing, each
   * inside a code range. func_names (may be NULL) is parallel to it and
   * only used to name the function in errors. */
  const uint64_t *func_starts;
  const char *const *func_names;
  size_t nfuncs;
  /* The sfi_jt table; jt_size 0 means no table (then no confined indirect
   * transfer is accepted). */
  uint64_t jt_start, jt_size;
  /* 8-byte slots (sorted, strictly increasing, inside the image) that the
   * runtime fills with trusted targets and keeps read-only for the
   * sandbox: GOT slots of imports, the crt's callback slots. */
  const uint64_t *import_slots;
  size_t nimport_slots;
  int stores_only; /* module built in stores-only mode */
  int flags;       /* SFI_VERIFY_* below; 0 normally */
  /* Output, if not NULL: which state beyond the general, SSE/AVX (ymm0-15)
   * and flag registers the accepted code can read or write, SFI_USES_*
   * below (both when refused). The transitions clear a register file only
   * for modules that can observe it (runtime/enter.S, runtime/thunk.c). */
  unsigned *uses;
};

#define SFI_USES_X87 1    /* x87 or MMX registers, x87 control or status */
#define SFI_USES_AVX512 2 /* EVEX, zmm, xmm/ymm16-31 or k0-k7 */

/* Testing only: decode every instruction with Zydis, without the fast
 * path and the cache of per-instruction facts (the mutation test compares
 * both verdicts). */
#define SFI_VERIFY_NO_CACHE 1
/* Testing only: decode every instruction the fast path (verify_fast.h)
 * accepts with Zydis too; any difference in what the rules see refuses the
 * module with rule "internal". */
#define SFI_VERIFY_CROSSCHECK 2
/* Testing and benchmarks: the cache and Zydis without the fast path. */
#define SFI_VERIFY_NO_FAST 4

/* Testing only (tests/verify/test_fast.c): the fast path on the 16 bytes
 * at bytes, checked against Zydis. 1 if it accepted the instruction and
 * agrees, 0 if it declined, -1 (why filled) if it accepted an instruction
 * Zydis refuses or sees differently. */
int sfi__verify_crosscheck_insn(const uint8_t *bytes, int stores_only,
                                char *why, size_t cap);

struct sfi_verify_error {
  const char *rule;   /* "decode", "forbidden", "memory", "stack", ... */
  char msg[160];      /* what exactly is wrong */
  uint64_t vaddr;     /* the offending instruction (or input item) */
  char insn[96];      /* its text, AT&T syntax ("" when none) */
  uint64_t func;      /* start of the enclosing function, or ~0 if none */
  char func_name[64]; /* its name when func_names was given, else "" */
};

/* Returns 0 when the code is accepted, -1 otherwise with *err filled in
 * (err may be NULL). Thread-safe; no global state. */
int sfi_verify(const struct sfi_verify_input *in, struct sfi_verify_error *err);

/* One line "rule at 0x...: msg: `insn` in func" into buf. */
void sfi_verify_format(const struct sfi_verify_error *err, char *buf,
                       size_t cap);

/* ---- Reading the inputs from a module file (verify_elf.c) ----
 * A hostile-input-safe reader of an ELF64 x86-64 shared object: PT_LOAD
 * segments become the image, executable segments the code ranges, STT_FUNC
 * symbols of .symtab (else .dynsym) the function starts, section sfi_jt
 * (else __start_sfi_jt/__stop_sfi_jt) the table, R_X86_64_GLOB_DAT and
 * R_X86_64_JUMP_SLOT relocations against undefined symbols plus the
 * __sfi_cb_slots array the import slots, the libsfi note the mode. */
struct sfi_verify_elf {
  struct sfi_verify_input in; /* points into the buffers below */
  uint8_t *image;
  struct sfi_verify_range *code;
  uint64_t *funcs;
  const char **names;
  char *strs;
  uint64_t *slots;
};

/* A program sfi-cc linked (SFI_PROG_MAGIC, sfi_abi.h) carries its module
 * before a trailer at the end of the file. Returns the module's offset and
 * sets *mod_size: 0 and size for a file without the trailer (a plain
 * module), -1 for a trailer whose offset and size do not describe the bytes
 * right before it. sfi_verify_program_trailer checks the trailer's
 * SFI_PROG_TRAILER_SIZE bytes alone (after its magic has matched), for a
 * reader that has not read the whole file of the given size. */
long sfi_verify_program(const uint8_t *file, size_t size, size_t *mod_size);
long sfi_verify_program_trailer(const uint8_t *trailer, size_t size,
                                size_t *mod_size);

/* Returns 0 and fills *out, or -1 with a reason in why[cap]. */
int sfi_verify_elf_read(const uint8_t *file, size_t size,
                        struct sfi_verify_elf *out, char *why, size_t cap);
void sfi_verify_elf_free(struct sfi_verify_elf *v);

#endif
