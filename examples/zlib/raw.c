/* raw.c: host.c's program written against the raw call API (sfi_lookup,
 * sfi_call_addr with hand-written signature strings, field offsets taken
 * by hand), without the generated bindings: for the line count and
 * call-cost comparison in benchmarks/results/embed-zlib.md.
 *
 *   zlib-raw MODULE c|d IN OUT [-t] */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sfi.h"
#include "zlib.h"

#define CHUNK 65536

typedef struct {
  sfi_instance *in;
  uint64_t deflateInit_, inflateInit_, deflate, inflate, deflateEnd,
      inflateEnd;
  uint64_t strm, ibuf, obuf, version; /* sandbox addresses */
} zbox;

/* z_stream as it lies in sandbox memory: pointers are sandbox addresses. */
typedef struct {
  uint64_t next_in;
  uint32_t avail_in;
  uint64_t total_in, next_out;
  uint32_t avail_out;
  uint64_t total_out, msg, state, zalloc, zfree, opaque;
  int32_t data_type;
  uint64_t adler, reserved;
} zs_t;
_Static_assert(sizeof(zs_t) == sizeof(z_stream), "z_stream layout");
_Static_assert(offsetof(zs_t, avail_out) == offsetof(z_stream, avail_out) &&
                   offsetof(zs_t, msg) == offsetof(z_stream, msg),
               "z_stream layout");

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int stream_ok(const zs_t *s, uint64_t cur, uint32_t ia, uint64_t obuf) {
  return s->avail_in <= ia && s->next_in == cur + (ia - s->avail_in) &&
         s->avail_out <= CHUNK && s->next_out == obuf + (CHUNK - s->avail_out);
}

static void report(zbox *b, int rc, int ret, const zs_t *s) {
  char msg[256] = "(no message)";
  if (rc != SFI_OK)
    fprintf(stderr, "zlib call failed: %s\n", sfi_errmsg());
  else if (s && s->msg && sfi_copy_string_out(b->in, msg, sizeof msg, s->msg) < 0)
    fprintf(stderr, "zlib error %d, message pointer is bad\n", ret);
  else
    fprintf(stderr, "zlib error %d: %s\n", ret, msg);
}

static int set32(zbox *b, size_t off, uint32_t v) {
  return sfi_copy_in(b->in, b->strm + off, &v, sizeof v);
}
static int set64(zbox *b, size_t off, uint64_t v) {
  return sfi_copy_in(b->in, b->strm + off, &v, sizeof v);
}

/* One call of a zlib function of type int f(z_streamp, int). */
static int call_si(zbox *b, uint64_t fn, int arg, int *ret) {
  sfi_val a[2] = {SFI_PTR(b->strm), SFI_I32(arg)}, r;
  int rc = sfi_call_addr(b->in, fn, "pi:i", a, &r);
  if (rc == SFI_OK)
    *ret = r.i32;
  return rc;
}

static int pump(zbox *b, int compress, FILE *fi, FILE *fo) {
  static unsigned char hin[CHUNK], hout[CHUNK];
  zs_t s = {0};
  int ret = Z_OK, rc, flush = Z_NO_FLUSH;
  sfi_val r;
  if (sfi_copy_in(b->in, b->strm, &s, sizeof s) != SFI_OK)
    return 1;
  if (compress) {
    sfi_val a[4] = {SFI_PTR(b->strm), SFI_I32(Z_DEFAULT_COMPRESSION),
                    SFI_PTR(b->version), SFI_I32(sizeof(z_stream))};
    rc = sfi_call_addr(b->in, b->deflateInit_, "pipi:i", a, &r);
  } else {
    sfi_val a[3] = {SFI_PTR(b->strm), SFI_PTR(b->version),
                    SFI_I32(sizeof(z_stream))};
    rc = sfi_call_addr(b->in, b->inflateInit_, "ppi:i", a, &r);
  }
  if (rc != SFI_OK || r.i32 != Z_OK)
    return report(b, rc, r.i32, NULL), 1;
  do {
    size_t n = fread(hin, 1, CHUNK, fi);
    if (ferror(fi) || sfi_copy_in(b->in, b->ibuf, hin, n) != SFI_OK)
      return 1;
    if (compress)
      flush = feof(fi) ? Z_FINISH : Z_NO_FLUSH;
    else if (n == 0)
      break; /* truncated stream */
    uint64_t cur = b->ibuf;
    uint32_t ia = (uint32_t)n;
    do {
      if (set64(b, offsetof(zs_t, next_in), cur) != SFI_OK ||
          set32(b, offsetof(zs_t, avail_in), ia) != SFI_OK ||
          set64(b, offsetof(zs_t, next_out), b->obuf) != SFI_OK ||
          set32(b, offsetof(zs_t, avail_out), CHUNK) != SFI_OK)
        return 1;
      rc = compress ? call_si(b, b->deflate, flush, &ret)
                    : call_si(b, b->inflate, Z_NO_FLUSH, &ret);
      if (rc != SFI_OK || sfi_copy_out(b->in, &s, b->strm, sizeof s) != SFI_OK)
        return report(b, rc, ret, NULL), 1;
      if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
        return report(b, rc, ret, &s), 1;
      if (!stream_ok(&s, cur, ia, b->obuf)) {
        fprintf(stderr, "zlib left an inconsistent z_stream: rejected\n");
        return 1;
      }
      cur = s.next_in, ia = s.avail_in;
      size_t have = CHUNK - s.avail_out;
      if (sfi_copy_out(b->in, hout, b->obuf, have) != SFI_OK ||
          fwrite(hout, 1, have, fo) != have)
        return 1;
    } while (s.avail_out == 0);
  } while (compress ? flush != Z_FINISH : ret != Z_STREAM_END);
  int end = ret;
  sfi_val a[1] = {SFI_PTR(b->strm)};
  rc = sfi_call_addr(b->in, compress ? b->deflateEnd : b->inflateEnd, "p:i", a,
                     &r);
  if (rc != SFI_OK)
    return report(b, rc, r.i32, NULL), 1;
  return end == Z_STREAM_END ? 0 : (fprintf(stderr, "truncated input\n"), 1);
}

int main(int argc, char **argv) {
  if (argc < 5 || (strcmp(argv[2], "c") && strcmp(argv[2], "d"))) {
    fprintf(stderr, "usage: %s MODULE c|d IN OUT [-t]\n", argv[0]);
    return 2;
  }
  FILE *fi = fopen(argv[3], "rb"), *fo = fopen(argv[4], "wb");
  if (!fi || !fo)
    return perror("open"), 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  sfi_instance_options o = {.mem_limit = 256 << 20, .time_limit = 60};
  zbox b = {.in = m ? sfi_instance_new(m, &o) : NULL};
  if (!b.in)
    return fprintf(stderr, "%s\n", sfi_errmsg()), 2;
  if (!(b.deflateInit_ = sfi_lookup(b.in, "deflateInit_")) ||
      !(b.inflateInit_ = sfi_lookup(b.in, "inflateInit_")) ||
      !(b.deflate = sfi_lookup(b.in, "deflate")) ||
      !(b.inflate = sfi_lookup(b.in, "inflate")) ||
      !(b.deflateEnd = sfi_lookup(b.in, "deflateEnd")) ||
      !(b.inflateEnd = sfi_lookup(b.in, "inflateEnd")))
    return fprintf(stderr, "%s\n", sfi_errmsg()), 2;
  b.strm = sfi_malloc(b.in, sizeof(zs_t));
  b.ibuf = sfi_malloc(b.in, CHUNK);
  b.obuf = sfi_malloc(b.in, CHUNK);
  b.version = sfi_malloc(b.in, sizeof ZLIB_VERSION);
  if (!b.strm || !b.ibuf || !b.obuf || !b.version ||
      sfi_copy_in(b.in, b.version, ZLIB_VERSION, sizeof ZLIB_VERSION) != SFI_OK)
    return fprintf(stderr, "%s\n", sfi_errmsg()), 2;
  double t0 = cpu_seconds();
  int bad = pump(&b, argv[2][0] == 'c', fi, fo);
  if (argc > 5 && !strcmp(argv[5], "-t"))
    fprintf(stderr, "cpu %.6f s\n", cpu_seconds() - t0);
  sfi_instance_free(b.in);
  sfi_module_free(m);
  return fclose(fo) || bad ? 1 : 0;
}
