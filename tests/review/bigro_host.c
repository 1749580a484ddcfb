/* bigro_host.c: a host that limits the instance to 16 MiB and calls
 * touch(bigro segment, pages); prints RssShmem before and after.
 *   usage: bigro_host MODULE.so VADDR   exit 1 if more than 64 MiB grew */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_host.h"
#include "sfi.h"
#include "sfi_abi.h"

static long shmem_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "RssShmem:", 9))
      kb = atol(line + 9);
  if (f)
    fclose(f);
  return kb;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  sfi_module *m = review_load(argv[1], NULL);
  sfi_instance_options o = {.mem_limit = 16 << 20};
  sfi_instance *in = review_instance(m, &o);
  long before = shmem_kb();
  uint64_t va = strtoull(argv[2], NULL, 0);
  sfi_val a[2] = {SFI_PTR(sfi_region_base(in) + SFI_IMAGE_OFFSET + va),
                  SFI_I32((768 << 20) / 4096)};
  int rc = sfi_call(in, "touch", "pi:v", a, NULL);
  long after = shmem_kb();
  printf("mem_limit 16 MiB; sfi_call rc=%d; RssShmem %ld kB -> %ld kB\n", rc,
         before, after);
  return after - before > (64 << 10);
}
