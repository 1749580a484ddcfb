/* mkimages.c: writes the example's inputs (good images, a truncated one and
 * the crafted one that triggers the decoder's bug) and expected.txt, the
 * checksum each good image must decode to.
 *
 *   mkimages OUTDIR */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imgdecode.h"

static const char *outdir;
static FILE *expected;

static FILE *create(const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", outdir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    perror(path);
    exit(1);
  }
  return f;
}

static void finish(FILE *f, const char *name) {
  if (ferror(f) || fclose(f) != 0) {
    fprintf(stderr, "mkimages: cannot write %s\n", name);
    exit(1);
  }
}

static void expect(const char *name, int w, int h, int ch, const uint8_t *px) {
  fprintf(expected, "%s %dx%dx%d 0x%08x\n", name, w, h, ch,
          img_fnv1a(IMG_FNV_INIT, px, (uint64_t)w * h * ch));
}

static void write_raw(const char *name, int w, int h, int ch,
                      const uint8_t *px) {
  FILE *f = create(name);
  fprintf(f, "P%c\n# written by mkimages\n%d %d\n255\n", ch == 3 ? '6' : '5', w,
          h);
  fwrite(px, (size_t)ch, (size_t)w * h, f);
  finish(f, name);
  expect(name, w, h, ch, px);
}

/* RLE encoding (gray only): leading zeros of a row become a delta, long
 * runs become run packets, the rest literal packets. */
static void write_rle_gray(const char *name, int w, int h, const uint8_t *px) {
  FILE *f = create(name);
  fprintf(f, "R5\n%d %d\n255\n", w, h);
  for (int y = 0; y < h; y++) {
    const uint8_t *row = px + (size_t)y * w;
    int x = 0;
    while (x < w && x < 255 && row[x] == 0)
      x++;
    if (x == w) {
      x = w; /* an empty row: the zeros are already there, just end it */
    } else if (x >= 3) {
      fputc(0, f), fputc(2, f), fputc(x, f), fputc(0, f); /* skip them */
    } else {
      x = 0;
    }
    while (x < w) {
      int run = 1;
      while (x + run < w && run < 255 && row[x + run] == row[x])
        run++;
      if (run >= 3) {
        fputc(run, f), fputc(row[x], f);
        x += run;
        continue;
      }
      /* Literals up to the next run of 3 or more. */
      int lit = 0;
      while (x + lit < w && lit < 255) {
        int r = 1;
        while (x + lit + r < w && r < 3 && row[x + lit + r] == row[x + lit])
          r++;
        if (r >= 3)
          break;
        lit++;
      }
      if (lit >= 3) {
        fputc(0, f), fputc(lit, f);
        fwrite(row + x, 1, (size_t)lit, f);
      } else {
        for (int i = 0; i < lit; i++)
          fputc(1, f), fputc(row[x + i], f);
      }
      x += lit;
    }
    if (y + 1 < h)
      fputc(0, f), fputc(0, f); /* end of row */
  }
  fputc(0, f), fputc(1, f); /* end of image */
  finish(f, name);
  expect(name, w, h, 1, px);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: mkimages OUTDIR\n");
    return 2;
  }
  outdir = argv[1];
  expected = create("expected.txt");

  /* 1. An RGB gradient with a disc: P6. */
  enum { GW = 48, GH = 24 };
  static uint8_t grad[GW * GH * 3];
  for (int y = 0; y < GH; y++)
    for (int x = 0; x < GW; x++) {
      uint8_t *p = grad + (y * GW + x) * 3;
      int dx = x - GW / 2, dy = 2 * (y - GH / 2);
      int in = dx * dx + dy * dy < 18 * 18;
      p[0] = (uint8_t)(x * 255 / (GW - 1));
      p[1] = (uint8_t)(y * 255 / (GH - 1));
      p[2] = in ? 255 : 40;
      if (in)
        p[0] = p[1] = (uint8_t)(255 - p[0] / 2);
    }
  write_raw("gradient.ppm", GW, GH, 3, grad);

  /* 2. A gray ring on black, run-length encoded: R5. */
  enum { BW = 64, BH = 32 };
  static uint8_t ring[BW * BH];
  for (int y = 0; y < BH; y++)
    for (int x = 0; x < BW; x++) {
      int dx = x - BW / 2, dy = 2 * (y - BH / 2), d = dx * dx + dy * dy;
      ring[y * BW + x] = d < 12 * 12   ? 90
                         : d < 22 * 22 ? 0
                         : d < 29 * 29 ? 250
                                       : 0;
      if (y == BH / 2 && x > 4 && x < 12)
        ring[y * BW + x] = (uint8_t)(x * 20); /* literals */
    }
  write_rle_gray("ring.rle", BW, BH, ring);

  /* 3. A P6 header promising more pixels than the file has: the decoder
   *    must refuse it cleanly (an ordinary error, not a trap). */
  FILE *f = create("truncated.ppm");
  fprintf(f, "P6\n32 32\n255\n");
  for (int i = 0; i < 100; i++)
    fputc(i, f);
  finish(f, "truncated.ppm");

  /* 4. The crafted file. A small RGB image (4096x4: a 48 KiB buffer), then
   *    delta packets that each move the cursor 255 rows down (the decoder
   *    never checks y), then a run of 255 'A' pixels: the run's write lands
   *    350 * 255 rows * 12288 bytes (about 1 GiB) past the buffer. Natively
   *    that writes attacker bytes wherever the attacker aims; in the
   *    sandbox it hits unmapped region space and traps. */
  f = create("evil.rle");
  fprintf(f, "R6\n# crafted: walks the write cursor off the image\n"
             "4096 4\n255\n");
  for (int i = 0; i < 350; i++)
    fputc(0, f), fputc(2, f), fputc(0, f), fputc(255, f);
  fputc(255, f), fputc('A', f), fputc('A', f), fputc('A', f);
  fputc(0, f), fputc(1, f);
  finish(f, "evil.rle");

  /* 5. A gray diagonal pattern: P5, decoded after the trap and reset. */
  enum { AW = 40, AH = 20 };
  static uint8_t diag[AW * AH];
  for (int y = 0; y < AH; y++)
    for (int x = 0; x < AW; x++)
      diag[y * AW + x] = (uint8_t)(((x + 2 * y) / 6) % 2 ? 230 : 20);
  write_raw("after.pgm", AW, AH, 1, diag);

  finish(expected, "expected.txt");
  return 0;
}
