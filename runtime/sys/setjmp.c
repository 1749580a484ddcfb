/* setjmp.c: the runtime half of setjmp/longjmp. Contexts stay in a
 * per-instance table; the sandbox's jmp_buf holds only {index, generation}.
 * A longjmp is honoured only for a live context of the same call into the
 * sandbox whose frame is still on the stack. */
#include <stdlib.h>
#include <string.h>

#include "sys.h"

int sfi__setjmp_save(uint64_t slot, const uint64_t *regs);

#define JMP_RETS_MAX 4096
#define JMP_RETS_TOTAL 32768

/* The return addresses on this call's native stack above rsp (review: a
 * hand-written module that skips __sfi_sys_setjmp_leave could return from
 * the setjmp frame, write a value where its return address was, and
 * longjmp back into it). */
static void record_rets(sfi_instance *in, struct sfi_jmpctx *c, uint64_t rsp,
                        uint64_t hi) {
  c->nrets = 0;
  for (uint64_t at = (rsp + 7) & ~7ULL; at + 8 <= hi; at += 8) {
    uint64_t v = *(const uint64_t *)at;
    if (((v ^ in->base) >> SFI_REGION_SHIFT) || !sfi__after_call(in, v))
      continue;
    if (c->nrets == JMP_RETS_MAX)
      sfi__trap_now(SFI_TRAP_ABORT, "setjmp: native stack too deep");
    /* Grow as needed: host memory in proportion to the stack's depth
     * (review2: 64 KiB per context up front escaped mem_limit). */
    if (c->nrets == c->caprets) {
      size_t cap = c->caprets ? 2 * c->caprets : 16;
      /* At most JMP_RETS_TOTAL entries over all of an instance's contexts
       * (512 KiB of host memory). */
      if (in->jmp_rets_cap - c->caprets + cap > JMP_RETS_TOTAL)
        sfi__trap_now(SFI_TRAP_ABORT, "setjmp: too many contexts on a deep "
                                      "native stack");
      in->jmp_rets_cap += cap - c->caprets;
      void *r = realloc(c->rets, cap * sizeof *c->rets);
      if (!r)
        sfi__trap_now(SFI_TRAP_ABORT, "setjmp: out of host memory");
      c->rets = r;
      c->caprets = cap;
    }
    c->rets[c->nrets][0] = at;
    c->rets[c->nrets][1] = v;
    c->nrets++;
  }
}

static int rets_intact(const struct sfi_jmpctx *c) {
  for (size_t i = 0; i < c->nrets; i++)
    if (*(const uint64_t *)c->rets[i][0] != c->rets[i][1])
      return 0;
  return 1;
}

static void invalidate_below(sfi_instance *in, uint64_t serial, uint64_t rsp) {
  for (int i = 0; i < in->njmp; i++)
    if (in->jmp[i].live && in->jmp[i].serial == serial &&
        in->jmp[i].regs[6] < rsp)
      in->jmp[i].live = 0;
}

int sfi__setjmp_save(uint64_t slot, const uint64_t *regs) {
  struct sfi_thread *t = sfi__thread();
  struct sfi_callrec *rec = t->top;
  sfi_instance *in = rec->in;
  uint64_t *ps = sfi_ptr(in, slot, 8, 1);
  if (!ps)
    sfi__trap_now(SFI_TRAP_ABORT, "setjmp: jmp_buf is not writable sandbox "
                                  "memory");
  if (!in->jmp && !(in->jmp = calloc(SFI_JMP_CTX_MAX, sizeof *in->jmp)))
    sfi__trap_now(SFI_TRAP_ABORT, "setjmp: out of host memory");
  /* Frames below this one have returned: their contexts are dead. */
  invalidate_below(in, rec->serial, regs[6]);
  int idx = -1;
  for (int i = 0; i < in->njmp && idx < 0; i++)
    if (in->jmp[i].live && in->jmp[i].slot == slot &&
        in->jmp[i].serial == rec->serial)
      idx = i;
  for (int i = 0; i < in->njmp && idx < 0; i++)
    if (!in->jmp[i].live)
      idx = i;
  if (idx < 0) {
    if (in->njmp == SFI_JMP_CTX_MAX)
      sfi__trap_now(SFI_TRAP_ABORT, "setjmp: too many live jmp_bufs");
    idx = in->njmp++;
  }
  struct sfi_jmpctx *c = &in->jmp[idx];
  memcpy(c->regs, regs, sizeof c->regs);
  memcpy(&c->ssp, (void *)(in->image + in->m->ssp_off), 8);
  record_rets(in, c, regs[6], rec->entry_rsp);
  c->serial = rec->serial;
  c->slot = slot;
  c->gen++;
  if (!c->gen)
    c->gen = 1;
  c->live = 1;
  *ps = (uint64_t)idx | (uint64_t)c->gen << 32;
  return 0;
}

_Noreturn void sfi__sys_longjmp(uint64_t slot, int val) {
  struct sfi_thread *t = sfi__thread();
  struct sfi_callrec *rec = t->top;
  sfi_instance *in = rec->in;
  const uint64_t *ps = sfi_ptr(in, slot, 8, 0);
  if (!ps)
    sfi__trap_now(SFI_TRAP_ABORT, "longjmp: jmp_buf is not sandbox memory");
  uint64_t h = *ps;
  uint32_t idx = (uint32_t)h, gen = (uint32_t)(h >> 32);
  if (idx >= (uint32_t)in->njmp || !in->jmp[idx].live ||
      in->jmp[idx].gen != gen)
    sfi__trap_now(SFI_TRAP_ABORT, "longjmp: forged or stale jmp_buf");
  struct sfi_jmpctx *c = &in->jmp[idx];
  if (c->serial != rec->serial ||
      c->regs[6] < (uint64_t)__builtin_frame_address(0) || !rets_intact(c))
    sfi__trap_now(SFI_TRAP_ABORT, "longjmp: the frame of its setjmp has "
                                  "returned");
  invalidate_below(in, rec->serial, c->regs[6]);
  memcpy((void *)(in->image + in->m->ssp_off), &c->ssp, 8);
  sfi__longjmp_to(c->regs, val ? val : 1);
}

void sfi__setjmp_leave(uint64_t rsp);

/* __sfi_sys_setjmp_leave: the caller's frame (at rsp) is returning. */
void sfi__setjmp_leave(uint64_t rsp) {
  struct sfi_callrec *rec = sfi__thread()->top;
  sfi_instance *in = rec->in;
  for (int i = 0; i < in->njmp; i++)
    if (in->jmp[i].live && in->jmp[i].serial == rec->serial &&
        in->jmp[i].regs[6] <= rsp)
      in->jmp[i].live = 0;
}

/* Called when a call into the sandbox returns: its contexts die with it. */
void sfi__jmp_release_serial(sfi_instance *in, uint64_t serial) {
  for (int i = 0; i < in->njmp; i++)
    if (in->jmp[i].serial == serial)
      in->jmp[i].live = 0;
  while (in->njmp && !in->jmp[in->njmp - 1].live)
    in->njmp--;
}
