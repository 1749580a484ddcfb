/* keeprace_host.c: threads create, fill (keepleak.c), reset, scan and free
 * instances of one module with two shadow stack sizes while another
 * releases the kept regions; SFI_MAX_REGIONS (set here) makes the pool run
 * out so that it drains them too. Every new or reset instance must find
 * no pattern, no region may be live twice, the host's canaries outside
 * the regions must hold.
 *   keeprace_host MODULE [seconds] */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "review_host.h"

#define PAT 0x5ec7e75ec7e75ec7ULL
#define T 3
static sfi_module *m;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static uint64_t live[T];
static volatile int stop, bad;
static long iters, leaks, dups, fails;
static unsigned char canary[1 << 16];

static void *worker(void *arg) {
  int id = (int)(long)arg;
  unsigned seed = (unsigned)id * 7919u + 1;
  while (!stop) {
    sfi_instance_options o = {0};
    o.shadow_stack = (rand_r(&seed) & 1) ? (4 << 20) : (8 << 20);
    if (rand_r(&seed) & 1)
      o.mem_limit = 64 << 20;
    sfi_instance *in = sfi_instance_new(m, &o);
    if (!in) {
      __atomic_add_fetch(&fails, 1, __ATOMIC_RELAXED);
      continue;
    }
    uint64_t b = sfi_region_base(in);
    pthread_mutex_lock(&mu);
    for (int k = 0; k < T; k++)
      if (live[k] == b) {
        printf("region %#llx handed out twice\n", (unsigned long long)b);
        dups++;
        bad = 1;
      }
    live[id] = b;
    pthread_mutex_unlock(&mu);
    sfi_val a = SFI_I64((int64_t)PAT), r;
    for (int k = 0; k < 2; k++) {
      if (sfi_call(in, "scan", "I:I", &a, &r) != SFI_OK) {
        printf("scan: %s\n", sfi_errmsg());
        bad = 1;
      } else if (r.i64) {
        printf("thread %d: pattern found %#llx (%s)\n", id,
               (unsigned long long)r.i64, k ? "after reset" : "new");
        __atomic_add_fetch(&leaks, 1, __ATOMIC_RELAXED);
        bad = 1;
      }
      if (sfi_call(in, "fill", "I:v", &a, NULL) != SFI_OK) {
        printf("fill: %s\n", sfi_errmsg());
        bad = 1;
      }
      if (k == 0 && (rand_r(&seed) & 1) == 0)
        break;
      if (k == 0 && sfi_instance_reset(in) != SFI_OK) {
        printf("reset: %s\n", sfi_errmsg());
        bad = 1;
      }
    }
    pthread_mutex_lock(&mu);
    live[id] = 0;
    pthread_mutex_unlock(&mu);
    sfi_instance_free(in);
    __atomic_add_fetch(&iters, 1, __ATOMIC_RELAXED);
  }
  return NULL;
}

static void *releaser(void *arg) {
  (void)arg;
  while (!stop) {
    sfi_release_cached();
    usleep(3000);
  }
  return NULL;
}

int main(int argc, char **argv) {
  setenv("SFI_MAX_REGIONS", "5", 0);
  memset(canary, 0xc3, sizeof canary);
  m = review_load(argv[1], NULL);
  int secs = argc > 2 ? atoi(argv[2]) : 20;
  pthread_t th[T + 1];
  for (long i = 0; i < T; i++)
    pthread_create(&th[i], NULL, worker, (void *)i);
  pthread_create(&th[T], NULL, releaser, NULL);
  sleep((unsigned)secs);
  stop = 1;
  for (int i = 0; i <= T; i++)
    pthread_join(th[i], NULL);
  for (size_t i = 0; i < sizeof canary; i++)
    if (canary[i] != 0xc3) {
      printf("host canary changed\n");
      bad = 1;
      break;
    }
  sfi_release_cached();
  sfi_module_free(m);
  printf("%ld instances, %ld creation failures, %ld leaks, %ld double "
         "hand-outs: %s\n",
         iters, fails, leaks, dups, bad ? "FAIL" : "held");
  return bad;
}
