/* tainted.c: the typed side of the host's view of sandbox memory
 * (sfi_sptr): range checks that return host pointers, and copy-and-verify
 * helpers that read each sandbox byte exactly once, so that every decision
 * the host makes is made on, and applied to, its own copy. */
#include <string.h>

#include "internal.h"

void *sfi_sptr_check(sfi_instance *in, sfi_sptr p, uint64_t size, int write) {
  return sfi_ptr(in, p.a, size, write);
}

int sfi_fetch(sfi_instance *in, sfi_sptr src, void *dst, size_t n) {
  const void *p = sfi_ptr(in, src.a, n, 0);
  if (!p || (n && !dst))
    return sfi__err(SFI_ERR_INVALID,
                    "sfi_fetch: [0x%llx, +%zu) is not readable sandbox "
                    "memory",
                    (unsigned long long)src.a, n);
  memcpy(dst, p, n);
  return SFI_OK;
}

int sfi_fetch_verify(sfi_instance *in, sfi_sptr src, void *dst, size_t n,
                     sfi_verify_fn ok, void *ctx) {
  if (!ok)
    return sfi__err(SFI_ERR_INVALID, "sfi_fetch_verify: NULL validator");
  int rc = sfi_fetch(in, src, dst, n);
  if (rc != SFI_OK) {
    if (dst)
      memset(dst, 0, n);
    return rc;
  }
  /* The validator sees the host copy; nothing is read again after it. */
  if (!ok(dst, n, ctx)) {
    memset(dst, 0, n);
    return sfi__err(SFI_ERR_INVALID,
                    "sfi_fetch_verify: the validator rejected %zu bytes at "
                    "0x%llx",
                    n, (unsigned long long)src.a);
  }
  return SFI_OK;
}

/* Copies up to cap bytes in chunks and looks for the NUL in the copy: a
 * byte the sandbox changes after it was copied does not matter. */
int sfi__fetch_string(sfi_instance *in, uint64_t src, char *dst, size_t cap,
                      const char *who) {
  if (!in || !dst || !cap)
    return sfi__err(SFI_ERR_INVALID, "%s: bad argument", who);
  dst[0] = 0;
  if ((src >> SFI_REGION_SHIFT) != (in->base >> SFI_REGION_SHIFT))
    return sfi__err(SFI_ERR_INVALID, "%s: 0x%llx is not in the sandbox", who,
                    (unsigned long long)src);
  /* Mapped bytes from src on, without running past the region. */
  uint64_t room = SFI_REGION_SIZE - (src & SFI_OFFSET_MASK), lo = 0, hi = room;
  if (hi > cap)
    hi = cap;
  if (hi > (uint64_t)INT32_MAX) /* the length must fit the result */
    hi = INT32_MAX;
  /* Largest n <= hi with [src, src+n) mapped: sfi_ptr is monotone in n. */
  if (!sfi_ptr(in, src, hi, 0)) {
    while (lo < hi) {
      uint64_t mid = lo + (hi - lo + 1) / 2;
      if (sfi_ptr(in, src, mid, 0))
        lo = mid;
      else
        hi = mid - 1;
    }
  }
  uint64_t n = hi;
  for (uint64_t at = 0; at < n;) {
    uint64_t c = n - at < 512 ? n - at : 512;
    memcpy(dst + at, (const char *)src + at, c);
    const char *nul = memchr(dst + at, 0, c);
    if (nul)
      return (int)(nul - dst);
    at += c;
  }
  dst[0] = 0;
  return sfi__err(SFI_ERR_INVALID,
                  "%s: string at 0x%llx not terminated within %llu bytes %s",
                  who, (unsigned long long)src, (unsigned long long)n,
                  n < cap ? "of mapped memory" : "(the buffer's size)");
}

int sfi_fetch_string(sfi_instance *in, sfi_sptr src, char *dst, size_t cap) {
  return sfi__fetch_string(in, src.a, dst, cap, "sfi_fetch_string");
}

int sfi_store(sfi_instance *in, sfi_sptr dst, const void *src, size_t n) {
  return sfi_copy_in(in, dst.a, src, n);
}
