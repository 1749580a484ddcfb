/* memstream.c: streams over memory: fmemopen (a caller's buffer, or one
 * of ours) and open_memstream (a growing buffer published through the
 * caller's pointer and size on every flush), with glibc's semantics for
 * lengths, NUL termination and seeking. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct sfi_mem {
  char *buf;
  size_t cap; /* fmemopen: the buffer's size; memstream: allocated */
  size_t len; /* bytes of content (memstream: up to the last write) */
  size_t ext; /* memstream: the furthest byte ever written */
  size_t pos;
  int dynamic; /* open_memstream */
  int owned;   /* fmemopen(NULL, ...): freed on close */
  int append;
  char **uptr; /* open_memstream's outputs */
  size_t *usize;
};

static void publish(struct sfi_mem *m) {
  if (m->dynamic) {
    *m->uptr = m->buf;
    *m->usize = m->pos < m->len ? m->pos : m->len;
  }
}

HIDDEN long __sfi_mem_read(FILE *f, void *dst, size_t n) {
  struct sfi_mem *m = f->mem;
  if (m->pos >= m->len)
    return 0;
  if (n > m->len - m->pos)
    n = m->len - m->pos;
  memcpy(dst, m->buf + m->pos, n);
  m->pos += n;
  return (long)n;
}

HIDDEN long __sfi_mem_write(FILE *f, const void *src, size_t n) {
  struct sfi_mem *m = f->mem;
  if (m->append)
    m->pos = m->len;
  if (m->dynamic) {
    if (m->pos + n + 1 > m->cap) {
      size_t nc = m->cap * 2 > m->pos + n + 1 ? m->cap * 2 : m->pos + n + 1;
      char *nb = realloc(m->buf, nc);
      if (!nb)
        return -ENOMEM;
      memset(nb + m->cap, 0, nc - m->cap);
      m->buf = nb;
      m->cap = nc;
    }
  } else if (m->pos >= m->cap) {
    return -ENOSPC;
  } else if (n > m->cap - m->pos) {
    n = m->cap - m->pos;
  }
  memcpy(m->buf + m->pos, src, n);
  m->pos += n;
  if (m->dynamic) {
    /* glibc: the stream ends where the last write ended; the buffer stays
     * terminated after the furthest byte written. */
    m->len = m->pos;
    if (m->pos >= m->ext) {
      m->ext = m->pos;
      m->buf[m->ext] = 0;
    }
  } else if (m->pos > m->len) {
    m->len = m->pos;
    /* Terminated when there is room; when full, a stream not in append
     * mode gives up its last byte to the NUL (glibc). */
    if (m->len < m->cap)
      m->buf[m->len] = 0;
    else if (!m->append && n && ((const char *)src)[n - 1])
      m->buf[m->cap - 1] = 0;
  }
  publish(m);
  return (long)n;
}

HIDDEN long __sfi_mem_seek(FILE *f, long off, int whence) {
  struct sfi_mem *m = f->mem;
  long base = whence == SEEK_SET   ? 0
              : whence == SEEK_CUR ? (long)m->pos
                                   : (long)m->len;
  long np = base + off;
  long limit = m->dynamic ? (long)m->ext : (long)m->cap;
  if (whence < SEEK_SET || whence > SEEK_END || np < 0 || np > limit)
    return -EINVAL;
  m->pos = (size_t)np;
  publish(m);
  return np;
}

HIDDEN int __sfi_mem_close(FILE *f) {
  struct sfi_mem *m = f->mem;
  if (m->dynamic)
    m->buf[m->len] = 0;
  publish(m);
  if (m->owned)
    free(m->buf);
  free(m);
  f->mem = 0;
  return 0;
}

static FILE *mem_file(struct sfi_mem *m, unsigned flags) {
  FILE *f = __sfi_fdopen_flags(-1, flags);
  if (!f) {
    free(m);
    return 0;
  }
  f->mem = m;
  return f;
}

FILE *fmemopen(void *restrict buf, size_t size, const char *restrict mode) {
  int o;
  unsigned ff;
  if (!size || __sfi_mode_flags(mode, &o, &ff) < 0) {
    errno = EINVAL;
    return 0;
  }
  struct sfi_mem *m = calloc(1, sizeof *m);
  if (!m)
    return 0;
  m->cap = size;
  m->buf = buf;
  if (!buf) {
    m->buf = calloc(1, size);
    m->owned = 1;
    if (!m->buf) {
      free(m);
      return 0;
    }
  }
  if (mode[0] == 'r') {
    m->len = size;
  } else if (mode[0] == 'w') {
    m->buf[0] = 0;
  } else { /* 'a': content ends at the first NUL */
    m->pos = m->len = strnlen(m->buf, size);
    m->append = 1;
  }
  FILE *f = mem_file(m, ff);
  if (!f && m->owned)
    free(m->buf);
  return f;
}

FILE *open_memstream(char **ptr, size_t *size) {
  struct sfi_mem *m = calloc(1, sizeof *m);
  if (!m)
    return 0;
  m->cap = 64;
  m->buf = calloc(1, m->cap);
  if (!m->buf) {
    free(m);
    return 0;
  }
  m->dynamic = 1;
  m->uptr = ptr;
  m->usize = size;
  publish(m);
  FILE *f = mem_file(m, F_WRITE);
  if (!f)
    free(m->buf);
  return f;
}
