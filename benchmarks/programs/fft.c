/* fft.c: signal processing in the manner of SPEC's DSP and image kernels:
 * an iterative radix-2 complex FFT used for fast convolution (low-pass
 * filtering) of a generated signal, plus a separable Gaussian blur and a
 * Sobel edge filter over a generated image. Twiddles come from half-angle
 * recurrences (sqrt only), so every build computes the same bits.
 * Usage: fft [small|full] */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  double re, im;
} cpx;

/* w[k] = exp(-2 pi i k / n) for k < n/2, n a power of two. */
static void twiddles(int n, cpx *w) {
  /* cos/sin of pi/2^m by half-angle steps from m = 1 (angle pi/2). */
  double c = 0.0, s = 1.0;
  int m = 1;
  while ((1 << (m + 1)) < n + 1 && (1 << m) < n / 2) {
    double c2 = sqrt((1.0 + c) * 0.5);
    s = s / (2.0 * c2);
    c = c2;
    m++;
  }
  /* Now (c, s) is for angle 2 pi / n when n >= 4. */
  if (n == 2) {
    w[0] = (cpx){1, 0};
    return;
  }
  w[0] = (cpx){1.0, 0.0};
  for (int k = 1; k < n / 2; k++) { /* re-anchor every 64 steps by squaring */
    if ((k & 63) == 0) {
      cpx a = w[k / 2];
      w[k] = (cpx){a.re * a.re - a.im * a.im, 2.0 * a.re * a.im};
    } else {
      cpx a = w[k - 1];
      w[k] = (cpx){a.re * c - a.im * (-s), a.re * (-s) + a.im * c};
    }
  }
}

static void fft(int n, cpx *x, const cpx *w, int inverse) {
  for (int i = 1, j = 0; i < n; i++) {
    int bit = n >> 1;
    for (; j & bit; bit >>= 1)
      j ^= bit;
    j ^= bit;
    if (i < j) {
      cpx t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }
  for (int len = 2; len <= n; len <<= 1) {
    int step = n / len, half = len / 2;
    for (int i = 0; i < n; i += len)
      for (int k = 0; k < half; k++) {
        cpx tw = w[k * step];
        if (inverse)
          tw.im = -tw.im;
        cpx a = x[i + k], b = x[i + k + half];
        cpx t = {b.re * tw.re - b.im * tw.im, b.re * tw.im + b.im * tw.re};
        x[i + k] = (cpx){a.re + t.re, a.im + t.im};
        x[i + k + half] = (cpx){a.re - t.re, a.im - t.im};
      }
  }
  if (inverse)
    for (int i = 0; i < n; i++) {
      x[i].re /= n;
      x[i].im /= n;
    }
}

static uint64_t qmix(uint64_t h, double v, double scale) {
  return (h ^ (uint64_t)llround(v * scale)) * 1099511628211ull;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int logn, reps, img, passes;
  if (!strcmp(size, "small")) {
    logn = 12, reps = 1, img = 64, passes = 1;
  } else if (!strcmp(size, "full")) {
    logn = 20, reps = 14, img = 2048, passes = 10;
  } else {
    fprintf(stderr, "usage: fft [small|full]\n");
    return 2;
  }
  int n = 1 << logn;
  cpx *w = malloc(sizeof(cpx) * (size_t)(n / 2)), *x = malloc(sizeof(cpx) * (size_t)n);
  cpx *hf = malloc(sizeof(cpx) * (size_t)n);
  if (!w || !x || !hf)
    return 1;
  twiddles(n, w);
  uint64_t h = 1469598103934665603ull;
  uint32_t seed = 12345;
  /* Filter: 64-tap moving average, transformed once. */
  memset(hf, 0, sizeof(cpx) * (size_t)n);
  for (int i = 0; i < 64; i++)
    hf[i].re = 1.0 / 64;
  fft(n, hf, w, 0);
  for (int r = 0; r < reps; r++) {
    for (int i = 0; i < n; i++) {
      seed = seed * 1664525u + 1013904223u;
      double noise = (double)(seed >> 8) / 16777216.0 - 0.5;
      x[i] = (cpx){((i / 500 + r) & 1 ? 1.0 : -1.0) + noise, 0.0};
    }
    fft(n, x, w, 0);
    for (int i = 0; i < n; i++) {
      cpx a = x[i], b = hf[i];
      x[i] = (cpx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    }
    fft(n, x, w, 1);
    double e = 0;
    for (int i = 0; i < n; i++)
      e += x[i].re * x[i].re;
    h = qmix(h, e, 1e3);
    if (r == 0)
      printf("filtered energy: %.3f\n", e);
  }
  /* Image: blur (5-tap binomial, separable) then Sobel magnitude^2. */
  float *im = malloc(sizeof(float) * (size_t)img * img);
  float *tmp = malloc(sizeof(float) * (size_t)img * img);
  if (!im || !tmp)
    return 1;
  for (int y = 0; y < img; y++)
    for (int xx = 0; xx < img; xx++) {
      seed = seed * 1664525u + 1013904223u;
      int dx = xx - img / 2, dy = y - img / 2;
      im[(size_t)y * img + xx] = (dx * dx + dy * dy < img * img / 9 ? 200.0f : 50.0f) +
                                 (float)(seed >> 28);
    }
  double edges = 0;
  for (int p = 0; p < passes; p++) {
    for (int y = 0; y < img; y++)
      for (int xx = 2; xx < img - 2; xx++) {
        const float *r = im + (size_t)y * img + xx;
        tmp[(size_t)y * img + xx] = (r[-2] + 4 * r[-1] + 6 * r[0] + 4 * r[1] + r[2]) * (1.0f / 16);
      }
    for (int y = 2; y < img - 2; y++)
      for (int xx = 2; xx < img - 2; xx++) {
        const float *r = tmp + (size_t)y * img + xx;
        im[(size_t)y * img + xx] = (r[-2 * img] + 4 * r[-img] + 6 * r[0] + 4 * r[img] + r[2 * img]) * (1.0f / 16);
      }
    edges = 0;
    for (int y = 1; y < img - 1; y++)
      for (int xx = 1; xx < img - 1; xx++) {
        const float *r = im + (size_t)y * img + xx;
        float gx = (r[-img + 1] + 2 * r[1] + r[img + 1]) - (r[-img - 1] + 2 * r[-1] + r[img - 1]);
        float gy = (r[img - 1] + 2 * r[img] + r[img + 1]) - (r[-img - 1] + 2 * r[-img] + r[-img + 1]);
        edges += (double)(gx * gx + gy * gy);
      }
    h = qmix(h, edges, 1.0);
  }
  printf("edge energy: %.1f\n", edges);
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(w); free(x); free(hf); free(im); free(tmp);
  return 0;
}
