/* host.c: the trusted program of the example. It embeds the untrusted image
 * decoder (a libsfi module) through sfi.h, feeds it files, and survives the
 * one that makes the decoder trap.
 *
 *   imgdecode-host imgdecode.so file...
 *
 * For each file: copy it into the sandbox, call img_decode with a host
 * callback that receives every decoded row, fetch the result struct with
 * one checked copy, print a summary and a thumbnail. A trap is printed,
 * the host's canary is checked, the instance is reset, and the next file
 * is decoded. The calls go through imgdecode_sfi.h, which sfi-bindgen
 * generates from imgdecode.h: typed wrappers, sandbox pointers as
 * sfi_sptr, struct img mirrored with its layout checked.
 * Exit status: 0 if the host stayed intact, 1 if not, 2 on usage errors. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imgdecode_sfi.h" /* generated: sfi-bindgen imgdecode.h */

/* Host memory the plugin must never touch, checked after every file. */
#define CANARY_SIZE 4096
#define CANARY_BYTE 0xA5
static uint8_t canary[CANARY_SIZE];

static int canary_intact(void) {
  for (size_t i = 0; i < CANARY_SIZE; i++)
    if (canary[i] != CANARY_BYTE)
      return 0;
  return 1;
}

/* ---- The import: host_log(const char *msg) ----------------------------- */
static void host_log(sfi_sptr msg) {
  char buf[256];
  /* The string is sandbox memory: copy it out once, bounded, before use. */
  if (sfi_fetch_string(sfi_current(), msg, buf, sizeof buf) < 0)
    snprintf(buf, sizeof buf, "(bad log message at 0x%" PRIx64 ")", msg.a);
  printf("   plugin says: %s\n", buf);
}

static const sfi_import imports[] = {
    {"host_log", "p:v", (void *)host_log},
    {NULL, NULL, NULL},
};

/* ---- The callback: int32_t row(int32_t y, const uint8_t *row, int32_t) --
 * Checksums the rows as they arrive, to compare with the final buffer. */
static struct {
  uint32_t sum;
  int32_t rows, next_y;
  int bad;
} rowstate;

static int32_t on_row(int32_t y, sfi_sptr row, int32_t len) {
  const uint8_t *p =
      len > 0 ? sfi_sptr_check(sfi_current(), row, (uint64_t)len, 0) : NULL;
  if (!p || y != rowstate.next_y) {
    rowstate.bad = 1;
    return 1; /* stop the decoder: it handed us garbage */
  }
  rowstate.sum = img_fnv1a(rowstate.sum, p, (uint64_t)len);
  rowstate.rows++;
  rowstate.next_y++;
  return 0;
}

/* ---- Reading the result ------------------------------------------------ */
static void thumbnail(const uint8_t *px, int w, int h, int ch) {
  static const char ramp[] = " .:-=+*#%@";
  int cols = w < 48 ? w : 48;
  int rows = h * cols / w / 2; /* terminal cells are about 2:1 */
  if (rows < 1)
    rows = 1;
  for (int r = 0; r < rows; r++) {
    char line[64];
    int y = r * h / rows;
    for (int c = 0; c < cols; c++) {
      const uint8_t *p = px + ((size_t)y * w + (size_t)c * w / cols) * ch;
      int lum = ch == 3 ? (p[0] * 3 + p[1] * 6 + p[2]) / 10 : p[0];
      line[c] = ramp[lum * 9 / 255];
    }
    line[cols] = 0;
    printf("   |%s|\n", line);
  }
}

/* Checks what img_decode returned and prints it; 0 if it made sense. */
static int show_result(sfi_instance *in, const char *name, sfi_sptr res) {
  /* res and everything behind it come from the sandbox: one checked copy
   * of the struct, then decisions on the copy only. */
  imgdecode_img_t im;
  if (imgdecode_img_fetch(in, res, &im) != SFI_OK) {
    printf("   bad result pointer 0x%" PRIx64 "\n", res.a);
    return -1;
  }
  if (im.width < 1 || im.height < 1 || im.width > IMG_MAX_DIM ||
      im.height > IMG_MAX_DIM || (im.channels != 1 && im.channels != 3)) {
    printf("   implausible image header %dx%dx%d\n", im.width, im.height,
           im.channels);
    return -1;
  }
  uint64_t n = (uint64_t)im.width * im.height * im.channels;
  const uint8_t *px = sfi_sptr_check(in, im.pixels, n, 0);
  if (!px) {
    printf("   pixel pointer 0x%" PRIx64 " (+%" PRIu64 ") is not sandbox "
           "memory\n", im.pixels.a, n);
    return -1;
  }
  uint32_t sum = img_fnv1a(IMG_FNV_INIT, px, n);
  printf("   ok %s: %dx%dx%d checksum 0x%08x, %d rows via callback%s\n", name,
         im.width, im.height, im.channels, sum, rowstate.rows,
         rowstate.sum == sum && rowstate.rows == im.height
             ? ""
             : " (MISMATCH with the callback's rows)");
  thumbnail(px, im.width, im.height, im.channels);
  return rowstate.sum == sum && rowstate.rows == im.height ? 0 : -1;
}

static uint8_t *read_file(const char *path, long *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  uint8_t *buf = NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (*len = ftell(f)) >= 0 &&
      fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)*len + 1)) &&
      fread(buf, 1, (size_t)*len, f) != (size_t)*len) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  return buf;
}

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

enum outcome { DECODED, REJECTED, TRAPPED, HOST_ERROR };

/* Decodes one file in the instance. */
static enum outcome decode_file(imgdecode_t *b, const char *path) {
  sfi_instance *in = b->in;
  const char *name = base_name(path);
  long len = 0;
  uint8_t *data = read_file(path, &len);
  if (!data) {
    printf("== %s: cannot read\n", name);
    return HOST_ERROR;
  }
  printf("== %s (%ld bytes)\n", name, len);

  /* The input goes into sandbox memory, allocated by the sandbox's malloc. */
  sfi_sptr buf = SFI_SPTR(sfi_malloc(in, len ? (uint64_t)len : 1));
  if (sfi_sptr_is_null(buf) || sfi_store(in, buf, data, (size_t)len)) {
    printf("   cannot copy the file into the sandbox: %s\n", sfi_errmsg());
    free(data);
    return HOST_ERROR;
  }
  free(data);
  /* A function pointer the sandbox can call but not redirect. */
  /* The compiler checks on_row against img_row_fn's prototype. */
  sfi_sptr cb = imgdecode_callback_img_row_fn(in, on_row);
  if (sfi_sptr_is_null(cb)) {
    printf("   sfi_callback_new: %s\n", sfi_errmsg());
    return HOST_ERROR;
  }
  memset(&rowstate, 0, sizeof rowstate);
  rowstate.sum = IMG_FNV_INIT;

  sfi_sptr res;
  int rc = imgdecode_img_decode(b, buf, len, cb, &res);
  if (rc != SFI_OK) {
    /* The sandbox faulted. Its state is garbage; the host's is not. */
    printf("   TRAP in the plugin (%s):\n", sfi_strerror(rc));
    const char *msg = sfi_errmsg();
    while (*msg) { /* indent every line of the report */
      const char *nl = strchr(msg, '\n');
      int n = nl ? (int)(nl - msg) : (int)strlen(msg);
      printf("     %.*s\n", n, msg);
      msg += n + (nl != NULL);
    }
    printf("   host canary (%d bytes at %p): %s\n", CANARY_SIZE, (void *)canary,
           canary_intact() ? "intact" : "CHANGED");
    if (sfi_instance_reset(in) != SFI_OK) {
      printf("   reset failed: %s\n", sfi_errmsg());
      return HOST_ERROR;
    }
    printf("   instance reset; going on\n");
    return TRAPPED;
  }
  enum outcome out = REJECTED;
  if (sfi_sptr_is_null(res)) {
    printf("   rejected: not a valid image\n");
  } else {
    out = show_result(in, name, res) == 0 ? DECODED : HOST_ERROR;
    if (imgdecode_img_free(b, res) != SFI_OK) {
      printf("   img_free trapped: %s\n", sfi_errmsg());
      sfi_instance_reset(in);
      out = HOST_ERROR;
    }
  }
  if (rowstate.bad) {
    printf("   the plugin passed a bad row to the callback\n");
    out = HOST_ERROR;
  }
  sfi_free(in, buf.a);
  sfi_callback_free(in, cb.a);
  return out;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s plugin.so image...\n", argv[0]);
    return 2;
  }
  memset(canary, CANARY_BYTE, sizeof canary);

  sfi_module *m = sfi_module_load(argv[1], imports, NULL);
  if (!m) {
    fprintf(stderr, "cannot load %s: %s\n", argv[1], sfi_errmsg());
    return 2;
  }
  /* Limits keep a hostile input from eating the host's memory or time. */
  sfi_instance_options o = {.mem_limit = 64u << 20, .time_limit = 10.0};
  sfi_instance *in = sfi_instance_new(m, &o);
  if (!in) {
    fprintf(stderr, "cannot create an instance: %s\n", sfi_errmsg());
    sfi_module_free(m);
    return 2;
  }
  printf("host: plugin %s in a sandbox region at 0x%" PRIx64
         "; host canary at %p\n",
         base_name(argv[1]), sfi_region_base(in), (void *)canary);

  /* The plugin's functions, looked up once. */
  imgdecode_t b;
  if (imgdecode_bind(&b, in) != SFI_OK) {
    fprintf(stderr, "%s\n", sfi_errmsg());
    return 2;
  }
  int count[4] = {0};
  for (int i = 2; i < argc; i++)
    count[decode_file(&b, argv[i])]++;

  int ok = canary_intact() && count[HOST_ERROR] == 0;
  printf("summary: %d decoded, %d rejected, %d trapped, %d host errors; "
         "host canary %s\n",
         count[DECODED], count[REJECTED], count[TRAPPED], count[HOST_ERROR],
         canary_intact() ? "intact" : "CHANGED");
  sfi_instance_free(in);
  sfi_module_free(m);
  return ok ? 0 : 1;
}
