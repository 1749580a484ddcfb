/* native.c: the same decoder linked straight into a host, with no sandbox,
 * for comparison in the demo: good files decode to the same checksums, and
 * the crafted file takes the whole process down (or worse).
 *   imgdecode-native file... */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "imgdecode.h"

struct img *img_decode(const uint8_t *data, int64_t len, img_row_fn cb);
void img_free(struct img *im);

void host_log(const char *msg) {
  printf("   plugin says: %s\n", msg);
  fflush(stdout);
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    static uint8_t buf[1 << 20];
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f)
      fclose(f);
    printf("== %s (%zu bytes, native)\n", argv[i], n);
    fflush(stdout);
    struct img *im = img_decode(buf, (int64_t)n, NULL);
    if (!im) {
      printf("   rejected: not a valid image\n");
      continue;
    }
    uint64_t size = (uint64_t)im->width * im->height * im->channels;
    printf("   ok: %dx%dx%d checksum 0x%08x\n", im->width, im->height,
           im->channels, img_fnv1a(IMG_FNV_INIT, im->pixels, size));
    fflush(stdout);
    img_free(im);
  }
  return 0;
}
