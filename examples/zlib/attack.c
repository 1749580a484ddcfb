/* attack.c: the boundary test of the zlib example. A hostile zlib
 * (hostile.c: the real one plus lies) tries to get the host, which uses the
 * generated bindings as host.c does, to read or write its own memory:
 *
 *   1 deflate returns next_out = the address of a host canary;
 *   2 deflate returns avail_out = 0xfffff800 (CHUNK - avail_out wraps to
 *     CHUNK + 2048: a host that trusted it would copy 2 KiB too many);
 *   3 inflate fails with msg = the canary's address;
 *   4 deflate is honest, but the crc32 call the host makes after reading
 *     the z_stream changes avail_out to the value of case 2: the field
 *     changed between two reads;
 *   5 zlibVersion() returns the canary's address;
 *   6 deflate writes 4 KiB at the canary's address itself (the sandbox's
 *     addressing keeps it in the region: a trap, or a write to its own
 *     memory), after which the host resets the instance if it trapped.
 *
 * Each case asserts that the hostile module did attack (its own count),
 * that the checked accessors / the one-copy rule caught it, and that the
 * 4 KiB canary right after the host's output buffer is unchanged. Cases
 * 2 and 4 also run what a careless host would do (trust the field, or read
 * it a second time) and assert that it does smash the canary: the attack
 * is real. Then, in the same process, the whole input goes through
 * deflate and inflate (hostile module, honest mode) and must come back.
 *
 *   zlib-attack libz-hostile.so INPUT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zlib_sfi.h"

#define CHUNK 65536
#define CANARY 4096
enum { HONEST, FORGE_NEXT_OUT, HUGE_AVAIL_OUT, FORGE_MSG, FLIP_LATER,
       FORGE_VERSION, WRITE_TARGET };

static unsigned char area[CHUNK + CANARY]; /* output buffer, then canary */
static unsigned char *const canary = area + CHUNK;
static sfi_instance *in;
static zlib_t z;
static uint64_t set_fn, count_fn;
static sfi_sptr strm, obuf, ibuf;
static int failures;

#define CHECK(c, ...)                                                          \
  do {                                                                         \
    if (!(c)) {                                                                \
      printf("FAIL line %d: %s: ", __LINE__, #c);                              \
      printf(__VA_ARGS__);                                                     \
      printf("\n");                                                            \
      failures++;                                                              \
    }                                                                          \
  } while (0)

static void canary_fill(void) {
  for (int i = 0; i < CANARY; i++)
    canary[i] = (unsigned char)(0xa5 ^ i);
}
static int canary_intact(void) {
  for (int i = 0; i < CANARY; i++)
    if (canary[i] != (unsigned char)(0xa5 ^ i))
      return 0;
  return 1;
}

static void hostile(int mode, const void *target) {
  sfi_val a[2] = {SFI_I32(mode), SFI_I64((uint64_t)(uintptr_t)target)};
  if (sfi_call_addr(in, set_fn, "iI:v", a, NULL) != SFI_OK)
    printf("FAIL: zhostile_set: %s\n", sfi_errmsg()), exit(1);
}
static int attacks(void) {
  sfi_val r;
  if (sfi_call_addr(in, count_fn, ":i", NULL, &r) != SFI_OK)
    printf("FAIL: zhostile_attacks: %s\n", sfi_errmsg()), exit(1);
  return r.i32;
}

static int alloc_buffers(void) {
  strm = SFI_SPTR(sfi_malloc(in, sizeof(zlib_z_stream_s_t)));
  obuf = SFI_SPTR(sfi_malloc(in, CHUNK)); /* ibuf right after obuf: a */
  ibuf = SFI_SPTR(sfi_malloc(in, CHUNK)); /* copy past obuf is mapped */
  return strm.a && obuf.a && ibuf.a;
}

static int stream_ok(const zlib_z_stream_s_t *s, sfi_sptr cur, uInt ia) {
  return s->avail_in <= ia && s->next_in.a == cur.a + (ia - s->avail_in) &&
         s->avail_out <= CHUNK &&
         s->next_out.a == obuf.a + (CHUNK - s->avail_out);
}

/* Init, one call of deflate(Z_FINISH) / inflate on n bytes of src, and
 * the host's single copy of the z_stream afterwards in *s. */
static int one_call(int compress, const void *src, size_t n, int *ret,
                    zlib_z_stream_s_t *s) {
  zlib_z_stream_s_t zero = {0};
  int r = Z_OK;
  if (zlib_z_stream_s_store(in, strm, &zero) != SFI_OK ||
      sfi_store(in, ibuf, src, n) != SFI_OK)
    return -100;
  int rc = compress ? zlib_deflateInit(&z, strm, 6, &r)
                    : zlib_inflateInit(&z, strm, &r);
  if (rc != SFI_OK || r != Z_OK)
    return rc != SFI_OK ? rc : -101;
  zlib_z_stream_s_set_next_in(in, strm, ibuf);
  zlib_z_stream_s_set_avail_in(in, strm, (uInt)n);
  zlib_z_stream_s_set_next_out(in, strm, obuf);
  zlib_z_stream_s_set_avail_out(in, strm, CHUNK);
  rc = compress ? zlib_deflate(&z, strm, Z_FINISH, ret)
                : zlib_inflate(&z, strm, Z_NO_FLUSH, ret);
  if (rc == SFI_OK)
    rc = zlib_z_stream_s_fetch(in, strm, s);
  return rc;
}

static void end_stream(int compress) {
  int r;
  compress ? zlib_deflateEnd(&z, strm, &r) : zlib_inflateEnd(&z, strm, &r);
}

/* The whole of src through deflate or inflate (host.c's loop, in memory).
 * Returns the output length, or -1. */
static long stream_all(int compress, const unsigned char *src, size_t n,
                       unsigned char *dst, size_t cap) {
  zlib_z_stream_s_t s = {0};
  int ret = Z_OK, flush = Z_NO_FLUSH;
  size_t pos = 0, out = 0;
  if (zlib_z_stream_s_store(in, strm, &s) != SFI_OK ||
      (compress ? zlib_deflateInit(&z, strm, 6, &ret)
                : zlib_inflateInit(&z, strm, &ret)) != SFI_OK ||
      ret != Z_OK)
    return -1;
  do {
    size_t k = n - pos < CHUNK ? n - pos : CHUNK;
    if (sfi_store(in, ibuf, src + pos, k) != SFI_OK)
      return -1;
    pos += k;
    flush = pos == n ? Z_FINISH : Z_NO_FLUSH;
    sfi_sptr cur = ibuf;
    uInt ia = (uInt)k;
    do {
      zlib_z_stream_s_set_next_in(in, strm, cur);
      zlib_z_stream_s_set_avail_in(in, strm, ia);
      zlib_z_stream_s_set_next_out(in, strm, obuf);
      zlib_z_stream_s_set_avail_out(in, strm, CHUNK);
      int rc = compress ? zlib_deflate(&z, strm, flush, &ret)
                        : zlib_inflate(&z, strm, Z_NO_FLUSH, &ret);
      if (rc != SFI_OK || zlib_z_stream_s_fetch(in, strm, &s) != SFI_OK ||
          (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) ||
          !stream_ok(&s, cur, ia))
        return -1;
      cur = s.next_in, ia = s.avail_in;
      size_t have = CHUNK - s.avail_out;
      if (out + have > cap || sfi_fetch(in, obuf, dst + out, have) != SFI_OK)
        return -1;
      out += have;
    } while (s.avail_out == 0);
  } while (compress ? flush != Z_FINISH : ret != Z_STREAM_END && pos < n);
  end_stream(compress);
  return compress || ret == Z_STREAM_END ? (long)out : -1;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s libz-hostile.so INPUT\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[2], "rb");
  static unsigned char data[8 << 20], packed[9 << 20], back[8 << 20];
  size_t n = f ? fread(data, 1, sizeof data, f) : 0;
  if (!n || n < 2 * CHUNK)
    return fprintf(stderr, "cannot read %s\n", argv[2]), 2;
  sfi_module *m = sfi_module_load(argv[1], NULL, NULL);
  sfi_instance_options o = {.mem_limit = 256 << 20, .time_limit = 60};
  in = m ? sfi_instance_new(m, &o) : NULL;
  if (!in || zlib_bind(&z, in) != SFI_OK ||
      !(set_fn = sfi_lookup(in, "zhostile_set")) ||
      !(count_fn = sfi_lookup(in, "zhostile_attacks")))
    return fprintf(stderr, "%s\n", sfi_errmsg()), 2;
  /* Only zlib's API (and the test's two hooks) is exported. */
  CHECK(sfi_lookup(in, "malloc") == 0, "malloc is exported");
  CHECK(sfi_lookup(in, "deflate_stored") == 0 &&
            sfi_lookup(in, "inflate_table") == 0,
        "zlib internals are exported");
  if (!alloc_buffers())
    return fprintf(stderr, "%s\n", sfi_errmsg()), 2;
  canary_fill();
  zlib_z_stream_s_t s;
  int ret, rc;
  /* An honest deflate of one chunk, for the inflate cases. */
  hostile(HONEST, NULL);
  rc = one_call(1, data, CHUNK / 2, &ret, &s);
  CHECK(rc == SFI_OK && ret == Z_STREAM_END && stream_ok(&s, ibuf, CHUNK / 2),
        "honest deflate: rc %d ret %d", rc, ret);
  size_t zn = CHUNK - s.avail_out;
  static unsigned char zchunk[CHUNK];
  CHECK(sfi_fetch(in, obuf, zchunk, zn) == SFI_OK, "fetch");
  end_stream(1);

  /* 1: next_out forged to point at the host canary. */
  hostile(FORGE_NEXT_OUT, canary);
  rc = one_call(1, data, CHUNK / 2, &ret, &s);
  CHECK(rc == SFI_OK && attacks() == 1, "case 1 did not run: rc %d", rc);
  CHECK(s.next_out.a == (uint64_t)(uintptr_t)canary, "next_out not forged");
  CHECK(!stream_ok(&s, ibuf, CHUNK / 2), "forged next_out accepted");
  CHECK(sfi_sptr_check(in, s.next_out, 1, 1) == NULL &&
            sfi_store(in, s.next_out, "x", 1) == SFI_ERR_INVALID &&
            sfi_fetch(in, s.next_out, area, 16) == SFI_ERR_INVALID,
        "a host address passed the checked accessors");
  CHECK(canary_intact(), "case 1: canary changed");
  end_stream(1);
  printf("1 forged next_out (host address %p): refused by the checks\n",
         (void *)canary);

  /* 2: avail_out out of range. */
  hostile(HUGE_AVAIL_OUT, NULL);
  rc = one_call(1, data, CHUNK / 2, &ret, &s);
  CHECK(rc == SFI_OK && attacks() == 1, "case 2 did not run: rc %d", rc);
  CHECK(!stream_ok(&s, ibuf, CHUNK / 2), "avail_out 0x%x accepted",
        (unsigned)s.avail_out);
  CHECK(canary_intact(), "case 2: canary changed");
  size_t trusting = (uInt)(CHUNK - s.avail_out); /* a host without checks */
  CHECK(trusting == CHUNK + 2048 &&
            sfi_fetch(in, obuf, area, trusting) == SFI_OK && !canary_intact(),
        "the unchecked copy did not overflow: the attack is not real");
  canary_fill();
  end_stream(1);
  printf("2 avail_out 0x%x: rejected (trusting it overflows the host buffer "
         "by %zu bytes)\n", (unsigned)s.avail_out, trusting - CHUNK);

  /* 3: an error message pointing at host memory. */
  hostile(FORGE_MSG, canary);
  rc = one_call(0, zchunk, zn, &ret, &s);
  CHECK(rc == SFI_OK && ret == Z_DATA_ERROR && attacks() == 1,
        "case 3 did not run: rc %d ret %d", rc, ret);
  char msg[256];
  CHECK(sfi_fetch_string(in, s.msg, msg, sizeof msg) == SFI_ERR_INVALID &&
            msg[0] == 0,
        "a host address was read as the message");
  CHECK(canary_intact(), "case 3: canary changed");
  end_stream(0);
  printf("3 msg = host address: not read\n");

  /* 4: avail_out changed between two reads (by the crc32 call the host
   * makes in between). The host decides and copies with its one copy. */
  hostile(FLIP_LATER, NULL);
  rc = one_call(1, data, CHUNK / 2, &ret, &s); /* read 1: the copy */
  CHECK(rc == SFI_OK && ret == Z_STREAM_END && stream_ok(&s, ibuf, CHUNK / 2),
        "case 4: honest deflate refused: rc %d ret %d", rc, ret);
  size_t have = CHUNK - s.avail_out;
  uLong crc = 0;
  rc = zlib_crc32(&z, 0, obuf, (uInt)have, &crc);
  CHECK(rc == SFI_OK && attacks() == 1, "case 4: no flip");
  uInt now = 0; /* read 2, as a careless host would do it */
  zlib_z_stream_s_get_avail_out(in, strm, &now);
  CHECK(now == 0xfffff800u && now != s.avail_out, "the field did not change");
  CHECK(have == zn && sfi_fetch(in, obuf, area, have) == SFI_OK &&
            !memcmp(area, zchunk, zn) && canary_intact(),
        "the host's copy did not hold");
  CHECK(sfi_fetch(in, obuf, area, (uInt)(CHUNK - now)) == SFI_OK &&
            !canary_intact(),
        "re-reading did not overflow: the attack is not real");
  canary_fill();
  end_stream(1);
  printf("4 avail_out changed after the host read it (0x%x -> 0x%x): the "
         "host's copy held\n", (unsigned)s.avail_out, (unsigned)now);

  /* 5: a returned pointer into host memory. */
  hostile(FORGE_VERSION, canary);
  sfi_sptr v = SFI_SPTR_NULL;
  rc = zlib_zlibVersion(&z, &v);
  CHECK(rc == SFI_OK && attacks() == 1 && v.a == (uint64_t)(uintptr_t)canary,
        "case 5 did not run");
  CHECK(sfi_fetch_string(in, v, msg, sizeof msg) == SFI_ERR_INVALID,
        "a returned host address was read");
  CHECK(canary_intact(), "case 5: canary changed");
  printf("5 zlibVersion() = host address: not read\n");

  /* 6: the sandbox writes at the host canary's address itself. */
  hostile(WRITE_TARGET, canary);
  rc = one_call(1, data, CHUNK / 2, &ret, &s);
  CHECK(rc == SFI_OK || sfi_is_trap(rc), "case 6: rc %d", rc);
  CHECK(canary_intact(), "case 6: the sandbox wrote the host canary");
  if (sfi_is_trap(rc)) {
    printf("6 write at host address %p: %s\n", (void *)canary,
           sfi_errmsg());
    CHECK(sfi_instance_reset(in) == SFI_OK && alloc_buffers(),
          "reset after the trap failed");
  } else {
    CHECK(attacks() == 1, "case 6 did not run");
    end_stream(1);
    printf("6 write at host address %p: stayed in the sandbox's memory\n",
           (void *)canary);
  }

  /* The host goes on: the whole input, honestly, in the same instance. */
  hostile(HONEST, NULL);
  long zlen = stream_all(1, data, n, packed, sizeof packed);
  long blen = zlen > 0 ? stream_all(0, packed, (size_t)zlen, back, sizeof back)
                       : -1;
  CHECK(zlen > 0 && blen == (long)n && !memcmp(back, data, n),
        "round trip after the attacks failed (%ld, %ld)", zlen, blen);
  CHECK(canary_intact(), "canary changed");
  printf("after the attacks: %zu bytes -> %ld -> %ld, identical\n", n, zlen,
         blen);
  sfi_instance_free(in);
  sfi_module_free(m);
  printf(failures ? "FAILED (%d)\n" : "all attacks caught\n", failures);
  return failures != 0;
}
