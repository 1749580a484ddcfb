/* sspargs_host.c: an honest host. It maps a page (before any instance, so
 * above the region pool) and grants an import that calls the module's
 * export seven() with seven integer arguments. The sandbox's attack() is
 * given the page's address (any value it computes or learns would do).
 *   usage: sspargs_host MODULE.so     exit 1 if the host page changed */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "review_host.h"
#include "sfi.h"

static void host_calls_back(void) {
  sfi_val s[7] = {SFI_I64(1), SFI_I64(2), SFI_I64(3), SFI_I64(4), SFI_I64(5),
                  SFI_I64(0x4141414141414141), SFI_I64(0x4242424242424242)};
  sfi_call(sfi_current(), "seven", "IIIIIII:v", s, NULL);
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  uint64_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(page, 0x5c, 4096);
  sfi_import imps[] = {{"host_calls_back", ":v", (void *)host_calls_back},
                       {0}};
  sfi_module *m = review_load(argv[1], imps);
  sfi_instance *in = review_instance(m, NULL);
  printf("region 0x%" PRIx64 ", host page %p\n", sfi_region_base(in),
         (void *)page);
  sfi_val a = SFI_I64((uint64_t)(uintptr_t)page + 16);
  int rc = sfi_call(in, "attack", "I:v", &a, NULL);
  printf("sfi_call rc=%d; host page starts 0x%016" PRIx64 "\n", rc, page[0]);
  if (page[0] != 0x5c5c5c5c5c5c5c5cULL) {
    printf("ESCAPE: the runtime wrote host memory chosen by the sandbox\n");
    return 1;
  }
  printf("contained\n");
  return 0;
}
