/* keeprss_host.c: a host that never has more than 8 instances live, each
 * under a 20 MiB mem_limit (so at most 160 MiB of sandbox memory), runs 8
 * tenants' modules (keeprss.c, 16 MiB of relocated RELRO) one after the
 * other: 8 instances each, all freed, the module kept loaded. After every
 * instance is freed the process's resident memory should be back near
 * where it started; the regions kept by free hold each instance's RELRO
 * (and data) pages instead: 64 x 16 MiB.
 *   keeprss_host MODULE   (compare SFI_KEEP_FREED=0) */
#include <string.h>
#include <unistd.h>

#include "review_host.h"

static long rss_mib(void) {
  long pages = 0, res = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (f && fscanf(f, "%ld %ld", &pages, &res) != 2)
    res = 0;
  if (f)
    fclose(f);
  return res * sysconf(_SC_PAGESIZE) >> 20;
}

int main(int argc, char **argv) {
  enum { TENANTS = 8, LIVE = 8 };
  sfi_module *mods[TENANTS];
  sfi_instance_options o = {0};
  o.mem_limit = 20 << 20;
  o.shadow_stack = 1 << 20;
  long start = rss_mib();
  for (int t = 0; t < TENANTS; t++) {
    mods[t] = review_load(argv[1], NULL);
    sfi_instance *v[LIVE];
    for (int i = 0; i < LIVE; i++) {
      v[i] = review_instance(mods[t], &o);
      sfi_val r;
      sfi_call(v[i], "touch", ":i", NULL, &r);
    }
    long live = rss_mib();
    for (int i = 0; i < LIVE; i++)
      sfi_instance_free(v[i]);
    printf("tenant %d: %d live: rss %ld MiB; all freed: rss %ld MiB\n", t,
           LIVE, live, rss_mib());
  }
  long end = rss_mib();
  printf("no instance live: rss %ld MiB (started at %ld MiB, at most %d "
         "instances x %d MiB were ever live)\n",
         end, start, LIVE, (int)(o.mem_limit >> 20));
  sfi_release_cached();
  printf("after sfi_release_cached: rss %ld MiB\n", rss_mib());
  int bad = end - start > LIVE * (o.mem_limit >> 20);
  printf("%s\n", bad ? "FAIL: freed instances' memory held beyond what the "
                       "live limits allow"
                     : "held");
  for (int t = 0; t < TENANTS; t++)
    sfi_module_free(mods[t]);
  return bad;
}
