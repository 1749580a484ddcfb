/* memory.c: the host's view of sandbox memory. Every translation checks that
 * the whole range is mapped sandbox memory of this instance (writable when
 * asked); sandbox addresses are plain region addresses, so a checked range
 * is used as is. */
#include <string.h>

#include "internal.h"

/* Bytes mapped (and writable if w) from addr on, across adjacent ranges. */
static uint64_t span(const sfi_instance *in, uint64_t a, int w) {
  uint64_t cur = a;
  for (;;) {
    uint64_t next = cur;
    for (int i = 0; i < in->nranges; i++) {
      const struct sfi_range *r = &in->ranges[i];
      if (cur >= r->lo && cur < r->hi && (r->writable || !w)) {
        next = r->hi;
        break;
      }
    }
    /* The heap up to the break: pages above it may still be mapped (a
     * reset or a shrink keeps them, dropped to zero) but are not the
     * sandbox's to hand to the host. */
    if (next == cur && cur >= in->heap_start && cur < PAGE_UP(in->brk))
      next = PAGE_UP(in->brk);
    if (next == cur)
      return cur - a;
    cur = next;
  }
}

void *sfi_ptr(sfi_instance *in, uint64_t addr, uint64_t len, int write) {
  if (!in || (addr >> SFI_REGION_SHIFT) != (in->base >> SFI_REGION_SHIFT))
    return NULL;
  uint64_t off = addr & SFI_OFFSET_MASK;
  if (len > SFI_REGION_SIZE - off)
    return NULL;
  if (len == 0)
    return (void *)addr;
  if (span(in, addr, write) < len)
    return NULL;
  return (void *)addr;
}

int sfi_copy_in(sfi_instance *in, uint64_t dst, const void *src, size_t n) {
  void *p = sfi_ptr(in, dst, n, 1);
  if (!p || (n && !src))
    return sfi__err(SFI_ERR_INVALID,
                    "sfi_copy_in: [0x%llx, +%zu) is not "
                    "writable sandbox memory",
                    (unsigned long long)dst, n);
  memcpy(p, src, n);
  return SFI_OK;
}

int sfi_copy_out(sfi_instance *in, void *dst, uint64_t src, size_t n) {
  const void *p = sfi_ptr(in, src, n, 0);
  if (!p || (n && !dst))
    return sfi__err(SFI_ERR_INVALID,
                    "sfi_copy_out: [0x%llx, +%zu) is not "
                    "readable sandbox memory",
                    (unsigned long long)src, n);
  memcpy(dst, p, n);
  return SFI_OK;
}

/* One read of each byte (tainted.c): the NUL found is in the host's copy,
 * so a sandbox that changes the string meanwhile cannot unterminate it. */
int sfi_copy_string_out(sfi_instance *in, char *dst, size_t cap, uint64_t src) {
  int n = sfi__fetch_string(in, src, dst, cap, "sfi_copy_string_out");
  return n < 0 ? n : SFI_OK;
}

int sfi_alloc(sfi_instance *in, uint64_t size, sfi_sptr *out) {
  if (out)
    *out = SFI_SPTR_NULL;
  if (!out)
    return sfi__err(SFI_ERR_INVALID, "sfi_alloc: out is NULL");
  if (!in || !in->malloc_fn)
    return sfi__err(SFI_ERR_NOTFOUND, "sfi_malloc: the module exports no malloc");
  sfi_val a = SFI_I64(size), r;
  int rc = sfi__call_raw(in, in->malloc_fn, "I:p", &a, &r);
  if (rc != SFI_OK)
    return rc; /* a trap in the sandbox's malloc, or a refused call */
  /* The sandbox's malloc is untrusted: check what it handed back. */
  if (r.ptr && !sfi_ptr(in, r.ptr, size, 1))
    return sfi__err(SFI_ERR_INVALID,
                    "sfi_malloc: sandbox malloc returned 0x%llx, "
                    "not %llu writable bytes",
                    (unsigned long long)r.ptr, (unsigned long long)size);
  if (!r.ptr)
    return sfi__err(SFI_ERR_NOMEM, "sfi_malloc(%llu): sandbox out of memory",
                    (unsigned long long)size);
  *out = SFI_SPTR(r.ptr);
  return SFI_OK;
}

uint64_t sfi_malloc(sfi_instance *in, uint64_t size) {
  sfi_sptr p;
  return sfi_alloc(in, size, &p) == SFI_OK ? p.a : 0;
}

void sfi_free(sfi_instance *in, uint64_t addr) {
  if (!in || !in->free_fn || !addr)
    return;
  sfi_val a = SFI_PTR(addr);
  sfi__call_raw(in, in->free_fn, "p:v", &a, NULL);
}
