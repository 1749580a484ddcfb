/* internal.h: declarations shared by the sandbox libc's own sources (never
 * installed): the FILE layout, the system interface, small helpers. */
#ifndef SFI_LIBC_INTERNAL_H
#define SFI_LIBC_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sfi_sys.h"

#define HIDDEN __attribute__((visibility("hidden")))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Sets errno from a negative system-interface result and returns -1, so
 * wrappers read `return r < 0 ? __sfi_fail(r) : r;`. */
HIDDEN long __sfi_fail(long neg_errno);

/* An alarm (alarm, setitimer) is delivered where the libc calls the system
 * interface: SFI_ALARM_POINT() runs its handler if it is due (unistd/wait.c).
 * One load and branch when no alarm is set. */
HIDDEN extern int __sfi_alarm_pending;
HIDDEN int __sfi_alarm_deliver(void);
#define SFI_ALARM_POINT()                                                      \
  do {                                                                         \
    if (UNLIKELY(__sfi_alarm_pending))                                         \
      __sfi_alarm_deliver();                                                   \
  } while (0)

/* The body of a wrapper of one system-interface call: an alarm point, the
 * call, errno from a negative result. */
#define SYS(expr)                                                              \
  do {                                                                         \
    SFI_ALARM_POINT();                                                         \
    long r_ = (expr);                                                          \
    return r_ < 0 ? __sfi_fail(r_) : r_;                                       \
  } while (0)

/* ---- FILE ------------------------------------------------------------------
 * One buffer per stream, used for reading or for writing at a time (the
 * direction switches on fflush/fseek, as C requires). rpos..rend holds
 * unread input; buf..wpos holds unwritten output. String streams (sprintf,
 * sscanf) never reach FILE: the formatters have their own sinks. */
#define F_READ 1u
#define F_WRITE 2u
#define F_EOF 4u
#define F_ERR 8u
#define F_APPEND 16u
#define F_OWNBUF 32u /* buf came from malloc: free it on fclose */
#define F_STATIC 64u /* stdin/stdout/stderr: never freed */
#define F_LASTWRITE 128u

#define UNGET 8 /* bytes kept before the read buffer for ungetc */

struct _IO_FILE {
  unsigned flags;
  int fd;
  int mode;           /* _IONBF, _IOLBF, _IOFBF */
  unsigned char *buf; /* UNGET bytes of push-back room precede it */
  size_t bufsize;
  unsigned char *rpos, *rend; /* read window */
  unsigned char *wpos;        /* write position; buf..wpos pending */
  unsigned char *wend;        /* buf + bufsize when writing, else buf */
  struct sfi_mem *mem;        /* memory stream device, or NULL: fd */
  struct _IO_FILE *next;      /* list of open streams for fflush(NULL) */
  int mode_decided;           /* buffering chosen lazily (isatty) */
  int ungot;                  /* bytes pushed back beyond the buffer */
};

/* The device under a stream: its descriptor, or memory (fmemopen,
 * open_memstream). Same conventions as the system interface. */
HIDDEN long __sfi_dev_read(FILE *f, void *buf, size_t n);
HIDDEN long __sfi_dev_write(FILE *f, const void *buf, size_t n);
HIDDEN long __sfi_dev_seek(FILE *f, long off, int whence);
HIDDEN int __sfi_dev_close(FILE *f);
HIDDEN long __sfi_mem_read(FILE *f, void *buf, size_t n);
HIDDEN long __sfi_mem_write(FILE *f, const void *buf, size_t n);
HIDDEN long __sfi_mem_seek(FILE *f, long off, int whence);
HIDDEN int __sfi_mem_close(FILE *f);
HIDDEN int __sfi_fill(FILE *f);     /* refill; EOF or next byte */
HIDDEN int __sfi_flushbuf(FILE *f); /* write pending output */
HIDDEN int __sfi_towrite(FILE *f);  /* switch to writing */
HIDDEN size_t __sfi_fwrite_raw(const void *p, size_t n, FILE *f);
HIDDEN void __sfi_stdio_exit(void); /* flush all at exit */
HIDDEN FILE *__sfi_fdopen_flags(int fd, unsigned flags);
HIDDEN int __sfi_mode_flags(const char *mode, int *oflags, unsigned *fflags);

/* ---- Formatting ------------------------------------------------------------
 * The printf engine writes into a sink: a FILE, or a caller's buffer of
 * cap bytes (snprintf), counting the full length either way. */
struct sfi_sink {
  FILE *f;
  char *buf;
  size_t cap; /* bytes available in buf, including the NUL */
  size_t len; /* bytes produced so far (even past cap) */
  int err;
  unsigned char tmp[256]; /* staging for FILE sinks */
  size_t ntmp;
};
HIDDEN int __sfi_vformat(struct sfi_sink *s, const char *fmt, va_list ap);

/* The scanf engine reads from a source: a FILE, or a string. */
struct sfi_source {
  FILE *f;
  const unsigned char *s;
  long long count; /* characters consumed, for %n */
  int eof;
};
HIDDEN int __sfi_vscan(struct sfi_source *src, const char *fmt, va_list ap);

/* Numeric scanning helpers shared by strto* and scanf. */
HIDDEN unsigned long long __sfi_strtoull_base(const char *s, char **end,
                                              int base, int *neg,
                                              int *overflow);

/* ---- Heap
 * ---------------------------------------------------------------------*/
HIDDEN size_t __sfi_malloc_usable(void *p);

/* ---- Time
 * --------------------------------------------------------------------*/
HIDDEN struct tm *__sfi_secs_to_tm(long long t, struct tm *tm);
HIDDEN long long __sfi_tm_to_secs(const struct tm *tm);

#endif
