/* test_stacks.c: a thread keeps a few sandbox native stacks, one per
 * recently called instance, so calls alternating between instances need no
 * scrub (runtime/call.c). Checks that no instance ever finds another's
 * dead frames in its own uninitialized native frame, whatever the order of
 * calls (alternating pairs, round robin over more instances than the
 * thread keeps stacks, resets, traps, other threads), and that a thread's
 * stacks are unmapped when it exits.
 *   usage: test_stacks tmod.so */
#include <pthread.h>
#include <stdint.h>

#include "t.h"

#define N 7 /* more than SFI_NSTACKS */
#define WORDS 512
static sfi_module *mod;
static sfi_instance *in[N];
static uint64_t buf[N];
static uint64_t secret[N];
static long own_seen;

/* Runs stk_peek in instance i and counts words that carry another
 * instance's secret (its own may be there: it is its own stack). */
static int foreign_words(int i) {
  sfi_val a = SFI_PTR(buf[i]);
  if (sfi_call(in[i], "stk_peek", "p:v", &a, NULL) != SFI_OK)
    return -1;
  static uint64_t seen[WORDS];
  if (sfi_copy_out(in[i], seen, buf[i], sizeof seen) != SFI_OK)
    return -1;
  int bad = 0;
  for (int w = 0; w < WORDS; w++)
    for (int j = 0; j < N; j++) {
      if (seen[w] != secret[j])
        continue;
      if (j == i)
        own_seen++;
      else
        bad++;
    }
  return bad;
}

static int keep(int i) {
  sfi_val a = SFI_I64((int64_t)secret[i]);
  return sfi_call(in[i], "stk_keep", "I:v", &a, NULL);
}

static void step(int i) {
  CHECK_EQ(foreign_words(i), 0);
  CHECK_EQ(keep(i), SFI_OK);
}

static void make(int i) {
  in[i] = sfi_instance_new(mod, NULL);
  CHECK(in[i] != NULL);
  sfi_val n = SFI_I64(WORDS * 8), r;
  CHECK_EQ(sfi_call(in[i], "do_sbrk", "I:I", &n, &r), SFI_OK);
  buf[i] = (uint64_t)r.i64;
}

static void *thread_body(void *p) {
  (void)p;
  for (int i = 0; i < N; i++)
    step(i);
  return NULL;
}

static long host_twice(long x) { return 2 * x; }
T_TMOD_IMPORTS(imports, host_twice, host_twice, host_twice, host_twice);

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  mod = sfi_module_load(argv[1], imports, NULL);
  CHECK(mod != NULL);
  if (!mod)
    return 1;
  for (int i = 0; i < N; i++) {
    secret[i] = 0x5ec7e75ec7e70000ULL + (uint64_t)i;
    make(i);
  }
  /* The module's frames overlap as intended: an instance sees its own
   * secret again (so a foreign one would be seen if it were there). */
  CHECK_EQ(keep(0), SFI_OK);
  own_seen = 0;
  CHECK_EQ(foreign_words(0), 0);
  CHECK(own_seen >= WORDS / 2);

  /* Alternating pairs: each keeps its own stack. */
  for (int r = 0; r < 50; r++)
    step(r & 1);
  /* Round robin over more instances than stacks: every call evicts. */
  for (int r = 0; r < 5; r++)
    for (int i = 0; i < N; i++)
      step(i);
  /* A fixed pseudo-random order. */
  uint32_t x = 12345;
  for (int r = 0; r < 300; r++) {
    x = x * 1103515245u + 12345u;
    step((int)((x >> 16) % N));
  }
  /* Reset: the instance's old frames belong to its previous run. */
  step(2);
  CHECK_EQ(sfi_instance_reset(in[2]), SFI_OK);
  sfi_val n = SFI_I64(WORDS * 8), r;
  CHECK_EQ(sfi_call(in[2], "do_sbrk", "I:I", &n, &r), SFI_OK);
  buf[2] = (uint64_t)r.i64;
  secret[2] ^= 0xff00; /* the old run's secret is now a foreign one */
  CHECK_EQ(foreign_words(2), 0);
  secret[2] ^= 0xff00;
  CHECK_EQ(foreign_words(2), 0);
  /* A trap leaves the trapping instance's frames behind. */
  CHECK_EQ(keep(3), SFI_OK);
  CHECK(sfi_call(in[3], "ill", ":v", NULL, NULL) != SFI_OK);
  for (int i = 0; i < N; i++)
    if (i != 3)
      step(i);
  CHECK_EQ(sfi_instance_reset(in[3]), SFI_OK);
  CHECK_EQ(sfi_call(in[3], "do_sbrk", "I:I", &n, &r), SFI_OK);
  buf[3] = (uint64_t)r.i64;
  secret[3] ^= 0xff00;
  step(3);
  /* Freed and new instances: a new one never sees a freed one's frames. */
  step(4);
  sfi_instance_free(in[4]);
  make(4);
  secret[4] ^= 0xff00;
  step(4);
  /* Other threads: their own stacks, unmapped at exit. */
  long maps0 = procstat_map_count();
  for (int k = 0; k < 20; k++) {
    pthread_t th;
    CHECK_EQ(pthread_create(&th, NULL, thread_body, NULL), 0);
    pthread_join(th, NULL);
  }
  long maps1 = procstat_map_count();
  CHECK(maps1 <= maps0 + 4);
  for (int i = 0; i < N; i++)
    step(i);
  for (int i = 0; i < N; i++)
    sfi_instance_free(in[i]);
  sfi_module_free(mod);
  return t_done("test_stacks");
}
