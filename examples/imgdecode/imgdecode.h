/* imgdecode.h: the interface between the image-decoder plugin (sandboxed)
 * and its host. Both sides are LP64, so the host reads struct img straight
 * out of sandbox memory once sfi_ptr() has checked where it lies. */
#ifndef IMGDECODE_H
#define IMGDECODE_H

#include <stdint.h>

/* Limits the decoder enforces on the header (and the host re-checks). */
#define IMG_MAX_DIM 16384
#define IMG_MAX_PIXELS (16u << 20)

/* A decoded image: width * height pixels of `channels` bytes (1: gray,
 * 3: RGB), rows top to bottom, no padding. */
struct img {
  int32_t width;
  int32_t height;
  int32_t channels;
  int32_t reserved;
  uint8_t *pixels;
};

/* Called by the decoder for every finished row; nonzero stops decoding. */
typedef int32_t (*img_row_fn)(int32_t y, const uint8_t *row, int32_t len);

/* Exported by the plugin (marked SFI_EXPORT in decoder.c). The host calls
 * them through bindings sfi-bindgen generates from this header
 * (imgdecode_sfi.h: imgdecode_img_decode(&b, data, len, cb, &ret) ...).
 * img_decode returns NULL when the input is not a valid image (the reason
 * is logged through host_log). */
struct img *img_decode(const uint8_t *data, int64_t len, img_row_fn cb);
void img_free(struct img *im);
/* Imported from the host: void host_log(const char *msg)   ["p:v"] */

/* FNV-1a, 32-bit: the checksum the host prints and the generator expects. */
static inline uint32_t img_fnv1a(uint32_t h, const uint8_t *p, uint64_t n) {
  for (uint64_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}
#define IMG_FNV_INIT 2166136261u

#endif
