/* verify_fast.h: the verifier's fast path (included by verify.c only).
 *
 * A small table-free x86-64 decoder for the instruction forms compilers
 * emit most (integer ALU, mov, lea, push/pop, direct branches, the common
 * SSE, AVX/AVX2 (VEX) and AVX-512 mask instructions), which computes the
 * same `struct facts` that analyze() derives from Zydis's full decoding.
 * It reads at most 32 bytes (the caller guarantees them) and refuses any
 * instruction longer than 15. It only ever accepts: for
 * any form it does not know exactly, or that analyze() would refuse, or
 * whose facts it cannot be sure of, it returns 0 and the instruction goes
 * to the cache and Zydis (which also word every refusal). So a gap in its
 * coverage costs speed, never a verdict.
 *
 * The rules it mirrors (each is what analyze() and its helpers decide for
 * the forms accepted here):
 *  - prefixes: at most one each of 66, 67, 65 and one of f2/f3 where it is
 *    mandatory (SSE), REX only right before the opcode; never f0, 64, 2e,
 *    3e, 26, 36 (except 66/2e runs on the canonical 0f 1f nop);
 *  - a checked memory operand is 65 67 (%gs: with 32-bit address, no %eip
 *    base), disp(%rsp) with no index, or disp(%rip); a read in a
 *    stores-only module any form; 65 without 67 or 67 without 65 declines;
 *  - a written general register whose number is 4 (%rsp, %esp, %sp, %spl,
 *    and %ah, which is declined too) declines, except `add/sub $imm,%rsp`
 *    and `lea disp(%rsp),%rsp` (the %rsp deltas);
 *  - the confinement patterns (lea jt(%rip), sub/add %S,%R, and $imm,%eR,
 *    lea (%S,%I,8),%R) set the same pattern fields.
 * SFI_VERIFY_CROSSCHECK decodes every fast-path instruction with Zydis too
 * and refuses the module (rule "internal") on any difference;
 * tests/verify/test_fast.c does that for millions of generated forms. */

/* Operand-size classes of a memory operand. */
enum { SZ_B = 1, SZ_W, SZ_D, SZ_Q, SZ_X, SZ_V, SZ_DQ, SZ_Y };
/* What the instruction does to its modrm.rm memory operand. */
enum { M_R = 1, M_W = 2, M_RW = 3, M_NONE = 4 /* lea, nop: not checked */ };

struct fdec {
  const uint8_t *p;
  int i;          /* next byte */
  int p66, p67, gs, rep, rex;
  int mod, reg, rm; /* reg, rm with REX extensions */
  int has_mem, base, index, scale, rip; /* base/index -1 = none */
  int64_t disp;
};

static inline __attribute__((always_inline)) int fsize(const struct fdec *d, int cls) {
  switch (cls) {
  case SZ_B: return 8;
  case SZ_W: return 16;
  case SZ_D: return 32;
  case SZ_Q: return 64;
  case SZ_X: return 128;
  case SZ_Y: return 256;
  case SZ_DQ: return d->rex & 8 ? 64 : 32;
  default: return d->rex & 8 ? 64 : d->p66 ? 16 : 32;
  }
}

/* modrm [sib] [disp] at d->i. */
static inline __attribute__((always_inline)) void fmodrm(struct fdec *d) {
  const uint8_t *p = d->p;
  uint8_t m = p[d->i++];
  d->mod = m >> 6;
  d->reg = ((m >> 3) & 7) | (d->rex & 4 ? 8 : 0);
  d->rm = (m & 7) | (d->rex & 1 ? 8 : 0);
  d->has_mem = d->mod != 3;
  d->base = d->index = -1;
  d->rip = 0;
  d->scale = 0;
  d->disp = 0;
  if (!d->has_mem)
    return;
  int rm = m & 7, dsz = d->mod == 1 ? 1 : d->mod == 2 ? 4 : 0;
  if (rm == 4) {
    uint8_t s = p[d->i++];
    int b = s & 7, x = ((s >> 3) & 7) | (d->rex & 2 ? 8 : 0);
    d->scale = 1 << (s >> 6);
    if (x != 4)
      d->index = x;
    if (b == 5 && d->mod == 0)
      dsz = 4;
    else
      d->base = b | (d->rex & 1 ? 8 : 0);
  } else if (rm == 5 && d->mod == 0) {
    d->rip = 1;
    dsz = 4;
  } else {
    d->base = d->rm;
  }
  if (dsz == 1)
    d->disp = (int8_t)p[d->i];
  else if (dsz == 4) {
    int32_t v;
    memcpy(&v, p + d->i, 4);
    d->disp = v;
  }
  d->i += dsz;
}

/* The modrm.rm memory operand of size class cls with access acc, as
 * check_mem() sees it. 0 ok, -1 decline. */
static inline __attribute__((always_inline)) int fmem(const struct fdec *d, int cls, int acc, int stores_only,
                struct facts *f) {
  if (!d->has_mem || acc == M_NONE)
    return 0;
  if (stores_only && acc == M_R)
    return 0; /* any form but %fs: (never here) */
  if (d->gs && d->p67)
    return d->rip ? -1 : 0; /* %gs: with an %eip base is refused */
  if (d->gs || d->p67)
    return -1;
  int64_t size = fsize(d, cls) / 8;
  if (d->base == 4 && d->index < 0) {
    if (d->disp < 0 || d->disp + size > FRAME_MAX)
      return -1;
    f->need = (uint32_t)(d->disp + size);
    f->flags |= F_RSPMEM;
    return 0;
  }
  if (d->rip && d->index < 0) {
    f->rip = RIP_MEM;
    f->disp = d->disp;
    f->rip_size = (uint32_t)size;
    return 0;
  }
  return -1;
}

static inline __attribute__((always_inline)) int fimm(struct fdec *d, int n, int64_t *v) {
  const uint8_t *p = d->p + d->i;
  if (n == 1)
    *v = (int8_t)p[0];
  else if (n == 2) {
    int16_t x;
    memcpy(&x, p, 2);
    *v = x;
  } else if (n == 4) {
    int32_t x;
    memcpy(&x, p, 4);
    *v = x;
  } else {
    memcpy(v, p, 8);
  }
  d->i += n;
  return 0;
}

/* The operand form of a modrm instruction, as an opcode table gives it. */
struct fform {
  int cls;  /* size class of the memory operand */
  int acc;  /* M_R, M_W, M_RW, M_NONE */
  int imm;  /* immediate bytes after the modrm operand */
  int dest; /* a written GPR: 1 modrm.reg, 2 modrm.rm (mod 3) */
  int sld;  /* movslq: a flat base-only operand is left to analyze() (P_SLD,
             * its displacement in the cache's key) */
};

/* The end of every modrm instruction: the operand at d->i, no %gs: or 67
 * without memory, no %rsp written, the memory operand checked, the
 * immediate skipped. 0 ok, -1 decline. */
static inline __attribute__((always_inline)) int
fmodrm_end(struct fdec *d, const struct fform *m, int stores_only,
           struct facts *f) {
  fmodrm(d);
  if ((d->gs || d->p67) && !d->has_mem)
    return -1;
  if (m->sld && d->has_mem && !d->gs && !d->p67 && !d->rip && d->index < 0 &&
      d->base != 4)
    return -1;
  if ((m->dest == 1 && d->reg == 4) ||
      (m->dest == 2 && !d->has_mem && d->rm == 4))
    return -1;
  if (fmem(d, m->cls, m->acc, stores_only, f))
    return -1;
  d->i += m->imm;
  return 0;
}

/* iz: a 16-bit immediate only with 66 and no REX.W */
#define IZ(d) ((d)->p66 && !((d)->rex & 8) ? 2 : 4)
#define ZR(n) ((uint16_t)(ZYDIS_REGISTER_RAX + (n)))

/* The 0f map, opcodes below 0x80 (SSE moves and arithmetic, cmovcc): the
 * operand form in *m. 1 a modrm instruction follows, -1 decline. */
static inline __attribute__((always_inline)) int
fast_0f_lo(const struct fdec *d, uint8_t o, struct fform *m) {
  int rep = d->rep, p66 = d->p66, sse = rep || p66;
  switch (o) {
  case 0x10: case 0x11: /* movups/movupd/movss/movsd */
    m->cls = rep == 0xf3 ? SZ_D : rep == 0xf2 ? SZ_Q : SZ_X;
    m->acc = o == 0x11 ? M_W : M_R;
    return 1;
  case 0x14: case 0x15: case 0x28: case 0x54: case 0x55: case 0x56:
  case 0x57: /* unpck, movaps, andps, ... (shufps: fast_0f_hi) */
    if (rep)
      return -1;
    m->cls = SZ_X;
    return 1;
  case 0x29: /* movaps/movapd store */
    if (rep)
      return -1;
    m->cls = SZ_X;
    m->acc = M_W;
    return 1;
  case 0x2a: /* cvtsi2ss/sd */
    if (!rep)
      return -1;
    m->cls = SZ_DQ;
    return 1;
  case 0x2c: case 0x2d: /* cvt(t)ss2si/sd2si */
    if (!rep)
      return -1;
    m->cls = rep == 0xf3 ? SZ_D : SZ_Q;
    m->dest = 1;
    return 1;
  case 0x2e: case 0x2f: /* ucomis, comis */
    if (rep)
      return -1;
    m->cls = p66 ? SZ_Q : SZ_D;
    return 1;
  case 0x51: case 0x58: case 0x59: case 0x5c: case 0x5d: case 0x5e:
  case 0x5f:
    m->cls = rep == 0xf3 ? SZ_D : rep == 0xf2 ? SZ_Q : SZ_X;
    return 1;
  case 0x5a: /* cvtps2pd, cvtpd2ps, cvtss2sd, cvtsd2ss */
    m->cls = rep == 0xf3 ? SZ_D : rep == 0xf2 || !p66 ? SZ_Q : SZ_X;
    return 1;
  case 0x5b:
    if (rep == 0xf2)
      return -1;
    m->cls = SZ_X;
    return 1;
  case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65:
  case 0x66: case 0x67: case 0x68: case 0x69: case 0x6a: case 0x6b:
  case 0x6c: case 0x6d: case 0x74: case 0x75: case 0x76:
    /* packed integer xmm ops (the rest: fast_0f_hi) */
    if (!p66)
      return -1;
    m->cls = SZ_X;
    return 1;
  case 0x6e: /* movd/movq xmm, r/m */
    if (!p66)
      return -1;
    m->cls = SZ_DQ;
    return 1;
  case 0x6f: case 0x7f: /* movdqa, movdqu */
    if (!p66 && rep != 0xf3)
      return -1;
    m->cls = SZ_X;
    m->acc = o == 0x7f ? M_W : M_R;
    return 1;
  case 0x70: /* pshufd, pshufhw, pshuflw */
    if (!sse)
      return -1;
    m->cls = SZ_X;
    m->imm = 1;
    return 1;
  case 0x71: case 0x72: case 0x73: { /* shifts by immediate, xmm only */
    if (!p66 || d->p[d->i] >> 6 != 3)
      return -1;
    int r = (d->p[d->i] >> 3) & 7;
    if (!(r == 2 || r == 6 || (r == 4 && o != 0x73) ||
          (o == 0x73 && (r == 3 || r == 7))))
      return -1;
    m->imm = 1;
    return 1;
  }
  case 0x7e:
    if (p66) { /* movd/movq r/m, xmm */
      m->cls = SZ_DQ;
      m->acc = M_W;
      m->dest = 2;
    } else if (rep == 0xf3) { /* movq xmm, xmm/m64 */
      m->cls = SZ_Q;
    } else {
      return -1;
    }
    return 1;
  case 0x1f: /* nop r/m: handled by the caller */
    return -1;
  case 0x40: case 0x41: case 0x42: case 0x43: case 0x44: case 0x45:
  case 0x46: case 0x47: case 0x48: case 0x49: case 0x4a: case 0x4b:
  case 0x4c: case 0x4d: case 0x4e: case 0x4f: /* cmovcc */
    if (sse)
      return -1;
    m->cls = SZ_V;
    m->dest = 1;
    return 1;
  default:
    return -1;
  }
}

/* The 0f map from 0x90 (setcc, imul, bit counts, movzx/movsx, ud1, the
 * rest of SSE): the operand form in *m. 1 a modrm instruction follows, 0
 * done (ud1), -1 decline. */
static inline __attribute__((always_inline)) int
fast_0f_hi(struct fdec *d, uint8_t o, struct fform *m, struct facts *f) {
  int rep = d->rep, p66 = d->p66, sse = rep || p66;
  switch (o) {
  case 0xc6: /* shufps, shufpd */
    if (rep)
      return -1;
    m->cls = SZ_X;
    m->imm = 1;
    return 1;
  case 0xd4: case 0xdb: case 0xdf: case 0xeb: case 0xef: case 0xf4:
  case 0xfa: case 0xfb: case 0xfe: /* packed integer xmm ops */
    if (!p66)
      return -1;
    m->cls = SZ_X;
    return 1;
  case 0xd6: /* movq xmm/m64, xmm */
    if (!p66)
      return -1;
    m->cls = SZ_Q;
    m->acc = M_W;
    return 1;
  case 0xc4: /* pinsrw */
    if (!p66)
      return -1;
    m->cls = SZ_W;
    m->imm = 1;
    return 1;
  case 0xaf: /* imul r, r/m */
    if (sse)
      return -1;
    m->cls = SZ_V;
    m->dest = 1;
    return 1;
  case 0xb9: /* ud1: a trap, its operands never evaluated */
    if (sse || d->gs)
      return -1;
    fmodrm(d);
    f->kind = K_TRAP;
    return 0;
  case 0xb8: /* popcnt (f3 only) */
    if (rep != 0xf3)
      return -1;
    m->cls = SZ_V;
    m->dest = 1;
    return 1;
  case 0xbc: case 0xbd: /* bsf/bsr, tzcnt/lzcnt (f3) */
    if (rep == 0xf2 || p66)
      return -1;
    m->cls = SZ_V;
    m->dest = 1;
    return 1;
  case 0xb6: case 0xbe: /* movzx/movsx r, r/m8 */
  case 0xb7: case 0xbf: /* r, r/m16 */
    if (rep)
      return -1;
    m->cls = o & 1 ? SZ_W : SZ_B;
    m->dest = 1;
    return 1;
  case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:
  case 0x96: case 0x97: case 0x98: case 0x99: case 0x9a: case 0x9b:
  case 0x9c: case 0x9d: case 0x9e: case 0x9f: /* setcc r/m8 */
    if (sse || (d->p[d->i] & 0x38))
      return -1;
    m->cls = SZ_B;
    m->acc = M_W;
    m->dest = 2;
    return 1;
  default:
    return -1;
  }
}

/* The 0f map. Returns 0 ok, -1 decline. */
static inline __attribute__((always_inline)) int fast_0f(struct fdec *d, int stores_only, struct facts *f) {
  uint8_t o = d->p[d->i++];
  int sse = d->rep || d->p66;
  if (d->rep && d->p66)
    return -1;
  if (o >= 0x80 && o <= 0x8f) { /* jcc rel32 */
    if (d->rex || sse || d->gs || d->p67)
      return -1;
    int64_t v;
    fimm(d, 4, &v);
    f->kind = K_JCC;
    f->disp = v;
    return 0;
  }
  if (o == 0x0b) { /* ud2 */
    if (d->rex || sse || d->gs || d->p67)
      return -1;
    f->kind = K_TRAP;
    return 0;
  }
  struct fform m = {0, M_R, 0, 0, 0};
  int r = o < 0x80 ? fast_0f_lo(d, o, &m) : fast_0f_hi(d, o, &m, f);
  if (r <= 0)
    return r;
  return fmodrm_end(d, &m, stores_only, f);
}

/* A VEX instruction's fields and, filled by the map's table, its form. */
struct fvex {
  int W, vvvv, L, pp, rex;
  int mod3;           /* modrm.mod == 3 */
  int kreg, krm, kv;  /* k0-k7 impossible in modrm.reg, modrm.rm, vvvv */
  int size, acc, imm; /* memory operand bits, access, immediate bytes */
  int two;            /* a two-operand form: vvvv must be 1111 */
  int gpr;            /* 1: modrm.reg is a written GPR, 2: modrm.rm (mod 3) */
};

/* VEX map 0f1: AVX-512 mask instructions, vzeroupper, the moves and the
 * vector arithmetic. 1 a modrm instruction follows, 0 done, -1 decline. */
static inline __attribute__((always_inline)) int
fast_vex_0f(const struct fdec *d, uint8_t o, struct fvex *v) {
  const uint8_t *p = d->p;
  int W = v->W, vvvv = v->vvvv, L = v->L, pp = v->pp, mod3 = v->mod3;
  int kreg = v->kreg, krm = v->krm, kv = v->kv;
  switch (o) {
  /* AVX-512 mask registers (no memory but kmov's, no GPR written but by
   * kmov r, k): only the documented pp/W/L combinations */
  case 0x90: case 0x91: /* kmov k, k/m; kmov m, k */
    if (L || vvvv || pp > 1 || (o == 0x91 && mod3) || kreg || krm)
      return -1;
    v->size = pp ? (W ? 32 : 8) : (W ? 64 : 16);
    v->acc = o == 0x91 ? M_W : M_R;
    return 1;
  case 0x92: case 0x93: /* kmov k, r; kmov r, k */
    if (L || vvvv || !mod3 || pp == 2 || (pp < 2 && W) ||
        (o == 0x92 ? kreg : krm))
      return -1;
    v->gpr = o == 0x93;
    return 1;
  case 0x41: case 0x42: case 0x45: case 0x46: case 0x47: case 0x4a:
    /* kand, kandn, kor, kxnor, kxor, kadd */
    if (!L || !mod3 || pp > 1 || kreg || krm || kv)
      return -1;
    return 1;
  case 0x4b: /* kunpckbw, kunpckwd, kunpckdq */
    if (!L || !mod3 || pp > 1 || (pp && W) || kreg || krm || kv)
      return -1;
    return 1;
  case 0x44: case 0x98: case 0x99: /* knot, kortest, ktest */
    if (L || vvvv || !mod3 || pp > 1 || kreg || krm)
      return -1;
    return 1;
  case 0x77: /* vzeroupper, vzeroall */
    if (pp || vvvv || W)
      return -1;
    return 0;
  case 0x10: case 0x11:
    if (pp >= 2) { /* vmovss/vmovsd: 3 operands only between registers */
      if (L || W)
        return -1;
      v->size = pp == 2 ? 32 : 64;
      v->two = p[d->i] >> 6 != 3;
    } else {
      v->two = 1;
    }
    v->acc = o == 0x11 ? M_W : M_R;
    return 1;
  case 0x28: case 0x29:
    if (pp >= 2)
      return -1;
    v->two = 1;
    v->acc = o == 0x29 ? M_W : M_R;
    return 1;
  case 0x6f: case 0x7f:
    if (pp != 1 && pp != 2)
      return -1;
    v->two = 1;
    v->acc = o == 0x7f ? M_W : M_R;
    return 1;
  case 0x6e: case 0x7e: case 0xd6:
    if (L)
      return -1;
    v->two = 1;
    if (o == 0x7e && pp == 2) { /* vmovq xmm, xmm/m64 */
      if (W)
        return -1;
      v->size = 64;
    } else if (pp == 1) {
      v->size = o == 0xd6 ? 64 : W ? 64 : 32;
      if (o == 0xd6 && W)
        return -1;
      if (o != 0x6e) {
        v->acc = M_W;
        v->gpr = o == 0x7e ? 2 : 0;
      }
    } else {
      return -1;
    }
    return 1;
  case 0xd7: /* vpmovmskb r32, xmm/ymm */
    if (pp != 1 || !mod3)
      return -1;
    v->two = 1;
    v->gpr = 1;
    return 1;
  case 0x70: /* vpshufd/hw/lw */
    if (!pp)
      return -1;
    v->two = 1;
    v->imm = 1;
    return 1;
  case 0x2e: case 0x2f: /* vucomis, vcomis */
    if (pp >= 2 || L)
      return -1;
    v->two = 1;
    v->size = pp ? 64 : 32;
    return 1;
  case 0x14: case 0x15: case 0x54: case 0x55: case 0x56: case 0x57:
  case 0xc6:
    if (pp >= 2)
      return -1;
    v->imm = o == 0xc6;
    return 1;
  case 0x51: case 0x58: case 0x59: case 0x5c: case 0x5d: case 0x5e:
  case 0x5f:
    if (pp >= 2) {
      if (L)
        return -1;
      v->size = pp == 2 ? 32 : 64;
    }
    if (o == 0x51 && pp < 2)
      v->two = 1;
    return 1;
  case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65:
  case 0x66: case 0x67: case 0x68: case 0x69: case 0x6a: case 0x6b:
  case 0x6c: case 0x6d: case 0x74: case 0x75: case 0x76: case 0xd4:
  case 0xd5: case 0xd8: case 0xd9: case 0xda: case 0xdb: case 0xdc:
  case 0xdd: case 0xde: case 0xdf: case 0xe0: case 0xe3: case 0xe4:
  case 0xe5: case 0xe8: case 0xe9: case 0xea: case 0xeb: case 0xec:
  case 0xed: case 0xee: case 0xef: case 0xf4: case 0xf5: case 0xf6:
  case 0xf8: case 0xf9: case 0xfa: case 0xfb: case 0xfc: case 0xfd:
  case 0xfe:
    return pp == 1 ? 1 : -1;
  default:
    return -1;
  }
}

/* VEX maps 0f38 (vpshufb, vpbroadcast, the BMI shifts) and 0f3a
 * (kshift). 1 a modrm instruction follows, -1 decline. */
static inline __attribute__((always_inline)) int
fast_vex_0f38_0f3a(int map, uint8_t o, struct fvex *v) {
  if (map == 3) { /* kshiftr b/w, d/q (30, 31), kshiftl (32, 33) */
    if (o < 0x30 || o > 0x33 || v->pp != 1 || v->L || v->vvvv || !v->mod3 ||
        v->kreg || v->krm)
      return -1;
    v->imm = 1;
    return 1;
  }
  switch (o) {
  case 0x00: /* vpshufb */
    return v->pp == 1 ? 1 : -1;
  case 0x58: case 0x59: case 0x78: case 0x79: /* vpbroadcastd/q/b/w */
    if (v->pp != 1 || v->W)
      return -1;
    v->two = 1;
    v->size = o == 0x58 ? 32 : o == 0x59 ? 64 : o == 0x78 ? 8 : 16;
    return 1;
  case 0xf7: /* bextr, shlx, sarx, shrx */
    if (v->L)
      return -1;
    v->gpr = 1;
    v->size = v->W ? 64 : 32;
    return 1;
  default:
    return -1;
  }
}

/* VEX (c4/c5) in maps 0f, 0f38 and 0f3a: the common AVX/AVX2 moves and
 * integer and floating-point operations, vzeroupper, vpmovmskb,
 * vpbroadcast, the BMI shifts and the AVX-512 mask instructions. Only
 * %gs:/0x67 may precede it. 0 ok, -1 decline. */
static inline __attribute__((always_inline)) int
fast_vex(struct fdec *d, uint8_t op, int stores_only, struct facts *f) {
  const uint8_t *p = d->p;
  if (d->p66 || d->rep || d->rex)
    return -1;
  struct fvex v = {0};
  int map = 1, rex = 0;
  uint8_t b1 = p[d->i++];
  if (op == 0xc5) {
    rex = b1 & 0x80 ? 0 : 4;
  } else {
    map = b1 & 0x1f;
    rex = (b1 & 0x80 ? 0 : 4) | (b1 & 0x40 ? 0 : 2) | (b1 & 0x20 ? 0 : 1);
    b1 = p[d->i++];
    v.W = b1 >> 7;
  }
  v.vvvv = (~b1 >> 3) & 15;
  v.L = (b1 >> 2) & 1;
  v.pp = b1 & 3;
  d->rex = rex | (v.W ? 8 : 0);
  uint8_t o = p[d->i++];
  v.size = v.L ? 256 : 128;
  v.acc = M_R;
  v.mod3 = p[d->i] >> 6 == 3;
  /* a k register (k0-k7) in modrm.reg, in modrm.rm, in vvvv: no R, B, or
   * vvvv above 7 */
  v.kreg = (rex & 4) != 0;
  v.krm = v.mod3 && (rex & 1);
  v.kv = v.vvvv > 7;
  int r = map == 1 ? fast_vex_0f(d, o, &v)
          : map == 2 || map == 3 ? fast_vex_0f38_0f3a(map, o, &v) : -1;
  /* the mask instructions (map 0f 41-4b, 90-99; kshift: 0f3a 30-33)
   * touch AVX-512 state */
  if ((map == 1 && ((o >= 0x41 && o <= 0x4b) || (o >= 0x90 && o <= 0x99))) ||
      (map == 3 && o >= 0x30 && o <= 0x33))
    f->flags |= F_AVX512;
  if (r <= 0)
    return r;
  if (v.two && v.vvvv)
    return -1;
  int s = v.size;
  struct fform m = {s == 8 ? SZ_B : s == 16 ? SZ_W : s == 32 ? SZ_D
                    : s == 64 ? SZ_Q : s == 128 ? SZ_X : SZ_Y,
                    v.acc, v.imm, v.gpr, 0};
  return fmodrm_end(d, &m, stores_only, f);
}

/* Group 80/81/83 (/0 add ... /7 cmp) with an immediate, and the short
 * rAX forms; ALU register forms 00-3b. op is the ALU operation 0-7. */
static inline __attribute__((always_inline)) int fast_alu_imm(struct fdec *d, int op, int byte, int isz,
                        int stores_only, struct facts *f) {
  fmodrm(d);
  int64_t v;
  if ((d->gs || d->p67) && !d->has_mem)
    return -1;
  if (fmem(d, byte ? SZ_B : SZ_V, op == 7 ? M_R : M_RW, stores_only, f))
    return -1;
  fimm(d, isz, &v);
  if (d->has_mem || op == 7)
    return 0;
  if (d->rm == 4) { /* %rsp/%esp/%sp/%spl written */
    if (byte || !(d->rex & 8) || (op != 0 && op != 5))
      return -1;
    int64_t delta = op == 5 ? v : -v;
    if (delta < -FRAME_MAX || delta > FRAME_MAX)
      return -1;
    f->delta = (int32_t)delta;
    return 0;
  }
  if (op == 4 && !byte && !(d->rex & 8) && !d->p66) { /* and $imm,%eR */
    f->pat = P_AND;
    f->imm = (uint32_t)v;
    f->ra = ZR(d->rm);
  }
  return 0;
}

/* ALU r/m, r and r, r/m (00-3b): op >> 3 is the operation 0-7 (7 cmp).
 * 0 ok, -1 decline. */
static inline __attribute__((always_inline)) int
fast_alu_rm(struct fdec *d, uint8_t op, int stores_only, struct facts *f) {
  int alu = op >> 3, to_reg = op & 2, byte = !(op & 1);
  fmodrm(d);
  if ((d->gs || d->p67) && !d->has_mem)
    return -1;
  if (fmem(d, byte ? SZ_B : SZ_V, to_reg || alu == 7 ? M_R : M_RW,
           stores_only, f))
    return -1;
  if (alu != 7 && (to_reg ? d->reg : d->has_mem ? -1 : d->rm) == 4)
    return -1; /* %rsp written by a register operation */
  if ((alu == 0 || alu == 5) && !d->has_mem && !byte && (d->rex & 8)) {
    f->pat = alu == 5 ? P_SUB : P_ADD;
    f->ra = ZR(to_reg ? d->reg : d->rm);
    f->rb = ZR(to_reg ? d->rm : d->reg);
  }
  return 0;
}

/* lea: only lea disp(%rsp),%rsp may write %rsp; lea of a %rip address and
 * lea (%S,%I,8),%R set their fields. 0 ok, -1 decline. */
static inline __attribute__((always_inline)) int fast_lea(struct fdec *d,
                                                         struct facts *f) {
  if (d->gs || d->p67)
    return -1;
  fmodrm(d);
  if (!d->has_mem)
    return -1;
  if (d->reg == 4) { /* lea disp(%rsp),%rsp only */
    if (!(d->rex & 8) || d->p66 || d->base != 4 || d->index >= 0 ||
        d->disp < -FRAME_MAX || d->disp > FRAME_MAX)
      return -1;
    f->delta = (int32_t)-d->disp;
    return 0;
  }
  if (!(d->rex & 8))
    return 0;
  if (d->rip && d->index < 0) {
    f->rip = RIP_LEA;
    f->disp = d->disp;
    f->ra = ZR(d->reg);
  } else if (d->base >= 0 && d->index >= 0 && d->base != 4 && d->scale == 8 &&
             d->disp == 0) {
    f->pat = P_SLEA;
    f->ra = ZR(d->reg);
    f->rb = ZR(d->base);
    f->rc = ZR(d->index);
  }
  return 0;
}

/* The legacy prefixes the fast path knows (any other ends the prefixes
 * and is declined as an opcode); seen/dup: bit k for kind k. */
enum { K66 = 1, K67, K65, K2E, KF2, KF3 };

/* op al/eax, imm (04, 05, ... 3d): and $imm,%eax sets the pattern. */
static inline __attribute__((always_inline)) int
fast_alu_acc(struct fdec *d, uint8_t op, struct facts *f) {
  int64_t v;
  if (d->gs || d->p67)
    return -1;
  fimm(d, op & 1 ? IZ(d) : 1, &v);
  if (op == 0x25 && !(d->rex & 8) && !d->p66) {
    f->pat = P_AND;
    f->imm = (uint32_t)v;
    f->ra = ZR(0);
  }
  return 0;
}

/* push/pop r64 (50-5f): %rsp moves by 8; pop %rsp declines. */
static inline __attribute__((always_inline)) int
fast_push_pop(const struct fdec *d, uint8_t op, struct facts *f) {
  if (d->p66 || d->gs || d->p67 || (d->rex & 8))
    return -1;
  int r = (op & 7) | (d->rex & 1 ? 8 : 0);
  if (op >= 0x58 && r == 4)
    return -1; /* pop %rsp */
  f->delta = op < 0x58 ? 8 : -8;
  return 0;
}

/* The modrm forms of the groups with an operation in modrm.reg (one
 * function a group, each called from its own case). 1 ok, -1 decline. */
static inline __attribute__((always_inline)) int
fast_shift_form(const struct fdec *d, uint8_t op, struct fform *m) {
  if (((d->p[d->i] >> 3) & 7) == 6)
    return -1; /* the undocumented sal alias */
  m->cls = op & 1 ? SZ_V : SZ_B;
  m->acc = M_RW;
  m->dest = 2;
  m->imm = op < 0xc2;
  return 1;
}

static inline __attribute__((always_inline)) int
fast_movimm_form(const struct fdec *d, uint8_t op, struct fform *m) {
  if (d->p[d->i] & 0x38)
    return -1; /* mov $imm, r/m is /0 */
  m->cls = op & 1 ? SZ_V : SZ_B;
  m->acc = M_W;
  m->dest = 2;
  m->imm = op & 1 ? IZ(d) : 1;
  return 1;
}

static inline __attribute__((always_inline)) int
fast_unary_form(const struct fdec *d, uint8_t op, struct fform *m) {
  int r = (d->p[d->i] >> 3) & 7;
  if (r == 1)
    return -1; /* undocumented test alias */
  m->cls = op & 1 ? SZ_V : SZ_B;
  if (r == 0) /* test $imm */
    m->imm = op & 1 ? IZ(d) : 1;
  if (r == 2 || r == 3) { /* not, neg */
    m->acc = M_RW;
    m->dest = 2;
  }
  return 1;
}

static inline __attribute__((always_inline)) int
fast_incdec_form(const struct fdec *d, uint8_t op, struct fform *m) {
  if (d->p[d->i] & 0x30)
    return -1; /* only inc (/0) and dec (/1) */
  m->cls = op & 1 ? SZ_V : SZ_B;
  m->acc = M_RW;
  m->dest = 2;
  return 1;
}

/* Starts d at p with f cleared, and reads the prefixes and a REX into d.
 * 0 if declined. */
static inline __attribute__((always_inline)) int
fast_prefixes(struct fdec *d, const uint8_t *p, struct facts *f,
              unsigned *seen, unsigned *dup) {
  static const uint8_t pfx[256] = {[0x66] = K66, [0x67] = K67, [0x65] = K65,
                                   [0x2e] = K2E, [0xf2] = KF2, [0xf3] = KF3};
  d->p = p;
  d->i = 0;
  memset(f, 0, sizeof *f);
  for (unsigned k; (k = pfx[p[d->i]]) != 0; d->i++) {
    if (d->i >= 14)
      return 0;
    *dup |= *seen & (1u << k);
    *seen |= 1u << k;
  }
  d->p66 = (*seen >> K66) & 1;
  d->p67 = (*seen >> K67) & 1;
  d->gs = (*seen >> K65) & 1;
  d->rep = *seen & (1u << KF2) ? 0xf2 : *seen & (1u << KF3) ? 0xf3 : 0;
  d->rex = 0;
  if ((*seen & (3u << KF2)) == (3u << KF2))
    return 0; /* both f2 and f3 */
  if ((p[d->i] & 0xf0) == 0x40)
    d->rex = p[d->i++];
  return 1;
}

/* Returns the length of the instruction at p (32 readable bytes: it reads
 * at most p[0..31] before it refuses anything longer than 15) if the
 * fast path knows its facts exactly (then *f holds them), else 0. */
static inline __attribute__((always_inline)) int
fast_facts(const uint8_t *p, int stores_only, struct facts *f) {
  struct fdec d;
  unsigned seen = 0, dup = 0;
  if (!fast_prefixes(&d, p, f, &seen, &dup))
    return 0;
  uint8_t op = p[d.i++];
  if (op == 0x0f && p[d.i] == 0x1f) { /* nop 0f 1f /0 after 66s, one 2e */
    if (d.rex || (seen & ~(1u << K66 | 1u << K2E)) || (dup & ~(1u << K66)) ||
        (p[d.i + 1] & 0x38))
      return 0;
    d.i++;
    fmodrm(&d);
    if (d.i > 15)
      return 0;
    f->len = (uint8_t)d.i;
    return d.i;
  }
  if (dup || (seen & (1u << K2E)) || (d.rep && op != 0x0f))
    return 0;
  struct fform m = {SZ_V, M_R, 0, 0, 0};
  int64_t v;
  int r;
  switch (op) {
  case 0x90: /* nop, 66 90 */
    if (d.i == 1 || (d.i == 2 && p[0] == 0x66))
      goto done;
    return 0;
  /* 00-3f by their bit pattern: as case lists GCC lowered the ALU forms
   * to bit-test chains, costlier than this (benchmarks/verify/icount.sh) */
  case 0x00 ... 0x3f: /* op r/m, r; op r, r/m; op al/eax, imm; 0f */
    if (op == 0x0f ? fast_0f(&d, stores_only, f)
        : (op & 7) < 4 ? fast_alu_rm(&d, op, stores_only, f)
        : (op & 7) < 6 ? fast_alu_acc(&d, op, f) : -1)
      return 0;
    goto done;
  case 0xc4: case 0xc5:
    if (fast_vex(&d, op, stores_only, f))
      return 0;
    goto done;
  case 0x50 ... 0x5f: /* push/pop r64 */
    if (fast_push_pop(&d, op, f))
      return 0;
    goto done;
  case 0x70 ... 0x7f:
    if (d.i != 1)
      return 0;
    fimm(&d, 1, &v);
    f->kind = K_JCC;
    f->disp = v;
    goto done;
  case 0xb0 ... 0xbf: /* mov $imm, r */
    r = (op & 7) | (d.rex & 1 ? 8 : 0);
    if (d.gs || d.p67 || r == 4)
      return 0;
    d.i += op < 0xb8 ? 1 : d.rex & 8 ? 8 : IZ(&d);
    goto done;
  case 0x80: case 0x81: case 0x83:
    if (fast_alu_imm(&d, (p[d.i] >> 3) & 7, op == 0x80,
                     op == 0x81 ? (IZ(&d)) : 1, stores_only, f))
      return 0;
    goto done;
  case 0xe8: case 0xe9: case 0xeb:
    if (d.i != 1 && !(d.i == 2 && p[0] == 0x67 && op != 0xeb))
      return 0;
    fimm(&d, op == 0xeb ? 1 : 4, &v);
    f->kind = op == 0xe8 ? K_CALL : op == 0xe9 ? K_JMP : K_JCC;
    if (op == 0xeb)
      f->kind = K_JMP;
    f->disp = v;
    goto done;
  case 0xc3:
    if (d.i != 1)
      return 0;
    f->kind = K_RET;
    goto done;
  case 0x68: case 0x6a:
    if (d.i != 1)
      return 0;
    d.i += op == 0x68 ? 4 : 1;
    f->delta = 8;
    goto done;
  case 0x98: case 0x99: /* cwde/cdqe, cdq/cqo */
    if (d.i != 1 && !(d.i == 2 && d.rex == 0x48))
      return 0;
    goto done;
  case 0xa8: case 0xa9: /* test al/eax, imm */
    if (d.gs || d.p67)
      return 0;
    d.i += op == 0xa8 ? 1 : IZ(&d);
    goto done;
  case 0x63: /* movsxd r64, r/m32 */
    if (!(d.rex & 8) || d.p66)
      return 0;
    m.cls = SZ_D;
    m.dest = 1;
    m.sld = 1;
    break;
  case 0x84: case 0x85: /* test r/m, r */
    m.cls = op & 1 ? SZ_V : SZ_B;
    break;
  case 0x88: case 0x89:
    m.cls = op & 1 ? SZ_V : SZ_B;
    m.acc = M_W;
    m.dest = 2;
    break;
  case 0x8a: case 0x8b:
    m.cls = op & 1 ? SZ_V : SZ_B;
    m.dest = 1;
    break;
  case 0x69: case 0x6b: /* imul r, r/m, imm */
    m.dest = 1;
    m.imm = op == 0x6b ? 1 : IZ(&d);
    break;
  case 0x8d:
    if (fast_lea(&d, f))
      return 0;
    goto done;
  case 0xc0: case 0xc1: case 0xd0: case 0xd1: case 0xd2: case 0xd3:
    if (fast_shift_form(&d, op, &m) < 0)
      return 0;
    break;
  case 0xc6: case 0xc7:
    if (fast_movimm_form(&d, op, &m) < 0)
      return 0;
    break;
  case 0xf6: case 0xf7:
    if (fast_unary_form(&d, op, &m) < 0)
      return 0;
    break;
  case 0xfe: case 0xff:
    if (fast_incdec_form(&d, op, &m) < 0)
      return 0;
    break;
  default:
    return 0;
  }
  if (fmodrm_end(&d, &m, stores_only, f)) /* a plain modrm instruction */
    return 0;
done:
  if (d.i > 15)
    return 0;
  f->len = (uint8_t)d.i;
  return d.i;
}
