/* verify_module.c: builds the binary verifier's input from a loaded module
 * (struct sfi_module and its sealed memfd image, so that what is verified
 * is exactly what instances map) and runs sfi_verify. sfi_module_load
 * calls it on every module, always, right after sealing the image. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"
#include "verify.h"

struct slotrec {
  uint64_t off;
  int stub; /* the relocation stores the start of an import stub */
};

static int by_off(const void *a, const void *b) {
  uint64_t x = ((const struct slotrec *)a)->off;
  uint64_t y = ((const struct slotrec *)b)->off;
  return x < y ? -1 : x > y;
}

static int by_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static int is_stub(const sfi_module *m, const struct sfi_reloc *r) {
  return r->kind == RK_BASE && r->v >= m->stub_off &&
         r->v < m->stub_off + m->stub_size &&
         (r->v - m->stub_off) % SFI_STUB_SIZE == 0;
}

/* Import slots: 8-byte RELRO slots whose every overlapping relocation is
 * one storing an import stub at exactly that slot. Then the crt's
 * callback slots, which the runtime owns (it must write every one of them
 * before the sandbox runs: see the report in runtime/verify/README.md). */
static uint64_t *trusted_slots(const sfi_module *m, size_t *n) {
  struct slotrec *r = calloc(m->nrelocs + 1, sizeof *r);
  uint64_t *out = calloc(m->nrelocs + SFI_CALLBACK_SLOTS + 1, sizeof *out);
  size_t k = 0;
  if (!r || !out) {
    free(r);
    free(out);
    return NULL;
  }
  for (size_t i = 0; i < m->nrelocs; i++)
    r[i] = (struct slotrec){m->relocs[i].off, is_stub(m, &m->relocs[i])};
  qsort(r, m->nrelocs, sizeof *r, by_off);
  for (size_t i = 0; i < m->nrelocs;) {
    size_t j = i;
    int ok = 1;
    for (; j < m->nrelocs && r[j].off == r[i].off; j++)
      ok &= r[j].stub;
    if (i > 0 && r[i - 1].off + 8 > r[i].off)
      ok = 0;
    if (j < m->nrelocs && r[i].off + 8 > r[j].off)
      ok = 0;
    if (ok && r[i].off >= m->relro_start && r[i].off + 8 <= m->relro_end)
      out[k++] = r[i].off;
    i = j;
  }
  for (uint64_t s = 0; m->cb_slots_off && s < SFI_CALLBACK_SLOTS; s++)
    out[k++] = m->cb_slots_off + 8 * s;
  free(r);
  /* sort and dedupe (the callback slots may repeat relocated ones) */
  qsort(out, k, sizeof *out, by_u64);
  size_t u = 0;
  for (size_t i = 0; i < k; i++)
    if (!u || out[u - 1] != out[i])
      out[u++] = out[i];
  *n = u;
  return out;
}

/* The value the loader's relocations store at off (image offset), or ~0
 * when there is not exactly one RK_BASE relocation there. */
static uint64_t relocated(const sfi_module *m, uint64_t off) {
  uint64_t v = ~0ULL;
  int n = 0;
  for (size_t i = 0; i < m->nrelocs; i++)
    if (m->relocs[i].off + 8 > off && m->relocs[i].off < off + 8) {
      n++;
      v = m->relocs[i].off == off && m->relocs[i].kind == RK_BASE
              ? m->relocs[i].v
              : ~0ULL;
    }
  return n == 1 ? v : ~0ULL;
}

struct vbuf {
  struct sfi_verify_range code[16];
  uint64_t *funcs;
  const char **names;
  uint64_t *slots;
};

static int fill_input(const sfi_module *m, struct sfi_verify_input *in,
                      struct vbuf *b) {
  size_t nc = 0, nf = 0;
  for (int i = 0; i < m->nsegs && nc < 16; i++)
    if (m->segs[i].prot & 4)
      b->code[nc++] = (struct sfi_verify_range){
          m->segs[i].vaddr, m->segs[i].vaddr + m->segs[i].memsz};
  b->funcs = calloc(m->nfuncs + 1, sizeof *b->funcs);
  b->names = calloc(m->nfuncs + 1, sizeof *b->names);
  b->slots = trusted_slots(m, &in->nimport_slots);
  if (!b->funcs || !b->names || !b->slots)
    return -1;
  for (size_t i = 0; i < m->nfuncs; i++) /* sorted by value: dedupe */
    if (!nf || b->funcs[nf - 1] != m->funcs[i].value) {
      b->funcs[nf] = m->funcs[i].value;
      b->names[nf++] = m->funcs[i].name;
    }
  uint64_t lo = relocated(m, m->jt_bounds_off);
  uint64_t hi = relocated(m, m->jt_bounds_off + 8);
  in->image_size = m->stub_off; /* the ELF image; stubs follow it */
  in->code = b->code;
  in->ncode = nc;
  in->func_starts = b->funcs;
  in->func_names = b->names;
  in->nfuncs = nf;
  in->jt_start = lo;
  in->jt_size = lo < hi && hi != ~0ULL ? hi - lo : 0;
  in->import_slots = b->slots;
  in->stores_only = m->mode == SFI_MODE_STORES;
  return 0;
}

int sfi__verify_module(sfi_module *m) {
  struct sfi_verify_input in = {0};
  struct sfi_verify_error err;
  struct vbuf b = {0};
  void *img = mmap(NULL, m->image_size, PROT_READ, MAP_PRIVATE, m->memfd, 0);
  if (img == MAP_FAILED)
    return sfi__err(SFI_ERR_NOMEM, "%s: cannot map the image to verify it",
                    m->name);
  int rc = fill_input(m, &in, &b);
  in.image = img;
  in.uses = &m->uses;
  if (rc == 0)
    rc = sfi_verify(&in, &err) ? 1 : 0;
  munmap(img, m->image_size);
  free(b.funcs);
  free(b.names);
  free(b.slots);
  if (rc < 0)
    return sfi__err(SFI_ERR_NOMEM, "%s: out of memory", m->name);
  if (rc > 0) {
    char line[512];
    sfi_verify_format(&err, line, sizeof line);
    return sfi__err(SFI_ERR_BADMODULE, "%s: machine code rejected: %s",
                    m->name, line);
  }
  return SFI_OK;
}
