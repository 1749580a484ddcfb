/* keepdrain_host.c: the region pool (SFI_MAX_REGIONS=8) is full of regions
 * kept by free (8 instances of one shadow stack size, freed); then 4
 * threads each create one instance of another size at the same moment.
 * The pool drains the kept regions for the first that finds it full; one
 * that found it full meanwhile gets 0 from warm_drop (already drained)
 * and fails although 8 regions are free by then.
 *   keepdrain_host MODULE [rounds] */
#include <pthread.h>
#include <string.h>

#include "review_host.h"

enum { N = 8, T = 4 };
static sfi_module *m;
static pthread_barrier_t bar;
static sfi_instance *got[T];
static char why[T][256];

static void *worker(void *arg) {
  int id = (int)(long)arg;
  sfi_instance_options o = {0};
  o.shadow_stack = 2 << 20;
  pthread_barrier_wait(&bar);
  got[id] = sfi_instance_new(m, &o);
  if (!got[id])
    snprintf(why[id], sizeof why[id], "%s", sfi_errmsg());
  return NULL;
}

int main(int argc, char **argv) {
  setenv("SFI_MAX_REGIONS", "8", 1);
  m = review_load(argv[1], NULL);
  int rounds = argc > 2 ? atoi(argv[2]) : 200, failed = 0, shown = 0;
  sfi_instance_options s1 = {0};
  s1.shadow_stack = 1 << 20;
  for (int r = 0; r < rounds; r++) {
    sfi_instance *v[N];
    for (int i = 0; i < N; i++)
      v[i] = review_instance(m, &s1);
    for (int i = 0; i < N; i++)
      sfi_instance_free(v[i]); /* all 8 kept: the pool is full */
    pthread_barrier_init(&bar, NULL, T);
    pthread_t th[T];
    for (long i = 0; i < T; i++)
      pthread_create(&th[i], NULL, worker, (void *)i);
    for (int i = 0; i < T; i++)
      pthread_join(th[i], NULL);
    pthread_barrier_destroy(&bar);
    for (int i = 0; i < T; i++) {
      if (!got[i]) {
        failed++;
        if (!shown++)
          printf("round %d: thread %d: sfi_instance_new failed: %s\n", r, i,
                 why[i]);
      }
      sfi_instance_free(got[i]);
      got[i] = NULL;
    }
    sfi_release_cached();
  }
  printf("%d of %d creations failed with at most %d of %d regions live: %s\n",
         failed, rounds * T, T, N, failed ? "FAIL" : "held");
  sfi_module_free(m);
  return failed != 0;
}
