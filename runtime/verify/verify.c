/* verify.c: the binary verifier (see verify.h for the rules as implemented).
 * One linear sweep per unit with Zydis, then a worklist over the unit's
 * instructions for the static %rsp offset; no other data flow. */
#include "verify.h"

#include <Zydis/Zydis.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sfi_abi.h"

/* What an instruction does to control flow. */
enum {
  K_SEQ,   /* falls through */
  K_JMP,   /* direct jmp */
  K_JCC,   /* direct conditional branch (jcc, loop, jrcxz) */
  K_CALL,  /* direct call */
  K_CALLI, /* confined or import call */
  K_JMPI,  /* confined or import jmp: a tail call */
  K_JMPT,  /* masked jump into the function's branch slots */
  K_RET,
  K_TRAP /* ud0/ud1/ud2/int3: the path ends */
};

/* F_SLOTLOAD: a K_JMPT of the loading form (below); F_CLAIMED: a P_SLD
 * that is part of one; F_SLOTSE9: on a table's first slot, every slot
 * checked to be a 5-byte jmp rel32 into the function. */
enum {
  F_NOTARGET = 1,
  F_RSPMEM = 2,
  F_SLOTLOAD = 4,
  F_CLAIMED = 8,
  F_SLOTSE9 = 16,
  F_X87 = 32,   /* reads or writes x87/MMX state (SFI_USES_X87) */
  F_AVX512 = 64 /* EVEX, zmm, xmm/ymm16-31 or k0-k7 (SFI_USES_AVX512) */
};

/* The parts of the confinement sequence and of the branch-slot jump,
 * recognized on every instruction: P_LEA is lea jt(%rip) (P_RLEA any other
 * lea disp(%rip)), P_AND any and $imm,%r32, P_SLEA lea (%S,%I,8),%R,
 * P_SLD movslq -4(%S),%R (the loading branch-slot jump's read of a slot's
 * rel32; a flat read, refused in full mode outside that sequence). */
enum { P_NONE, P_LEA, P_SUB, P_AND, P_ADD, P_RLEA, P_SLEA, P_SLD };

/* What an instruction's bytes say (analyze(), the fast path, the cache):
 *  disp   %rip displacement (rip != RIP_NONE) or branch offset
 *  delta  change of the %rsp offset
 *  need   %rsp operands: the offset must be at least this
 *  imm    P_AND: the mask (in a vinsn, K_JMPT: the number of slots)
 *  ra, rb, rc  pattern registers (64-bit); ra = R of call/jmp *%R
 *  free   FREE_*: fields the facts do not depend on (the cache's key) */
#define FACT_FIELDS                                                           \
  int64_t disp;                                                               \
  int32_t delta;                                                              \
  uint32_t need, rip_size, imm;                                               \
  uint16_t ra, rb, rc;                                                        \
  uint8_t len, kind, flags, pat, rip, free;

struct facts {
  FACT_FIELDS
};

/* An instruction of the unit: its facts (decoded into place), then what
 * depends on its address. Three fields reuse the facts' room (review2
 * bignop: memory per instruction): target takes disp's and tidx
 * rip_size's (apply() reads both before it writes target; tidx is
 * written later, by check_targets()), off the facts' tail padding. */
struct vinsn {
  union {
    struct facts f;
    struct {
      FACT_FIELDS
    };
    struct {
      uint64_t target;    /* branch or lea target (apply() on) */
      uint32_t pad1_[2];  /* delta, need */
      int32_t tidx;       /* direct jmp/jcc: its target's index, or -1 */
      uint32_t pad2_[4];  /* imm ... free */
      int32_t off;        /* static %rsp offset before it, -1 = not reached */
    };
  };
  uint64_t va;
  uint32_t slots;    /* a slot table starts here: its size, else 0 */
  int32_t slots_off; /* %rsp offset its slots were entered with, -1 none */
};
_Static_assert(offsetof(struct vinsn, target) == offsetof(struct facts, disp) &&
                   offsetof(struct vinsn, tidx) ==
                       offsetof(struct facts, rip_size) &&
                   offsetof(struct vinsn, off) >=
                       offsetof(struct facts, free) + 1 &&
                   offsetof(struct vinsn, off) + 4 <= sizeof(struct facts) &&
                   sizeof(struct vinsn) == 56,
               "struct vinsn overlays");

struct centry;

struct vctx {
  const struct sfi_verify_input *in;
  struct sfi_verify_error *err;
  ZydisDecoder dec;
  struct vinsn *v;
  size_t nv, cap;
  uint32_t *work; /* the %rsp worklist: br's room, after check_targets() */
  uint32_t *br; /* the unit's direct branches and slot jumps, nbr of them */
  size_t nbr;
  /* at[va - ustart]: the index of the instruction at va in the unit, if
   * v[at[...]].va == va (stale values from earlier units fail that test);
   * at_cap entries, zeroed when allocated */
  uint32_t *at;
  size_t at_cap;
  uint64_t ustart;
  int cache_wanted; /* allocate the cache on the first fast-path miss */
  struct centry *cache; /* NULL: no cache (small module or no memory) */
  size_t cache_mask;
  uint64_t jt_end;
  uint64_t slot_budget; /* slots the unit's tables may still have */
  int input_ok; /* ranges validated: instruction text may be decoded */
  int fast;     /* use the fast path (verify_fast.h) */
  uint8_t uses; /* F_X87 | F_AVX512 of every instruction decoded */
};

#define FRAME_MAX ((int64_t)SFI_NATIVE_FRAME_MAX)

/* ---- errors ---- */

static size_t upper_bound(const uint64_t *a, size_t n, uint64_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a[mid] <= x)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int sorted_has(const uint64_t *a, size_t n, uint64_t x) {
  size_t i = upper_bound(a, n, x);
  return i > 0 && a[i - 1] == x;
}

/* The code range containing va, or NULL. */
static const struct sfi_verify_range *range_of(const struct vctx *c,
                                               uint64_t va) {
  const struct sfi_verify_input *in = c->in;
  size_t lo = 0, hi = in->ncode;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (in->code[mid].end <= va)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < in->ncode && in->code[lo].start <= va)
    return &in->code[lo];
  return NULL;
}

static void insn_text(const struct vctx *c, uint64_t va, char *buf,
                      size_t cap) {
  const struct sfi_verify_range *r = c->input_ok ? range_of(c, va) : NULL;
  buf[0] = 0;
  if (!r)
    return;
  ZydisDecodedInstruction d;
  ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
  ZydisFormatter f;
  if (ZYAN_SUCCESS(ZydisDecoderDecodeFull(&c->dec, c->in->image + va,
                                          r->end - va, &d, ops)) &&
      ZYAN_SUCCESS(ZydisFormatterInit(&f, ZYDIS_FORMATTER_STYLE_ATT)) &&
      ZYAN_SUCCESS(ZydisFormatterFormatInstruction(
          &f, &d, ops, d.operand_count_visible, buf, cap, va, NULL)))
    return;
  /* undecodable: show the bytes */
  size_t n = 0;
  for (uint64_t i = 0; i < 8 && va + i < r->end && n + 4 < cap; i++)
    n += (size_t)snprintf(buf + n, cap - n, "%s%02x", i ? " " : "",
                          c->in->image[va + i]);
}

__attribute__((format(printf, 4, 5))) static int
fail(const struct vctx *c, const char *rule, uint64_t va, const char *fmt,
     ...) {
  struct sfi_verify_error *e = c->err;
  if (!e)
    return -1;
  memset(e, 0, sizeof *e);
  e->rule = rule;
  e->vaddr = va;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  insn_text(c, va, e->insn, sizeof e->insn);
  const struct sfi_verify_input *in = c->in;
  size_t i = in->func_starts && strcmp(rule, "input") != 0 &&
                     strcmp(rule, "jump-table") != 0
                 ? upper_bound(in->func_starts, in->nfuncs, va)
                 : 0;
  e->func = i ? in->func_starts[i - 1] : ~0ULL;
  if (i && in->func_names && in->func_names[i - 1])
    snprintf(e->func_name, sizeof e->func_name, "%s", in->func_names[i - 1]);
  return -1;
}

void sfi_verify_format(const struct sfi_verify_error *e, char *buf,
                       size_t cap) {
  char fn[96] = "";
  if (e->func_name[0])
    snprintf(fn, sizeof fn, " in %s", e->func_name);
  else if (e->func != ~0ULL)
    snprintf(fn, sizeof fn, " in function at 0x%llx",
             (unsigned long long)e->func);
  snprintf(buf, cap, "%s at 0x%llx: %s%s%s%s%s", e->rule ? e->rule : "?",
           (unsigned long long)e->vaddr, e->msg, e->insn[0] ? ": `" : "",
           e->insn, e->insn[0] ? "`" : "", fn);
}

/* ---- the input ---- */

static int in_table(const struct vctx *c, uint64_t va);

static int check_input(struct vctx *c) {
  const struct sfi_verify_input *in = c->in;
  if (in->image_size > SFI_IMAGE_MAX || (in->image_size && !in->image) ||
      (in->ncode && !in->code) || (in->nfuncs && !in->func_starts) ||
      (in->nimport_slots && !in->import_slots))
    return fail(c, "input", 0, "image size 0x%llx too big or NULL arrays",
                (unsigned long long)in->image_size);
  for (size_t i = 0; i < in->ncode; i++) {
    const struct sfi_verify_range *r = &in->code[i];
    if (r->start >= r->end || r->end > in->image_size ||
        (i && r->start < in->code[i - 1].end))
      return fail(c, "input", r->start,
                  "code range [0x%llx, 0x%llx) empty, unsorted or outside "
                  "the image",
                  (unsigned long long)r->start, (unsigned long long)r->end);
  }
  c->input_ok = 1; /* code ranges are sound: range_of may be used */
  for (size_t i = 0; i < in->nfuncs; i++) {
    uint64_t f = in->func_starts[i];
    if ((i && f <= in->func_starts[i - 1]) || !range_of(c, f))
      return fail(c, "input", f,
                  "function start 0x%llx unsorted or outside the code",
                  (unsigned long long)f);
  }
  for (size_t i = 0; i < in->nimport_slots; i++) {
    uint64_t s = in->import_slots[i];
    if ((i && s <= in->import_slots[i - 1]) || in->image_size < 8 ||
        s > in->image_size - 8)
      return fail(c, "input", s,
                  "import slot 0x%llx unsorted or outside the image",
                  (unsigned long long)s);
  }
  if (in->jt_size) {
    const struct sfi_verify_range *r = range_of(c, in->jt_start);
    if (in->jt_size < SFI_JT_ENTRY_SIZE || in->jt_size > (1ULL << 31) ||
        (in->jt_size & (in->jt_size - 1)) ||
        in->jt_start % SFI_JT_ENTRY_SIZE || !r ||
        in->jt_size > r->end - in->jt_start)
      return fail(c, "jump-table", in->jt_start,
                  "table [0x%llx, +0x%llx) is not a power-of-two size >= 16, "
                  "16-aligned, inside one code range",
                  (unsigned long long)in->jt_start,
                  (unsigned long long)in->jt_size);
    c->jt_end = in->jt_start + in->jt_size;
    /* The table is checked entry by entry, not as code units, so the
     * runtime's entry points (function starts: exports, constructors) may
     * lie in it only at entry starts (review: a constructor one byte into
     * an entry ran hidden code). */
    for (size_t i = 0; i < in->nfuncs; i++)
      if (in_table(c, in->func_starts[i]) &&
          (in->func_starts[i] - in->jt_start) % SFI_JT_ENTRY_SIZE)
        return fail(c, "jump-table", in->func_starts[i],
                    "function start inside a table entry");
  }
  c->input_ok = 1;
  return 0;
}

static int in_table(const struct vctx *c, uint64_t va) {
  return c->in->jt_size && va >= c->in->jt_start && va < c->jt_end;
}

static int is_slot(const struct vctx *c, uint64_t va) {
  return sorted_has(c->in->import_slots, c->in->nimport_slots, va);
}

static int is_func(const struct vctx *c, uint64_t va) {
  return sorted_has(c->in->func_starts, c->in->nfuncs, va);
}

/* ---- the jump table (rule 7) ---- */

static int all_int3(const uint8_t *p, int n) {
  for (int i = 0; i < n; i++)
    if (p[i] != 0xcc)
      return 0;
  return 1;
}

static int check_entry(const struct vctx *c, uint64_t at) {
  const uint8_t *p = c->in->image + at;
  int32_t rel;
  /* lld relaxes the pass's `jmp *f@GOTPCREL(%rip)` to `jmp f; nop` when f
   * is in the module: one nop may precede the padding (never executed:
   * confined targets are entry starts). */
  if (p[0] == 0xe9 && (all_int3(p + 5, 11) ||
                       (p[5] == 0x90 && all_int3(p + 6, 10)))) {
    memcpy(&rel, p + 1, 4);
    uint64_t to = at + 5 + (uint64_t)(int64_t)rel;
    if (in_table(c, to) || !is_func(c, to))
      return fail(c, "jump-table", at,
                  "entry jumps to 0x%llx, not a function start outside the "
                  "table",
                  (unsigned long long)to);
    return 0;
  }
  if (p[0] == 0xff && p[1] == 0x25 && all_int3(p + 6, 10)) {
    memcpy(&rel, p + 2, 4);
    uint64_t slot = at + 6 + (uint64_t)(int64_t)rel;
    if (!is_slot(c, slot))
      return fail(c, "jump-table", at, "entry jumps through 0x%llx, not an "
                  "import slot", (unsigned long long)slot);
    return 0;
  }
  if ((p[0] == 0x0f && p[1] == 0x0b && all_int3(p + 2, 14)) ||
      all_int3(p, 16))
    return 0;
  return fail(c, "jump-table", at,
              "entry is not jmp rel32, jmp *slot(%%rip), ud2 or int3, each "
              "padded with int3 (bytes %02x %02x %02x)",
              p[0], p[1], p[2]);
}

static int check_table(const struct vctx *c) {
  for (uint64_t at = c->in->jt_start; at < c->jt_end; at += SFI_JT_ENTRY_SIZE)
    if (check_entry(c, at))
      return -1;
  return 0;
}

/* ---- one instruction ---- */

static int is_gpr64(ZydisRegister r) {
  return ZydisRegisterGetClass(r) == ZYDIS_REGCLASS_GPR64;
}

static int is_flat_seg(ZydisRegister s) {
  /* In 64-bit mode these segments have base 0. */
  return s == ZYDIS_REGISTER_DS || s == ZYDIS_REGISTER_SS ||
         s == ZYDIS_REGISTER_ES || s == ZYDIS_REGISTER_CS;
}

static int is_stackop(ZydisMnemonic m) {
  return m == ZYDIS_MNEMONIC_PUSH || m == ZYDIS_MNEMONIC_POP ||
         m == ZYDIS_MNEMONIC_PUSHF || m == ZYDIS_MNEMONIC_PUSHFQ;
}

static int is_trap(ZydisMnemonic m) {
  return m == ZYDIS_MNEMONIC_UD0 || m == ZYDIS_MNEMONIC_UD1 ||
         m == ZYDIS_MNEMONIC_UD2 || m == ZYDIS_MNEMONIC_INT3;
}

static int is_jcc(ZydisMnemonic m) {
  switch (m) {
  case ZYDIS_MNEMONIC_JB: case ZYDIS_MNEMONIC_JBE: case ZYDIS_MNEMONIC_JL:
  case ZYDIS_MNEMONIC_JLE: case ZYDIS_MNEMONIC_JNB: case ZYDIS_MNEMONIC_JNBE:
  case ZYDIS_MNEMONIC_JNL: case ZYDIS_MNEMONIC_JNLE: case ZYDIS_MNEMONIC_JNO:
  case ZYDIS_MNEMONIC_JNP: case ZYDIS_MNEMONIC_JNS: case ZYDIS_MNEMONIC_JNZ:
  case ZYDIS_MNEMONIC_JO: case ZYDIS_MNEMONIC_JP: case ZYDIS_MNEMONIC_JS:
  case ZYDIS_MNEMONIC_JZ: case ZYDIS_MNEMONIC_JCXZ: case ZYDIS_MNEMONIC_JECXZ:
  case ZYDIS_MNEMONIC_JRCXZ: case ZYDIS_MNEMONIC_LOOP:
  case ZYDIS_MNEMONIC_LOOPE: case ZYDIS_MNEMONIC_LOOPNE:
    return 1;
  default:
    return 0;
  }
}

/* Categories whose every instruction is ordinary computation or an
 * explicit, checked memory access. */
static int category_ok(ZydisInstructionCategory k) {
  switch (k) {
  case ZYDIS_CATEGORY_ADOX_ADCX: case ZYDIS_CATEGORY_AES:
  case ZYDIS_CATEGORY_AVX: case ZYDIS_CATEGORY_AVX2:
  case ZYDIS_CATEGORY_AVX512: case ZYDIS_CATEGORY_AVX512_4FMAPS:
  case ZYDIS_CATEGORY_AVX512_4VNNIW: case ZYDIS_CATEGORY_AVX512_BITALG:
  case ZYDIS_CATEGORY_AVX512_VBMI: case ZYDIS_CATEGORY_AVX512_VP2INTERSECT:
  case ZYDIS_CATEGORY_BINARY: case ZYDIS_CATEGORY_BITBYTE:
  case ZYDIS_CATEGORY_BLEND: case ZYDIS_CATEGORY_BMI1:
  case ZYDIS_CATEGORY_BMI2: case ZYDIS_CATEGORY_BROADCAST:
  case ZYDIS_CATEGORY_CLFLUSHOPT: case ZYDIS_CATEGORY_CLWB:
  case ZYDIS_CATEGORY_CMOV: case ZYDIS_CATEGORY_COMPRESS:
  case ZYDIS_CATEGORY_CONFLICT: case ZYDIS_CATEGORY_CONVERT:
  case ZYDIS_CATEGORY_DATAXFER: case ZYDIS_CATEGORY_EXPAND:
  case ZYDIS_CATEGORY_FCMOV: case ZYDIS_CATEGORY_FLAGOP:
  case ZYDIS_CATEGORY_FP16: case ZYDIS_CATEGORY_GFNI:
  case ZYDIS_CATEGORY_IFMA: case ZYDIS_CATEGORY_KMASK:
  case ZYDIS_CATEGORY_LOGICAL: case ZYDIS_CATEGORY_LOGICAL_FP:
  case ZYDIS_CATEGORY_LZCNT: case ZYDIS_CATEGORY_MMX:
  case ZYDIS_CATEGORY_NOP: case ZYDIS_CATEGORY_WIDENOP:
  case ZYDIS_CATEGORY_PCLMULQDQ: case ZYDIS_CATEGORY_POP:
  case ZYDIS_CATEGORY_PUSH: case ZYDIS_CATEGORY_PREFETCH:
  case ZYDIS_CATEGORY_RDRAND: case ZYDIS_CATEGORY_RDSEED:
  case ZYDIS_CATEGORY_ROTATE: case ZYDIS_CATEGORY_SEMAPHORE:
  case ZYDIS_CATEGORY_SETCC: case ZYDIS_CATEGORY_SHA:
  case ZYDIS_CATEGORY_SHIFT: case ZYDIS_CATEGORY_SSE:
  case ZYDIS_CATEGORY_STTNI: case ZYDIS_CATEGORY_VAES:
  case ZYDIS_CATEGORY_VBMI2: case ZYDIS_CATEGORY_VFMA:
  case ZYDIS_CATEGORY_VPCLMULQDQ: case ZYDIS_CATEGORY_X87_ALU:
    return 1;
  default:
    return 0;
  }
}

/* Single instructions allowed from otherwise refused categories (MISC,
 * SYSTEM, INTERRUPT, CET). */
static int mnemonic_ok(ZydisMnemonic m) {
  switch (m) {
  case ZYDIS_MNEMONIC_LEA: case ZYDIS_MNEMONIC_PAUSE: case ZYDIS_MNEMONIC_UD0:
  case ZYDIS_MNEMONIC_UD1: case ZYDIS_MNEMONIC_UD2: case ZYDIS_MNEMONIC_INT3:
  case ZYDIS_MNEMONIC_LFENCE: case ZYDIS_MNEMONIC_MFENCE:
  case ZYDIS_MNEMONIC_SFENCE: case ZYDIS_MNEMONIC_CLFLUSH:
  case ZYDIS_MNEMONIC_CPUID: case ZYDIS_MNEMONIC_RDTSC:
  case ZYDIS_MNEMONIC_RDTSCP: case ZYDIS_MNEMONIC_ENDBR64:
  case ZYDIS_MNEMONIC_ENDBR32: case ZYDIS_MNEMONIC_XGETBV:
    return 1;
  default:
    return 0;
  }
}

/* Refused although their category is allowed. */
static int mnemonic_denied(ZydisMnemonic m) {
  switch (m) {
  case ZYDIS_MNEMONIC_MASKMOVQ: case ZYDIS_MNEMONIC_MASKMOVDQU:
  case ZYDIS_MNEMONIC_VMASKMOVDQU: case ZYDIS_MNEMONIC_XLAT:
  case ZYDIS_MNEMONIC_ENTER: case ZYDIS_MNEMONIC_LEAVE:
  case ZYDIS_MNEMONIC_POPF: case ZYDIS_MNEMONIC_POPFD:
  case ZYDIS_MNEMONIC_POPFQ: case ZYDIS_MNEMONIC_CLI: case ZYDIS_MNEMONIC_STI:
  case ZYDIS_MNEMONIC_FXSAVE: case ZYDIS_MNEMONIC_FXSAVE64:
  case ZYDIS_MNEMONIC_FXRSTOR: case ZYDIS_MNEMONIC_FXRSTOR64:
  case ZYDIS_MNEMONIC_LDS: case ZYDIS_MNEMONIC_LES: case ZYDIS_MNEMONIC_LFS:
  case ZYDIS_MNEMONIC_LGS: case ZYDIS_MNEMONIC_LSS:
    return 1;
  default:
    return 0;
  }
}

/* The hint-NOP space has been reused by newer extensions: accept a NOP
 * only in its two canonical encodings, 90 and 0f 1f /0. */
static int canonical_nop(const ZydisDecodedInstruction *d) {
  if (d->mnemonic != ZYDIS_MNEMONIC_NOP)
    return 1;
  if (d->opcode_map == ZYDIS_OPCODE_MAP_DEFAULT && d->opcode == 0x90)
    return 1;
  return d->opcode_map == ZYDIS_OPCODE_MAP_0F && d->opcode == 0x1f &&
         (d->attributes & ZYDIS_ATTRIB_HAS_MODRM) && d->raw.modrm.reg == 0;
}

/* ---- one instruction: what its bytes say (cached), then where it is ----
 * analyze() derives everything the rules need from Zydis's decoding alone;
 * it does not depend on the instruction's address (va only names it in
 * errors). apply() adds what depends on the address: %rip targets, branch
 * targets, the confinement sequence before an indirect transfer. */

enum { RIP_NONE, RIP_MEM, RIP_SLOT, RIP_LEA };


enum { FREE_DISP = 1, FREE_IMM = 2 };

#include "verify_fast.h"

static int check_mem(const struct vctx *c, const ZydisDecodedInstruction *d,
                     const ZydisDecodedOperand *op, uint64_t va,
                     struct facts *f) {
  const ZydisDecodedOperandMem *m = &op->mem;
  int written = (op->actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) != 0;
  uint64_t size = (op->size + 7u) / 8u;
  if (size == 0)
    size = 1;
  if (m->type != ZYDIS_MEMOP_TYPE_MEM)
    return fail(c, "forbidden", va, "VSIB or MIB memory operand");
  if (m->segment == ZYDIS_REGISTER_FS)
    return fail(c, "memory", va, "%%fs: operand");
  if (c->in->stores_only && !written) {
    f->free |= FREE_DISP;
    return 0;
  }
  if (m->segment == ZYDIS_REGISTER_GS) {
    if (d->address_width != 32)
      return fail(c, "memory", va,
                  "%%gs: operand without the 0x67 prefix (64-bit address)");
    if (m->base == ZYDIS_REGISTER_EIP)
      return fail(c, "memory", va, "%%gs: operand with an %%eip base");
    f->free |= FREE_DISP;
    return 0;
  }
  if (!is_flat_seg(m->segment))
    return fail(c, "memory", va, "segment override");
  if (d->address_width != 64)
    return fail(c, "memory", va, "32-bit address without %%gs:");
  if (m->base == ZYDIS_REGISTER_RSP && m->index == ZYDIS_REGISTER_NONE) {
    int64_t disp = m->disp.value;
    if (disp < 0 || disp + (int64_t)size > FRAME_MAX)
      return fail(c, "memory", va,
                  "%%rsp operand at displacement %lld outside the frame",
                  (long long)disp);
    if (d->mnemonic == ZYDIS_MNEMONIC_POP)
      return fail(c, "memory", va, "pop into an %%rsp-based operand");
    if ((uint32_t)(disp + (int64_t)size) > f->need)
      f->need = (uint32_t)(disp + (int64_t)size);
    f->flags |= F_RSPMEM;
    return 0;
  }
  if (m->base == ZYDIS_REGISTER_RIP && m->index == ZYDIS_REGISTER_NONE &&
      f->rip == RIP_NONE) {
    f->rip = RIP_MEM;
    f->disp = m->disp.value;
    f->rip_size = (uint32_t)size;
    return 0;
  }
  if (f->pat == P_SLD)
    return 0; /* claimed by a loading branch-slot jump, or refused */
  return fail(c, "memory", va,
              "unconfined memory operand (not %%gs: with 32-bit address, "
              "%%rsp frame or %%rip image)");
}

/* The indirect-transfer operand: a register (confined in apply) or an
 * import slot (checked in apply). */
static int check_indirect(const struct vctx *c,
                          const ZydisDecodedInstruction *d,
                          const ZydisDecodedOperand *op, uint64_t va,
                          struct facts *f) {
  if (op->type == ZYDIS_OPERAND_TYPE_MEMORY) {
    const ZydisDecodedOperandMem *m = &op->mem;
    if (m->base != ZYDIS_REGISTER_RIP || m->index != ZYDIS_REGISTER_NONE ||
        !is_flat_seg(m->segment) || d->address_width != 64 || op->size != 64)
      return fail(c, "indirect", va,
                  "memory-indirect transfer not through an import slot");
    f->rip = RIP_SLOT;
    f->disp = m->disp.value;
    return 0;
  }
  ZydisRegister R = op->reg.value;
  if (op->type != ZYDIS_OPERAND_TYPE_REGISTER || !is_gpr64(R) ||
      R == ZYDIS_REGISTER_RSP)
    return fail(c, "indirect", va, "indirect transfer operand");
  if (!c->in->jt_size)
    return fail(c, "indirect", va, "indirect transfer without a table");
  f->ra = (uint16_t)R;
  return 0;
}

static int check_branch(const struct vctx *c, const ZydisDecodedInstruction *d,
                        const ZydisDecodedOperand *op, uint64_t va,
                        struct facts *f) {
  ZydisMnemonic m = d->mnemonic;
  if (d->meta.branch_type == ZYDIS_BRANCH_TYPE_FAR ||
      op[0].type == ZYDIS_OPERAND_TYPE_POINTER)
    return fail(c, "forbidden", va, "far transfer");
  if (d->attributes & ZYDIS_ATTRIB_HAS_OPERANDSIZE)
    return fail(c, "forbidden", va, "operand-size prefix on a branch");
  if (m == ZYDIS_MNEMONIC_RET) {
    if (d->opcode_map != ZYDIS_OPCODE_MAP_DEFAULT || d->opcode != 0xc3)
      return fail(c, "stack", va, "ret with an immediate or far ret");
    f->kind = K_RET;
    return 0;
  }
  int call = m == ZYDIS_MNEMONIC_CALL;
  if (op[0].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && op[0].imm.is_relative) {
    f->disp = op[0].imm.value.s;
    f->kind = call ? K_CALL : m == ZYDIS_MNEMONIC_JMP ? K_JMP : K_JCC;
    return 0;
  }
  if (m != ZYDIS_MNEMONIC_CALL && m != ZYDIS_MNEMONIC_JMP)
    return fail(c, "forbidden", va, "branch form");
  f->kind = call ? K_CALLI : K_JMPI;
  return check_indirect(c, d, &op[0], va, f);
}

/* The sequence part this instruction matches, if any (the lea's target is
 * compared with the table in apply, the and's mask where it is used). */
static void match_pattern(const ZydisDecodedInstruction *d,
                          const ZydisDecodedOperand *op, struct facts *f) {
  if (d->operand_count_visible != 2)
    return;
  switch (d->mnemonic) {
  case ZYDIS_MNEMONIC_LEA:
    if (!is_gpr64(op[0].reg.value) || op[0].reg.value == ZYDIS_REGISTER_RSP ||
        d->address_width != 64 || !is_flat_seg(op[1].mem.segment))
      return;
    if (op[1].mem.base == ZYDIS_REGISTER_RIP &&
        op[1].mem.index == ZYDIS_REGISTER_NONE) {
      f->rip = RIP_LEA;
      f->disp = op[1].mem.disp.value;
      f->ra = (uint16_t)op[0].reg.value;
    } else if (is_gpr64(op[1].mem.base) && is_gpr64(op[1].mem.index) &&
               op[1].mem.base != ZYDIS_REGISTER_RSP &&
               op[1].mem.scale == SFI_BRANCH_SLOT_SIZE &&
               op[1].mem.disp.value == 0) {
      f->pat = P_SLEA;
      f->ra = (uint16_t)op[0].reg.value;
      f->rb = (uint16_t)op[1].mem.base;
      f->rc = (uint16_t)op[1].mem.index;
    }
    return;
  case ZYDIS_MNEMONIC_SUB:
  case ZYDIS_MNEMONIC_ADD:
    if (op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        op[1].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        is_gpr64(op[0].reg.value) && is_gpr64(op[1].reg.value)) {
      f->pat = d->mnemonic == ZYDIS_MNEMONIC_SUB ? P_SUB : P_ADD;
      f->ra = (uint16_t)op[0].reg.value;
      f->rb = (uint16_t)op[1].reg.value;
    }
    return;
  case ZYDIS_MNEMONIC_MOVSXD:
    if (op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        is_gpr64(op[0].reg.value) && op[0].reg.value != ZYDIS_REGISTER_RSP &&
        op[1].type == ZYDIS_OPERAND_TYPE_MEMORY &&
        op[1].mem.type == ZYDIS_MEMOP_TYPE_MEM && op[1].size == 32 &&
        d->address_width == 64 && is_flat_seg(op[1].mem.segment) &&
        is_gpr64(op[1].mem.base) && op[1].mem.base != ZYDIS_REGISTER_RSP &&
        op[1].mem.index == ZYDIS_REGISTER_NONE &&
        op[1].mem.disp.value == -4) {
      f->pat = P_SLD;
      f->ra = (uint16_t)op[0].reg.value;
      f->rb = (uint16_t)op[1].mem.base;
    }
    return;
  case ZYDIS_MNEMONIC_AND:
    if (op[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        ZydisRegisterGetClass(op[0].reg.value) == ZYDIS_REGCLASS_GPR32 &&
        op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE &&
        !(d->attributes & ZYDIS_ATTRIB_HAS_LOCK)) {
      f->pat = P_AND;
      f->imm = (uint32_t)op[1].imm.value.u;
      f->ra = (uint16_t)ZydisRegisterGetLargestEnclosing(
          ZYDIS_MACHINE_MODE_LONG_64, op[0].reg.value);
    }
    return;
  default:
    return;
  }
}

/* %rsp written by an instruction that is not push/pop: only by constants. */
static int rsp_delta(const struct vctx *c, const ZydisDecodedInstruction *d,
                     const ZydisDecodedOperand *op, uint64_t va,
                     struct facts *f) {
  int64_t delta;
  ZydisMnemonic m = d->mnemonic;
  if ((m == ZYDIS_MNEMONIC_SUB || m == ZYDIS_MNEMONIC_ADD) &&
      d->operand_count_visible == 2 && op[0].reg.value == ZYDIS_REGISTER_RSP &&
      op[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE &&
      !(d->attributes & ZYDIS_ATTRIB_HAS_LOCK))
    delta = m == ZYDIS_MNEMONIC_SUB ? op[1].imm.value.s : -op[1].imm.value.s;
  else if (m == ZYDIS_MNEMONIC_LEA && op[0].reg.value == ZYDIS_REGISTER_RSP &&
           op[1].mem.base == ZYDIS_REGISTER_RSP &&
           op[1].mem.index == ZYDIS_REGISTER_NONE && d->address_width == 64)
    delta = -op[1].mem.disp.value;
  else
    return fail(c, "stack", va,
                "%%rsp written other than by push/pop/call/ret, "
                "sub/add $imm or lea imm(%%rsp)");
  if (delta < -FRAME_MAX || delta > FRAME_MAX)
    return fail(c, "stack", va, "%%rsp changed by %lld", (long long)delta);
  f->delta = (int32_t)delta;
  f->rip = RIP_NONE; /* lea imm(%rsp),%rsp is no pattern */
  return 0;
}

/* bt/bts/btr/btc with a register bit offset access the byte at operand +
 * offset/8, a signed 64-bit displacement the operand does not show
 * (review). With %gs: and 0x67 the whole address is truncated; an
 * immediate offset stays inside the operand. Reads in stores-only modules
 * are free anyway. */
static int bit_offset_escapes(const struct vctx *c,
                              const ZydisDecodedInstruction *d,
                              const ZydisDecodedOperand *op, int i) {
  if (d->mnemonic != ZYDIS_MNEMONIC_BT && d->mnemonic != ZYDIS_MNEMONIC_BTS &&
      d->mnemonic != ZYDIS_MNEMONIC_BTR && d->mnemonic != ZYDIS_MNEMONIC_BTC)
    return 0;
  if (i != 0 || d->operand_count < 2 ||
      op[1].type != ZYDIS_OPERAND_TYPE_REGISTER)
    return 0;
  if (op[0].mem.segment == ZYDIS_REGISTER_GS && d->address_width == 32)
    return 0;
  return !(c->in->stores_only &&
           !(op[0].actions & ZYDIS_OPERAND_ACTION_MASK_WRITE));
}

static int check_operands(const struct vctx *c,
                          const ZydisDecodedInstruction *d,
                          const ZydisDecodedOperand *op, uint64_t va,
                          struct facts *f) {
  int stackop = is_stackop(d->mnemonic), rsp_written = 0;
  for (int i = 0; i < d->operand_count; i++) {
    const ZydisDecodedOperand *o = &op[i];
    if (o->type == ZYDIS_OPERAND_TYPE_MEMORY) {
      if (o->visibility != ZYDIS_OPERAND_VISIBILITY_EXPLICIT) {
        if (!stackop || o->mem.base != ZYDIS_REGISTER_RSP)
          return fail(c, "forbidden", va, "implicit memory operand");
      } else if (bit_offset_escapes(c, d, op, i)) {
        return fail(c, "memory", va,
                    "bit test with a register bit offset on a memory "
                    "operand that is not %%gs: (it reaches operand + "
                    "offset/8)");
      } else if (d->mnemonic != ZYDIS_MNEMONIC_LEA &&
                 d->mnemonic != ZYDIS_MNEMONIC_NOP &&
                 check_mem(c, d, o, va, f)) {
        return -1;
      }
    } else if (o->type == ZYDIS_OPERAND_TYPE_REGISTER) {
      int w = (o->actions & ZYDIS_OPERAND_ACTION_MASK_WRITE) != 0;
      ZydisRegisterClass k = ZydisRegisterGetClass(o->reg.value);
      if (k == ZYDIS_REGCLASS_SEGMENT && (w || stackop))
        return fail(c, "forbidden", va, "segment register write or push");
      if (w && ZydisRegisterGetLargestEnclosing(ZYDIS_MACHINE_MODE_LONG_64,
                                                o->reg.value) ==
                   ZYDIS_REGISTER_RSP) {
        if (!stackop || o->visibility == ZYDIS_OPERAND_VISIBILITY_EXPLICIT)
          rsp_written = 1;
      }
    }
  }
  if (stackop) {
    int bytes = d->operand_width / 8;
    f->delta = d->mnemonic == ZYDIS_MNEMONIC_POP ? -bytes : bytes;
  }
  if (rsp_written)
    return rsp_delta(c, d, op, va, f);
  return 0;
}

/* Prefixes whose meaning could differ between Zydis and a CPU: several
 * different segment overrides (which one wins, and whether a later
 * ds/cs/es/ss cancels an earlier gs in 64-bit mode), an %fs override on
 * anything but lea/nop, and a REX prefix that is not the last prefix
 * (ignored). */
static int check_prefixes(const struct vctx *c,
                          const ZydisDecodedInstruction *d, uint64_t va) {
  uint8_t seg = 0;
  for (int i = 0; i < d->raw.prefix_count; i++) {
    uint8_t b = d->raw.prefixes[i].value;
    if (b == 0x64 && d->mnemonic != ZYDIS_MNEMONIC_LEA &&
        d->mnemonic != ZYDIS_MNEMONIC_NOP) /* these access no memory */
      return fail(c, "memory", va, "%%fs segment prefix");
    if ((b & 0xf0) == 0x40 &&
        d->raw.prefixes[i].type == ZYDIS_PREFIX_TYPE_IGNORED)
      return fail(c, "forbidden", va, "ignored REX prefix");
    if (b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x65) {
      if (seg && seg != b)
        return fail(c, "forbidden", va, "conflicting segment prefixes");
      seg = b;
    }
  }
  return 0;
}

/* F_X87 and F_AVX512: which of the two register files the transitions
 * clear only for code that can observe them (runtime/enter.S, thunk.c)
 * this instruction can read or write. Over-approximated: any x87/MMX
 * extension, category or register operand (hidden ones too: fnstcw's
 * control word, emms's tag word); any EVEX encoding, AVX-512 extension
 * (the VEX-encoded mask instructions too), mask or zmm register, or
 * xmm/ymm register above 15; xgetbv (XINUSE) both. */
static uint8_t state_used(const ZydisDecodedInstruction *d,
                          const ZydisDecodedOperand *op) {
  uint8_t s = 0;
  switch (d->meta.isa_ext) {
  case ZYDIS_ISA_EXT_X87: case ZYDIS_ISA_EXT_MMX:
  case ZYDIS_ISA_EXT_AMD3DNOW:
    s |= F_X87;
    break;
  case ZYDIS_ISA_EXT_AVX512EVEX: case ZYDIS_ISA_EXT_AVX512VEX:
    s |= F_AVX512;
    break;
  default:
    break;
  }
  switch (d->meta.category) {
  case ZYDIS_CATEGORY_X87_ALU: case ZYDIS_CATEGORY_FCMOV:
  case ZYDIS_CATEGORY_MMX:
    s |= F_X87;
    break;
  case ZYDIS_CATEGORY_KMASK:
    s |= F_AVX512;
    break;
  default:
    break;
  }
  if (d->encoding == ZYDIS_INSTRUCTION_ENCODING_EVEX ||
      d->encoding == ZYDIS_INSTRUCTION_ENCODING_MVEX)
    s |= F_AVX512;
  /* xgetbv with ecx = 1 reads XINUSE, which says whether the host left
   * the x87 state in its initial configuration: such a module gets the
   * x87 reset that makes it so (and the AVX-512 clearing) */
  if (d->mnemonic == ZYDIS_MNEMONIC_XGETBV)
    s |= F_X87 | F_AVX512;
  for (int i = 0; i < d->operand_count; i++) {
    if (op[i].type != ZYDIS_OPERAND_TYPE_REGISTER)
      continue;
    ZydisRegister r = op[i].reg.value;
    switch (ZydisRegisterGetClass(r)) {
    case ZYDIS_REGCLASS_X87: case ZYDIS_REGCLASS_MMX:
      s |= F_X87;
      break;
    case ZYDIS_REGCLASS_MASK: case ZYDIS_REGCLASS_ZMM:
      s |= F_AVX512;
      break;
    case ZYDIS_REGCLASS_XMM: case ZYDIS_REGCLASS_YMM:
      if (ZydisRegisterGetId(r) > 15)
        s |= F_AVX512;
      break;
    default:
      if (r == ZYDIS_REGISTER_X87CONTROL || r == ZYDIS_REGISTER_X87STATUS ||
          r == ZYDIS_REGISTER_X87TAG)
        s |= F_X87;
      break;
    }
  }
  return s;
}

static int analyze(const struct vctx *c, const ZydisDecodedInstruction *d,
                   const ZydisDecodedOperand *op, uint64_t va,
                   struct facts *f) {
  ZydisMnemonic m = d->mnemonic;
  memset(f, 0, sizeof *f);
  f->len = d->length;
  if (d->attributes & (ZYDIS_ATTRIB_IS_PRIVILEGED | ZYDIS_ATTRIB_HAS_BND))
    return fail(c, "forbidden", va, "privileged instruction or MPX prefix");
  if (check_prefixes(c, d, va))
    return -1;
  if (m == ZYDIS_MNEMONIC_CALL || m == ZYDIS_MNEMONIC_JMP ||
      m == ZYDIS_MNEMONIC_RET || is_jcc(m))
    return check_branch(c, d, op, va, f);
  if (!(category_ok(d->meta.category) || mnemonic_ok(m)) ||
      mnemonic_denied(m) || !canonical_nop(d))
    return fail(c, "forbidden", va, "instruction not allowed (%s, %s)",
                ZydisMnemonicGetString(m),
                ZydisCategoryGetString(d->meta.category));
  if (is_trap(m)) {
    f->kind = K_TRAP;
    return 0;
  }
  /* only add/sub (%rsp deltas) and and (the mask) look at immediates */
  if (m != ZYDIS_MNEMONIC_ADD && m != ZYDIS_MNEMONIC_SUB &&
      m != ZYDIS_MNEMONIC_AND)
    f->free |= FREE_IMM;
  match_pattern(d, op, f);
  if (check_operands(c, d, op, va, f))
    return -1;
  f->flags |= state_used(d, op);
  /* whether movslq disp(%S),%R is P_SLD depends on disp: keep it in the
   * cache's key (a stores-only read would leave it out) */
  if (m == ZYDIS_MNEMONIC_MOVSXD && d->operand_count_visible == 2 &&
      op[1].type == ZYDIS_OPERAND_TYPE_MEMORY &&
      op[1].mem.index == ZYDIS_REGISTER_NONE &&
      is_flat_seg(op[1].mem.segment))
    f->free &= (uint8_t)~FREE_DISP;
  return 0;
}

/* call/jmp *%R at index i of the unit: the four instructions before it
 * must be the confinement sequence; they become non-targets. */
static int check_confined(struct vctx *c, size_t i, const struct facts *f) {
  struct vinsn *r = &c->v[i];
  ZydisRegister R = (ZydisRegister)f->ra;
  if (i < 4)
    return fail(c, "indirect", r->va, "no confinement sequence before it");
  struct vinsn *lea = &c->v[i - 4], *sub = &c->v[i - 3], *and = &c->v[i - 2],
               *add = &c->v[i - 1];
  ZydisRegister S = (ZydisRegister)lea->ra;
  if (lea->pat != P_LEA || S == R || sub->pat != P_SUB || sub->ra != R ||
      sub->rb != S || and->pat != P_AND ||
      and->imm != (uint32_t)(c->in->jt_size - SFI_JT_ENTRY_SIZE) ||
      and->ra != R ||
      add->pat != P_ADD || add->ra != R || add->rb != S)
    return fail(c, "indirect", r->va,
                "not preceded by lea jt(%%rip),%%S; sub %%S,%%R; "
                "and $0x%llx,%%eR; add %%S,%%R",
                (unsigned long long)(c->in->jt_size - SFI_JT_ENTRY_SIZE));
  sub->flags |= F_NOTARGET;
  and->flags |= F_NOTARGET;
  add->flags |= F_NOTARGET;
  r->flags |= F_NOTARGET;
  return 0;
}

/* jmp *%R at index i, the loading form of the branch-slot jump:
 *   and $N-1,%eI; lea slots+5(%rip),%S; lea (%S,%rI,8),%S;
 *   movslq -4(%S),%R; add %S,%R; jmp *%R
 * (N a power of two up to SFI_BRANCH_SLOTS_MAX, I != S, R != S). %S is
 * the end of slot I, which must be a 5-byte `jmp rel32` (table_once
 * checks every slot): %R becomes that jmp's target, so the jump goes
 * where jumping into the slot would go, one jump instead of two. */
static int table_jump_load(struct vctx *c, size_t i) {
  struct vinsn *r = &c->v[i];
  if (i < 5)
    return 0;
  struct vinsn *and = &c->v[i - 5], *lea = &c->v[i - 4], *idx = &c->v[i - 3],
               *ld = &c->v[i - 2], *add = &c->v[i - 1];
  uint32_t n = and->imm + 1;
  uint16_t S = lea->ra, R = r->ra, I = and->ra;
  if (and->pat != P_AND || (lea->pat != P_RLEA && lea->pat != P_LEA) ||
      idx->pat != P_SLEA || idx->ra != S || idx->rb != S || idx->rc != I ||
      ld->pat != P_SLD || ld->ra != R || ld->rb != S || add->pat != P_ADD ||
      add->ra != R || add->rb != S || I == S || R == S || n == 0 ||
      n > SFI_BRANCH_SLOTS_MAX || (n & (n - 1)) || lea->target < 5)
    return 0;
  r->kind = K_JMPT;
  r->target = lea->target - 5;
  r->imm = n;
  r->flags |= F_NOTARGET | F_SLOTLOAD;
  lea->flags |= F_NOTARGET;
  idx->flags |= F_NOTARGET;
  ld->flags |= F_NOTARGET | F_CLAIMED;
  add->flags |= F_NOTARGET;
  return 1;
}

/* jmp *%R at index i: a branch-slot jump if the three instructions before
 * it are `and $N-1,%eI; lea slots(%rip),%S; lea (%S,%rI,8),%R` (N a power
 * of two up to SFI_BRANCH_SLOTS_MAX, I != S); step() then checks the N
 * slots. Returns 1 if it is one, 0 if not. */
static int table_jump(struct vctx *c, size_t i) {
  struct vinsn *r = &c->v[i];
  if (table_jump_load(c, i))
    return 1;
  if (i < 3)
    return 0;
  struct vinsn *and = &c->v[i - 3], *lea = &c->v[i - 2], *idx = &c->v[i - 1];
  uint32_t n = and->imm + 1;
  if (and->pat != P_AND || (lea->pat != P_RLEA && lea->pat != P_LEA) ||
      idx->pat != P_SLEA || idx->ra != r->ra || idx->rb != lea->ra ||
      idx->rc != and->ra || and->ra == lea->ra || n == 0 ||
      n > SFI_BRANCH_SLOTS_MAX || (n & (n - 1)))
    return 0;
  r->kind = K_JMPT;
  r->target = lea->target;
  r->imm = n;
  lea->flags |= F_NOTARGET;
  idx->flags |= F_NOTARGET;
  r->flags |= F_NOTARGET;
  return 1;
}

/* Instruction c->v[c->nv] at va with facts f. */
static inline __attribute__((always_inline)) int apply(struct vctx *c,
                                                      uint64_t va) {
  struct vinsn *r = &c->v[c->nv];
  const struct facts *f = &r->f;
  uint64_t next = va + f->len, t = next + (uint64_t)f->disp;
  r->va = va;
  r->target = 0;
  r->off = -1;
  r->slots = 0;
  r->slots_off = -1;
  switch (f->rip) {
  case RIP_MEM:
    if (t > c->in->image_size || f->rip_size > c->in->image_size - t)
      return fail(c, "memory", va,
                  "%%rip operand at 0x%llx (%u bytes) outside the image",
                  (unsigned long long)t, f->rip_size);
    break;
  case RIP_SLOT:
    if (!is_slot(c, t))
      return fail(c, "indirect", va,
                  "memory-indirect transfer not through an import slot");
    break;
  case RIP_LEA:
    r->pat = c->in->jt_size && t == c->in->jt_start ? P_LEA : P_RLEA;
    r->target = t;
    break;
  default:
    break;
  }
  if (r->kind == K_JMP || r->kind == K_JCC || r->kind == K_CALL)
    r->target = t;
  if (r->kind == K_JMPI && f->rip != RIP_SLOT && table_jump(c, c->nv))
    return 0;
  if ((r->kind == K_CALLI || r->kind == K_JMPI) && f->rip != RIP_SLOT)
    return check_confined(c, c->nv, f);
  return 0;
}

/* ---- the decoding cache ----
 * Zydis's result for an instruction depends only on its own bytes, so the
 * facts of an instruction (position independent by construction) are
 * cached under those bytes. Two fields may be masked out of the key: the
 * displacement and the immediate, each only when analyze() found that the
 * facts do not depend on its value (a %gs: or stores-only read operand's
 * displacement; any immediate but add's, sub's and and's), or when apply()
 * reads the value back from the bytes (a %rip displacement, a branch
 * offset). These fields are data: they change nothing else in the
 * decoding. guess_len() proposes the key (length and fields) to look up; a
 * wrong guess can only miss, never hit a different instruction, because an
 * entry matches only bytes that agree, outside its fields, with an
 * instruction Zydis decoded to that length and field layout (entry_ok). */

typedef unsigned __int128 u128;

struct guess {
  int len, doff, dsize, ioff, isize;
};

struct centry {
  u128 key;
  uint8_t klen, doff, dsize, ioff, isize; /* klen 0: empty */
  struct facts f;
};

#define CACHE_PROBES 4

/* modrm [+ sib] [+ disp] at p + i, then imm bytes. The displacement is a
 * key field when %rip-relative or when the prefixes say %gs: with 32-bit
 * addressing; the immediate when mask_imm. */
static int with_modrm(const uint8_t *p, int i, int imm, int gs32,
                      int mask_imm, struct guess *g) {
  uint8_t mod = p[i] >> 6, rm = p[i] & 7;
  int n = 1, dsz = 0, rip = 0;
  if (mod != 3) {
    if (rm == 4) {
      n++;
      if (mod == 0 && (p[i + 1] & 7) == 5)
        dsz = 4;
    } else if (mod == 0 && rm == 5) {
      dsz = 4;
      rip = 1;
    }
    if (mod == 1)
      dsz = 1;
    else if (mod == 2)
      dsz = 4;
  }
  if (dsz && (rip || gs32))
    g->doff = i + n, g->dsize = dsz;
  n += dsz;
  if (imm && mask_imm)
    g->ioff = i + n, g->isize = imm;
  return i + n + imm;
}

static int vex_imm(int map, uint8_t o) {
  return map == 3 || (map == 1 && ((o >= 0x70 && o <= 0x73) || o == 0xc2 ||
                                   (o >= 0xc4 && o <= 0xc6)));
}

static int imm_field(int at, int size, struct guess *g) {
  g->ioff = at, g->isize = size;
  return at + size;
}

static int guess_0f(const uint8_t *p, int i, int gs, struct guess *g) {
  uint8_t o = p[i++];
  if (o == 0x38)
    return with_modrm(p, i + 1, 0, gs, 1, g);
  if (o == 0x3a)
    return with_modrm(p, i + 1, 1, gs, 1, g);
  if (o >= 0x80 && o <= 0x8f)
    return imm_field(i, 4, g);
  if ((o >= 0xc8 && o <= 0xcf) || o == 0x0b || o == 0xa2 || o == 0x31)
    return i;
  if (vex_imm(1, o) || o == 0xa4 || o == 0xac || o == 0xba)
    return with_modrm(p, i, 1, gs, 1, g);
  if ((o >= 0x10 && o <= 0x1f) || (o >= 0x28 && o <= 0x2f) ||
      (o >= 0x40 && o <= 0x6f) || (o >= 0x74 && o <= 0x7f) ||
      (o >= 0x90 && o <= 0x9f) || o == 0xa3 || o == 0xa5 || o == 0xab ||
      o == 0xad || o == 0xaf || o == 0xb0 || o == 0xb1 || o == 0xb3 ||
      (o >= 0xb6 && o <= 0xbf) || o == 0xc0 || o == 0xc1 || o == 0xc3 ||
      o >= 0xd0)
    return with_modrm(p, i, 0, gs, 1, g);
  return 0;
}

static int guess_vex(const uint8_t *p, int i, uint8_t op, int gs,
                     struct guess *g) {
  if (op == 0xc5)
    return p[i + 1] == 0x77
               ? i + 2
               : with_modrm(p, i + 2, vex_imm(1, p[i + 1]), gs, 1, g);
  int map = op == 0xc4 ? p[i] & 0x1f : p[i] & 7, n = op == 0xc4 ? 2 : 3;
  uint8_t o = p[i + n];
  if (map < 1 || map > 3 || (op == 0xc4 && map == 1 && o == 0x77))
    return 0;
  return with_modrm(p, i + n + 1, vex_imm(map, o), gs, 1, g);
}

/* add, and and sub immediates decide %rsp deltas and the confinement mask:
 * never key fields. */
static int alu_imm_free(uint8_t op) {
  return op != 0x04 && op != 0x05 && op != 0x24 && op != 0x25 &&
         op != 0x2c && op != 0x2d;
}

static int guess_one(const uint8_t *p, int i, uint8_t op, int z, int w,
                     int gs, struct guess *g) {
  if (op < 0x40 && (op & 7) < 4)
    return with_modrm(p, i, 0, gs, 0, g);
  if (op < 0x40 && ((op & 7) == 4 || (op & 7) == 5)) {
    int n = (op & 7) == 4 ? 1 : z;
    return alu_imm_free(op) ? imm_field(i, n, g) : i + n;
  }
  if ((op >= 0x50 && op <= 0x5f) || (op >= 0x90 && op <= 0x99) ||
      op == 0x9c || op == 0xc3 || op == 0xcc)
    return i;
  if ((op >= 0x70 && op <= 0x7f) || op == 0xeb || op == 0x6a || op == 0xa8 ||
      (op >= 0xb0 && op <= 0xb7))
    return imm_field(i, 1, g);
  if (op >= 0xb8 && op <= 0xbf)
    return imm_field(i, w ? 8 : z, g);
  switch (op) {
  case 0xe8:
  case 0xe9:
  case 0x68:
    return imm_field(i, 4, g);
  case 0xa9:
    return imm_field(i, z, g);
  case 0x63: case 0x84: case 0x85: case 0x86: case 0x87: case 0x88:
  case 0x89: case 0x8a: case 0x8b: case 0x8d: case 0xd0: case 0xd1:
  case 0xd2: case 0xd3: case 0xd8: case 0xd9: case 0xda: case 0xdb:
  case 0xdc: case 0xdd: case 0xde: case 0xdf: case 0xfe: case 0xff:
    return with_modrm(p, i, 0, gs, 0, g);
  case 0x80:
  case 0x81:
  case 0x83: {
    int reg = (p[i] >> 3) & 7; /* /0 add, /4 and, /5 sub */
    return with_modrm(p, i, op == 0x81 ? z : 1, gs,
                      reg != 0 && reg != 4 && reg != 5, g);
  }
  case 0x6b: case 0xc0: case 0xc1: case 0xc6:
    return with_modrm(p, i, 1, gs, 1, g);
  case 0x69: case 0xc7:
    return with_modrm(p, i, z, gs, 1, g);
  case 0xf6:
  case 0xf7:
    return with_modrm(p, i,
                      ((p[i] >> 3) & 7) < 2 ? (op == 0xf6 ? 1 : z) : 0, gs,
                      1, g);
  default:
    return 0;
  }
}

/* A guess at the layout of the instruction at p (16 readable bytes). */
static void guess_len(const uint8_t *p, struct guess *g) {
  int i = 0, z = 4, w = 0, gs = 0, a32 = 0;
  memset(g, 0, sizeof *g);
  for (;; i++) {
    uint8_t b = p[i];
    if (b == 0x66)
      z = 2;
    else if (b == 0x65)
      gs = 1;
    else if (b == 0x67)
      a32 = 1;
    else if (b != 0xf2 && b != 0xf3 && b != 0xf0 && b != 0x2e && b != 0x3e &&
             b != 0x26 && b != 0x36 && b != 0x64)
      break;
    if (i == 4)
      return;
  }
  if ((p[i] & 0xf0) == 0x40)
    w = (p[i++] >> 3) & 1;
  uint8_t op = p[i++];
  gs = gs && a32;
  if (op == 0x0f)
    g->len = guess_0f(p, i, gs, g);
  else if (op == 0xc4 || op == 0xc5 || op == 0x62)
    g->len = guess_vex(p, i, op, gs, g);
  else
    g->len = guess_one(p, i, op, z, w, gs, g);
}

static u128 field_mask(int off, int size) {
  return size ? (((u128)1 << (8 * size)) - 1) << (8 * off) : 0;
}

static u128 make_key(const uint8_t *p, const struct guess *g) {
  u128 k, keep = g->len >= 16 ? ~(u128)0 : ((u128)1 << (8 * g->len)) - 1;
  memcpy(&k, p, 16);
  keep &= ~field_mask(g->doff, g->dsize) & ~field_mask(g->ioff, g->isize);
  return k & keep;
}

static size_t key_slot(u128 k, int len) {
  uint64_t h = ((uint64_t)k * 0x9e3779b97f4a7c15ULL) ^
               ((uint64_t)(k >> 64) * 0xc2b2ae3d27d4eb4fULL) ^ (uint64_t)len;
  return (size_t)(h ^ (h >> 31));
}

static int64_t read_field(const uint8_t *p, int off, int size) {
  if (size == 1)
    return (int8_t)p[off];
  int32_t v;
  memcpy(&v, p + off, 4);
  return v;
}

static int is_direct(const struct facts *f) {
  return f->kind == K_JMP || f->kind == K_JCC || f->kind == K_CALL;
}

static int same_layout(const struct centry *e, const struct guess *g) {
  return e->klen == g->len && e->doff == g->doff && e->dsize == g->dsize &&
         e->ioff == g->ioff && e->isize == g->isize;
}

static const struct facts *cache_get(const struct vctx *c, const uint8_t *p,
                                     const struct guess *g,
                                     struct facts *tmp) {
  u128 k = make_key(p, g);
  size_t h = key_slot(k, g->len);
  for (int n = 0; n < CACHE_PROBES; n++) {
    const struct centry *e = &c->cache[(h + (size_t)n) & c->cache_mask];
    if (!e->klen)
      return NULL;
    if (e->key == k && same_layout(e, g)) {
      *tmp = e->f;
      if (tmp->rip != RIP_NONE)
        tmp->disp = read_field(p, e->doff, e->dsize);
      else if (is_direct(tmp))
        tmp->disp = read_field(p, e->ioff, e->isize);
      return tmp;
    }
  }
  return NULL;
}

/* May the facts f of instruction d be cached under the key layout g? Only
 * if g is d's true layout, every masked field is one the facts do not
 * depend on or one that is read back, and every read-back field is
 * masked. This, not the guess, is what makes hits sound. */
static int entry_ok(const ZydisDecodedInstruction *d, const struct facts *f,
                    const struct guess *g) {
  if (g->len != d->length)
    return 0;
  if (g->dsize && (d->raw.disp.offset != g->doff ||
                   d->raw.disp.size != 8 * g->dsize ||
                   (f->rip == RIP_NONE && !(f->free & FREE_DISP))))
    return 0;
  if (f->rip != RIP_NONE && g->dsize != 4)
    return 0;
  if (g->isize && (d->raw.imm[0].offset != g->ioff ||
                   d->raw.imm[0].size != 8 * g->isize || d->raw.imm[1].size ||
                   (is_direct(f) ? !d->raw.imm[0].is_relative
                                 : !(f->free & FREE_IMM))))
    return 0;
  if (is_direct(f) && g->isize != 1 && g->isize != 4)
    return 0;
  return 1;
}

static void cache_put(struct vctx *c, const uint8_t *p, const struct guess *g,
                      const struct facts *f) {
  u128 k = make_key(p, g);
  size_t h = key_slot(k, g->len);
  struct centry *e = &c->cache[h & c->cache_mask];
  for (int n = 0; n < CACHE_PROBES; n++)
    if (!c->cache[(h + (size_t)n) & c->cache_mask].klen) {
      e = &c->cache[(h + (size_t)n) & c->cache_mask];
      break;
    }
  e->key = k;
  e->klen = (uint8_t)g->len;
  e->doff = (uint8_t)g->doff;
  e->dsize = (uint8_t)g->dsize;
  e->ioff = (uint8_t)g->ioff;
  e->isize = (uint8_t)g->isize;
  e->f = *f;
}

/* ---- one unit ---- */

static int grow(struct vctx *c) {
  size_t cap = c->cap ? 2 * c->cap : 1024;
  struct vinsn *v = realloc(c->v, cap * sizeof *v);
  if (!v)
    return -1;
  c->v = v;
  uint32_t *b = realloc(c->br, cap * sizeof *b);
  if (!b)
    return -1;
  c->br = b;
  c->cap = cap;
  return 0;
}

static void cache_init(struct vctx *c);

/* Do two facts agree on everything the rules use? (free only steers the
 * cache.) */
static int same_facts(const struct facts *a, const struct facts *b) {
  return a->disp == b->disp && a->delta == b->delta && a->need == b->need &&
         a->rip_size == b->rip_size && a->imm == b->imm && a->ra == b->ra &&
         a->rb == b->rb && a->rc == b->rc && a->len == b->len &&
         a->kind == b->kind && a->flags == b->flags && a->pat == b->pat &&
         a->rip == b->rip;
}

/* SFI_VERIFY_CROSSCHECK: the fast path's facts *fast for the instruction
 * at va must be what Zydis and analyze() find. 0 if so, else -1 with an
 * "internal" error. */
static int crosscheck(const struct vctx *c, uint64_t va, uint64_t end,
                      const struct facts *fast) {
  ZydisDecodedInstruction d;
  ZydisDecodedOperand op[ZYDIS_MAX_OPERAND_COUNT];
  struct facts ref;
  struct sfi_verify_error e;
  struct vctx quiet = *c;
  quiet.err = &e; /* analyze's own refusal is replaced by ours below */
  if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&c->dec, c->in->image + va,
                                           end - va, &d, op)))
    return fail(c, "internal", va, "fast path accepted undecodable bytes");
  if (analyze(&quiet, &d, op, va, &ref))
    return fail(c, "internal", va, "fast path accepted what Zydis refuses "
                "(%s: %s)", e.rule, e.msg);
  if (!same_facts(fast, &ref))
    return fail(c, "internal", va,
                "fast path differs from Zydis: len %u/%u kind %u/%u delta "
                "%d/%d need %u/%u rip %u/%u disp %lld/%lld size %u/%u pat "
                "%u/%u regs %u,%u,%u/%u,%u,%u imm %x/%x flags %x/%x",
                fast->len, ref.len, fast->kind, ref.kind, fast->delta,
                ref.delta, fast->need, ref.need, fast->rip, ref.rip,
                (long long)fast->disp, (long long)ref.disp, fast->rip_size,
                ref.rip_size, fast->pat, ref.pat, fast->ra, fast->rb,
                fast->rc, ref.ra, ref.rb, ref.rc, fast->imm, ref.imm,
                fast->flags, ref.flags);
  return 0;
}

int sfi__verify_crosscheck_insn(const uint8_t *bytes, int stores_only,
                                char *why, size_t cap) {
  uint8_t buf[32];
  memcpy(buf, bytes, 16);
  memset(buf + 16, 0xcc, 16);
  struct sfi_verify_range code = {0, 16};
  struct sfi_verify_input in = {.image = buf, .image_size = sizeof buf,
                                .code = &code, .ncode = 1,
                                .stores_only = stores_only,
                                .flags = SFI_VERIFY_CROSSCHECK};
  struct sfi_verify_error err;
  struct vctx c = {.in = &in, .err = &err, .input_ok = 1, .fast = 1};
  struct facts f;
  if (!ZYAN_SUCCESS(ZydisDecoderInit(&c.dec, ZYDIS_MACHINE_MODE_LONG_64,
                                     ZYDIS_STACK_WIDTH_64)))
    return -1;
  memset(&err, 0, sizeof err);
  if (!fast_facts(buf, stores_only, &f))
    return 0;
  if (crosscheck(&c, 0, 16, &f) == 0)
    return 1;
  if (why)
    sfi_verify_format(&err, why, cap);
  return -1;
}

/* Facts of the instruction at va, from the fast path, the cache or Zydis. */
/* Facts of the instruction at va from the cache or from Zydis. */
static __attribute__((noinline)) const struct facts *
decode_slow(struct vctx *c, uint64_t va, uint64_t end, struct facts *tmp) {
  const uint8_t *p = c->in->image + va;
  struct guess g = {0};
  /* the key reads 16 bytes: inside the image, maybe past the unit */
  int room = c->in->image_size - va >= 16;
#ifdef FAST_STATS
  if (room && c->fast) {
    fprintf(stderr, "MISS");
    for (int k = 0; k < 8; k++) fprintf(stderr, " %02x", p[k]);
    fprintf(stderr, "\n");
  }
#endif
  if (c->cache_wanted) {
    c->cache_wanted = 0;
    cache_init(c);
  }
  int cacheable = c->cache && room;
  if (cacheable) {
    guess_len(p, &g);
    const struct facts *f =
        g.len > 0 && g.len <= 15 && (uint64_t)g.len <= end - va
            ? cache_get(c, p, &g, tmp)
            : NULL;
    if (f)
      return f;
  }
  ZydisDecodedInstruction d;
  ZydisDecodedOperand op[ZYDIS_MAX_OPERAND_COUNT];
  if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&c->dec, p, end - va, &d, op))) {
    const struct sfi_verify_range *rg = range_of(c, va);
    if (end < rg->end &&
        ZYAN_SUCCESS(ZydisDecoderDecodeFull(&c->dec, p, rg->end - va, &d, op)))
      fail(c, "decode", va,
           "instruction crosses the function start or table at 0x%llx",
           (unsigned long long)end);
    else
      fail(c, "decode", va, "undecodable bytes");
    return NULL;
  }
  if (analyze(c, &d, op, va, tmp))
    return NULL;
  if (cacheable && entry_ok(&d, tmp, &g))
    cache_put(c, p, &g, tmp);
  return tmp;
}

/* Facts of the instruction at va (not int3: decode_unit() takes those),
 * from the fast path, else the cache or Zydis. */
static inline const struct facts *decode_one(struct vctx *c, uint64_t va,
                                             uint64_t end, struct facts *tmp) {
  /* the fast path may read up to 32 bytes (at most 14 prefixes, then an
   * instruction body of at most 17 bytes, before it checks the length
   * against 15): inside the image, maybe past the unit */
  if (c->fast && c->in->image_size - va >= 32) {
    int n = fast_facts(c->in->image + va, c->in->stores_only, tmp);
    if (n && (uint64_t)n <= end - va) {
      if (c->in->flags & SFI_VERIFY_CROSSCHECK)
        return crosscheck(c, va, end, tmp) ? NULL : tmp;
      return tmp;
    }
  }
  return decode_slow(c, va, end, tmp);
}

static int decode_unit(struct vctx *c, uint64_t start, uint64_t end) {
  c->nv = 0;
  c->nbr = 0;
  c->ustart = start;
  if (end - start > c->at_cap) {
    size_t n = c->at_cap ? c->at_cap : 4096;
    while (n < end - start)
      n *= 2;
    free(c->at);
    c->at = calloc(n, sizeof *c->at);
    c->at_cap = c->at ? n : 0;
    if (!c->at)
      return fail(c, "input", start, "out of memory");
  }
  static const struct facts int3 = {.len = 1, .kind = K_TRAP};
  const uint8_t *image = c->in->image;
  for (uint64_t va = start; va < end;) {
    if (c->nv == c->cap && grow(c))
      return fail(c, "input", va, "out of memory");
    if (image[va] == 0xcc) { /* int3 padding: what apply() would make */
      struct vinsn *r = &c->v[c->nv];
      r->f = int3;
      r->va = va;
      r->target = 0;
      r->off = -1;
      r->slots = 0;
      r->slots_off = -1;
      c->at[va - start] = (uint32_t)c->nv++;
      va++;
      continue;
    }
    /* the facts are decoded into place (decode_one returns its tmp) */
    const struct facts *f = decode_one(c, va, end, &c->v[c->nv].f);
    if (!f)
      return -1;
    c->uses |= f->flags;
    if (apply(c, va))
      return -1;
    uint8_t k = c->v[c->nv].kind;
    if (k == K_JMP || k == K_JCC || k == K_CALL || k == K_JMPT)
      c->br[c->nbr++] = (uint32_t)c->nv;
    c->at[va - start] = (uint32_t)c->nv;
    c->nv++;
    va += f->len;
  }
  return 0;
}

/* Index of the instruction at va (inside the unit) in the unit, or -1. */
static long find_insn(const struct vctx *c, uint64_t va) {
  uint32_t i = c->at[va - c->ustart];
  return i < c->nv && c->v[i].va == va ? (long)i : -1;
}

/* Resolves the target of direct branch r: an index in this unit, or -1 for
 * a function start / table entry outside it (entered at offset 0). */
static int resolve_target(const struct vctx *c, const struct vinsn *r,
                          uint64_t start, uint64_t end, long *idx) {
  uint64_t t = r->target;
  *idx = -1;
  if (in_table(c, t)) {
    if ((t - c->in->jt_start) % SFI_JT_ENTRY_SIZE)
      return fail(c, "branch", r->va,
                  "target 0x%llx inside a jump-table entry",
                  (unsigned long long)t);
    return 0;
  }
  if (r->kind == K_CALL) {
    if (!is_func(c, t))
      return fail(c, "branch", r->va, "call target 0x%llx is not a function "
                  "start", (unsigned long long)t);
    return 0;
  }
  if (t >= start && t < end) {
    *idx = find_insn(c, t);
    if (*idx < 0)
      return fail(c, "branch", r->va,
                  "target 0x%llx is not an instruction boundary",
                  (unsigned long long)t);
    if (c->v[*idx].flags & F_NOTARGET)
      return fail(c, "branch", r->va,
                  "target 0x%llx inside a confinement sequence",
                  (unsigned long long)t);
    return 0;
  }
  if (!is_func(c, t))
    return fail(c, "branch", r->va,
                "target 0x%llx is neither in this function nor a function "
                "start",
                (unsigned long long)t);
  return 0;
}

/* Slot k of branch-slot jump r: an instruction of this unit that is no
 * part of a sequence. */
static long slot_target(const struct vctx *c, const struct vinsn *r,
                        uint32_t k, uint64_t start, uint64_t end) {
  uint64_t t = r->target + (uint64_t)k * SFI_BRANCH_SLOT_SIZE;
  long idx = t >= start && t < end && r->target >= start ? find_insn(c, t)
                                                          : -1;
  if (idx < 0)
    return fail(c, "branch", r->va,
                "branch slot %u at 0x%llx is not an instruction of this "
                "function",
                k, (unsigned long long)t);
  if (c->v[idx].flags & F_NOTARGET)
    return fail(c, "branch", r->va,
                "branch slot %u at 0x%llx is inside a sequence", k,
                (unsigned long long)t);
  return idx;
}

/* The first slot of jump r's table, checked (every slot an instruction of
 * the unit) the first time a jump uses it. Jumps may share a table but
 * not disagree on its size, and the unit's tables together have at most
 * one slot per SFI_BRANCH_SLOT_SIZE bytes of the unit (tables of real
 * code are disjoint), so checking costs O(unit size) however many jumps
 * there are (review3 "slotsdos"). Returns its index or -1. */
static long table_once(struct vctx *c, const struct vinsn *r, uint64_t start,
                       uint64_t end) {
  long t0 = slot_target(c, r, 0, start, end);
  if (t0 < 0)
    return -1;
  struct vinsn *first = &c->v[t0];
  if ((r->flags & F_SLOTLOAD) && !(first->flags & F_SLOTSE9)) {
    /* checked once per table, whatever its size (jumps that disagree on
     * it fail below, so this covers every slot any jump uses) */
    first->flags |= F_SLOTSE9;
    for (uint32_t k = 0; k < r->imm; k++) {
      long s = slot_target(c, r, k, start, end);
      if (s < 0)
        return -1;
      const struct vinsn *j = &c->v[s];
      if (j->kind != K_JMP || j->len != 5 || c->in->image[j->va] != 0xe9 ||
          j->target < start || j->target >= end)
        return fail(c, "branch", r->va,
                    "branch slot %u at 0x%llx of a loading slot jump is not "
                    "a 5-byte jmp rel32 inside the function",
                    k, (unsigned long long)j->va);
    }
  }
  if (first->slots == r->imm)
    return t0;
  if (first->slots)
    return fail(c, "branch", r->va,
                "branch slots at 0x%llx used with %u and %u slots",
                (unsigned long long)r->target, first->slots, r->imm);
  if (r->imm > c->slot_budget)
    return fail(c, "branch", r->va,
                "branch slot tables of this function overlap (more slots "
                "than the function has room for)");
  c->slot_budget -= r->imm;
  first->slots = r->imm;
  for (uint32_t k = 1; k < r->imm; k++)
    if (slot_target(c, r, k, start, end) < 0)
      return -1;
  return t0;
}

static int check_targets(struct vctx *c, uint64_t start, uint64_t end) {
  for (size_t j = 0; j < c->nbr; j++) {
    struct vinsn *r = &c->v[c->br[j]];
    long idx = -1;
    if ((r->kind == K_JMP || r->kind == K_JCC || r->kind == K_CALL) &&
        resolve_target(c, r, start, end, &idx))
      return -1;
    r->tidx = (int32_t)idx; /* step() reads it back */
    if (r->kind == K_JMPT && table_once(c, r, start, end) < 0)
      return -1;
  }
  return 0;
}

/* Offset off reaches instruction i (i == nv: the unit's end). */
static int reach(struct vctx *c, const struct vinsn *from, size_t i,
                 int64_t off, size_t *nwork, int range_end) {
  if (i == c->nv) {
    if (range_end)
      return fail(c, "stack", from->va, "falls off the end of the code range");
    if (off != 0)
      return fail(c, "stack", from->va,
                  "falls into the next function at offset %lld",
                  (long long)off);
    return 0;
  }
  struct vinsn *t = &c->v[i];
  if (t->off < 0) {
    t->off = (int32_t)off;
    c->work[(*nwork)++] = (uint32_t)i;
  } else if (t->off != off && t->kind != K_TRAP) {
    /* A trap executes nothing and has no successor, so the %rsp offset
     * it is reached with does not matter: code generation merges the
     * identical trap blocks of paths with different frames (a noreturn
     * shadow-stack check in BZ2_bz__AssertH__fail of bzip2). */
    return fail(c, "stack", t->va,
                "reached with %%rsp offsets %d and %lld", t->off,
                (long long)off);
  }
  return 0;
}

static int step(struct vctx *c, size_t i, size_t *nwork, uint64_t start,
                uint64_t end, int range_end) {
  const struct vinsn *r = &c->v[i];
  int64_t off = r->off, after = off + r->delta;
  if (r->need > off)
    return fail(c, "memory", r->va,
                "%%rsp operand reaches %u bytes above %%rsp, frame is %lld",
                r->need, (long long)off);
  if (after < 0 || after > FRAME_MAX)
    return fail(c, "stack", r->va, "%%rsp offset %lld outside [0, %lld]",
                (long long)after, (long long)FRAME_MAX);
  switch (r->kind) {
  case K_RET:
  case K_JMPI:
    if (off != 0)
      return fail(c, "stack", r->va, "%s at %%rsp offset %lld",
                  r->kind == K_RET ? "ret" : "tail jump", (long long)off);
    return 0;
  case K_TRAP:
    return 0;
  case K_JMPT: {
    /* every jump into one table shares its slots: enter them once */
    long t0 = table_once(c, r, start, end);
    if (t0 < 0)
      return -1;
    struct vinsn *first = &c->v[t0];
    if (first->slots_off >= 0) {
      if (first->slots_off != after)
        return fail(c, "stack", r->va,
                    "branch slots at 0x%llx entered with %%rsp offsets %d "
                    "and %lld",
                    (unsigned long long)r->target, first->slots_off,
                    (long long)after);
      return 0;
    }
    first->slots_off = (int32_t)after;
    for (uint32_t k = 0; k < r->imm; k++) {
      long idx = slot_target(c, r, k, start, end);
      if (idx < 0 || reach(c, r, (size_t)idx, after, nwork, range_end))
        return -1;
    }
    return 0;
  }
  case K_JMP:
  case K_JCC: {
    long idx = r->tidx; /* resolved by check_targets() */
    if (idx < 0 && after != 0)
      return fail(c, "stack", r->va,
                  "jump to another function at %%rsp offset %lld",
                  (long long)after);
    if (idx >= 0 && reach(c, r, (size_t)idx, after, nwork, range_end))
      return -1;
    if (r->kind == K_JMP)
      return 0;
    break;
  }
  default:
    break;
  }
  return reach(c, r, i + 1, after, nwork, range_end);
}

static int check_unit(struct vctx *c, uint64_t start, uint64_t end,
                      int range_end) {
  c->slot_budget = (end - start) / SFI_BRANCH_SLOT_SIZE;
  if (decode_unit(c, start, end))
    return -1;
  if (!c->in->stores_only)
    for (size_t i = 0; i < c->nv; i++)
      if (c->v[i].pat == P_SLD && !(c->v[i].flags & F_CLAIMED))
        return fail(c, "memory", c->v[i].va,
                    "unconfined memory operand (a slot read outside a "
                    "loading branch-slot jump)");
  if (check_targets(c, start, end))
    return -1;
  /* the branch list is done with: its room (one slot per instruction)
   * holds the worklist, where each instruction enters at most once */
  c->work = c->br;
  size_t nwork = 0;
  if (c->nv) {
    c->v[0].off = 0;
    c->work[nwork++] = 0;
  }
  while (nwork) {
    size_t i = c->work[--nwork];
    /* step() inline for straight-line code: an instruction that only falls
     * through hands its offset to an unreached successor directly (the
     * order step() and the stack would take too) */
    for (;;) {
      struct vinsn *r = &c->v[i];
      int64_t off = r->off, after = off + r->delta;
      if ((r->kind != K_SEQ && r->kind != K_CALL && r->kind != K_CALLI) ||
          r->need > off || after < 0 || after > FRAME_MAX ||
          i + 1 == c->nv || c->v[i + 1].off >= 0) {
        if (step(c, i, &nwork, start, end, range_end))
          return -1;
        break;
      }
      c->v[++i].off = (int32_t)after;
    }
  }
  /* An instruction no path from the unit start reaches never runs: control
   * enters code only at function starts (direct calls, table entries) and
   * after calls on a reached path. Its %rsp operands have no offset to
   * check; every other rule still applied to it above. (Code generation
   * at -O0 leaves such blocks.) */
  return 0;
}

/* ---- the module ---- */

/* About one cache entry per 128 bytes of code (the fast path takes all
 * but a few percent of the instructions of compiled code), at most 2^18
 * (16 MiB). */
static void cache_init(struct vctx *c) {
  uint64_t code = 0;
  for (size_t i = 0; i < c->in->ncode; i++)
    code += c->in->code[i].end - c->in->code[i].start;
  size_t n = 256;
  while (n < (1u << 18) && n * 128 < code)
    n *= 2;
  c->cache = calloc(n, sizeof *c->cache);
  c->cache_mask = n - 1;
}

static int check_range(struct vctx *c, const struct sfi_verify_range *rg) {
  const struct sfi_verify_input *in = c->in;
  size_t fi = upper_bound(in->func_starts, in->nfuncs, rg->start);
  uint64_t pos = rg->start;
  while (pos < rg->end) {
    if (in->jt_size && pos == in->jt_start) {
      if (check_table(c))
        return -1;
      pos = c->jt_end;
      continue;
    }
    uint64_t next = rg->end;
    if (in->jt_size && in->jt_start > pos && in->jt_start < next)
      next = in->jt_start;
    while (fi < in->nfuncs && in->func_starts[fi] <= pos)
      fi++;
    if (fi < in->nfuncs && in->func_starts[fi] < next)
      next = in->func_starts[fi];
    if (check_unit(c, pos, next, next == rg->end))
      return -1;
    pos = next;
  }
  return 0;
}

/* Sizes the per-unit arrays once for the largest unit (an upper bound:
 * ranges cut at function starts only), so that no unit reallocates: the
 * index map and the instruction arrays for every byte (a unit has at most
 * one instruction per byte; only the pages used are touched, and a unit
 * of int3 padding would otherwise regrow them in every verification). */
static int presize(struct vctx *c) {
  const struct sfi_verify_input *in = c->in;
  uint64_t big = 0;
  size_t fi = 0;
  for (size_t i = 0; i < in->ncode; i++) {
    uint64_t pos = in->code[i].start;
    while (fi < in->nfuncs && in->func_starts[fi] <= pos)
      fi++;
    for (; fi < in->nfuncs && in->func_starts[fi] < in->code[i].end; fi++) {
      if (in->func_starts[fi] - pos > big)
        big = in->func_starts[fi] - pos;
      pos = in->func_starts[fi];
    }
    if (in->code[i].end - pos > big)
      big = in->code[i].end - pos;
  }
  c->at = calloc(big ? big : 1, sizeof *c->at);
  c->at_cap = c->at ? big : 0;
  size_t cap = big + 64; /* at most one instruction per byte: no unit grows
                          * it (pages only used are touched) */
  struct vinsn *v = malloc(cap * sizeof *v);
  uint32_t *b = malloc(cap * sizeof *b);
  c->v = v;
  c->br = b;
  if (!c->at || !v || !b)
    return -1;
  c->cap = cap;
  return 0;
}

int sfi_verify(const struct sfi_verify_input *in,
               struct sfi_verify_error *err) {
  struct vctx c = {.in = in, .err = err};
  if (err)
    memset(err, 0, sizeof *err);
  if (!ZYAN_SUCCESS(ZydisDecoderInit(&c.dec, ZYDIS_MACHINE_MODE_LONG_64,
                                     ZYDIS_STACK_WIDTH_64)))
    return fail(&c, "input", 0, "Zydis decoder init failed");
  int rc = check_input(&c);
  if (!rc && !(in->flags & SFI_VERIFY_NO_CACHE)) {
    c.cache_wanted = 1;
    c.fast = !(in->flags & SFI_VERIFY_NO_FAST);
  }
  if (!rc && presize(&c))
    rc = fail(&c, "input", 0, "out of memory");
  for (size_t i = 0; !rc && i < in->ncode; i++)
    rc = check_range(&c, &in->code[i]);
  free(c.v);
  free(c.br);
  free(c.at);
  free(c.cache);
  if (in->uses)
    *in->uses = rc ? SFI_USES_X87 | SFI_USES_AVX512
                   : (c.uses & F_X87 ? SFI_USES_X87 : 0) |
                         (c.uses & F_AVX512 ? SFI_USES_AVX512 : 0);
  return rc ? -1 : 0;
}
