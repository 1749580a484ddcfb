/* file.c: FILE streams over the system interface: the standard streams,
 * buffering (stdout line-buffered on a terminal, fully buffered otherwise,
 * stderr unbuffered, as glibc does), fopen/fdopen/fclose/fflush/setvbuf. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define FILE_BUF 4096

static unsigned char stdin_buf[UNGET + FILE_BUF];
static unsigned char stdout_buf[UNGET + FILE_BUF];
static unsigned char stderr_buf[UNGET + 8];

static FILE f_stdin = {.flags = F_READ | F_STATIC,
                       .fd = 0,
                       .mode = _IOFBF,
                       .buf = stdin_buf + UNGET,
                       .bufsize = FILE_BUF};
static FILE f_stdout = {.flags = F_WRITE | F_STATIC,
                        .fd = 1,
                        .mode = _IOFBF,
                        .buf = stdout_buf + UNGET,
                        .bufsize = FILE_BUF,
                        .next = &f_stdin};
static FILE f_stderr = {.flags = F_WRITE | F_STATIC,
                        .fd = 2,
                        .mode = _IONBF,
                        .buf = stderr_buf + UNGET,
                        .bufsize = 0,
                        .mode_decided = 1,
                        .next = &f_stdout};

FILE *const stdin = &f_stdin;
FILE *const stdout = &f_stdout;
FILE *const stderr = &f_stderr;

static FILE *open_list = &f_stderr; /* every open stream */

/* stdout is line-buffered only on a terminal, decided at first use. */
static void decide_mode(FILE *f) {
  f->mode_decided = 1;
  if (f == &f_stdout && __sfi_sys_isatty(1) > 0)
    f->mode = _IOLBF;
}

static int ensure_buf(FILE *f) {
  if (f->buf || f->mode == _IONBF) {
    if (!f->buf) {
      static unsigned char nobuf[UNGET + 8];
      f->buf = nobuf + UNGET; /* room for ungetc only */
    }
    return 0;
  }
  unsigned char *b = malloc(UNGET + FILE_BUF);
  if (!b) {
    f->mode = _IONBF;
    return ensure_buf(f);
  }
  f->buf = b + UNGET;
  f->bufsize = FILE_BUF;
  f->flags |= F_OWNBUF;
  return 0;
}

HIDDEN long __sfi_dev_read(FILE *f, void *buf, size_t n) {
  SFI_ALARM_POINT();
  return f->mem ? __sfi_mem_read(f, buf, n) : __sfi_sys_read(f->fd, buf, n);
}
HIDDEN long __sfi_dev_write(FILE *f, const void *buf, size_t n) {
  SFI_ALARM_POINT();
  return f->mem ? __sfi_mem_write(f, buf, n) : __sfi_sys_write(f->fd, buf, n);
}
HIDDEN long __sfi_dev_seek(FILE *f, long off, int whence) {
  return f->mem ? __sfi_mem_seek(f, off, whence)
                : __sfi_sys_lseek(f->fd, off, whence);
}
HIDDEN int __sfi_dev_close(FILE *f) {
  if (f->mem)
    return __sfi_mem_close(f);
  int r = __sfi_sys_close(f->fd);
  return r < 0 ? (int)__sfi_fail(r) : 0;
}

static int write_all(FILE *f, const unsigned char *p, size_t n) {
  while (n) {
    long r = __sfi_dev_write(f, p, n);
    if (r < 0) {
      if (r == -EINTR)
        continue;
      f->flags |= F_ERR;
      errno = (int)-r;
      return -1;
    }
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

HIDDEN int __sfi_flushbuf(FILE *f) {
  if (!f->wend || f->wpos == f->buf)
    return 0;
  size_t n = (size_t)(f->wpos - f->buf);
  f->wpos = f->buf;
  return write_all(f, f->buf, n);
}

/* Leaves read mode: the kernel's offset is moved back over unread input. */
static void drop_read(FILE *f) {
  if (f->rend) {
    long unread = (long)(f->rend - f->rpos);
    if (unread > 0)
      __sfi_dev_seek(f, -unread, SEEK_CUR);
    f->rpos = f->rend = 0;
  }
}

HIDDEN int __sfi_towrite(FILE *f) {
  if (!(f->flags & F_WRITE)) {
    f->flags |= F_ERR;
    errno = EBADF;
    return -1;
  }
  if (f->wend)
    return 0;
  if (!f->mode_decided)
    decide_mode(f);
  drop_read(f);
  ensure_buf(f);
  f->wpos = f->buf;
  f->wend = f->buf + (f->mode == _IONBF ? 0 : f->bufsize);
  return 0;
}

HIDDEN size_t __sfi_fwrite_raw(const void *src, size_t n, FILE *f) {
  const unsigned char *p = src;
  if (!n)
    return 0;
  if (__sfi_towrite(f) < 0)
    return 0;
  size_t room = (size_t)(f->wend - f->wpos);
  if (n <= room) {
    memcpy(f->wpos, p, n);
    f->wpos += n;
    if (f->mode == _IOLBF && memchr(p, '\n', n) && __sfi_flushbuf(f) < 0)
      return 0;
    return n;
  }
  if (__sfi_flushbuf(f) < 0)
    return 0;
  if (n >= f->bufsize || f->mode == _IONBF) {
    /* Too big to buffer: straight out. */
    return write_all(f, p, n) < 0 ? 0 : n;
  }
  memcpy(f->wpos, p, n);
  f->wpos += n;
  if (f->mode == _IOLBF && memchr(p, '\n', n) && __sfi_flushbuf(f) < 0)
    return 0;
  return n;
}

HIDDEN int __sfi_fill(FILE *f) {
  if (!(f->flags & F_READ)) {
    f->flags |= F_ERR;
    errno = EBADF;
    return EOF;
  }
  if (f->flags & F_EOF)
    return EOF;
  if (f->wend) {
    if (__sfi_flushbuf(f) < 0)
      return EOF;
    f->wend = f->wpos = 0;
  }
  if (!f->mode_decided)
    decide_mode(f);
  /* Reading may wait for a user who must first see the prompt. */
  if (f_stdout.mode == _IOLBF && f_stdout.wend)
    __sfi_flushbuf(&f_stdout);
  ensure_buf(f);
  size_t want = f->mode == _IONBF || !f->bufsize ? 1 : f->bufsize;
  long r;
  do
    r = __sfi_dev_read(f, f->buf, want);
  while (r == -EINTR);
  if (r <= 0) {
    f->rpos = f->rend = f->buf;
    if (r < 0) {
      f->flags |= F_ERR;
      errno = (int)-r;
    } else {
      f->flags |= F_EOF;
    }
    return EOF;
  }
  f->rpos = f->buf;
  f->rend = f->buf + r;
  return *f->rpos++;
}

int fflush(FILE *f) {
  if (!f) {
    int r = 0;
    for (FILE *p = open_list; p; p = p->next)
      if (p->wend && fflush(p))
        r = EOF;
    return r;
  }
  if (f->wend) {
    if (__sfi_flushbuf(f) < 0)
      return EOF;
    return 0;
  }
  /* On an input stream, glibc discards the buffer and resyncs the offset. */
  if (f->rend)
    drop_read(f);
  return 0;
}

HIDDEN void __sfi_stdio_exit(void) { fflush(0); }

HIDDEN int __sfi_mode_flags(const char *mode, int *oflags, unsigned *fflags) {
  int o;
  unsigned ff;
  switch (mode[0]) {
  case 'r':
    o = O_RDONLY;
    ff = F_READ;
    break;
  case 'w':
    o = O_WRONLY | O_CREAT | O_TRUNC;
    ff = F_WRITE;
    break;
  case 'a':
    o = O_WRONLY | O_CREAT | O_APPEND;
    ff = F_WRITE | F_APPEND;
    break;
  default:
    errno = EINVAL;
    return -1;
  }
  for (const char *m = mode + 1; *m; m++) {
    if (*m == '+') {
      o = (o & ~(O_WRONLY | O_RDONLY)) | O_RDWR;
      ff |= F_READ | F_WRITE;
    } else if (*m == 'x') {
      o |= O_EXCL;
    } else if (*m == 'e') {
      o |= O_CLOEXEC;
    }
  }
  *oflags = o;
  *fflags = ff;
  return 0;
}

HIDDEN FILE *__sfi_fdopen_flags(int fd, unsigned flags) {
  FILE *f = calloc(1, sizeof *f);
  if (!f)
    return 0;
  f->fd = fd;
  f->flags = flags;
  f->mode = _IOFBF;
  f->mode_decided = 1;
  f->next = open_list;
  open_list = f;
  return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode) {
  int o;
  unsigned ff;
  if (__sfi_mode_flags(mode, &o, &ff) < 0)
    return 0;
  int fd = open(path, o, 0666);
  if (fd < 0)
    return 0;
  FILE *f = __sfi_fdopen_flags(fd, ff);
  if (!f)
    close(fd);
  return f;
}

FILE *fdopen(int fd, const char *mode) {
  int o;
  unsigned ff;
  if (__sfi_mode_flags(mode, &o, &ff) < 0)
    return 0;
  return __sfi_fdopen_flags(fd, ff);
}

static void unlist(FILE *f) {
  for (FILE **p = &open_list; *p; p = &(*p)->next)
    if (*p == f) {
      *p = f->next;
      return;
    }
}

int fclose(FILE *f) {
  int r = fflush(f);
  if (__sfi_dev_close(f) < 0)
    r = EOF;
  if (f->flags & F_STATIC) {
    f->flags &= ~(F_READ | F_WRITE);
    f->rpos = f->rend = f->wpos = f->wend = 0;
    return r;
  }
  unlist(f);
  if (f->flags & F_OWNBUF)
    free(f->buf - UNGET);
  free(f);
  return r;
}

FILE *freopen(const char *restrict path, const char *restrict mode,
              FILE *restrict f) {
  int o;
  unsigned ff;
  fflush(f);
  if (!path || __sfi_mode_flags(mode, &o, &ff) < 0)
    return 0;
  int fd = open(path, o, 0666);
  if (fd < 0)
    return 0;
  close(f->fd);
  f->fd = fd;
  f->flags = (f->flags & (F_OWNBUF | F_STATIC)) | ff;
  f->rpos = f->rend = f->wpos = f->wend = 0;
  return f;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size) {
  if (mode != _IONBF && mode != _IOLBF && mode != _IOFBF)
    return -1;
  if (f->wend)
    __sfi_flushbuf(f); /* C wants setvbuf first; be kind to late callers */
  f->mode = mode;
  f->mode_decided = 1;
  /* A caller buffer is used without its first UNGET bytes' worth of
   * push-back room (ungetc then needs the read pointer to move). */
  if (buf && size > UNGET + 16 && mode != _IONBF) {
    if (f->flags & F_OWNBUF)
      free(f->buf - UNGET);
    f->flags &= ~F_OWNBUF;
    f->buf = (unsigned char *)buf + UNGET;
    f->bufsize = size - UNGET;
  } else if (mode == _IONBF && !(f->flags & F_STATIC)) {
    if (f->flags & F_OWNBUF)
      free(f->buf - UNGET);
    f->flags &= ~F_OWNBUF;
    f->buf = 0;
    f->bufsize = 0;
  }
  f->rpos = f->rend = f->wpos = f->wend = 0;
  return 0;
}

void setbuf(FILE *restrict f, char *restrict buf) {
  setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}
void setbuffer(FILE *f, char *buf, size_t size) {
  setvbuf(f, buf, buf ? _IOFBF : _IONBF, size);
}
void setlinebuf(FILE *f) { setvbuf(f, 0, _IOLBF, 0); }

int fileno(FILE *f) { return f->fd; }
int feof(FILE *f) { return !!(f->flags & F_EOF); }
int ferror(FILE *f) { return !!(f->flags & F_ERR); }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
void flockfile(FILE *f) { (void)f; }
void funlockfile(FILE *f) { (void)f; }
int ftrylockfile(FILE *f) {
  (void)f;
  return 0;
}
