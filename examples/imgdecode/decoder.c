/* decoder.c: the untrusted plugin of the example, an image decoder for
 * binary Netpbm (P5 gray, P6 RGB) and a run-length-encoded variant (R5, R6).
 * It has a deliberate memory bug (see rle_decode) that a crafted file uses.
 *
 * Formats. Header, as in Netpbm: a two-byte magic, then width, height and
 * maxval (<= 255) as decimal numbers separated by whitespace ('#' starts a
 * comment up to the end of the line), then exactly one whitespace byte.
 *   P5/P6: width * height raw pixels follow (1 or 3 bytes each).
 *   R5/R6: packets follow, in the manner of BMP's RLE8 (a pixel is 1 or 3
 *     bytes; pixels the packets skip stay 0):
 *       n (1..255), pixel     n copies of pixel
 *       0, 0                  end of row: go to the start of the next row
 *       0, 1                  end of image
 *       0, 2, dx, dy          move the cursor dx right and dy down
 *       0, n (3..255), pixels n literal pixels */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imgdecode.h"

/* The plugin exports only what it marks: sfi-cc (and the flags below in
 * examples/CMakeLists.txt) compile with -fvisibility=hidden. */
#ifdef __sfi__
#include <sfi_export.h>
#else
#define SFI_EXPORT
#endif

/* Granted by the host: the plugin's only way to say something. */
void host_log(const char *msg);

static void logf_(const char *fmt, int a, int b, int c) {
  char buf[160];
  snprintf(buf, sizeof buf, fmt, a, b, c);
  host_log(buf);
}

struct reader {
  const uint8_t *p, *end;
};

static int is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

/* Skips whitespace and comments, then reads a decimal number. */
static int read_number(struct reader *r, int *out) {
  for (;;) {
    while (r->p < r->end && is_space(*r->p))
      r->p++;
    if (r->p < r->end && *r->p == '#') {
      while (r->p < r->end && *r->p != '\n')
        r->p++;
      continue;
    }
    break;
  }
  long v = 0;
  const uint8_t *start = r->p;
  while (r->p < r->end && *r->p >= '0' && *r->p <= '9') {
    v = v * 10 + (*r->p++ - '0');
    if (v > 1000000)
      return -1;
  }
  if (r->p == start)
    return -1;
  *out = (int)v;
  return 0;
}

static struct img *fail(struct img *im, const char *why) {
  host_log(why);
  if (im)
    free(im->pixels);
  free(im);
  return NULL;
}

static struct img *raw_decode(struct img *im, struct reader *r) {
  size_t n = (size_t)im->width * im->height * im->channels;
  if ((size_t)(r->end - r->p) < n)
    return fail(im, "truncated pixel data");
  memcpy(im->pixels, r->p, n);
  return im;
}

static struct img *rle_decode(struct img *im, struct reader *r) {
  const int w = im->width, ch = im->channels;
  int x = 0, y = 0;
  for (;;) {
    if (r->end - r->p < 2)
      return fail(im, "truncated RLE data");
    int n = *r->p++;
    if (n > 0) {
      /* A run: n copies of one pixel. The row is checked... */
      if (n > w - x || r->end - r->p < ch)
        return fail(im, "RLE run past the end of a row");
      /* ...but y is not: BUG (deliberate, the point of the example). The
       * delta packet below moves y without a check, so a crafted file puts
       * this write anywhere after the buffer. Natively that is a heap
       * overflow with attacker-chosen offset; in the sandbox the address is
       * confined to the region and lands in unmapped space, which traps. */
      uint8_t *dst = im->pixels + ((size_t)y * w + x) * ch;
      for (int i = 0; i < n * ch; i++)
        dst[i] = r->p[i % ch];
      r->p += ch;
      x += n;
      continue;
    }
    int op = *r->p++;
    if (op == 0) { /* end of row */
      x = 0;
      y++;
    } else if (op == 1) { /* end of image */
      return im;
    } else if (op == 2) { /* delta */
      if (r->end - r->p < 2)
        return fail(im, "truncated RLE delta");
      x += r->p[0];
      y += r->p[1]; /* the unchecked move (see above) */
      r->p += 2;
      if (x > w)
        return fail(im, "RLE delta past the end of a row");
    } else { /* literal pixels */
      if (op > w - x || r->end - r->p < (long)op * ch)
        return fail(im, "RLE literal past the end of a row or the data");
      if (y >= im->height)
        return fail(im, "RLE literal below the last row");
      memcpy(im->pixels + ((size_t)y * w + x) * ch, r->p, (size_t)op * ch);
      r->p += (size_t)op * ch;
      x += op;
    }
  }
}

SFI_EXPORT struct img *img_decode(const uint8_t *data, int64_t len,
                                  img_row_fn cb) {
  if (!data || len < 2)
    return fail(NULL, "not an image: too short");
  struct reader r = {data, data + len};
  char kind = (char)data[0], depth = (char)data[1];
  if ((kind != 'P' && kind != 'R') || (depth != '5' && depth != '6'))
    return fail(NULL, "not an image: unknown magic");
  r.p += 2;
  int w, h, maxval;
  if (read_number(&r, &w) || read_number(&r, &h) || read_number(&r, &maxval))
    return fail(NULL, "bad header");
  if (r.p >= r.end || !is_space(*r.p))
    return fail(NULL, "bad header: no whitespace before the pixels");
  r.p++;
  if (w < 1 || h < 1 || w > IMG_MAX_DIM || h > IMG_MAX_DIM ||
      (uint64_t)w * h > IMG_MAX_PIXELS || maxval < 1 || maxval > 255)
    return fail(NULL, "bad header: dimensions or maxval out of range");

  struct img *im = calloc(1, sizeof *im);
  if (!im)
    return fail(NULL, "out of memory");
  im->width = w;
  im->height = h;
  im->channels = depth == '6' ? 3 : 1;
  logf_(kind == 'P' ? "raw %dx%d, %d channel(s)" : "RLE %dx%d, %d channel(s)",
        w, h, im->channels);
  im->pixels = calloc((size_t)w * h, (size_t)im->channels);
  if (!im->pixels)
    return fail(im, "out of memory");

  im = kind == 'P' ? raw_decode(im, &r) : rle_decode(im, &r);
  if (!im)
    return NULL;
  /* Hand every row to the host's callback (a function pointer it gave). */
  size_t stride = (size_t)w * im->channels;
  for (int y = 0; cb && y < h; y++)
    if (cb(y, im->pixels + y * stride, (int32_t)stride) != 0)
      return fail(im, "stopped by the row callback");
  return im;
}

SFI_EXPORT void img_free(struct img *im) {
  if (im)
    free(im->pixels);
  free(im);
}
