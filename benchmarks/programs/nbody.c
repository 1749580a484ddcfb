/* nbody.c: physics in the manner of SPEC's namd/nab: an all-pairs
 * gravitational N-body simulation with softening and a leapfrog
 * integrator, reporting energy drift. Usage: nbody [small|full] */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  double x, y, z, vx, vy, vz, m;
} body;

static uint64_t rs = 0x510e527fade682d1ull;
static double rndd(void) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (double)(rs >> 11) / 9007199254740992.0;
}

#define EPS2 1e-4
static void accel(int n, const body *b, double *ax, double *ay, double *az) {
  for (int i = 0; i < n; i++)
    ax[i] = ay[i] = az[i] = 0;
  for (int i = 0; i < n; i++) {
    double xi = b[i].x, yi = b[i].y, zi = b[i].z, sx = 0, sy = 0, sz = 0;
    for (int j = i + 1; j < n; j++) {
      double dx = b[j].x - xi, dy = b[j].y - yi, dz = b[j].z - zi;
      double r2 = dx * dx + dy * dy + dz * dz + EPS2;
      double inv = 1.0 / (r2 * sqrt(r2));
      double fi = b[j].m * inv, fj = b[i].m * inv;
      sx += dx * fi;
      sy += dy * fi;
      sz += dz * fi;
      ax[j] -= dx * fj;
      ay[j] -= dy * fj;
      az[j] -= dz * fj;
    }
    ax[i] += sx;
    ay[i] += sy;
    az[i] += sz;
  }
}

static double energy(int n, const body *b) {
  double e = 0;
  for (int i = 0; i < n; i++) {
    e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < n; j++) {
      double dx = b[j].x - b[i].x, dy = b[j].y - b[i].y, dz = b[j].z - b[i].z;
      e -= b[i].m * b[j].m / sqrt(dx * dx + dy * dy + dz * dz + EPS2);
    }
  }
  return e;
}

int main(int argc, char **argv) {
  const char *size = argc > 1 ? argv[1] : "full";
  int n, steps;
  if (!strcmp(size, "small")) {
    n = 64, steps = 20;
  } else if (!strcmp(size, "full")) {
    n = 2000, steps = 200;
  } else {
    fprintf(stderr, "usage: nbody [small|full]\n");
    return 2;
  }
  body *b = malloc(sizeof(body) * (size_t)n);
  double *ax = malloc(sizeof(double) * (size_t)n), *ay = malloc(sizeof(double) * (size_t)n);
  double *az = malloc(sizeof(double) * (size_t)n);
  if (!b || !ax || !ay || !az)
    return 1;
  /* A rotating disc of equal masses around a heavy centre. */
  for (int i = 0; i < n; i++) {
    double r = 0.1 + rndd(), a = rndd() * 6.283185307179586, z = 0.02 * (rndd() - 0.5);
    /* cos/sin by a short Taylor series keeps every build bit-identical. */
    double a2 = a - 3.141592653589793, t = a2 * a2;
    double c = -(1 - t / 2 * (1 - t / 12 * (1 - t / 30 * (1 - t / 56 * (1 - t / 90 * (1 - t / 132))))));
    double s = -a2 * (1 - t / 6 * (1 - t / 20 * (1 - t / 42 * (1 - t / 72 * (1 - t / 110 * (1 - t / 156))))));
    double v = sqrt(1.0 / r) * 0.8;
    b[i] = (body){r * c, r * s, z, -v * s, v * c, 0, 1.0 / n};
  }
  b[0] = (body){0, 0, 0, 0, 0, 0, 1.0};
  double e0 = energy(n, b), dt = 1e-3;
  accel(n, b, ax, ay, az);
  for (int s = 0; s < steps; s++) {
    for (int i = 0; i < n; i++) {
      b[i].vx += 0.5 * dt * ax[i];
      b[i].vy += 0.5 * dt * ay[i];
      b[i].vz += 0.5 * dt * az[i];
      b[i].x += dt * b[i].vx;
      b[i].y += dt * b[i].vy;
      b[i].z += dt * b[i].vz;
    }
    accel(n, b, ax, ay, az);
    for (int i = 0; i < n; i++) {
      b[i].vx += 0.5 * dt * ax[i];
      b[i].vy += 0.5 * dt * ay[i];
      b[i].vz += 0.5 * dt * az[i];
    }
  }
  double e1 = energy(n, b);
  double cx = 0, cy = 0;
  for (int i = 0; i < n; i++) {
    cx += b[i].x * b[i].m;
    cy += b[i].y * b[i].m;
  }
  printf("nbody: n=%d steps=%d e0=%.6f e1=%.6f\n", n, steps, e0, e1);
  uint64_t h = 1469598103934665603ull;
  h = (h ^ (uint64_t)llround(e1 * 1e6)) * 1099511628211ull;
  h = (h ^ (uint64_t)llround(cx * 1e9)) * 1099511628211ull;
  h = (h ^ (uint64_t)llround(cy * 1e9)) * 1099511628211ull;
  printf("checksum: %016llx\n", (unsigned long long)h);
  free(b); free(ax); free(ay); free(az);
  return 0;
}
