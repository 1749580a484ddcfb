/* native.c: host.c's program with zlib linked natively (no sandbox), for
 * the byte-identity check and the timing comparison.
 *
 *   zlib-native c|d IN OUT [-t] */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "zlib.h"

#define CHUNK 65536

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* zpipe's loop: feed IN in CHUNKs, write what comes out. 0 on success. */
static int pump(int compress, FILE *fi, FILE *fo) {
  static unsigned char hin[CHUNK], hout[CHUNK];
  z_stream s = {0};
  int ret, flush = Z_NO_FLUSH;
  ret = compress ? deflateInit(&s, Z_DEFAULT_COMPRESSION) : inflateInit(&s);
  if (ret != Z_OK)
    return fprintf(stderr, "zlib error %d\n", ret), 1;
  do {
    size_t n = fread(hin, 1, CHUNK, fi);
    if (ferror(fi))
      return 1;
    if (compress)
      flush = feof(fi) ? Z_FINISH : Z_NO_FLUSH;
    else if (n == 0)
      break; /* truncated stream */
    s.next_in = hin;
    s.avail_in = (uInt)n;
    do {
      s.next_out = hout;
      s.avail_out = CHUNK;
      ret = compress ? deflate(&s, flush) : inflate(&s, Z_NO_FLUSH);
      if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
        return fprintf(stderr, "zlib error %d: %s\n", ret,
                       s.msg ? s.msg : "(no message)"), 1;
      size_t have = CHUNK - s.avail_out;
      if (fwrite(hout, 1, have, fo) != have)
        return 1;
    } while (s.avail_out == 0);
  } while (compress ? flush != Z_FINISH : ret != Z_STREAM_END);
  int end = ret;
  compress ? deflateEnd(&s) : inflateEnd(&s);
  return end == Z_STREAM_END ? 0 : (fprintf(stderr, "truncated input\n"), 1);
}

int main(int argc, char **argv) {
  if (argc < 4 || (strcmp(argv[1], "c") && strcmp(argv[1], "d"))) {
    fprintf(stderr, "usage: %s c|d IN OUT [-t]\n", argv[0]);
    return 2;
  }
  FILE *fi = fopen(argv[2], "rb"), *fo = fopen(argv[3], "wb");
  if (!fi || !fo)
    return perror("open"), 2;
  double t0 = cpu_seconds();
  int bad = pump(argv[1][0] == 'c', fi, fo);
  if (argc > 4 && !strcmp(argv[4], "-t"))
    fprintf(stderr, "cpu %.6f s\n", cpu_seconds() - t0);
  return fclose(fo) || bad ? 1 : 0;
}
