/* callback.c: host functions handed to the sandbox as function pointers.
 * The crt reserves SFI_CALLBACK_SLOTS jump-table entries, each an indirect
 * jmp through a slot of __sfi_cb_slots in RELRO: the sandbox can call the
 * entry but cannot change where it goes. Only the host rewrites a slot,
 * briefly making its page writable. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

static void unset_callback(void) {
  sfi__trap_now(SFI_TRAP_ILLEGAL, "call through a freed callback slot");
}

static uint64_t slot_addr(const sfi_instance *in, int i) {
  return in->image + in->m->cb_slots_off + 8 * (uint64_t)i;
}

static uint64_t entry_addr(const sfi_instance *in, int i) {
  return in->jt_lo + SFI_JT_ENTRY_SIZE * (uint64_t)(i + 1);
}

/* The entry must be the crt's `jmp *slot(%rip)` (ff 25 rel32). */
static int entry_ok(const sfi_instance *in, int i) {
  uint64_t e = entry_addr(in, i);
  if (e + SFI_JT_ENTRY_SIZE > in->jt_hi)
    return 0;
  const uint8_t *p = (const uint8_t *)e;
  int32_t rel;
  memcpy(&rel, p + 2, 4);
  return p[0] == 0xff && p[1] == 0x25 &&
         e + 6 + (uint64_t)(int64_t)rel == slot_addr(in, i);
}

/* Writes slot i. If its page cannot be made read-only again the sandbox
 * could redirect the slot: the instance is then broken for good. */
static int write_slot(sfi_instance *in, int i, uint64_t v) {
  uint64_t a = slot_addr(in, i), pg = PAGE_DOWN(a);
  in->relro_dirty = 1; /* reset must restore RELRO */
  if (mprotect((void *)pg, SFI_PAGE, PROT_READ | PROT_WRITE) != 0)
    return sfi__err(SFI_ERR_NOMEM, "%s: cannot unprotect callback slot %d: %s",
                    in->m->name, i, strerror(errno));
  memcpy((void *)a, &v, 8);
  if (mprotect((void *)pg, SFI_PAGE, in->m->relro_prot) != 0) {
    in->broken = 1;
    return sfi__err(SFI_ERR_NOMEM,
                    "%s: cannot make callback slot %d read-only again (%s): "
                    "instance unusable",
                    in->m->name, i, strerror(errno));
  }
  return SFI_OK;
}

/* Rewrites callback thunk i; the pages are host memory, but a half-done
 * rewrite leaves them writable or the old target live: broken too. */
static int set_thunk(sfi_instance *in, int i, void *fn) {
  if (sfi__thunk_set(in->cb_thunks, in->cb_thunks_size, (size_t)i, fn,
                     (in->m->uses & SFI_USES_X87) != 0) == 0)
    return SFI_OK;
  in->broken = 1;
  return sfi__err(SFI_ERR_NOMEM,
                  "%s: cannot rewrite callback thunk %d (%s): instance "
                  "unusable",
                  in->m->name, i, strerror(errno));
}

uint64_t sfi_callback_new(sfi_instance *in, const char *sig, void *fn) {
  /* As for imports: arguments in registers only (review2: a 7th argument
   * was read above the sandbox's native stack). */
  if (!in || !sig || !fn || !sfi__valid_sig(sig)) {
    sfi__err(SFI_ERR_INVALID, "sfi_callback_new: bad argument");
    return 0;
  }
  if (!in->m->cb_slots_off) {
    sfi__err(SFI_ERR_NOTFOUND,
             "%s: no callback slots (%s): module not "
             "linked with the libsfi crt",
             in->m->name, SFI_SYM_CB_SLOTS);
    return 0;
  }
  int i = 0;
  while (i < SFI_CALLBACK_SLOTS && (in->cb_used >> i) & 1)
    i++;
  if (i == SFI_CALLBACK_SLOTS) {
    sfi__err(SFI_ERR_NOMEM, "all %d callback slots in use", SFI_CALLBACK_SLOTS);
    return 0;
  }
  if (!entry_ok(in, i)) {
    sfi__err(SFI_ERR_BADMODULE,
             "%s: jump-table entry %d is not the crt's "
             "callback entry",
             in->m->name, i + 1);
    return 0;
  }
  if (!in->cb_thunks) {
    void *fns[SFI_CALLBACK_SLOTS];
    size_t sz;
    for (int k = 0; k < SFI_CALLBACK_SLOTS; k++)
      fns[k] = (void *)unset_callback;
    in->cb_thunks = sfi__thunks_make(fns, SFI_CALLBACK_SLOTS, &sz,
                                     (in->m->uses & SFI_USES_X87) != 0);
    in->cb_thunks_size = sz;
    if (!in->cb_thunks) {
      sfi__err(SFI_ERR_NOMEM, "cannot map callback thunks");
      return 0;
    }
  }
  if (in->broken) {
    sfi__err(SFI_ERR_TRAPPED, "%s: instance unusable", in->m->name);
    return 0;
  }
  if (set_thunk(in, i, fn) != SFI_OK ||
      write_slot(in, i, sfi__thunk_addr(in->cb_thunks, (size_t)i)) != SFI_OK)
    return 0;
  in->cb_used |= 1ULL << i;
  return entry_addr(in, i);
}

void sfi_callback_free(sfi_instance *in, uint64_t fnptr) {
  if (!in || !in->cb_thunks || fnptr < in->jt_lo + SFI_JT_ENTRY_SIZE)
    return;
  uint64_t k = (fnptr - in->jt_lo) / SFI_JT_ENTRY_SIZE;
  if ((fnptr - in->jt_lo) % SFI_JT_ENTRY_SIZE || k > SFI_CALLBACK_SLOTS)
    return;
  int i = (int)k - 1;
  if (!((in->cb_used >> i) & 1))
    return;
  /* The thunk stays but now traps; the slot keeps pointing at it. */
  set_thunk(in, i, (void *)unset_callback);
  in->cb_used &= ~(1ULL << i);
}
