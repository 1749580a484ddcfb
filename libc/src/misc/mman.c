/* mman.c: mmap and friends inside the sandbox. Anonymous mappings
 * (MAP_ANONYMOUS with MAP_PRIVATE, or MAP_SHARED: one process, nothing to
 * share with) are page-aligned, zeroed blocks of the sandbox heap. Private
 * file mappings are emulated by reading the file into such a block (a
 * snapshot: later writes to the file are not seen, writes to the block
 * never reach the file); shared file mappings fail with ENODEV. There is
 * no page protection: mprotect, madvise, msync, mlock succeed and change
 * nothing. munmap releases a block when its whole extent is unmapped (or
 * shrinks it from the end); unmapping other parts succeeds and keeps the
 * memory until then. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

#define PAGE 4096ul
#define ROUND(n) (((n) + PAGE - 1) & ~(PAGE - 1))

struct map {
  char *base;
  size_t len; /* rounded to pages */
  struct map *next;
};
static struct map *maps;

static struct map *find(const void *p) {
  for (struct map *m = maps; m; m = m->next)
    if ((const char *)p >= m->base && (const char *)p < m->base + m->len)
      return m;
  return 0;
}

static void *fail(int e) {
  errno = e;
  return MAP_FAILED;
}

static void *new_block(size_t len) {
  struct map *m = malloc(sizeof *m);
  char *p = m ? aligned_alloc(PAGE, len) : 0;
  if (!p) {
    free(m);
    return 0;
  }
  memset(p, 0, len);
  *m = (struct map){p, len, maps};
  maps = m;
  return p;
}

static int fill_from(int fd, char *p, size_t len, off_t off) {
  size_t got = 0;
  while (got < len) {
    ssize_t r = pread(fd, p + got, len - got, off + (off_t)got);
    if (r < 0)
      return -1;
    if (r == 0)
      break; /* past the end of the file: zeros, as a mapping shows */
    got += (size_t)r;
  }
  return 0;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  (void)prot;
  int type = flags & MAP_TYPE;
  if (!len || (type != MAP_PRIVATE && type != MAP_SHARED) ||
      (off & (off_t)(PAGE - 1)) || len > SIZE_MAX - PAGE)
    return fail(EINVAL);
  int anon = flags & MAP_ANONYMOUS;
  if (!anon && type == MAP_SHARED)
    return fail(ENODEV);
  len = ROUND(len);
  char *p;
  if (flags & MAP_FIXED) {
    /* Only inside a block we handed out: its pages are reused. */
    struct map *m = find(addr);
    if (((uintptr_t)addr & (PAGE - 1)) || !m ||
        (char *)addr + len > m->base + m->len)
      return fail(ENOMEM);
    p = addr;
    memset(p, 0, len);
  } else if (!(p = new_block(len))) {
    return fail(ENOMEM);
  }
  if (!anon && fill_from(fd, p, len, off) < 0) {
    int e = errno;
    if (!(flags & MAP_FIXED))
      munmap(p, len);
    return fail(e);
  }
  return p;
}

int munmap(void *addr, size_t len) {
  if (((uintptr_t)addr & (PAGE - 1)) || !len) {
    errno = EINVAL;
    return -1;
  }
  char *a = addr, *e = a + ROUND(len);
  for (struct map **pm = &maps; *pm;) {
    struct map *m = *pm;
    if (a <= m->base && e >= m->base + m->len) {
      *pm = m->next;
      free(m->base);
      free(m);
      continue;
    }
    if (a > m->base && a < m->base + m->len && e >= m->base + m->len)
      m->len = (size_t)(a - m->base); /* the tail goes */
    pm = &m->next;
  }
  return 0;
}

void *mremap(void *old, size_t oldlen, size_t newlen, int flags, ...) {
  struct map *m = find(old);
  (void)oldlen;
  if (!m || m->base != (char *)old || !newlen ||
      (flags & ~(MREMAP_MAYMOVE)))
    return fail(m ? EINVAL : EFAULT);
  newlen = ROUND(newlen);
  if (newlen <= m->len) {
    m->len = newlen;
    return old;
  }
  if (!(flags & MREMAP_MAYMOVE))
    return fail(ENOMEM);
  char *p = new_block(newlen);
  if (!p)
    return fail(ENOMEM);
  memcpy(p, old, m->len);
  munmap(old, m->len);
  return p;
}

int mprotect(void *addr, size_t len, int prot) {
  (void)addr, (void)len, (void)prot;
  return 0;
}
int madvise(void *addr, size_t len, int advice) {
  (void)addr, (void)len, (void)advice;
  return 0;
}
int posix_madvise(void *addr, size_t len, int advice) {
  (void)addr, (void)len, (void)advice;
  return 0;
}
int msync(void *addr, size_t len, int flags) {
  (void)addr, (void)len, (void)flags;
  return 0;
}
int mlock(const void *addr, size_t len) {
  (void)addr, (void)len;
  return 0;
}
int munlock(const void *addr, size_t len) {
  (void)addr, (void)len;
  return 0;
}
