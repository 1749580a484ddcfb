/* host.c: zlib's deflate/inflate in a sandbox, called through the bindings
 * sfi-bindgen generated from zlib's own zlib.h (zlib_sfi.h).
 *
 *   zlib-host MODULE c|d IN OUT [-t]     compress / decompress IN to OUT
 *
 * The z_stream lives in sandbox memory: the host sets its fields with the
 * generated checked setters and, after every call, fetches the whole
 * struct once (zlib_z_stream_s_fetch) and decides only on that copy. -t
 * prints the CPU time of the streaming loop. native.c is the same program
 * with zlib linked natively; the outputs are byte-identical. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zlib_sfi.h"

#define CHUNK 65536

typedef struct {
  sfi_instance *in;
  zlib_t z;
  sfi_sptr strm, ibuf, obuf; /* the z_stream and two CHUNK buffers */
} zbox;

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* What an honest zlib leaves: the input it took from [cur, cur + ia) and
 * the output it put at the start of obuf, each within its buffer. */
static int stream_ok(const zlib_z_stream_s_t *s, sfi_sptr cur, uInt ia,
                     sfi_sptr obuf) {
  return s->avail_in <= ia && s->next_in.a == cur.a + (ia - s->avail_in) &&
         s->avail_out <= CHUNK &&
         s->next_out.a == obuf.a + (CHUNK - s->avail_out);
}

static void report(zbox *b, int rc, int ret, const zlib_z_stream_s_t *s) {
  char msg[256] = "(no message)";
  if (rc != SFI_OK)
    fprintf(stderr, "zlib call failed: %s\n", sfi_errmsg());
  else if (s && !sfi_sptr_is_null(s->msg) &&
           sfi_fetch_string(b->in, s->msg, msg, sizeof msg) < 0)
    fprintf(stderr, "zlib error %d, message pointer is bad\n", ret);
  else
    fprintf(stderr, "zlib error %d: %s\n", ret, msg);
}

/* zpipe's loop: feed IN in CHUNKs, write what comes out. 0 on success. */
static int pump(zbox *b, int compress, FILE *fi, FILE *fo) {
  static unsigned char hin[CHUNK], hout[CHUNK];
  zlib_z_stream_s_t s = {0};
  int ret = Z_OK, rc, flush = Z_NO_FLUSH;
  if (zlib_z_stream_s_store(b->in, b->strm, &s) != SFI_OK)
    return 1;
  rc = compress ? zlib_deflateInit(&b->z, b->strm, Z_DEFAULT_COMPRESSION, &ret)
                : zlib_inflateInit(&b->z, b->strm, &ret);
  if (rc != SFI_OK || ret != Z_OK)
    return report(b, rc, ret, NULL), 1;
  do {
    size_t n = fread(hin, 1, CHUNK, fi);
    if (ferror(fi) || sfi_store(b->in, b->ibuf, hin, n) != SFI_OK)
      return 1;
    if (compress)
      flush = feof(fi) ? Z_FINISH : Z_NO_FLUSH;
    else if (n == 0)
      break; /* truncated stream */
    sfi_sptr cur = b->ibuf;
    uInt ia = (uInt)n;
    do { /* (a failed store writes nothing; the check after the call
          * catches what zlib then does) */
      zlib_z_stream_s_set_next_in(b->in, b->strm, cur);
      zlib_z_stream_s_set_avail_in(b->in, b->strm, ia);
      zlib_z_stream_s_set_next_out(b->in, b->strm, b->obuf);
      zlib_z_stream_s_set_avail_out(b->in, b->strm, CHUNK);
      rc = compress ? zlib_deflate(&b->z, b->strm, flush, &ret)
                    : zlib_inflate(&b->z, b->strm, Z_NO_FLUSH, &ret);
      if (rc != SFI_OK || zlib_z_stream_s_fetch(b->in, b->strm, &s) != SFI_OK)
        return report(b, rc, ret, NULL), 1;
      if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
        return report(b, rc, ret, &s), 1;
      if (!stream_ok(&s, cur, ia, b->obuf)) {
        fprintf(stderr, "zlib left an inconsistent z_stream: rejected\n");
        return 1;
      }
      cur = s.next_in, ia = s.avail_in;
      size_t have = CHUNK - s.avail_out;
      if (sfi_fetch(b->in, b->obuf, hout, have) != SFI_OK ||
          fwrite(hout, 1, have, fo) != have)
        return 1;
    } while (s.avail_out == 0);
  } while (compress ? flush != Z_FINISH : ret != Z_STREAM_END);
  int end = ret;
  rc = compress ? zlib_deflateEnd(&b->z, b->strm, &ret)
                : zlib_inflateEnd(&b->z, b->strm, &ret);
  if (rc != SFI_OK)
    return report(b, rc, ret, NULL), 1;
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
  if (!b.in || zlib_bind(&b.z, b.in) != SFI_OK)
    return fprintf(stderr, "%s\n", sfi_errmsg()), 2;
  b.strm = SFI_SPTR(sfi_malloc(b.in, sizeof(zlib_z_stream_s_t)));
  b.ibuf = SFI_SPTR(sfi_malloc(b.in, CHUNK));
  b.obuf = SFI_SPTR(sfi_malloc(b.in, CHUNK));
  if (!b.strm.a || !b.ibuf.a || !b.obuf.a)
    return fprintf(stderr, "%s\n", sfi_errmsg()), 2;
  double t0 = cpu_seconds();
  int bad = pump(&b, argv[2][0] == 'c', fi, fo);
  if (argc > 5 && !strcmp(argv[5], "-t"))
    fprintf(stderr, "cpu %.6f s\n", cpu_seconds() - t0);
  sfi_instance_free(b.in);
  sfi_module_free(m);
  return fclose(fo) || bad ? 1 : 0;
}
